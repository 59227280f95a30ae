/**
 * Pure: the sandbox Notetaker's "AI" summary and action items. Real Nylas runs an LLM over the
 * transcript; offline we stay honest instead: every statement is a verbatim quote of a transcript
 * sentence with its speaker and timestamp, chosen by how well it matches the words of the
 * configuration's own instructions, so editing an instruction visibly changes the next summary.
 * Deterministic: no randomness, no clock, no network.
 */

/** Times in milliseconds from the start of the recording; speaker is a display name. */
export type SummaryInputSegment = { speaker: string; start: number; end: number; text: string };
export type InterviewSummaryResult = { summary: string; actionItems: string[] };

const SUMMARY_MAX_CHARS = 2_500;
const MAX_FACETS = 8;
/** A bound on work, not on output: instructions pasted from a whole document still parse quickly. */
const MAX_PARSED_FACETS = 64;
const MAX_ACTION_ITEMS = 8;
const MAX_QUOTE_WORDS = 40;
const MAX_QUOTE_CHARS = 300;
/** Fewer words than this is a reply ("Yes, loud and clear."), not evidence worth quoting. */
const MIN_QUOTE_WORDS = 5;
/** A cue word is worth a moderately rare instruction word; a cue phrase, being more specific, a rare one. */
const CUE_WEIGHT = 2.5;
const CUE_PHRASE_WEIGHT = 4;
/** Below this a facet match is a coincidence (one very common word), not evidence. */
const MIN_FACET_SCORE = 2;
/** A second quote for a facet must be nearly as good as the first. */
const SECOND_QUOTE_RATIO = 0.8;
/** Skill-type facets are evidenced by what someone states, less by the questions asked about it… */
const QUESTION_PENALTY = 0.6;
/** …and by what the interviewee says rather than the interviewer ("I lead the payments team"). */
const INTERVIEWER_PENALTY = 0.5;
const CONTRARY_PENALTY = 0.3;

// ─── Words ─────────────────────────────────────────────────────────────────────────────────────

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;
const LABEL_WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu;

const STOPWORDS = new Set(
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
const BOILERPLATE = new Set(
  (
    "summarize summarise summary summaries focus note notes list include including describe highlight mention provide write give " +
    "capture identify outline record report detail details please interview interviews candidate candidates meeting call transcript " +
    "item items bullet bullets brief briefly concise short overview key main"
  ).split(" "),
);

/** After a leading boilerplate verb ("Focus on …", "Note the …"), these carry no meaning either. */
const LEADING_FILLER = new Set(["on", "the", "a", "an", "of", "about", "upon", "all"]);
const NEGATIONS = new Set(["not", "no", "never", "without", "didn't", "weren't", "wasn't", "haven't", "hasn't", "isn't", "aren't"]);
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "vs", "e.g", "i.e", "approx", "cf", "st", "jr", "sr", "no"]);

function normalizeApostrophes(text: string): string {
  return text.replace(/[’‘]/g, "'");
}

const ASCII_WORD = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
// eslint-disable-next-line no-control-regex -- a plain ASCII range, kept without the slower u flag (see tokenize)
const NON_ASCII = /[^\x00-\x7f]/;

