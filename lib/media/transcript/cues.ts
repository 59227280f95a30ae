/**
 * Pure: WebVTT and SRT transcripts as segments, one per cue and speaker. Cues with bad timing
 * lines are skipped. Voice tags (<v Ana>) or a "Ana: " prefix give the speaker; formatting tags
 * are stripped, any other "<…>" is kept as text.
 */
import { collapseWhitespace, fail, succeed, truncateText, type ParseOutcome } from "../parse-outcome";
import {
  capSpeaker,
  clockToMilliseconds,
  MAX_SEGMENT_TEXT_CHARS,
  MAX_TRANSCRIPT_SEGMENTS,
  readSpeaker,
  splitSpeakerPrefix,
  TOO_MANY_SEGMENTS,
  type ParsedSegment,
  type ParsedTranscript,
} from "./segments";

export type CueFormat = "webvtt" | "srt";
type Block = { firstLine: number; lines: string[] };

export function parseCues(text: string, format: CueFormat): ParseOutcome<ParsedTranscript> {
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
export function parseTimingLine(line: string): { startMs: number; endMs: number } | null {
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
  return pieces.map((piece) => ({ speaker: capSpeaker(piece.speaker), text: truncateText(piece.text.trim(), MAX_SEGMENT_TEXT_CHARS) })).filter((piece) => piece.text !== "");
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
