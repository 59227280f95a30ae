/**
 * Pure and client-safe: the debrief's feedback form state and the draft it saves (issue 15). The
 * form keeps one entry per competency of the interview's scorecard, in scorecard order; what it
 * saves is a ZFeedbackDraft (lib/feedback/ratings.ts), so a draft, a submission and the stored
 * columns all read the same way.
 */
import type { Rating, TFeedbackDraft } from "./ratings";
import type { TFeedbackContent } from "./stored";

export type CompetencyAnswer = { rating: Rating | null; notes: string; citedMoments: number[]; droppedSuggestions: string[] };
export type FeedbackFormState = { competencies: Record<string, CompetencyAnswer>; overallRecommendation: Rating | null; keyTakeaways: string };

const EMPTY_ANSWER: CompetencyAnswer = { rating: null, notes: "", citedMoments: [], droppedSuggestions: [] };

/** The form's state from a draft or a submission (null: a blank form), for the scorecard's competencies only. */
export function toFormState(source: TFeedbackDraft | TFeedbackContent | null, competencyKeys: readonly string[]): FeedbackFormState {
  const byKey = new Map((source?.competencies ?? []).map((c) => [c.key, c]));
  return {
    competencies: Object.fromEntries(
      competencyKeys.map((key) => {
        const answer = byKey.get(key);
        return [key, answer ? { rating: answer.rating ?? null, notes: answer.notes, citedMoments: answer.citedMoments, droppedSuggestions: answer.droppedSuggestions } : EMPTY_ANSWER];
      }),
    ),
    overallRecommendation: source?.overallRecommendation ?? null,
    keyTakeaways: source?.keyTakeaways ?? "",
  };
}

/** What the form saves (a draft) and submits, in scorecard order; unset ratings are left out. */
export function toDraft(state: FeedbackFormState, competencyKeys: readonly string[]): TFeedbackDraft {
  return {
    competencies: competencyKeys.map((key) => {
      const { rating, ...rest } = answerOf(state, key);
      return rating ? { key, rating, ...rest } : { key, ...rest };
    }),
    ...(state.overallRecommendation ? { overallRecommendation: state.overallRecommendation } : {}),
    keyTakeaways: state.keyTakeaways,
  };
}

/** One competency's answer; blank for a competency the form did not know when it loaded (a scorecard mapped since). */
export function answerOf(state: FeedbackFormState, key: string): CompetencyAnswer {
  return state.competencies[key] ?? EMPTY_ANSWER;
}

/** One competency's answer changed by `change`. */
export function updateAnswer(state: FeedbackFormState, key: string, change: (answer: CompetencyAnswer) => CompetencyAnswer): FeedbackFormState {
  return { ...state, competencies: { ...state.competencies, [key]: change(answerOf(state, key)) } };
}

/** `list` with `item` added at the end, or taken out when it is there. */
export function toggleItem<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}
