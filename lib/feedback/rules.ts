/**
 * Pure: when an interview takes feedback, and whether a draft or submission points only at things
 * of this interview (issue 15). No db, no clock: `now` is passed in.
 *
 * Decisions:
 * - Feedback opens once the interview has started (its start time has passed) or is known to have
 *   happened (COMPLETED: the sandbox runs interviews before their booked time). Before that there is
 *   nothing to judge; the debrief says when it opens. A cancelled interview takes none.
 * - A cited moment is a position of one of the interview's transcript segments; a dropped
 *   suggestion is one of the suggestions the evidence job made for that competency.
 * - A draft may leave competencies unrated, but not name a competency of another scorecard.
 */
import type { InterviewStatus } from "@/lib/generated/prisma/enums";
import type { FieldErrors, TFeedbackDraft } from "./ratings";

export type FeedbackWindow = { isOpen: true } | { isOpen: false; reason: "cancelled" | "not_started" };

/** Whether the interview takes feedback at `now`. */
export function feedbackWindow(interview: { status: InterviewStatus; startsAt: Date | null }, now: Date): FeedbackWindow {
  if (interview.status === "CANCELLED") return { isOpen: false, reason: "cancelled" };
  if (interview.status === "COMPLETED") return { isOpen: true };
  if (interview.startsAt && interview.startsAt.getTime() <= now.getTime()) return { isOpen: true };
  return { isOpen: false, reason: "not_started" };
}

export const FEEDBACK_CLOSED_MESSAGES: Record<Extract<FeedbackWindow, { isOpen: false }>["reason"], string> = {
  cancelled: "This interview was cancelled: it takes no feedback.",
  not_started: "Feedback opens when the interview starts.",
};

export type FeedbackReferences = {
  /** The competency keys of the interview's scorecard version. */
  competencyKeys: readonly string[];
  /** Positions of the interview's transcript segments (at least those the draft cites). */
  segmentPositions: ReadonlySet<number>;
  /** Each competency's suggestion ids (lib/feedback/stored.ts suggestionIdsByCompetency). */
  suggestions: ReadonlyMap<string, ReadonlySet<string>>;
};

/** Field errors for what the draft points at outside this interview: other competencies, moments, suggestions. */
export function checkReferences(draft: TFeedbackDraft, references: FeedbackReferences): FieldErrors {
  const errors: FieldErrors = {};
  const keys = new Set(references.competencyKeys);
  for (const competency of draft.competencies) {
    const at = `competencies.${competency.key}`;
    if (!keys.has(competency.key)) {
      errors[at] ??= "This competency is not on this interview's scorecard.";
      continue;
    }
    if (competency.citedMoments.some((position) => !references.segmentPositions.has(position))) errors[`${at}.citedMoments`] = "That is not a moment of this interview's transcript.";
    const suggested = references.suggestions.get(competency.key);
    if (competency.droppedSuggestions.some((id) => !suggested?.has(id))) errors[`${at}.droppedSuggestions`] = "That is not a suggestion for this competency.";
  }
  return errors;
}

/** The segment positions a draft cites, for looking up only those. */
export function citedPositions(draft: TFeedbackDraft): number[] {
  return [...new Set(draft.competencies.flatMap((c) => c.citedMoments))];
}
