/**
 * Pure: everyone's feedback on one application side by side (issue 15, DESIGN "Candidate page"):
 * a grid of competencies × interviewers with each rating and how much evidence backs it, who
 * recommended what, and the competencies no interview covered.
 *
 * - Rows: the union of the competencies on the interviews' scorecard versions, by key, named as
 *   the newest version (highest version number) names them; the newest version's order first, then
 *   competencies only older versions have.
 * - Columns: one per submitted feedback (an interviewer who ran two interviews of the application
 *   has two columns, labelled "Name (1)", "Name (2)"), in the order given.
 * - A cell: the rating (null when not rated) and the evidence count, that is the evidence items the
 *   evidence job found for the competency in that interview (InterviewEvidence) plus the transcript
 *   moments the interviewer cited that the job had not already found. A competency that is not on
 *   that interview's scorecard (nor rated, nor evidenced there) has no cell (null).
 * - Not covered: a competency with no evidence in any interview and no rating in any feedback.
 *
 * The stored JSON (scorecard versions, evidence, feedback competencies) is read leniently by the
 * read* helpers: an entry of the wrong shape is skipped rather than failing the page.
 */
import { isRating, RATINGS, type Rating } from "./ratings";

export type GridCompetency = { key: string; name: string };
export type GridScorecard = { version: number; competencies: readonly GridCompetency[] };
/** One competency's evidence in an interview: its items, with the transcript positions of its moments. */
export type GridEvidence = { key: string; items: number; momentPositions: readonly number[] };
export type GridInterview = { id: string; scorecard: GridScorecard | null; evidence: readonly GridEvidence[] };
export type GridFeedbackCompetency = { key: string; rating: Rating | null; citedMoments: readonly number[] };
export type GridFeedback = {
  id: string;
  interviewId: string;
  interviewer: { id: string; name: string };
  overallRecommendation: Rating | null;
  competencies: readonly GridFeedbackCompetency[];
};

export type GridColumn = { feedbackId: string; interviewId: string; interviewer: { id: string; name: string }; label: string; recommendation: Rating | null };
export type GridCell = { rating: Rating | null; evidenceCount: number };
/** `cells` in column order; null where the competency is not part of that interview. */
export type GridRow = GridCompetency & { cells: (GridCell | null)[]; isCovered: boolean };
export type RecommendationTally = { recommendation: Rating; labels: string[] };
export type FeedbackGrid = {
  columns: GridColumn[];
  rows: GridRow[];
  notCovered: GridCompetency[];
  /** Who recommended what, strongest no first; only recommendations someone gave. */
  tally: RecommendationTally[];
};

export type BuildFeedbackGridInput = {
  /** The application's interviews that count (the caller leaves cancelled ones out). */
  interviews: readonly GridInterview[];
  /** Submitted feedback on those interviews, in column order. */
  feedback: readonly GridFeedback[];
};

/** Row names and order: the newest scorecard version first, then what only older versions have. */
function competencyRows(interviews: readonly GridInterview[]): GridCompetency[] {
  const versions = interviews.flatMap((i) => (i.scorecard ? [i.scorecard] : [])).sort((a, b) => b.version - a.version);
  const rows = new Map<string, GridCompetency>();
  for (const scorecard of versions) {
    for (const competency of scorecard.competencies) if (!rows.has(competency.key)) rows.set(competency.key, { key: competency.key, name: competency.name });
  }
  return [...rows.values()];
}

/** Column labels: the interviewer's name, numbered when they wrote more than one of the feedbacks. */
function columnLabels(feedback: readonly GridFeedback[]): string[] {
  const totals = new Map<string, number>();
  for (const f of feedback) totals.set(f.interviewer.id, (totals.get(f.interviewer.id) ?? 0) + 1);
  const seen = new Map<string, number>();
  return feedback.map((f) => {
    const n = (seen.get(f.interviewer.id) ?? 0) + 1;
    seen.set(f.interviewer.id, n);
    return (totals.get(f.interviewer.id) ?? 1) > 1 ? `${f.interviewer.name} (${n})` : f.interviewer.name;
  });
}

function cellFor(key: string, interview: GridInterview | undefined, feedback: GridFeedback): GridCell | null {
  const rated = feedback.competencies.find((c) => c.key === key);
  const evidence = interview?.evidence.find((e) => e.key === key);
  const isOnScorecard = interview?.scorecard?.competencies.some((c) => c.key === key) ?? false;
  if (!isOnScorecard && !rated && !evidence) return null;
  const found = new Set(evidence?.momentPositions ?? []);
  const cited = new Set(rated?.citedMoments ?? []);
  const extra = [...cited].filter((position) => !found.has(position)).length;
  return { rating: rated?.rating ?? null, evidenceCount: (evidence?.items ?? 0) + extra };
}

export function buildFeedbackGrid({ interviews, feedback }: BuildFeedbackGridInput): FeedbackGrid {
  const byId = new Map(interviews.map((i) => [i.id, i]));
  const labels = columnLabels(feedback);
  const columns: GridColumn[] = feedback.map((f, index) => ({
    feedbackId: f.id,
    interviewId: f.interviewId,
    interviewer: f.interviewer,
    label: labels[index]!,
    recommendation: f.overallRecommendation,
  }));

  const rows: GridRow[] = competencyRows(interviews).map((competency) => {
    const cells = feedback.map((f) => cellFor(competency.key, byId.get(f.interviewId), f));
    const hasEvidence = interviews.some((i) => i.evidence.some((e) => e.key === competency.key && e.items > 0));
    const hasRating = feedback.some((f) => f.competencies.some((c) => c.key === competency.key && (c.rating !== null || c.citedMoments.length > 0)));
    return { ...competency, cells, isCovered: hasEvidence || hasRating };
  });

  const tally = RATINGS.map((recommendation) => ({ recommendation, labels: columns.filter((c) => c.recommendation === recommendation).map((c) => c.label) })).filter((t) => t.labels.length > 0);
  return { columns, rows, notCovered: rows.filter((r) => !r.isCovered).map(({ key, name }) => ({ key, name })), tally };
}

// ───────────────────────────── Reading the stored JSON ─────────────────────────────

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isPosition = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** A scorecard version's `competencies` (ZScorecard's list, or an object holding it) → key and name of each. */
export function readCompetencyNames(value: unknown): GridCompetency[] {
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.competencies) ? value.competencies : [];
  return list.flatMap((item: unknown) => (isRecord(item) && typeof item.key === "string" && item.key && typeof item.name === "string" ? [{ key: item.key, name: item.name }] : []));
}

/** InterviewEvidence `competencies` (lib/scorecards/evidence.ts CompetencyEvidence[]) → counts per key. */
export function readEvidenceCounts(value: unknown): GridEvidence[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.key !== "string") return [];
    const evidence = Array.isArray(item.evidence) ? item.evidence.filter(isRecord) : [];
    const momentPositions = evidence.flatMap((e) => (e.kind === "moment" && isPosition(e.segmentPosition) ? [e.segmentPosition] : []));
    return [{ key: item.key, items: evidence.length, momentPositions }];
  });
}

/** A feedback's `competencies` JSON → key, rating and cited moments of each. */
export function readFeedbackCompetencies(value: unknown): GridFeedbackCompetency[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.key !== "string") return [];
    const citedMoments = Array.isArray(item.citedMoments) ? item.citedMoments.filter(isPosition) : [];
    return [{ key: item.key, rating: isRating(item.rating) ? item.rating : null, citedMoments }];
  });
}

/** A stored recommendation, or null when it is not one of the scale's. */
export function readRecommendation(value: unknown): Rating | null {
  return isRating(value) ? value : null;
}
