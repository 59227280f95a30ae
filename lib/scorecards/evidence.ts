/**
 * Pure: maps each competency of a scorecard to its evidence (issue 15, DESIGN "Scorecards and
 * feedback"): transcript moments (speaker, start, quote), summary sentences and action items, each
 * with the cue that matched and the exact words that matched it, so a reviewer can see why.
 *
 * A cue matches a text when all its content words (stop-words dropped, stemmed: text-match.ts) fall
 * within CUE_WINDOW_TOKENS tokens of one segment, sentence or item, in any order; a one-word cue
 * matches that stem anywhere. Each text is tokenised once and indexed stem → texts, and a cue is
 * only tried on the texts holding its rarest stem, so a 60-minute transcript maps in milliseconds.
 *
 * Per competency a text counts once, under its strongest cue. Evidence is ordered by strength
 * (more of the competency's cues in the same text, then a cue of more words, then a tighter
 * match), then by time (start, then position), and capped per kind (EVIDENCE_CAPS). A competency
 * with no evidence is `covered: false` ("Not covered"). Text is only ever compared and quoted.
 *
 * A summary organised by the competencies (what summary-instructions.ts asks Nylas for) names each
 * one as a heading or a label ("System design: …", "Mentoring: Not covered."): that name is not
 * evidence, so it is left out of the sentence before matching (withoutCompetencyLabel).
 */
import type { TCompetency } from "./scorecard";
import { compileCue, findCueWindow, sentenceBounds, splitSentences, tokenize, type Cue, type Token, type WindowMatch } from "./text-match";

export type EvidenceSegment = { position: number; speaker: string | null; startMs: number | null; text: string };
export type EvidenceActionItem = { position: number; text: string };

type Explained = { quote: string; cue: string; matched: string[] };
export type Evidence =
  | ({ kind: "moment"; segmentPosition: number; speaker: string | null; startMs: number | null } & Explained)
  | ({ kind: "summary"; sentenceIndex: number } & Explained)
  | ({ kind: "action_item"; position: number } & Explained);
export type EvidenceKind = Evidence["kind"];

export type CompetencyEvidence = { key: string; name: string; covered: boolean; evidence: Evidence[] };

export type MapEvidenceInput = {
  scorecard: { competencies: readonly Pick<TCompetency, "key" | "name" | "cues">[] };
  segments: readonly EvidenceSegment[];
  summary: string | null;
  actionItems: readonly EvidenceActionItem[];
  /** Speakers whose words are not evidence (e.g. the interviewer's labels), compared case-insensitively. */
  ignoreSpeakers?: readonly string[];
};

export const EVIDENCE_CAPS: Readonly<Record<EvidenceKind, number>> = { moment: 8, summary: 3, action_item: 3 };
export const QUOTE_MAX_CHARS = 240;
const ELLIPSIS = "…";

type Doc = { text: string; tokens: Token[] };
type Corpus = { docs: Doc[]; index: Map<string, number[]> };
type Hit = { doc: number; cue: Cue; window: WindowMatch; cueCount: number };

function buildCorpus(texts: readonly string[]): Corpus {
  const stems = new Map<string, string>();
  const docs = texts.map((text) => ({ text, tokens: tokenize(text, stems) }));
  const index = new Map<string, number[]>();
  docs.forEach((doc, d) => {
    for (const token of doc.tokens) {
      const list = index.get(token.stem);
      if (!list) index.set(token.stem, [d]);
      else if (list[list.length - 1] !== d) list.push(d);
    }
  });
  return { docs, index };
}

/** Texts holding every stem of the cue, found through its rarest stem; [] when a stem occurs nowhere. */
function candidates(corpus: Corpus, cue: Cue): number[] {
  let rarest: number[] | undefined;
  for (const stem of cue.stems) {
    const list = corpus.index.get(stem);
    if (!list) return [];
    if (!rarest || list.length < rarest.length) rarest = list;
  }
  return rarest ?? [];
}

/** A stronger hit sorts first: more cues of the competency in the text, a cue of more words, a tighter window, the earlier cue. */
function compareStrength(a: Hit, b: Hit): number {
  return b.cueCount - a.cueCount || b.cue.stems.length - a.cue.stems.length || a.window.last - a.window.first - (b.window.last - b.window.first);
}

/** Per text, the strongest matching cue of the competency (cues tried in scorecard order, so ties keep the first). */
function hitsFor(corpus: Corpus, cues: readonly Cue[]): Hit[] {
  const byDoc = new Map<number, Hit>();
  for (const cue of cues) {
    for (const d of candidates(corpus, cue)) {
      const window = findCueWindow(corpus.docs[d]!.tokens, cue.stems);
      if (!window) continue;
      const hit: Hit = { doc: d, cue, window, cueCount: 1 };
      const previous = byDoc.get(d);
      if (!previous) byDoc.set(d, hit);
      else {
        hit.cueCount = previous.cueCount + 1;
        previous.cueCount = hit.cueCount;
        if (compareStrength(hit, previous) < 0) byDoc.set(d, hit);
      }
    }
  }
  return [...byDoc.values()];
}

