/**
 * Pure: what the media parsers (transcript.ts, summary.ts) share — the result type, and the text
 * hygiene every Notetaker file or hand upload gets before anything reads it.
 *
 * The parsers never throw: a file is untrusted input, and a bad one must reach the recruiter as one
 * readable sentence, never as a 500 or a stack trace.
 */

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export function succeed<T>(value: T): ParseOutcome<T> {
  return { ok: true, value };
}

export function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// C0 and C1 controls except \n (\t and \r are rewritten first). Postgres text rejects NUL, and the
// rest are invisible noise that can break layout.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// A "\ud83d" escape in JSON yields half a character; it cannot be encoded as UTF-8.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Line endings become \n, tabs become spaces, BOMs and control characters go. Line numbers are
 * unchanged, and JSON stays JSON (tabs between tokens are whitespace either way).
 */
export function normalizeFileText(content: string): string {
  return content
    .replace(/\uFEFF/g, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(CONTROL_CHARACTERS, "")
    .replace(LONE_SURROGATES, "\uFFFD");
}

/** At most `maxChars` UTF-16 units; a cut string ends with "…" and never splits a surrogate pair. */
export function truncateText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let cut = maxChars - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Every whitespace run, newlines included, as one space. */
export function collapseWhitespace(text: string): string {
  // Lone spaces are left alone: rewriting each of them makes a long line many times slower.
  return text.replace(/\s{2,}|[^\S ]/g, " ");
}

/** One line of text: hygiene, whitespace collapsed, trimmed, capped. */
export function cleanInlineText(text: string, maxChars: number): string {
  return truncateText(collapseWhitespace(normalizeFileText(text)).trim(), maxChars);
}

/**
 * Whether a file that failed JSON.parse was meant to be JSON: an object, or an array of objects,
 * strings or arrays. "[00:01] Ana: hi" (a plain-text timestamp) is not.
 */
export function looksLikeJson(trimmed: string): boolean {
  return /^(?:\{|\[\s*(?:[{["\]]|$))/.test(trimmed);
}

export type JsonAttempt = { ok: true; value: unknown } | { ok: false; detail: string | null };

/** JSON.parse without the throw; on failure, where the problem is, in words. */
export function tryParseJson(text: string): JsonAttempt {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, detail: describeJsonError(error, text) };
  }
}

// Engine messages differ between Node versions and can quote the input, so only the position is
// taken from them; the sentence is ours.
function describeJsonError(error: unknown, text: string): string | null {
  const message = error instanceof Error ? error.message : "";
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? null : Number(position);
  if (/unexpected end|unterminated/i.test(message) || (offset !== null && offset >= text.trimEnd().length)) {
    return "it ends too early, so it may be cut off";
  }
  if (offset === null) return null;
  const line = text.slice(0, offset).split("\n").length;
  return `the first problem is on line ${line}`;
}

/** "The summary file is not valid JSON (the first problem is on line 3)." */
export function describeInvalidJson(subject: string, detail: string | null): string {
  return detail === null ? `${subject} is not valid JSON.` : `${subject} is not valid JSON (${detail}).`;
}