function tokenize(text: string): string[] {
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
function stemWord(word: string): string {
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

// ─── Cues ──────────────────────────────────────────────────────────────────────────────────────

/**
 * A cue is a spoken phrase; a word ending in `*` matches as a prefix ("worr*" → worried, worry),
 * other words match exactly ("let's move to" must not match "let's move today").
 */
type CueEntry = {
  /** Instruction words (stemmed at load) that switch the entry on. Nothing else does. */
  triggers: readonly string[];
  cues: readonly string[];
  prefersStatements?: boolean;
  /** "topics not covered" wants the skipped cues, not the covered ones. */
  negation?: "excluded" | "required";
  /** Cues that say the opposite: "we ran out of time for testing" is no evidence that testing was covered. */
  contrary?: readonly string[];
};

const SKIPPED_CUES = [
  "didn't get to", "did not get to", "ran out of time", "out of time", "close to time", "skip*", "not cover*", "didn't cover", "next time", "come back to", "no time",
];

/**
 * The built-in widening for common hiring facets. It only adds spoken cues to a facet whose own
 * instruction words trigger it: a facet the instructions don't name never appears.
 */
const CUE_TABLE: readonly CueEntry[] = [
  {
    triggers: ["concern", "worry", "risk", "weakness", "gap", "issue", "doubt", "hesitation", "flag"],
    cues: ["concern*", "worr*", "less sure", "not sure", "not confident", "risk*", "gap*", "weak*", "struggl*", "red flag*", "doubt*", "rusty", "haven't used"],
  },
  // "the topics the interview did not reach"
  { triggers: ["skip", "miss", "omit", "reach"], cues: SKIPPED_CUES },
  { triggers: ["cover", "discuss", "address"], negation: "required", cues: SKIPPED_CUES },
  {
    // Not "topic": "topics to probe" is about the future, not about what was covered.
    triggers: ["cover", "discuss", "address", "agenda"],
    negation: "excluded",
    cues: ["talk about", "let's talk", "move on to", "let's move to", "switch to", "next topic", "discuss*", "tell me about", "walk me through"],
    contrary: SKIPPED_CUES,
  },
  {
    triggers: ["communication", "communicate", "clarity", "clear", "articulate", "explain", "explanation"],
    prefersStatements: true,
    cues: ["clear*", "clarif*", "explain*", "walk through", "walk you through", "structur*", "to summarize", "in short", "step by step", "in other words"],
  },
  {
    triggers: ["technical", "skill", "technology", "engineering", "coding", "code", "expertise", "depth", "system"],
    prefersStatements: true,
    cues: [
      "design*", "trade-off*", "tradeoff*", "implement*", "architect*", "scal*", "latenc*", "throughput", "index*", "cach*",
      "queue*", "database*", "schema*", "idempoten*", "concurren*", "consisten*", "partition*", "api*",
    ],
  },
  {
    triggers: ["leadership", "lead", "manage", "management", "ownership", "initiative"],
    prefersStatements: true,
    cues: ["led", "lead*", "owned", "ownership", "drove", "coordinat*", "the team", "my team", "took charge"],
  },
  { triggers: ["mentor", "coach", "teach", "grow"], prefersStatements: true, cues: ["mentor*", "coach*", "onboard*", "junior*", "pair*", "taught", "teach*"] },
  {
    triggers: ["problem", "solving", "approach", "reasoning"],
    prefersStatements: true,
    cues: ["approach*", "i would start", "break it down", "edge case*", "debug*", "root cause"],
  },
  { triggers: ["motivation", "interest", "culture", "values"], cues: ["excit*", "motivat*", "interested in", "looking for", "passionate", "care about"] },
  // A topic nobody got to is the first thing to probe next time.
  {
    triggers: ["probe", "follow", "round", "deeper", "dig"],
    cues: ["next round", "follow up", "followup", "dig into", "dig deeper", "probe*", "deeper", "didn't get to", "did not get to", "ran out of time", "come back to"],
  },
  { triggers: ["reference", "referee", "background"], cues: ["reference*", "former manager", "previous manager", "reach out", "referee*"] },
  { triggers: ["verify", "check", "confirm", "validate"], cues: ["verif*", "check*", "confirm*", "validat*", "double check*"] },
  { triggers: ["hiring", "hire", "committee", "decision", "debrief", "recommendation"], cues: ["committee", "debrief*", "hiring", "hire", "decision", "level*", "offer", "calibrat*", "recommend*"] },
];

/** Spoken signs of a follow-up, with strength: 3 is an explicit commitment, 1 a mere suggestion. */
const ACTION_CUES: readonly (readonly [string, number])[] = [
  ["next round", 3], ["follow up", 3], ["followup", 3], ["probe*", 3], ["dig into", 3], ["dig deeper", 3], ["verif*", 3], ["action item*", 3],
  ["could you send", 3], ["can you send", 3], ["please send", 3], ["could you share", 3], ["can you share", 3], ["please share", 3],
  ["reference*", 2.5], ["schedule*", 2], ["we should", 2], ["next time", 2], ["didn't get to", 2], ["ran out of time", 2], ["debrief*", 2],
  ["committee", 2], ["loop in", 2], ["get back to", 2], ["circle back", 2], ["reach out", 2], ["i'd like to", 1.5], ["let's", 1], ["could you", 1],
  // A bare "send" or "share" is as often a fact ("our shippers send two million events") as a task.
  ["send*", 1.5], ["share*", 1.5],
];
/**
 * "I'll also check", "we will send": a first-person commitment to a follow-up verb. Only first
 * person: "the service will send a webhook" describes a system, not a task.
 */
const COMMITTERS = new Set(["i'll", "we'll"]);
const FOLLOW_UP_VERBS = /^(send|shar|check|schedul|verif|confirm|follow|reach|loop|ask|arrang|book|forward|introduc)/;
const STRONG_ACTION = 2;
const COMMITMENT = 3;

/** Phrases, not topics: "weather" alone would drop "the weather service API" from a summary. */
const SMALL_TALK = [
  "hear me", "how are you", "how's it going", "nice to meet", "thanks for", "thank you", "the weather", "good morning", "good afternoon",
  "good evening", "your weekend", "great weekend", "nice weekend", "get started", "see my screen", "can you see", "loud and clear", "on mute",
];

/** `isPhrase`: several words as written; "trade-off" is one word that tokenizes as two. */
type CompiledCue = { id: number; words: string[]; prefixLast: boolean[]; isPhrase: boolean };

/**
 * All cue phrases, indexed by the first three letters of their first word for a single pass per
 * sentence. Invariant: every prefix cue ("api*") has at least three letters before the `*`.
 */
function compileCues(phrases: readonly string[]) {
  const ids = new Map<string, number>();
  const byId: CompiledCue[] = [];
  const byHead = new Map<string, CompiledCue[]>();
  for (const phrase of phrases) {
    if (ids.has(phrase)) continue;
    const id = ids.size;
    ids.set(phrase, id);
    const raw = phrase.split(/\s+/);
    const words = raw.flatMap((w) => tokenize(w.replace(/\*$/, "")));
    const prefixLast = raw.flatMap((w) => tokenize(w.replace(/\*$/, "")).map((_, i, all) => i === all.length - 1 && w.endsWith("*")));
    const head = words[0]?.slice(0, 3) ?? "";
    const cue = { id, words, prefixLast, isPhrase: raw.length > 1 };
    byId.push(cue);
    byHead.set(head, [...(byHead.get(head) ?? []), cue]);
  }
  return { ids, byId, byHead };
}

const CUES = compileCues([...CUE_TABLE.flatMap((e) => e.cues), ...ACTION_CUES.map(([c]) => c), ...SMALL_TALK]);
const cueId = (phrase: string) => CUES.ids.get(phrase) ?? -1;
const STEMMED_TABLE = CUE_TABLE.map((e) => ({
  ...e,
  triggerStems: new Set(e.triggers.map(stemWord)),
  cueIds: e.cues.map(cueId),
  contraryIds: (e.contrary ?? []).map(cueId),
}));
const ACTION_STRENGTH = new Map(ACTION_CUES.map(([c, s]) => [cueId(c), s]));
const SMALL_TALK_IDS = new Set(SMALL_TALK.map(cueId));

const NO_CUES: readonly number[] = [];

/** What the transcript reader needs to know about one distinct word, computed once per word. */
type Lexeme = { stem: string | null; cues: readonly CompiledCue[] };

const lexicon = new Map<string, Lexeme>();
const MAX_LEXICON = 50_000;

function lookUp(token: string): Lexeme {
  let entry = lexicon.get(token);
  if (entry) return entry;
  const startsCue = (cue: CompiledCue) => {
    const w = cue.words[0] ?? "";
    return cue.prefixLast[0] ? token.startsWith(w) : token === w;
  };
  entry = { stem: STOPWORDS.has(token) ? null : stemWord(token), cues: (CUES.byHead.get(token.slice(0, 3)) ?? []).filter(startsCue) };
  // Bounded: a pathological transcript must not grow the module's memory forever.
  if (lexicon.size < MAX_LEXICON) lexicon.set(token, entry);
  return entry;
}

/** Cue ids heard in a sentence, each once, in first-heard order. */
function matchCues(tokens: readonly string[], lexemes: readonly Lexeme[]): readonly number[] {
  let found: number[] | null = null;
  for (let i = 0; i < tokens.length; i += 1) {
    for (const cue of lexemes[i]?.cues ?? NO_LEXEME_CUES) {
      let ok = true;
      for (let j = 1; j < cue.words.length && ok; j += 1) {
        const t = tokens[i + j];
        const w = cue.words[j] ?? "";
        ok = t !== undefined && (cue.prefixLast[j] ? t.startsWith(w) : t === w);
      }
      if (ok && !found?.includes(cue.id)) (found ??= []).push(cue.id);
    }
  }
  return found ?? NO_CUES;
}

const NO_LEXEME_CUES: readonly CompiledCue[] = [];

// ─── Transcript ────────────────────────────────────────────────────────────────────────────────

type Sentence = {
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
type Transcript = {
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

const finiteTime = (t: number) => (Number.isFinite(t) && t > 0 ? t : 0);

function readTranscript(segments: readonly SummaryInputSegment[]): Transcript {
  const ordered = segments
    .map((segment, order) => ({ segment, order }))
    .sort((a, b) => finiteTime(a.segment.start) - finiteTime(b.segment.start) || a.order - b.order);
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

function actionStrength(cues: readonly number[], isCommitment: boolean): number {
  let max = isCommitment ? COMMITMENT : 0;
  let count = isCommitment ? 1 : 0;
  for (const id of cues) {
    const s = ACTION_STRENGTH.get(id);
    if (s === undefined) continue;
    max = Math.max(max, s);
    count += 1;
  }
  return max === 0 ? 0 : max + 0.25 * (count - 1);
}

function hasCommitment(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? "";
    const isCommitter = COMMITTERS.has(t) || (t === "will" && (tokens[i - 1] === "i" || tokens[i - 1] === "we"));
    if (!isCommitter) continue;
    // Within three words: "I'll also check", "we will then send".
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j += 1) if (FOLLOW_UP_VERBS.test(tokens[j] ?? "")) return true;
  }
  return false;
}

// ─── Instructions → facets ─────────────────────────────────────────────────────────────────────

/** `heads`: the terms that name the facet; saying all of them clears the evidence threshold on its own. */
type Facet = { label: string; terms: string[]; heads: Set<string>; cueIds: Set<number>; contraryIds: Set<number>; prefersStatements: boolean };

/** Markup is not instruction: tags and entities become spaces, the words between them stay words. */
function stripMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, " ").replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, " ");
}

