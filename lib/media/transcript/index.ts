/**
 * Pure: a Notetaker transcript file, or a transcript a recruiter uploads by hand, as a list of
 * segments. Never throws; a file we cannot use gives one readable sentence.
 *
 * Forms, recognised from the content (the file name and content type only sharpen the error):
 * Nylas speaker_labelled and raw JSON (json.ts), WebVTT and SRT (cues.ts), and plain text with
 * optional timestamps and "Speaker Name: " prefixes (plain-text.ts).
 *
 * segments.ts holds the shapes and limits the formats share. This module only tells them apart.
 */
import { describeInvalidJson, fail, looksLikeJson, normalizeFileText, tryParseJson, type ParseOutcome } from "../parse-outcome";
import { parseCues, parseTimingLine } from "./cues";
import { parseJsonTranscript } from "./json";
import { parsePlainText } from "./plain-text";
import { EMPTY, type ParsedTranscript, type TranscriptHint } from "./segments";

export type { ParseOutcome } from "../parse-outcome";
export { MAX_SEGMENT_TEXT_CHARS, MAX_SPEAKER_CHARS, MAX_TRANSCRIPT_SEGMENTS } from "./segments";
export type { ParsedSegment, ParsedTranscript, TranscriptFormat, TranscriptHint } from "./segments";

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
