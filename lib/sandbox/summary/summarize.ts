/**
 * Pure: the sandbox Notetaker's "AI" summary and action items. Real Nylas runs an LLM over the
 * transcript; offline we stay honest instead: every statement is a verbatim quote of a transcript
 * sentence with its speaker and timestamp, chosen by how well it matches the words of the
 * configuration's own instructions, so editing an instruction visibly changes the next summary.
 * Deterministic: no randomness, no clock, no network.
 *
 * The reading happens in sibling modules: words.ts (tokens and stems), cues.ts (spoken cues),
 * sentences.ts (the transcript as indexed sentences) and facets.ts (instructions → scored facets).
 * This module picks the quotes and writes the summary and the action items.
 */
import { COMMITMENT, STRONG_ACTION } from "./cues";
import { MIN_FACET_SCORE, parseFacets, QUESTION_PENALTY, scoreFacet, type Facet } from "./facets";
import { finiteTime, readTranscript, type Sentence, type SummaryInputSegment, type Transcript } from "./sentences";

export type { SummaryInputSegment };
export type InterviewSummaryResult = { summary: string; actionItems: string[] };

const SUMMARY_MAX_CHARS = 2_500;
const MAX_FACETS = 8;
const MAX_ACTION_ITEMS = 8;
/** A second quote for a facet must be nearly as good as the first. */
const SECOND_QUOTE_RATIO = 0.8;

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
  return speakers.length === 1 ? `Summary of a ${duration} interview in which only ${speakers[0]} spoke.` : `Summary of a ${duration} interview between ${joinNames(speakers)}.`;
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
    const ranked = [...scoreFacet(facet, transcript).score].filter(([at, score]) => score >= MIN_FACET_SCORE && isQuotable(transcript.sentences[at])).sort(([a, x], [b, y]) => y - x || a - b);
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
  if (picks.length) return `${facet.label}: ${picks.map(quote).join(" Also: ")}`;
  // A topic of its own (a scorecard's competency) asks for "Not covered" when nobody touched it.
  return facet.phrases ? `${facet.label}: Not covered.` : `${facet.label}: not discussed in this interview.`;
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
  const opening = sentences.find((s) => s.isQuestion && s.speaker === interviewer && isQuotable(s)) ?? sentences.find((s) => s.isQuestion && s.speaker === interviewer);
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

export function summarizeInterview(input: { segments: readonly SummaryInputSegment[]; summaryInstructions: string; actionItemsInstructions: string }): InterviewSummaryResult {
  const transcript = readTranscript(input.segments);
  if (!transcript.sentences.length) return { summary: "The transcript was empty: nothing was said, so there is nothing to summarize.", actionItems: [] };
  const head = header(input.segments, transcript.sentences);
  const facets = parseFacets(input.summaryInstructions ?? "");
  // Every topic of its own (a scorecard's competencies), then up to MAX_FACETS of the admin's
  // clauses. Each group picks its quotes on its own: a competency's best quote may also be the best
  // answer to the admin's own question.
  const topics = facets.filter((f) => f.phrases);
  const own = facets.filter((f) => !f.phrases);
  const summary = facets.length
    ? fitFacetSummary(head, [...pickPerFacet(topics, transcript), ...pickPerFacet(own.slice(0, MAX_FACETS), transcript)], Math.max(0, own.length - MAX_FACETS))
    : fitParagraphs([head, ...genericParagraphs(transcript)]);
  return { summary, actionItems: listActionItems(parseFacets(input.actionItemsInstructions ?? ""), transcript) };
}
