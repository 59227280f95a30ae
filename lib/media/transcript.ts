/**
 * Pure: a Notetaker transcript file, or a transcript a recruiter uploads by hand, as a list of
 * segments. Never throws; a file we cannot use gives one readable sentence.
 *
 * Forms, recognised from the content (the file name and content type only sharpen the error):
 * - Nylas speaker_labelled JSON (nylas-contract §5): {"object":"transcript","type":"speaker_labelled",
 *   "transcript":[{speaker,start,end,text}]}, or the bare array. start/end are milliseconds; numeric
 *   strings are accepted. An entry without text, or with a negative, non-numeric or inverted time,
 *   is skipped; a missing or non-string speaker is null.
 * - Nylas raw JSON: {"object":"transcript","type":"raw","transcript":"…"} (or a bare JSON string),
 *   read as plain text.
 * - WebVTT and SRT: cues with bad timing lines are skipped. Voice tags (<v Ana>) or a "Ana: "
 *   prefix give the speaker; formatting tags are stripped, any other "<…>" is kept as text.
 * - Plain text: each non-empty line is one segment. An optional leading timestamp ([01:15],
 *   (1:02:03), "00:01:15 ", "01:15 - ") gives startMs, and endMs is the next line's start. An optional
 *   "Speaker Name: " prefix (≤ 5 words, ≤ 60 chars, colon followed by a space) gives the speaker.
 *   Lines without a prefix get speaker null; they are not merged into the line before.
 */
import {
  cleanInlineText,
  collapseWhitespace,
  describeInvalidJson,
  fail,
  isRecord,
  looksLikeJson,
  normalizeFileText,
  succeed,
  truncateText,
  tryParseJson,
  type ParseOutcome,
} from "./parse-outcome";

export type { ParseOutcome } from "./parse-outcome";

export type TranscriptFormat = "speaker_labelled" | "raw" | "webvtt" | "srt" | "text";
/** A line of a transcript; times in milliseconds from the start of the recording, null when the source has none. */
export type ParsedSegment = { speaker: string | null; startMs: number | null; endMs: number | null; text: string };
export type TranscriptHint = { fileName?: string | null; contentType?: string | null };
export type ParsedTranscript = { format: TranscriptFormat; segments: ParsedSegment[] };

export const MAX_TRANSCRIPT_SEGMENTS = 50_000;
export const MAX_SPEAKER_CHARS = 120;
export const MAX_SEGMENT_TEXT_CHARS = 10_000;

const EMPTY = "The transcript file is empty.";
const TOO_MANY_SEGMENTS = "The transcript file has more than 50,000 lines, which is more than one interview can produce.";
const NO_TEXT = "The transcript file has no lines with text.";
const NOT_A_TRANSCRIPT = "The transcript file has no transcript in it (expected a Nylas transcript, a list of lines, or text).";
const NOT_WEBVTT = "The transcript file is not a WebVTT file (it must start with WEBVTT).";
const NOT_SRT = "The transcript file is not an SRT file (it must start with a cue number and a line like 00:00:01,000 --> 00:00:04,000).";

export function parseTranscript(content: string, hint?: TranscriptHint): ParseOutcome<ParsedTranscript> {
  if (typeof content !== "string") return fail("The transcript file could not be read as text.");
  try {
    return parseNormalizedTranscript(normalizeFileText(content), getHintedFormat(hint));
  } catch {
    // Last line of defence: a parser bug on a strange upload must not become a 500.
    return fail("The transcript file could not be read.");
  }
}

type HintedFormat = "json" | "webvtt" | "srt" | "text" | null;

function getHintedFormat(hint: TranscriptHint | undefined): HintedFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(hint?.fileName?.trim() ?? "")?.[1]?.toLowerCase();
  if (extension === "json") return "json";
  if (extension === "vtt" || extension === "webvtt") return "webvtt";
  if (extension === "srt") return "srt";
  if (extension === "txt" || extension === "text") return "text";
  const type = hint?.contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (type === "text/vtt") return "webvtt";
  if (type === "application/x-subrip" || type === "text/srt" || type === "application/srt") return "srt";
  if (type === "text/plain") return "text";
  return null;
}

const WEBVTT_HEADER = /^WEBVTT(?:[ \t\n]|$)/;