/** The sentence(s) of `text` around [from, to), cut to `max` characters centred on the match, with ellipses where cut. */
export function quoteAround(text: string, from: number, to: number, max: number = QUOTE_MAX_CHARS): string {
  const bounds = sentenceBounds(text);
  let start = 0;
  let end = text.length;
  for (const [s, e] of bounds) {
    if (s <= from && from < Math.max(e, s + 1)) start = s;
    if (s < to && to <= e) end = e;
  }
  const sentence = text.slice(start, end);
  const lead = sentence.length - sentence.trimStart().length;
  start += lead;
  end = start + sentence.trim().length;
  if (end - start <= max) return text.slice(start, end);

  const room = max - 2 * ELLIPSIS.length;
  const pad = Math.max(0, Math.floor((room - (to - from)) / 2));
  let a = Math.max(start, from - pad);
  let b = Math.min(end, a + room);
  a = Math.max(start, b - room);
  // Cut at word boundaries, never into the matched words.
  if (a > start) {
    const space = text.indexOf(" ", a);
    if (space !== -1 && space < from) a = space + 1;
  }
  if (b < end) {
    const space = text.lastIndexOf(" ", b);
    if (space > to) b = space;
  }
  return `${a > start ? ELLIPSIS : ""}${text.slice(a, b).trim()}${b < end ? ELLIPSIS : ""}`;
}

function explain(doc: Doc, hit: Hit): Explained {
  const tokens = hit.window.tokenIndexes.map((i) => doc.tokens[i]!);
  const from = doc.tokens[hit.window.first]!.start;
  const to = doc.tokens[hit.window.last]!.end;
  return { quote: quoteAround(doc.text, from, to), cue: hit.cue.text, matched: tokens.map((t) => doc.text.slice(t.start, t.end)) };
}

function compareTime(a: EvidenceSegment, b: EvidenceSegment): number {
  if (a.startMs !== b.startMs) {
    if (a.startMs === null) return 1;
    if (b.startMs === null) return -1;
    return a.startMs - b.startMs;
  }
  return a.position - b.position;
}

/** After a name: a colon, a spaced dash, or the end (a heading, with emphasis or a full stop). */
const LABEL_END = /^[*_]*(?:\s*:\s*|\s+[\u2013\u2014-]\s+|\.?\s*$)/;

/**
 * The summary sentence without a competency's name heading it: "**System design**: They chose…"
 * → "They chose…", "System design" → "". Names are compared case-insensitively, the longest first;
 * a name that merely starts a sentence ("Testing mattered") is kept.
 */
export function withoutCompetencyLabel(sentence: string, names: readonly string[]): string {
  const text = sentence.replace(/^[*_\s]+/, "");
  const lower = text.toLowerCase();
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (!name || !lower.startsWith(name.toLowerCase())) continue;
    const end = LABEL_END.exec(text.slice(name.length));
    if (end) return text.slice(name.length + end[0].length).trim();
  }
  return sentence;
}

/** Evidence per competency, in scorecard order. Deterministic: the same input gives the same output. */
export function mapEvidence(input: MapEvidenceInput): CompetencyEvidence[] {
  const ignored = new Set((input.ignoreSpeakers ?? []).map((s) => s.toLowerCase()));
  const segments = input.segments.filter((s) => s.speaker === null || !ignored.has(s.speaker.toLowerCase()));
  // Indexes stay those of splitSentences(summary): a heading-only sentence becomes "" and maps nothing.
  const names = input.scorecard.competencies.map((c) => c.name);
  const sentences = input.summary ? splitSentences(input.summary).map((sentence) => withoutCompetencyLabel(sentence, names)) : [];
  const moments = buildCorpus(segments.map((s) => s.text));
  const summary = buildCorpus(sentences);
  const items = buildCorpus(input.actionItems.map((a) => a.text));

  return input.scorecard.competencies.map((competency) => {
    const cues = competency.cues.map(compileCue).filter((c) => c.stems.length > 0);

    const momentEvidence = hitsFor(moments, cues)
      .sort((a, b) => compareStrength(a, b) || compareTime(segments[a.doc]!, segments[b.doc]!))
      .slice(0, EVIDENCE_CAPS.moment)
      .map((hit): Evidence => {
        const segment = segments[hit.doc]!;
        return { kind: "moment", segmentPosition: segment.position, speaker: segment.speaker, startMs: segment.startMs, ...explain(moments.docs[hit.doc]!, hit) };
      });
    const summaryEvidence = hitsFor(summary, cues)
      .sort((a, b) => compareStrength(a, b) || a.doc - b.doc)
      .slice(0, EVIDENCE_CAPS.summary)
      .map((hit): Evidence => ({ kind: "summary", sentenceIndex: hit.doc, ...explain(summary.docs[hit.doc]!, hit) }));
    const itemEvidence = hitsFor(items, cues)
      .sort((a, b) => compareStrength(a, b) || input.actionItems[a.doc]!.position - input.actionItems[b.doc]!.position)
      .slice(0, EVIDENCE_CAPS.action_item)
      .map((hit): Evidence => ({ kind: "action_item", position: input.actionItems[hit.doc]!.position, ...explain(items.docs[hit.doc]!, hit) }));

    const evidence = [...momentEvidence, ...summaryEvidence, ...itemEvidence];
    return { key: competency.key, name: competency.name, covered: evidence.length > 0, evidence };
  });
}
