/**
 * Pure: a transcript read into sentences for the sandbox Notetaker's summary. Each sentence is a
 * verbatim piece of its segment (cut at sentence ends, or into quotable chunks when speech-to-text
 * left none), with its speaker, start, cues and follow-up strength, indexed by word stem and cue.
 */
import { actionStrength, hasCommitment, lookUp, matchCues, SMALL_TALK_IDS } from "./cues";
import { ABBREVIATIONS, NON_ASCII, tokenize } from "./words";

/** Times in milliseconds from the start of the recording; speaker is a display name. */
export type SummaryInputSegment = { speaker: string; start: number; end: number; text: string };

const MAX_QUOTE_WORDS = 40;
const MAX_QUOTE_CHARS = 300;
/** Fewer words than this is a reply ("Yes, loud and clear."), not evidence worth quoting. */
const MIN_QUOTE_WORDS = 5;

export type Sentence = {
  index: number;
  /** Verbatim: a substring of its segment's text, so every quote is what was actually said. */
  text: string;
  speaker: string;
  start: number;
  cues: readonly number[];
  actionStrength: number;
  isQuestion: boolean;
  isQuotable: boolean;
  isSmallTalk: boolean;
};

/**
 * The transcript as an inverted index: a facet only visits the sentences that share a word or a
 * cue with it, which keeps 10k-segment recordings fast.
 */
export type Transcript = {
  sentences: Sentence[];
  byStem: Map<string, number[]>;
  byCue: Map<number, number[]>;
  /** Rarity weight: a word said once outweighs one said in every other sentence. */
  idf: (stem: string) => number;
  /** Inferred, never configured: speakers are display names, not roles. */
  interviewer: string | null;
  isMultiSpeaker: boolean;
};

const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s|$)|[。！？]+["'”’」』)]*|[\r\n]+/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;
const UNSPACED_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    if (m[0] === "." && isAbbreviation(text, from, m.index ?? 0)) continue;
    const to = (m.index ?? 0) + m[0].length;
    pushChunks(out, text.slice(from, to).trim());
    from = to;
  }
  pushChunks(out, text.slice(from).trim());
  return out;
}

/** "e.g." and "Dr." end a word, not a sentence. Scans back by hand: a `\S+$` regex is quadratic. */
function isAbbreviation(text: string, from: number, dot: number): boolean {
  let i = dot;
  while (i > from && dot - i <= 6 && !/\s/.test(text[i - 1] ?? "")) i -= 1;
  return ABBREVIATIONS.has(text.slice(i, dot).toLowerCase());
}

function pushChunks(out: string[], sentence: string): void {
  // Below twice the word limit in characters there cannot be too many words.
  const chunks = sentence.length < MAX_QUOTE_WORDS * 2 ? [sentence] : chunkLong(sentence);
  for (const chunk of chunks) if (HAS_WORD.test(chunk)) out.push(chunk);
}

/** Unpunctuated speech-to-text can be one endless "sentence": cut it into quotable pieces, each still verbatim. */
function chunkLong(sentence: string): string[] {
  if (sentence.length <= MAX_QUOTE_CHARS && countWords(sentence) <= MAX_QUOTE_WORDS) return [sentence];
  const words = [...sentence.matchAll(/\S+/g)].map((m) => ({ from: m.index ?? 0, to: (m.index ?? 0) + m[0].length, text: m[0] }));
  const chunks: string[] = [];
  let first = 0;
  for (let i = 0; i < words.length; i += 1) {
    const chunkStart = words[first]?.from ?? 0;
    const next = words[i + 1];
    const isFull = !next || i - first + 1 >= MAX_QUOTE_WORDS || next.to - chunkStart > MAX_QUOTE_CHARS;
    // Prefer to end a piece at a clause, once it is long enough to stand alone.
    const isClauseEnd = /[,;:]$/.test(words[i]?.text ?? "") && i - first + 1 >= 15;
    if (!isFull && !isClauseEnd) continue;
    const piece = sentence.slice(chunkStart, words[i]?.to ?? 0).replace(/[\s,;:–—-]+$/u, "");
    chunks.push(...hardCut(piece));
    first = i + 1;
  }
  return chunks.filter(Boolean);
}

