/**
 * What the debrief's feedback actions take and answer (issue 15). Pure and client-safe: the form,
 * the actions (app/dashboard/interviews/[id]/actions.ts) and tests share them. Only the envelope is
 * checked here; the draft itself is checked by lib/feedback/store.ts after it has decided the
 * caller may write feedback on that interview at all.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { zId } from "@/lib/validations/ids";

export const ZFeedbackCall = z.object({
  interviewId: zId("That is not an interview."),
  /** ZFeedbackDraft's input, checked by lib/feedback. */
  draft: z.unknown(),
  /** The feedback's revision the form last saw (0 before the first submission). */
  revision: z.number({ error: "Reload the page: the form lost track of your feedback." }).int().nonnegative().max(1_000_000),
});

export type TFeedbackDraftState = TActionState<{ savedAt: string; revision: number }>;
export type TFeedbackSubmitState = TActionState<{ revision: number; submittedAt: string; editedAt: string | null }>;