/**
 * "Focus on technical skills demonstrated, communication quality, and any concerns raised." →
 * "technical skills demonstrated" · "communication quality" · "any concerns raised".
 */
function parseFacets(instructions: string): Facet[] {
  const text = normalizeApostrophes(stripMarkup(instructions));
  const sentences = [...text.matchAll(/[^.;!?:\n]+([.;!?:\n]?)/g)].map((m) => ({ body: m[0].replace(/[.;!?:\n]$/, ""), isHeader: m[1] === ":" }));
  // "List follow-up items: …" introduces the facets; it is one itself only when nothing follows.
  const lastWithText = sentences.findLastIndex((s) => s.body.trim() !== "");
  const usable = sentences.filter((s, i) => !(s.isHeader && i < lastWithText));
  const facets: Facet[] = [];
  const seen = new Set<string>();
  for (const clause of usable.flatMap((s) => s.body.split(/,|&|\band\b/i))) {
    const facet = toFacet(clause);
    if (!facet) continue;
    const key = [...facet.terms].sort().join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    facets.push(facet);
    if (facets.length === MAX_PARSED_FACETS) break;
  }
  return facets;
}

function toFacet(clause: string): Facet | null {
  const words = clause.match(LABEL_WORD) ?? [];
  let first = 0;
  while (first < words.length) {
    const w = (words[first] ?? "").toLowerCase();
    const afterBoilerplate = first > 0 && LEADING_FILLER.has(w);
    if (!BOILERPLATE.has(w) && !afterBoilerplate) break;
    first += 1;
  }
  const kept = words.slice(first);
  const tokens = kept.flatMap((w) => tokenize(w));
  const content = tokens.filter((t) => !STOPWORDS.has(t) && !BOILERPLATE.has(t));
  const terms = [...new Set(content.map(stemWord))];
  if (!terms.length) return null;
  // In "any concerns raised" the participle describes and the noun names: "concern" alone is the facet.
  const named = content.filter((t) => !t.endsWith("ed")).map(stemWord);
  const isNegated = tokens.some((t) => NEGATIONS.has(t));
  const entries = STEMMED_TABLE.filter(
    (e) => terms.some((t) => e.triggerStems.has(t)) && !(e.negation === "excluded" && isNegated) && !(e.negation === "required" && !isNegated),
  );
  const label = kept.slice(0, 12).join(" ");
  // A cue that only repeats an instruction word ("skip*" for "skipped") would count that word twice.
  const termSet = new Set(terms);
  const isLiteral = (id: number) => {
    const words = CUES.byId[id]?.words ?? [];
    return words.some((w) => termSet.has(stemWord(w))) && words.every((w) => STOPWORDS.has(w) || termSet.has(stemWord(w)));
  };
  return {
    label: label.charAt(0).toUpperCase() + label.slice(1),
    terms,
    heads: new Set(named.length ? named : terms),
    cueIds: new Set(entries.flatMap((e) => e.cueIds).filter((id) => !isLiteral(id))),
    contraryIds: new Set(entries.flatMap((e) => e.contraryIds)),
    prefersStatements: entries.some((e) => e.prefersStatements),
  };
}