function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const isSpace = code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x3000;
    if (!isSpace && !inWord) count += 1;
    inWord = !isSpace;
  }
  return count;
}

/** A single "word" longer than a quote (a URL, text without spaces) is cut by characters. */
function hardCut(piece: string): string[] {
  const out: string[] = [];
  let rest = piece;
  while (rest.length > MAX_QUOTE_CHARS) {
    let cut = MAX_QUOTE_CHARS;
    // Never split a surrogate pair.
    if (/[\uDC00-\uDFFF]/.test(rest[cut] ?? "")) cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return rest ? [...out, rest] : out;
}

const MAX_SPEAKER_CHARS = 60;

function cleanSpeaker(name: string): string {
  const clean = name.replace(/\s+/g, " ").trim() || "Unknown speaker";
  return clean.length <= MAX_SPEAKER_CHARS ? clean : `${clean.slice(0, MAX_SPEAKER_CHARS - 1)}…`;
}

export const finiteTime = (t: number) => (Number.isFinite(t) && t > 0 ? t : 0);

export function readTranscript(segments: readonly SummaryInputSegment[]): Transcript {
  const ordered = segments.map((segment, order) => ({ segment, order })).sort((a, b) => finiteTime(a.segment.start) - finiteTime(b.segment.start) || a.order - b.order);
  const sentences: Sentence[] = [];
  const byStem = new Map<string, number[]>();
  const byCue = new Map<number, number[]>();
  const post = <K>(index: Map<K, number[]>, key: K, at: number) => {
    const list = index.get(key);
    if (!list) index.set(key, [at]);
    else if (list[list.length - 1] !== at) list.push(at);
  };
  const speakers = new Map<string, string>();
  for (const { segment } of ordered) {
    const raw = typeof segment.speaker === "string" ? segment.speaker : "";
    const speaker = speakers.get(raw) ?? cleanSpeaker(raw);
    speakers.set(raw, speaker);
    for (const text of splitSentences(typeof segment.text === "string" ? segment.text : "")) {
      const at = sentences.length;
      const tokens = tokenize(text);
      const lexemes = tokens.map(lookUp);
      for (const { stem } of lexemes) if (stem !== null) post(byStem, stem, at);
      const cues = matchCues(tokens, lexemes);
      for (const id of cues) post(byCue, id, at);
      // Scripts without spaces (Chinese, Japanese) count about one word per two characters.
      const wordCount = tokens.length + (NON_ASCII.test(text) ? Math.floor((text.match(UNSPACED_ALL)?.length ?? 0) / 2) : 0);
      sentences.push({
        index: at,
        text,
        speaker,
        start: finiteTime(segment.start),
        cues,
        actionStrength: actionStrength(cues, hasCommitment(tokens)),
        isQuestion: /[?？]["'”’)]*$/.test(text),
        isQuotable: wordCount >= MIN_QUOTE_WORDS,
        isSmallTalk: cues.some((id) => SMALL_TALK_IDS.has(id)),
      });
    }
  }
  const n = sentences.length;
  const idf = (stem: string) => {
    const df = byStem.get(stem)?.length;
    return df ? Math.log(1 + n / df) : 0;
  };
  return { sentences, byStem, byCue, idf, interviewer: findInterviewer(sentences), isMultiSpeaker: new Set(sentences.map((s) => s.speaker)).size > 1 };
}

/** The speaker who asks the most questions; ties go to whoever asked first. */
function findInterviewer(sentences: readonly Sentence[]): string | null {
  const questions = new Map<string, number>();
  for (const s of sentences) if (s.isQuestion) questions.set(s.speaker, (questions.get(s.speaker) ?? 0) + 1);
  let best: string | null = null;
  for (const [speaker, count] of questions) if (best === null || count > (questions.get(best) ?? 0)) best = speaker;
  return best;
}
