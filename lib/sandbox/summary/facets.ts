/**
 * Pure: the configuration's instructions read as facets ("technical skills demonstrated",
 * "communication quality", "any concerns raised"), each widened with the spoken cues its words
 * trigger, and scored against every transcript sentence that shares a word or a cue with it.
 */
import { CUES, STEMMED_TABLE } from "./cues";
import type { Transcript } from "./sentences";
import { BOILERPLATE, LABEL_WORD, LEADING_FILLER, NEGATIONS, normalizeApostrophes, STOPWORDS, stemWord, tokenize } from "./words";

/** A bound on work, not on output: instructions pasted from a whole document still parse quickly. */
const MAX_PARSED_FACETS = 64;
/** A cue word is worth a moderately rare instruction word; a cue phrase, being more specific, a rare one. */
const CUE_WEIGHT = 2.5;
const CUE_PHRASE_WEIGHT = 4;
/** Below this a facet match is a coincidence (one very common word), not evidence. */
export const MIN_FACET_SCORE = 2;
/** Skill-type facets are evidenced by what someone states, less by the questions asked about it… */
export const QUESTION_PENALTY = 0.6;
/** …and by what the interviewee says rather than the interviewer ("I lead the payments team"). */
const INTERVIEWER_PENALTY = 0.5;
const CONTRARY_PENALTY = 0.3;

/**
 * `heads`: the terms that name the facet; saying all of them clears the evidence threshold on its own.
 * `phrases`: set on a topic of its own ("### " heading, e.g. a competency of the role's scorecard):
 * its name and each cue, as stems; a sentence is evidence when it says every word of one of them.
 */
export type Facet = {
  label: string;
  terms: string[];
  heads: Set<string>;
  cueIds: Set<number>;
  contraryIds: Set<number>;
  prefersStatements: boolean;
  phrases?: string[][];
};

/** Markup is not instruction: tags and entities become spaces, the words between them stay words. */
function stripMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, " ").replace(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/gi, " ");
}

/**
 * "Focus on technical skills demonstrated, communication quality, and any concerns raised." →
 * "technical skills demonstrated" · "communication quality" · "any concerns raised".
 *
 * Instructions may go on in markdown sections, as the portal's scorecard does (one "### name"
 * per competency, with a "Listen for: a; b" line): each "### " heading is a topic of its own, named
 * exactly so and evidenced by its words or by one of its cues said in full. Topics come first (a
 * summary organised by them), then the facets of the text before the first heading. Other headings,
 * and text that is not a topic's cues, only frame the topics.
 */
export function parseFacets(instructions: string): Facet[] {
  const { own, topics } = splitSections(instructions);
  const topicFacets = topics.flatMap((topic) => topicFacet(topic) ?? []);
  // The admin's "research" is the topic "User research": said once, under the topic.
  const named = topicFacets.map((t) => new Set(t.phrases?.[0] ?? []));
  return [...topicFacets, ...parseOwnFacets(own).filter((f) => !named.some((name) => f.terms.every((t) => name.has(t))))];
}

type Topic = { name: string; cues: string[] };

function splitSections(instructions: string): { own: string; topics: Topic[] } {
  const lines = instructions.split(/\r?\n/);
  const first = lines.findIndex((line) => /^#{1,6}\s/.test(line));
  if (first === -1) return { own: instructions, topics: [] };
  const topics: Topic[] = [];
  let current: Topic | null = null;
  for (const line of lines.slice(first)) {
    const heading = /^(#{1,6})\s+(.*\S)\s*$/.exec(line);
    if (heading) {
      current = heading[1] === "###" ? { name: heading[2]!, cues: [] } : null;
      if (current) topics.push(current);
      continue;
    }
    const cues = /^\s*listen for:\s*(.+)$/i.exec(line);
    if (cues && current)
      current.cues.push(
        ...cues[1]!
          .split(";")
          .map((c) => c.trim())
          .filter(Boolean),
      );
  }
  return { own: lines.slice(0, first).join("\n"), topics };
}

const phraseStems = (text: string) => [
  ...new Set(
    tokenize(normalizeApostrophes(text))
      .filter((t) => !STOPWORDS.has(t) && !BOILERPLATE.has(t))
      .map(stemWord),
  ),
];

/** A topic's facet: labelled with its exact heading, evidenced by the heading or one of its cues said in full. */
function topicFacet({ name, cues }: Topic): Facet | null {
  const phrases = [name, ...cues].map(phraseStems).filter((p) => p.length > 0);
  if (phrases.length === 0) return null;
  const terms = [...new Set(phrases.flat())];
  return { label: name, terms, heads: new Set(phrases[0]), cueIds: new Set(), contraryIds: new Set(), prefersStatements: true, phrases };
}

function parseOwnFacets(instructions: string): Facet[] {
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
  const entries = STEMMED_TABLE.filter((e) => terms.some((t) => e.triggerStems.has(t)) && !(e.negation === "excluded" && isNegated) && !(e.negation === "required" && !isNegated));
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
export type FacetScores = { score: Map<number, number>; term: Map<number, number> };

export function scoreFacet(facet: Facet, transcript: Transcript): FacetScores {
  if (facet.phrases) return scorePhrases(facet, facet.phrases, transcript);
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

/**
 * A topic's scores: each sentence that says every word of its name or of a cue gets the
 * rarity of those words (the sum over the phrases it says), with the statement preferences of
 * scoreFacet. Words alone do not count: "review" is not "code review".
 */
function scorePhrases(facet: Facet, phrases: readonly string[][], transcript: Transcript): FacetScores {
  const term = new Map<number, number>();
  for (const phrase of phrases) {
    const postings = phrase.map((stem) => new Set(transcript.byStem.get(stem) ?? []));
    const [first, ...rest] = postings.sort((a, b) => a.size - b.size);
    const weight = phrase.reduce((sum, stem) => sum + transcript.idf(stem), 0);
    for (const at of first ?? []) if (rest.every((p) => p.has(at))) term.set(at, (term.get(at) ?? 0) + weight);
  }
  const score = new Map<number, number>();
  for (const [at, value] of term) {
    const sentence = transcript.sentences[at];
    if (!sentence) continue;
    let factor = 1;
    if (sentence.isQuestion) factor *= QUESTION_PENALTY;
    if (transcript.isMultiSpeaker && sentence.speaker === transcript.interviewer) factor *= INTERVIEWER_PENALTY;
    score.set(at, Math.max(value, MIN_FACET_SCORE) * factor);
  }
  return { score, term };
}