function parseNormalizedTranscript(text: string, hinted: HintedFormat): ParseOutcome<ParsedTranscript> {
  const trimmed = text.trim();
  if (trimmed === "") return fail(EMPTY);
  let jsonProblem: string | null = null;
  if (/^[{["]/.test(trimmed) || hinted === "json") {
    const json = tryParseJson(text);
    if (json.ok) return parseJsonTranscript(json.value);
    if (hinted !== "text" && looksLikeJson(trimmed)) return fail(describeInvalidJson("The transcript file", json.detail));
    jsonProblem = json.detail;
  }
  if (WEBVTT_HEADER.test(trimmed)) return parseCues(text, "webvtt");
  // A header-less .vtt would otherwise pass for SRT; the header is what makes it WebVTT.
  if (hinted === "webvtt") return fail(NOT_WEBVTT);
  if (looksLikeSrt(trimmed)) return parseCues(text, "srt");
  if (hinted === "json") return fail(describeInvalidJson("The transcript file", jsonProblem));
  if (hinted === "srt") return fail(NOT_SRT);
  return parsePlainText(text, "text");
}

// A cue number over something arrow-like, so a first cue with a broken timing is still SRT (and skipped).
function looksLikeSrt(trimmed: string): boolean {
  const [first = "", second = ""] = trimmed.split("\n", 2);
  return (/^\d+$/.test(first.trim()) && /^\s*\d[\d:.,]*\s*-+>/.test(second)) || parseTimingLine(first) !== null;
}

// ---------------------------------------------------------------------------------------------
// JSON (Nylas speaker_labelled and raw)

function parseJsonTranscript(value: unknown): ParseOutcome<ParsedTranscript> {
  if (Array.isArray(value)) return parseSpeakerLabelled(value);
  if (typeof value === "string") return parsePlainText(normalizeFileText(value), "raw");
  if (!isRecord(value)) return fail(NOT_A_TRANSCRIPT);
  // Decided by the shape of "transcript", not by "type": the type is sometimes missing.
  const body = value.transcript;
  if (Array.isArray(body)) return parseSpeakerLabelled(body);
  if (typeof body === "string") return parsePlainText(normalizeFileText(body), "raw");
  if (value.object === "summary") return fail("This is a meeting summary file, not a transcript.");
  if (value.object === "action_items") return fail("This is an action items file, not a transcript.");
  return fail(NOT_A_TRANSCRIPT);
}

function parseSpeakerLabelled(entries: unknown[]): ParseOutcome<ParsedTranscript> {
  if (entries.length === 0) return fail("The transcript file has no lines.");
  const segments: ParsedSegment[] = [];
  let firstProblem: string | null = null;
  for (const [index, entry] of entries.entries()) {
    const segment = readEntry(entry);
    if (typeof segment === "string") {
      firstProblem ??= `entry ${index + 1} ${segment}`;
      continue;
    }
    if (segments.length === MAX_TRANSCRIPT_SEGMENTS) return fail(TOO_MANY_SEGMENTS);
    segments.push(segment);
  }
  if (segments.length === 0) {
    const unread = entries.length === 1 ? "its only entry could not be read" : `none of its ${entries.length.toLocaleString("en-US")} entries could be read`;
    return fail(`The transcript file has no usable lines: ${unread} (${firstProblem}).`);
  }
  return succeed({ format: "speaker_labelled", segments });
}

/** The segment, or why the entry was skipped ("entry 3 …"). */
function readEntry(entry: unknown): ParsedSegment | string {
  if (!isRecord(entry)) return "is not a transcript line";
  const text = typeof entry.text === "string" ? cleanInlineText(entry.text, MAX_SEGMENT_TEXT_CHARS) : "";
  if (text === "") return "has no text";
  const startMs = readMilliseconds(entry.start);
  if (startMs === "invalid") return "has an invalid start time";
  const endMs = readMilliseconds(entry.end);
  if (endMs === "invalid") return "has an invalid end time";
  if (startMs !== null && endMs !== null && endMs < startMs) return "ends before it starts";
  return { speaker: readSpeaker(entry.speaker), startMs, endMs, text };
}

function readMilliseconds(value: unknown): number | null | "invalid" {
  if (value === undefined || value === null) return null;
  let ms: number;
  if (typeof value === "number") ms = value;
  else if (typeof value === "string" && /^\s*\d+(?:\.\d+)?\s*$/.test(value)) ms = Number(value);
  else return "invalid";
  if (!Number.isFinite(ms) || ms < 0 || ms > Number.MAX_SAFE_INTEGER) return "invalid";
  return Math.round(ms);
}

function readSpeaker(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return cleanInlineText(value, MAX_SPEAKER_CHARS) || null;
}

// ---------------------------------------------------------------------------------------------
// Plain text (also the body of a Nylas raw transcript)

function parsePlainText(text: string, format: "raw" | "text"): ParseOutcome<ParsedTranscript> {
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

function clockToMilliseconds(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  fraction: string | undefined,
): number | null {
  if (minutes === undefined || seconds === undefined) return null;
  const h = hours === undefined ? 0 : Number(hours);
  const m = Number(minutes);
  const s = Number(seconds);
  // Without an hour part, minutes may run past 59 (some tools write 75:10).
  if (s > 59 || (hours !== undefined && m > 59)) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, "0"));
  return ((h * 60 + m) * 60 + s) * 1000 + ms;
}

const SPEAKER_PREFIX = /^([^:：]{1,60}?)\s*(?::(?=\s|$)|：)\s*/;
const SPEAKER_WORD_LIMIT = 5;

/**
 * "Ana Lopez: hello" → speaker "Ana Lopez". A prefix has a letter, at most five words, no sentence
 * punctuation, and its colon is followed by a space or ends the line, so "https://…" and
 * "at 10:30 we" are not speakers.
 */
function splitSpeakerPrefix(line: string): { speaker: string | null; text: string } {
  const match = SPEAKER_PREFIX.exec(line);
  const candidate = match?.[1]?.trim() ?? "";
  const isSpeaker =
    candidate !== "" &&
    /\p{L}/u.test(candidate) &&
    !/[?!;"“”]/.test(candidate) &&
    candidate.split(" ").length <= SPEAKER_WORD_LIMIT;
  if (!match || !isSpeaker) return { speaker: null, text: line };
  return { speaker: candidate, text: line.slice(match[0].length).trim() };
}

function capSpeaker(speaker: string | null): string | null {
  return speaker === null ? null : truncateText(speaker, MAX_SPEAKER_CHARS);
}

// ---------------------------------------------------------------------------------------------
// WebVTT and SRT

type CueFormat = "webvtt" | "srt";
type Block = { firstLine: number; lines: string[] };

function parseCues(text: string, format: CueFormat): ParseOutcome<ParsedTranscript> {
  const label = format === "webvtt" ? "WebVTT" : "SRT";
  const segments: ParsedSegment[] = [];
  let firstProblem: string | null = null;
  const blocks = splitBlocks(text.split("\n"));
  if (format === "webvtt") dropWebVttHeader(blocks);

  for (const block of blocks) {
    const [first = ""] = block.lines;
    if (format === "webvtt" && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) continue;
    // Line 0 is the timing, or an identifier (SRT: the cue number) followed by the timing.
    const timingIndex = first.includes("-->") ? 0 : block.lines[1]?.includes("-->") ? 1 : -1;
    if (timingIndex === -1) {
      firstProblem ??= `the cue at line ${block.firstLine} has no timing line`;
      continue;
    }
    const timingLine = block.firstLine + timingIndex;
    const timing = parseTimingLine(block.lines[timingIndex] ?? "");
    if (timing === null) {
      firstProblem ??= `the timing on line ${timingLine} is not valid`;
      continue;
    }
    if (timing.endMs < timing.startMs) {
      firstProblem ??= `the cue on line ${timingLine} ends before it starts`;
      continue;
    }
    for (const piece of readCueText(block.lines.slice(timingIndex + 1), format)) {
      if (segments.length === MAX_TRANSCRIPT_SEGMENTS) return fail(TOO_MANY_SEGMENTS);
      segments.push({ speaker: piece.speaker, startMs: timing.startMs, endMs: timing.endMs, text: piece.text });
    }
  }

  if (segments.length > 0) return succeed({ format, segments });
  if (firstProblem !== null) return fail(`The ${label} file has no readable cues (${firstProblem}).`);
  return fail(`The ${label} file has no cues with text.`);
}

function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") {
      current = null;
      continue;
    }
    if (current === null) {
      current = { firstLine: index + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line.trim());
  }
  return blocks;
}

/** The header runs to the first blank line; some tools omit that line, so a cue inside it is kept. */
function dropWebVttHeader(blocks: Block[]): void {
  const header = blocks[0];
  if (header === undefined) return;
  const timingIndex = header.lines.findIndex((line, index) => index > 0 && line.includes("-->"));
  if (timingIndex === -1) {
    blocks.shift();
    return;
  }
  const start = Math.max(1, timingIndex - 1);
  blocks[0] = { firstLine: header.firstLine + start, lines: header.lines.slice(start) };
}

const CUE_TIMING = /^([\d:.,]+)\s*-->\s*([\d:.,]+)(?:\s+\S.*)?$/;
const CUE_TIMESTAMP = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/;

/** "00:01:02.500 --> 00:01:04.000 align:start" (WebVTT) or "00:01:02,500 --> 00:01:04,000" (SRT). */
function parseTimingLine(line: string): { startMs: number; endMs: number } | null {
  const match = CUE_TIMING.exec(line.trim());
  if (!match) return null;
  const startMs = parseCueTimestamp(match[1] ?? "");
  const endMs = parseCueTimestamp(match[2] ?? "");
  return startMs === null || endMs === null ? null : { startMs, endMs };
}

function parseCueTimestamp(stamp: string): number | null {
  const match = CUE_TIMESTAMP.exec(stamp);
  return match ? clockToMilliseconds(match[1], match[2], match[3], match[4]) : null;
}

// <v Ana>, <v.loud Ana Lopez>, and the closing </v>.
// No "<" inside a tag, so an unclosed "<v " cannot make the scan quadratic.
const VOICE_TAG_SPLIT = /(<v(?:\.[^\s<>]*)?(?:\s[^<>]*)?>|<\/v>)/;
const VOICE_TAG = /^<v(?:\.[^\s<>]*)?(?:\s([^<>]*))?>$/;
// Only the formatting tags WebVTT and SRT define, plus <00:01.000> karaoke stamps and SRT's {\an8}
// positioning; anything else in angle brackets (say "<script>") is the speaker's text, and escaping
// it is the renderer's job.
const FORMATTING_TAG = /<\/?(?:b|i|u|s|c|ruby|rt|lang|font)(?:[.\s][^<>]*)?>|<(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3}>|\{\\an?\d\}/gi;

type CuePiece = { speaker: string | null; text: string };

/**
 * The cue's text as one piece per speaker: a voice tag or a "Name: " line starts a new speaker,
 * other lines join the current one with a space.
 */
function readCueText(lines: string[], format: CueFormat): CuePiece[] {
  const pieces: CuePiece[] = [];
  let voice: string | null = null;
  let current: CuePiece | null = null;
  for (const part of lines.join("\n").split(VOICE_TAG_SPLIT)) {
    const tag = VOICE_TAG.exec(part);
    if (tag || part === "</v>") {
      voice = tag ? readSpeaker(decodeCueText(tag[1] ?? "", format)) : null;
      current = null;
      continue;
    }
    for (const rawLine of part.split("\n")) {
      const line = collapseWhitespace(decodeCueText(rawLine.replace(FORMATTING_TAG, ""), format)).trim();
      if (line === "") continue;
      const prefixed = voice === null ? splitSpeakerPrefix(line) : { speaker: null, text: line };
      const speaker = voice ?? prefixed.speaker;
      if (current === null || (speaker !== null && speaker !== current.speaker)) {
        current = { speaker, text: prefixed.text };
        pieces.push(current);
      } else {
        current.text = `${current.text} ${prefixed.text}`;
      }
    }
  }
  return pieces
    .map((piece) => ({ speaker: capSpeaker(piece.speaker), text: truncateText(piece.text.trim(), MAX_SEGMENT_TEXT_CHARS) }))
    .filter((piece) => piece.text !== "");
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", nbsp: " ", quot: '"', apos: "'", lrm: "", rlm: "" };

/** WebVTT escapes (&amp; &lt; &gt; &nbsp; …) in one pass, so "&amp;lt;" stays "&lt;". SRT has none. */
function decodeCueText(text: string, format: CueFormat): string {
  if (format !== "webvtt") return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (entity, name: string) => {
    if (!name.startsWith("#")) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    const isPrintable = codePoint >= 0x20 && !(codePoint >= 0x7f && codePoint <= 0x9f) && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
    return isPrintable && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : "";
  });
}
