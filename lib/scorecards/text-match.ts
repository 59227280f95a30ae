/**
 * Pure: the text side of evidence mapping (issue 15): words to comparable stems, cues to the stems
 * they need, the tightest window of a text holding all of them, and sentence splitting. No external
 * service and no randomness, so the same transcript always maps to the same evidence.
 *
 * Normalisation of a word: Unicode NFKD with diacritics dropped, lowercase, apostrophes dropped
 * ("don't" → "dont"), then `stemWord`, a deliberately small English suffix stripper (not Porter):
 *   -ies/-ied → -i ("retries", "retried" → "retri"), -ing and -ed (a doubled final consonant undone:
 *   "running" → "run"), -ly, -es after s/x/z/ch/sh, a final -s (not -ss/-us/-is), then a final -e
 *   is dropped and a final -y becomes -i, so "scale", "scales", "scaled", "scaling" all → "scal".
 * Stems only need to agree with each other; they are never shown.
 */

export type Token = { stem: string; start: number; end: number };
export type Cue = { text: string; stems: string[] };
/** The tightest run of tokens holding every stem of a cue: token indexes, inclusive. */
export type WindowMatch = { first: number; last: number; tokenIndexes: number[] };

/** A cue's words must all fall within this many tokens of text (first to last, inclusive). */
export const CUE_WINDOW_TOKENS = 8;

const STOP_WORDS = new Set(
  (
    "a an the and or but nor of to in on at by for from with without into onto over under about as is are was were be been being am do does did " +
    "have has had having it its this that these those there their them they he she him her his hers we us our you your i me my mine " +
    "not no so than then too very can could should would will shall may might must just also how what when where which who whom why"
  ).split(" "),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const COMBINING = /[\u0300-\u036f]/g;
const ASCII_WORD = /^[A-Za-z0-9']*$/;
const DOUBLE_CONSONANT = /([b-df-hj-np-tv-z])\1$/;

export function stemWord(word: string): string {
  let w = word;
  if (w.length > 4 && (w.endsWith("ies") || w.endsWith("ied"))) w = w.slice(0, -3) + "i";
  else if (w.length > 5 && w.endsWith("ing")) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = undouble(w.slice(0, -2));
  else if (w.length > 4 && w.endsWith("ly")) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("e")) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith("y")) w = w.slice(0, -1) + "i";
  return w;
}

function undouble(w: string): string {
  // "running" → "runn" → "run"; but "ll"/"ss"/"zz" stay ("called" → "call", "missed" → "miss").
  return DOUBLE_CONSONANT.test(w) && !/(?:ll|ss|zz)$/.test(w) ? w.slice(0, -1) : w;
}

export function normalizeWord(word: string): string {
  // Most words are plain ASCII letters: skip the Unicode decomposition for them.
  const plain = ASCII_WORD.test(word) ? word : word.normalize("NFKD").replace(COMBINING, "");
  return plain.toLowerCase().replace(/['’]/g, "");
}

/**
 * Every word of `text` with its stem and its place in `text` (so a match can be quoted exactly).
 * `stems` memoises word → stem across the texts of one call (a transcript repeats its words).
 */
export function tokenize(text: string, stems: Map<string, string> = new Map()): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let stem = stems.get(match[0]);
    if (stem === undefined) {
      const normalized = normalizeWord(match[0]);
      stem = normalized ? stemWord(normalized) : "";
      stems.set(match[0], stem);
    }
    if (stem) tokens.push({ stem, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** A cue's distinct content stems (stop-words dropped; a cue of stop-words only keeps them all). */
export function compileCue(text: string): Cue {
  const words = [...text.matchAll(WORD)].map((m) => normalizeWord(m[0])).filter(Boolean);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const stems = [...new Set((content.length ? content : words).map(stemWord))];
  return { text, stems };
}

/**
 * The shortest window of `tokens` holding every stem in `stems` (any order, at most `window` tokens
 * long), earliest on a tie; null when there is none. Linear in the number of tokens.
 */
export function findCueWindow(tokens: readonly Token[], stems: readonly string[], window: number = CUE_WINDOW_TOKENS): WindowMatch | null {
  if (stems.length === 0) return null;
  const wanted = new Set(stems);
  const counts = new Map<string, number>();
  let have = 0;
  let left = 0;
  let best: { first: number; last: number } | null = null;
  for (let right = 0; right < tokens.length; right++) {
    const stem = tokens[right]!.stem;
    if (!wanted.has(stem)) continue;
    const count = counts.get(stem) ?? 0;
    counts.set(stem, count + 1);
    if (count === 0) have++;
    while (have === wanted.size) {
      const leftStem = tokens[left]!.stem;
      if (!wanted.has(leftStem)) {
        left++;
        continue;
      }
      if (right - left + 1 <= window && (!best || right - left < best.last - best.first)) best = { first: left, last: right };
      const leftCount = counts.get(leftStem)!;
      counts.set(leftStem, leftCount - 1);
      if (leftCount === 1) have--;
      left++;
    }
  }
  if (!best) return null;
  const tokenIndexes: number[] = [];
  const used = new Set<string>();
  for (let i = best.first; i <= best.last; i++) {
    const stem = tokens[i]!.stem;
    if (wanted.has(stem) && !used.has(stem)) {
      used.add(stem);
      tokenIndexes.push(i);
    }
  }
  return { first: best.first, last: best.last, tokenIndexes };
}

const ABBREVIATIONS = new Set(["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "inc", "ltd", "approx", "cf", "fig"]);
const BULLET = /^\s*(?:[-*•‣◦]|\d{1,3}[.)])\s+/;

/**
 * Sentences of a summary: each line on its own (bullets and numbering stripped, blank lines and
 * markdown heading marks dropped), a line split after . ! or ? followed by a space, except after
 * an abbreviation ("e.g.", "Dr.") or a single letter ("J. Smith"). "3.5" never splits (no space).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r\n?|\n/)) {
    const line = rawLine
      .replace(BULLET, "")
      .replace(/^\s*#{1,6}\s+/, "")
      .trim();
    for (const [start, end] of sentenceBounds(line)) {
      const sentence = line.slice(start, end).trim();
      if (sentence) out.push(sentence);
    }
  }
  return out;
}

/** True when `before` (text ending in ".") ends in an abbreviation ("e.g.", "Dr.") or an initial ("J."). */
function isAbbreviation(before: string): boolean {
  const lastWord = (/([\p{L}.]+)\.$/u.exec(before)?.[1] ?? "").toLowerCase();
  return ABBREVIATIONS.has(lastWord.replace(/\.$/, "")) || /^\p{L}$/u.test(lastWord);
}

/** [start, end) of each sentence of `text` (same rule as splitSentences, without the line handling). */
export function sentenceBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]+["')\]]*\s+|\n+/g)) {
    if (match[0].startsWith(".") && isAbbreviation(text.slice(start, match.index + 1))) continue;
    bounds.push([start, match.index + match[0].trimEnd().length]);
    start = match.index + match[0].length;
  }
  if (start < text.length) bounds.push([start, text.length]);
  return bounds;
}
