/**
 * Pure: a Nylas transcript file (nylas-contract §5) as segments. speaker_labelled JSON, or the
 * bare array: start/end are milliseconds, numeric strings are accepted, and an entry without text
 * or with a negative, non-numeric or inverted time is skipped. raw JSON (or a bare JSON string)
 * is read as plain text.
 */
import { cleanInlineText, fail, isRecord, normalizeFileText, succeed, type ParseOutcome } from "../parse-outcome";
import { parsePlainText } from "./plain-text";
import { MAX_SEGMENT_TEXT_CHARS, MAX_TRANSCRIPT_SEGMENTS, readSpeaker, TOO_MANY_SEGMENTS, type ParsedSegment, type ParsedTranscript } from "./segments";

const NOT_A_TRANSCRIPT = "The transcript file has no transcript in it (expected a Nylas transcript, a list of lines, or text).";

export function parseJsonTranscript(value: unknown): ParseOutcome<ParsedTranscript> {
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