/** Per-sentence scores for one facet; only sentences sharing a word or a cue with it are visited. */
type FacetScores = { score: Map<number, number>; term: Map<number, number> };

function scoreFacet(facet: Facet, transcript: Transcript): FacetScores {
  const term = new Map<number, number>();
  const headHits = new Map<number, number>();
  const cueWeights = new Map<number, [number, number]>();
  for (const t of facet.terms) {
    const weight = transcript.idf(t);
    const isHead = facet.heads.has(t);
    for (const at of transcript.byStem.get(t) ?? []) {
      term.set(at, (term.get(at) ?? 0) + weight);
      if (isHead) headHits.set(at, (headHits.get(at) ?? 0) + 1);
    }
  }
  for (const id of facet.cueIds) {
    const weight = CUES.byId[id]?.isPhrase ? CUE_PHRASE_WEIGHT : CUE_WEIGHT;
    for (const at of transcript.byCue.get(id) ?? []) {
      const [best, second] = cueWeights.get(at) ?? [0, 0];
      cueWeights.set(at, weight > best ? [weight, best] : [best, Math.max(second, weight)]);
    }
  }
  const score = new Map<number, number>();
  for (const at of new Set([...term.keys(), ...cueWeights.keys()])) {
    const sentence = transcript.sentences[at];
    if (!sentence) continue;
    // The strongest cue counts in full, a second one by half: corroboration, not repetition.
    const [bestCue, secondCue] = cueWeights.get(at) ?? [0, 0];
    const cueScore = bestCue + secondCue / 2;
    // Naming the facet is evidence however common its words are: "design" in every answer has a low
    // rarity weight, but the design was certainly discussed. A floor, not a bonus.
    const termScore = headHits.get(at) === facet.heads.size ? Math.max(term.get(at) ?? 0, MIN_FACET_SCORE) : (term.get(at) ?? 0);
    let factor = 1;
    if (facet.prefersStatements && sentence.isQuestion) factor *= QUESTION_PENALTY;
    if (facet.prefersStatements && transcript.isMultiSpeaker && sentence.speaker === transcript.interviewer) factor *= INTERVIEWER_PENALTY;
    if (sentence.cues.some((id) => facet.contraryIds.has(id))) factor *= CONTRARY_PENALTY;
    score.set(at, (termScore + cueScore) * factor);
  }
  return { score, term };
}

