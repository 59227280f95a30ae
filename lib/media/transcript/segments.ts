/**
 * Pure: what every transcript format parses into (lib/media/transcript/), its limits, and the
 * speaker and clock readers that more than one format shares.
 */
import { cleanInlineText, truncateText } from "../parse-outcome";

export type TranscriptFormat = "speaker_labelled" | "raw" | "webvtt" | "srt" | "text";
/** A line of a transcript; times in milliseconds from the start of the recording, null when the source has none. */
export type ParsedSegment = { speaker: string | null; startMs: number | null; endMs: number | null; text: string };
export type TranscriptHint = { fileName?: string | null; contentType?: string | null };
export type ParsedTranscript = { format: TranscriptFormat; segments: ParsedSegment[] };

export const MAX_TRANSCRIPT_SEGMENTS = 50_000;
export const MAX_SPEAKER_CHARS = 120;
export const MAX_SEGMENT_TEXT_CHARS = 10_000;

export const EMPTY = "The transcript file is empty.";
export const TOO_MANY_SEGMENTS = "The transcript file has more than 50,000 lines, which is more than one interview can produce.";

export function readSpeaker(value: unknown): string | null {
  if (typeof value !== "string") return null;
  return cleanInlineText(value, MAX_SPEAKER_CHARS) || null;
}

export function clockToMilliseconds(hours: string | undefined, minutes: string | undefined, seconds: string | undefined, fraction: string | undefined): number | null {
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
export function splitSpeakerPrefix(line: string): { speaker: string | null; text: string } {
  const match = SPEAKER_PREFIX.exec(line);
  const candidate = match?.[1]?.trim() ?? "";
  const isSpeaker = candidate !== "" && /\p{L}/u.test(candidate) && !/[?!;"“”]/.test(candidate) && candidate.split(" ").length <= SPEAKER_WORD_LIMIT;
  if (!match || !isSpeaker) return { speaker: null, text: line };
  return { speaker: candidate, text: line.slice(match[0].length).trim() };
}

export function capSpeaker(speaker: string | null): string | null {
  return speaker === null ? null : truncateText(speaker, MAX_SPEAKER_CHARS);
}
