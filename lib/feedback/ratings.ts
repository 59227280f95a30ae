/**
 * Pure: the feedback form's 4-point scale and what a draft or a submission may hold (issue 15).
 * The labels are the radio options the debrief shows, exactly (DESIGN "Feedback UI contract").
 * A draft is kept as the interviewer types, so only its shape and sizes are checked; a submission
 * must also rate every competency of the interview's scorecard version and give an overall
 * recommendation (validateSubmission).
 */
import { z } from "zod";

export const RATINGS = ["STRONG_NO", "NO", "YES", "STRONG_YES"] as const;
export type Rating = (typeof RATINGS)[number];

/** Whether a stored or submitted value is one of the scale's ratings. */
export const isRating = (value: unknown): value is Rating => typeof value === "string" && (RATINGS as readonly string[]).includes(value);

export const RATING_LABELS: Record<Rating, string> = { STRONG_NO: "Strong no", NO: "No", YES: "Yes", STRONG_YES: "Strong yes" };
export const RATING_SCORES: Record<Rating, 1 | 2 | 3 | 4> = { STRONG_NO: 1, NO: 2, YES: 3, STRONG_YES: 4 };

/** The radio options in display order. */
export const RATING_OPTIONS = RATINGS.map((value) => ({ value, label: RATING_LABELS[value], score: RATING_SCORES[value] }));

export function ratingFromScore(score: number): Rating | null {
  return RATINGS.find((rating) => RATING_SCORES[rating] === score) ?? null;
}

export const MAX_NOTES_CHARS = 2_000;
export const MAX_CITED_MOMENTS = 20;
export const MAX_TAKEAWAYS_CHARS = 5_000;
export const MAX_COMPETENCIES = 50;
export const MAX_DROPPED_SUGGESTIONS = 200;

/** A competency key as the scorecard stores it: a slug, so it is safe inside a dotted field path. */
export const ZCompetencyKey = z
  .string()
  .max(64, "That is not a competency.")
  .regex(/^[a-z0-9][a-z0-9_-]*$/i, "That is not a competency.");

export const ZRating = z.enum(RATINGS, { error: `Choose one of ${RATINGS.map((r) => RATING_LABELS[r]).join(", ")}.` });

export const ZCompetencyFeedback = z.object({
  key: ZCompetencyKey,
  rating: ZRating.optional(),
  notes: z
    .string()
    .max(MAX_NOTES_CHARS, `Keep notes under ${MAX_NOTES_CHARS.toLocaleString("en-US")} characters.`)
    .default(""),
  /** Transcript segment positions the interviewer cites; duplicates are dropped, order kept. */
  citedMoments: z
    .array(z.number().int("That is not a moment of this transcript.").nonnegative("That is not a moment of this transcript."))
    .max(MAX_CITED_MOMENTS, `Cite at most ${MAX_CITED_MOMENTS} moments.`)
    .default([])
    .transform((positions) => [...new Set(positions)]),
  /** Ids of evidence suggestions the interviewer dismissed for this competency. */
  droppedSuggestions: z
    .array(z.string().min(1).max(200))
    .max(MAX_DROPPED_SUGGESTIONS)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type TCompetencyFeedback = z.infer<typeof ZCompetencyFeedback>;

export const ZFeedbackDraft = z.object({
  competencies: z
    .array(ZCompetencyFeedback)
    .max(MAX_COMPETENCIES)
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((competency, index) => {
        if (seen.has(competency.key)) ctx.addIssue({ code: "custom", path: [index, "key"], message: "This competency appears twice." });
        seen.add(competency.key);
      });
    }),
  overallRecommendation: ZRating.optional(),
  keyTakeaways: z
    .string()
    .max(MAX_TAKEAWAYS_CHARS, `Keep key take-aways under ${MAX_TAKEAWAYS_CHARS.toLocaleString("en-US")} characters.`)
    .default(""),
});
export type TFeedbackDraft = z.infer<typeof ZFeedbackDraft>;

/** A submission: every competency rated, the overall recommendation given. */
export type TFeedbackSubmission = Omit<TFeedbackDraft, "overallRecommendation" | "competencies"> & {
  overallRecommendation: Rating;
  competencies: Array<TCompetencyFeedback & { rating: Rating }>;
};

/** Field errors keyed by dotted path: "overallRecommendation", "competencies.design.rating". */
export type FieldErrors = Record<string, string>;
export type SubmissionResult = { ok: true; data: TFeedbackSubmission } | { ok: false; fieldErrors: FieldErrors };

/** A zod issue path with the competency's key in place of its index, when the key is readable. */
function fieldPath(issuePath: readonly PropertyKey[], input: unknown): string {
  const [head, index, ...rest] = issuePath;
  if (head === "competencies" && typeof index === "number") {
    const list = (input as { competencies?: unknown } | null)?.competencies;
    const key = Array.isArray(list) ? (list[index] as { key?: unknown } | undefined)?.key : undefined;
    const name = typeof key === "string" && ZCompetencyKey.safeParse(key).success && !(rest.length === 1 && rest[0] === "key") ? key : String(index);
    return ["competencies", name, ...rest.map(String)].join(".");
  }
  return issuePath.map(String).join(".");
}

function addError(errors: FieldErrors, path: string, message: string) {
  errors[path] ??= message;
}

export type DraftResult = { ok: true; data: TFeedbackDraft } | { ok: false; fieldErrors: FieldErrors };

/** A draft's shape and sizes (ZFeedbackDraft), its errors keyed by dotted path with competency keys. */
export function parseDraft(input: unknown): DraftResult {
  const parsed = ZFeedbackDraft.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) addError(errors, fieldPath(issue.path, input) || "form", issue.message);
  return { ok: false, fieldErrors: errors };
}

/**
 * Checks a submission against the interview's scorecard version (`competencyKeys`): an overall
 * recommendation, a rating for each competency, and nothing for a competency of another scorecard.
 */
export function validateSubmission(input: unknown, competencyKeys: readonly string[]): SubmissionResult {
  const parsed = parseDraft(input);
  if (!parsed.ok) return parsed;
  const errors: FieldErrors = {};
  const draft = parsed.data;
  const expected = new Set(competencyKeys);
  const byKey = new Map(draft.competencies.map((c) => [c.key, c]));

  if (!draft.overallRecommendation) addError(errors, "overallRecommendation", "Choose an overall recommendation.");
  for (const key of competencyKeys) {
    if (!byKey.get(key)?.rating) addError(errors, `competencies.${key}.rating`, "Rate this competency.");
  }
  for (const competency of draft.competencies) {
    if (expected.has(competency.key)) continue;
    addError(errors, competency.rating ? `competencies.${competency.key}.rating` : `competencies.${competency.key}`, "This competency is not on this interview's scorecard.");
  }
  if (Object.keys(errors).length > 0 || !draft.overallRecommendation) return { ok: false, fieldErrors: errors };

  const competencies = competencyKeys.map((key) => byKey.get(key)).filter((c): c is TCompetencyFeedback & { rating: Rating } => c?.rating !== undefined);
  return { ok: true, data: { ...draft, overallRecommendation: draft.overallRecommendation, competencies } };
}
