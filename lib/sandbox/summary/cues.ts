/**
 * Pure: the spoken cues the sandbox Notetaker's summary listens for. The built-in widening of
 * common hiring facets (CUE_TABLE), the signs of a follow-up (ACTION_CUES) and of small talk,
 * compiled once into a lexicon that matches them in a single pass per sentence.
 */
import { STOPWORDS, stemWord, tokenize } from "./words";

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

const SKIPPED_CUES = ["didn't get to", "did not get to", "ran out of time", "out of time", "close to time", "skip*", "not cover*", "didn't cover", "next time", "come back to", "no time"];

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
      "design*",
      "trade-off*",
      "tradeoff*",
      "implement*",
      "architect*",
      "scal*",
      "latenc*",
      "throughput",
      "index*",
      "cach*",
      "queue*",
      "database*",
      "schema*",
      "idempoten*",
      "concurren*",
      "consisten*",
      "partition*",
      "api*",
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
  ["next round", 3],
  ["follow up", 3],
  ["followup", 3],
  ["probe*", 3],
  ["dig into", 3],
  ["dig deeper", 3],
  ["verif*", 3],
  ["action item*", 3],
  ["could you send", 3],
  ["can you send", 3],
  ["please send", 3],
  ["could you share", 3],
  ["can you share", 3],
  ["please share", 3],
  ["reference*", 2.5],
  ["schedule*", 2],
  ["we should", 2],
  ["next time", 2],
  ["didn't get to", 2],
  ["ran out of time", 2],
  ["debrief*", 2],
  ["committee", 2],
  ["loop in", 2],
  ["get back to", 2],
  ["circle back", 2],
  ["reach out", 2],
  ["i'd like to", 1.5],
  ["let's", 1],
  ["could you", 1],
  // A bare "send" or "share" is as often a fact ("our shippers send two million events") as a task.
  ["send*", 1.5],
  ["share*", 1.5],
];
/**
 * "I'll also check", "we will send": a first-person commitment to a follow-up verb. Only first
 * person: "the service will send a webhook" describes a system, not a task.
 */
const COMMITTERS = new Set(["i'll", "we'll"]);
const FOLLOW_UP_VERBS = /^(send|shar|check|schedul|verif|confirm|follow|reach|loop|ask|arrang|book|forward|introduc)/;
export const STRONG_ACTION = 2;
export const COMMITMENT = 3;

/** Phrases, not topics: "weather" alone would drop "the weather service API" from a summary. */
const SMALL_TALK = [
  "hear me",
  "how are you",
  "how's it going",
  "nice to meet",
  "thanks for",
  "thank you",
  "the weather",
  "good morning",
  "good afternoon",
  "good evening",
  "your weekend",
  "great weekend",
  "nice weekend",
  "get started",
  "see my screen",
  "can you see",
  "loud and clear",
  "on mute",
];

/** `isPhrase`: several words as written; "trade-off" is one word that tokenizes as two. */
export type CompiledCue = { id: number; words: string[]; prefixLast: boolean[]; isPhrase: boolean };

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

export const CUES = compileCues([...CUE_TABLE.flatMap((e) => e.cues), ...ACTION_CUES.map(([c]) => c), ...SMALL_TALK]);
const cueId = (phrase: string) => CUES.ids.get(phrase) ?? -1;
export const STEMMED_TABLE = CUE_TABLE.map((e) => ({
  ...e,
  triggerStems: new Set(e.triggers.map(stemWord)),
  cueIds: e.cues.map(cueId),
  contraryIds: (e.contrary ?? []).map(cueId),
}));
const ACTION_STRENGTH = new Map(ACTION_CUES.map(([c, s]) => [cueId(c), s]));
export const SMALL_TALK_IDS = new Set(SMALL_TALK.map(cueId));

const NO_CUES: readonly number[] = [];

/** What the transcript reader needs to know about one distinct word, computed once per word. */
export type Lexeme = { stem: string | null; cues: readonly CompiledCue[] };

const lexicon = new Map<string, Lexeme>();
const MAX_LEXICON = 50_000;

export function lookUp(token: string): Lexeme {
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
export function matchCues(tokens: readonly string[], lexemes: readonly Lexeme[]): readonly number[] {
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

export function actionStrength(cues: readonly number[], isCommitment: boolean): number {
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

export function hasCommitment(tokens: readonly string[]): boolean {
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i] ?? "";
    const isCommitter = COMMITTERS.has(t) || (t === "will" && (tokens[i - 1] === "i" || tokens[i - 1] === "we"));
    if (!isCommitter) continue;
    // Within three words: "I'll also check", "we will then send".
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j += 1) if (FOLLOW_UP_VERBS.test(tokens[j] ?? "")) return true;
  }
  return false;
}
