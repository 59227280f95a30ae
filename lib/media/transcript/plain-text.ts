/**
 * Pure: a plain-text transcript (also the body of a Nylas raw transcript) as segments. Each
 * non-empty line is one segment. An optional leading timestamp ([01:15], (1:02:03), "00:01:15 ",
 * "01:15 - ") gives startMs, and endMs is the next line's start. An optional "Speaker Name: "
 * prefix (≤ 5 words, ≤ 60 chars, colon followed by a space) gives the speaker. Lines without a
 * prefix get speaker null; they are not merged into the line before.
 */
import { collapseWhitespace, fail, succeed, truncateText, type ParseOutcome } from "../parse-outcome";
import { capSpeaker, clockToMilliseconds, EMPTY, MAX_SEGMENT_TEXT_CHARS, MAX_TRANSCRIPT_SEGMENTS, splitSpeakerPrefix, TOO_MANY_SEGMENTS, type ParsedSegment, type ParsedTranscript } from "./segments";

const NO_TEXT = "The transcript file has no lines with text.";

export function parsePlainText(text: string, format: "raw" | "text"): ParseOutcome<ParsedTranscript> {
  const segments: ParsedSegment[] = [];
  let hasLines = false;
  for (const rawLine of text.split("\n")) {
    const line = collapseWhitespace(rawLine).trim();
    if (line === "") continue;
    hasLines = true;
    const { startMs, rest } = readLeadingTimestamp(line);
    const { speaker, text: spoken } = splitSpeakerPrefix(rest);
    if (spoken === "") continue;
    if (segments.length === MAX_TRANSCRIPT_SEGMENTS) return fail(TOO_MANY_SEGMENTS);
    segments.push({ speaker: capSpeaker(speaker), startMs, endMs: null, text: truncateText(spoken, MAX_SEGMENT_TEXT_CHARS) });
  }
  if (!hasLines) return fail(EMPTY);
  if (segments.length === 0) return fail(NO_TEXT);
  // A line lasts until the next one starts; out-of-order stamps get no end rather than a negative length.
  for (const [index, segment] of segments.entries()) {
    const next = segments[index + 1]?.startMs ?? null;
    if (segment.startMs !== null && next !== null && next >= segment.startMs) segment.endMs = next;
  }
  return succeed({ format, segments });
}

const CLOCK = String.raw`(?:(\d{1,2}):)?(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?`;
// [01:15] or (1:02:03.5), optionally followed by a dash or bar.
const BRACKETED_STAMP = new RegExp(String.raw`^[\[(]\s*${CLOCK}\s*[\])](?:\s*[-–—|])?\s*`);
// A bare "01:15 - " needs its separator, and a bare "00:01:15 " all three parts: "9:30 works for me" is speech.
const BARE_STAMP_WITH_SEPARATOR = new RegExp(String.raw`^${CLOCK}\s*[-–—|]\s*`);
const BARE_FULL_STAMP = new RegExp(String.raw`^(\d{1,2}):(\d{1,3}):(\d{2})(?:[.,](\d{1,3}))?\s+`);

function readLeadingTimestamp(line: string): { startMs: number | null; rest: string } {
  for (const pattern of [BRACKETED_STAMP, BARE_STAMP_WITH_SEPARATOR, BARE_FULL_STAMP]) {
    const match = pattern.exec(line);
    if (!match) continue;
    const startMs = clockToMilliseconds(match[1], match[2], match[3], match[4]);
    if (startMs !== null) return { startMs, rest: line.slice(match[0].length) };
  }
  return { startMs: null, rest: line };
}
