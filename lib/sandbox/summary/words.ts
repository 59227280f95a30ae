/**
 * Pure: the words of a transcript or an instruction, for the sandbox Notetaker's summary
 * (lib/sandbox/summary/summarize.ts). Tokenising, stopwords and instruction boilerplate, and a
 * light stemmer that makes an instruction word meet its spoken forms.
 */

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
export const LABEL_WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

export const STOPWORDS = new Set(
  (
    "a an the and or but if of to in on at by for with about from as into like through over under than then so too very just also " +
    "is are was were be been being am do does did doing done have has had having can could would should will shall may might must " +
    "i me my mine we us our you your he him his she her it its they them their this that these those there here " +
    "what which who whom whose when where why how any all some each every no not nor only own same other such both either " +
    "i'm i've i'd i'll you're you've you'd you'll we're we've we'd we'll it's that's there's what's let's " +
    "don't didn't doesn't isn't wasn't aren't weren't won't can't couldn't wouldn't shouldn't haven't hasn't " +
    "yeah yes ok okay um uh hmm oh well really actually basically right kind sort lot thing things get got go going gonna " +
    "know think mean say said see one way much many more most quite maybe something anything next"
  ).split(" "),
);

/** Instruction boilerplate: says what to do with the interview, not what to look for in it. */
export const BOILERPLATE = new Set(
  (
    "summarize summarise summary summaries focus note notes list include including describe highlight mention provide write give " +
    "capture identify outline record report detail details please interview interviews candidate candidates meeting call transcript " +
    "item items bullet bullets brief briefly concise short overview key main"
  ).split(" "),
);

/** After a leading boilerplate verb ("Focus on …", "Note the …"), these carry no meaning either. */
export const LEADING_FILLER = new Set(["on", "the", "a", "an", "of", "about", "upon", "all"]);
export const NEGATIONS = new Set(["not", "no", "never", "without", "didn't", "weren't", "wasn't", "haven't", "hasn't", "isn't", "aren't"]);
export const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "vs", "e.g", "i.e", "approx", "cf", "st", "jr", "sr", "no"]);

export function normalizeApostrophes(text: string): string {
  return text.replace(/[’‘]/g, "'");
}

const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
// eslint-disable-next-line no-control-regex -- a plain ASCII range, kept without the slower u flag (see tokenize)
export const NON_ASCII = /[^\x00-\x7f]/;

export function tokenize(text: string): string[] {
  // Unicode-aware matching is several times slower; most transcripts are plain ASCII.
  if (!NON_ASCII.test(text)) return text.toLowerCase().match(ASCII_WORD) ?? [];
  return normalizeApostrophes(text).toLowerCase().match(WORD) ?? [];
}

/**
 * "skipped" → skip (a doubled consonant marks a short base), and "communicated" → communicate, so
 * it meets "communication" at the -ate/-ation step.
 */
function dropInflection(w: string, suffixLength: number): string {
  const base = w.slice(0, -suffixLength);
  if (/([^aeiouyls])\1$/.test(base)) return base.slice(0, -1);
  return base.endsWith("at") ? `${base}e` : base;
}

/** Irregular past tenses people use about their own work ("I led", "we built"). */
const IRREGULAR: Record<string, string> = { led: "lead", ran: "run", built: "build", taught: "teach", wrote: "write", drove: "drive", spoke: "speak", thought: "think" };

const DERIVATIONAL = ["ship", "ness", "ment", "ation", "ity", "ion", "ate", "ive", "ism", "ist", "ous", "ful", "able", "ible", "al", "er"];

/**
 * Light stemmer, deliberately cruder than Porter: it only has to make an instruction word meet its
 * spoken forms ("concerns"/"concerned" → concern, "communicated"/"communication" → communicat).
 */
export function stemWord(word: string): string {
  let w = normalizeApostrophes(word).toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  w = IRREGULAR[w] ?? w;
  if (w.length <= 3) return w;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  // "analysis" and "status" are singular; "apis" and "kpis" are not.
  else if (w.endsWith("s") && !/(ss|us)$/.test(w) && !(w.endsWith("is") && w.length > 4)) w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length - 3 >= 3) w = dropInflection(w, 3);
  else if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ed") && w.length - 2 >= 3) w = dropInflection(w, 2);
  if (w.endsWith("ly") && w.length - 2 >= 4) w = w.slice(0, -2);
  // Up to two derivational suffixes: "leadership" → leader → lead.
  for (let pass = 0; pass < 2; pass += 1) {
    const suffix = DERIVATIONAL.find((s) => w.endsWith(s) && w.length - s.length >= 4);
    if (!suffix) break;
    w = w.slice(0, -suffix.length);
  }
  if ((w.endsWith("e") || w.endsWith("y")) && w.length > 3) w = w.slice(0, -1);
  return w;
}