// ─── Formatting ────────────────────────────────────────────────────────────────────────────────

/** m:ss, or h:mm:ss from an hour on. */
function formatTimestamp(ms: number): string {
  const total = Math.floor(finiteTime(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

const quote = (s: Sentence) => `“${s.text}” (${s.speaker}, ${formatTimestamp(s.start)})`;

const MAX_NAMED_SPEAKERS = 4;

function joinNames(names: readonly string[]): string {
  if (names.length > MAX_NAMED_SPEAKERS) return `${names.slice(0, MAX_NAMED_SPEAKERS - 1).join(", ")} and ${names.length - MAX_NAMED_SPEAKERS + 1} others`;
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function header(segments: readonly SummaryInputSegment[], sentences: readonly Sentence[]): string {
  // A loop, not Math.max(...spread): spreading 100k+ segments overflows the call stack.
  let last = 0;
  for (const s of segments) last = Math.max(last, finiteTime(s.end), finiteTime(s.start));
  const duration = formatTimestamp(last);
  const speakers = [...new Set(sentences.map((s) => s.speaker))];
  return speakers.length === 1
    ? `Summary of a ${duration} interview in which only ${speakers[0]} spoke.`
    : `Summary of a ${duration} interview between ${joinNames(speakers)}.`;
}

// ─── Summary ───────────────────────────────────────────────────────────────────────────────────

type FacetPick = { facet: Facet; picks: Sentence[] };

/**
 * In instruction order, each facet takes its best sentences not quoted yet, so facets don't all
 * repeat the richest answer. A facet whose only evidence was already quoted reuses it rather than
 * claiming "not discussed".
 */
function pickPerFacet(facets: readonly Facet[], transcript: Transcript): FacetPick[] {
  // Keyed by wording, not position: a sentence repeated later is still the same quote.
  const used = new Set<string>();
  const wordings = new Map<number, string>();
  const wording = (at: number) => {
    let w = wordings.get(at);
    if (w === undefined) wordings.set(at, (w = (transcript.sentences[at]?.text ?? "").toLowerCase().replace(/\s+/g, " ")));
    return w;
  };
  return facets.map((facet) => {
    const ranked = [...scoreFacet(facet, transcript).score]
      .filter(([at, score]) => score >= MIN_FACET_SCORE && isQuotable(transcript.sentences[at]))
      .sort(([a, x], [b, y]) => y - x || a - b);
    const best = ranked.find(([at]) => !used.has(wording(at))) ?? ranked[0];
    const second = best && ranked.find(([at]) => at !== best[0] && !used.has(wording(at)) && wording(at) !== wording(best[0]));
    const picks = best ? [best] : [];
    if (best && second && second[1] >= best[1] * SECOND_QUOTE_RATIO) picks.push(second);
    for (const [at] of picks) used.add(wording(at));
    return { facet, picks: picks.flatMap(([at]) => transcript.sentences[at] ?? []).sort((a, b) => a.index - b.index) };
  });
}

const isQuotable = (s: Sentence | undefined): s is Sentence => Boolean(s && s.isQuotable && !s.isSmallTalk);

function facetParagraph({ facet, picks }: FacetPick): string {
  return picks.length ? `${facet.label}: ${picks.map(quote).join(" Also: ")}` : `${facet.label}: not discussed in this interview.`;
}

/**
 * Drop second quotes from the last facet backwards, then whole facets, until the summary fits;
 * facets dropped here or beyond MAX_FACETS are owned up to in a closing note.
 */
function fitFacetSummary(head: string, picks: readonly FacetPick[], unsummarized: number): string {
  const render = (ps: readonly FacetPick[]) => [head, ...ps.map(facetParagraph)].join("\n\n");
  const current = [...picks];
  for (let i = current.length - 1; i >= 0 && render(current).length > SUMMARY_MAX_CHARS; i -= 1) {
    const p = current[i];
    if (p && p.picks.length > 1) current[i] = { ...p, picks: p.picks.slice(0, 1) };
  }
  const paragraphs = [head, ...current.map(facetParagraph)];
  const kept = fitParagraphs(paragraphs);
  const omitted = paragraphs.length - kept.split("\n\n").length + unsummarized;
  if (!omitted) return kept;
  const note = (n: number) => `(${n} more ${n === 1 ? "facet" : "facets"} omitted for length.)`;
  // Make room for the note by dropping one more facet if needed.
  const withNote = `${kept}\n\n${note(omitted)}`;
  if (withNote.length <= SUMMARY_MAX_CHARS) return withNote;
  const shorter = kept.split("\n\n").slice(0, -1).join("\n\n");
  return `${shorter}\n\n${note(omitted + 1)}`;
}

/** Whole paragraphs only: cutting inside a quote would misquote the speaker. */
function fitParagraphs(paragraphs: readonly string[]): string {
  const kept = [...paragraphs];
  while (kept.length > 1 && kept.join("\n\n").length > SUMMARY_MAX_CHARS) kept.pop();
  return kept.join("\n\n");
}

/** Without instructions: the opening question, then the three most informative answers, in order. */
function genericParagraphs({ sentences, byStem, idf, interviewer, isMultiSpeaker }: Transcript): string[] {
  const opening =
    sentences.find((s) => s.isQuestion && s.speaker === interviewer && isQuotable(s)) ?? sentences.find((s) => s.isQuestion && s.speaker === interviewer);
  const information = new Float64Array(sentences.length);
  for (const [stem, postings] of byStem) {
    const weight = idf(stem);
    for (const at of postings) information[at] = (information[at] ?? 0) + weight;
  }
  const highlights = sentences
    .filter((s) => isQuotable(s) && !s.isQuestion && !(isMultiSpeaker && s.speaker === interviewer) && s !== opening)
    .sort((a, b) => (information[b.index] ?? 0) - (information[a.index] ?? 0) || a.index - b.index)
    .slice(0, 3)
    .sort((a, b) => a.index - b.index);
  return [...(opening ? [`Opening question: ${quote(opening)}`] : []), ...highlights.map((s) => `Key point: ${quote(s)}`)];
}

// ─── Action items ──────────────────────────────────────────────────────────────────────────────

function listActionItems(facets: readonly Facet[], transcript: Transcript): string[] {
  const scores = facets.map((facet) => ({ facet, ...scoreFacet(facet, transcript) }));
  const seenText = new Set<string>();
  const candidates: { sentence: Sentence; score: number; strength: number; label: string }[] = [];
  for (const sentence of transcript.sentences) {
    const strength = sentence.actionStrength;
    if (strength === 0 || !sentence.isQuotable) continue;
    if (sentence.isSmallTalk && strength < COMMITMENT) continue;
    let best: { facet: Facet; score: number; term: number } | null = null;
    for (const { facet, score, term } of scores) {
      const s = score.get(sentence.index) ?? 0;
      if (!best || s > best.score) best = { facet, score: s, term: term.get(sentence.index) ?? 0 };
    }
    // A weak cue ("let's", "could you") only counts in a statement that uses the instruction's own words.
    if (strength < STRONG_ACTION && (sentence.isQuestion || !best || best.term === 0)) continue;
    const key = sentence.text.toLowerCase().replace(/\s+/g, " ");
    if (seenText.has(key)) continue;
    seenText.add(key);
    const matched = best && best.score >= MIN_FACET_SCORE ? best : null;
    // A question is a request: it ranks below statements of intent with the same match.
    const rank = matched ? matched.score * (sentence.isQuestion ? QUESTION_PENALTY : 1) : 0;
    // Rounded so near-equal facet scores fall through to cue strength, then to time.
    candidates.push({ sentence, score: Math.round(rank * 10) / 10, strength, label: matched?.facet.label ?? "Follow-up" });
  }
  return candidates
    .sort((a, b) => b.score - a.score || b.strength - a.strength || a.sentence.index - b.sentence.index)
    .slice(0, MAX_ACTION_ITEMS)
    .map((c) => `${c.label} — ${quote(c.sentence)}`);
}

// ─── Entry point ───────────────────────────────────────────────────────────────────────────────

export function summarizeInterview(input: {
  segments: readonly SummaryInputSegment[];
  summaryInstructions: string;
  actionItemsInstructions: string;
}): InterviewSummaryResult {
  const transcript = readTranscript(input.segments);
  if (!transcript.sentences.length) return { summary: "The transcript was empty: nothing was said, so there is nothing to summarize.", actionItems: [] };
  const head = header(input.segments, transcript.sentences);
  const facets = parseFacets(input.summaryInstructions ?? "");
  const summary = facets.length
    ? fitFacetSummary(head, pickPerFacet(facets.slice(0, MAX_FACETS), transcript), Math.max(0, facets.length - MAX_FACETS))
    : fitParagraphs([head, ...genericParagraphs(transcript)]);
  return { summary, actionItems: listActionItems(parseFacets(input.actionItemsInstructions ?? ""), transcript) };
}
