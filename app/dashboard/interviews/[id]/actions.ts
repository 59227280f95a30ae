"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { actionError, type TActionState } from "@/lib/actions/state";
import { saveDraft, submitFeedback } from "@/lib/feedback/store";
import { findVisibleAsset, setActionItemDone } from "@/lib/interviews/debrief";
import { retryMediaDownload } from "@/lib/media/jobs";
import { interviewPath } from "@/lib/routes";
import { ZFeedbackCall, type TFeedbackDraftState, type TFeedbackSubmitState } from "@/lib/validations/debrief-feedback";
import { ZRetryMediaAsset, ZToggleActionItem } from "@/lib/validations/media";

/**
 * POST (server action) /dashboard/interviews/[id] — check an action item off, or back on. Anyone
 * who may see the interview (lib/interviews/debrief.ts puts the condition in the read and the write).
 */
export const setActionItemDoneAction = defineAction({
  name: "debrief.action-item",
  input: (input: { id: string; done: boolean }) => ({ id: input?.id, done: String(input?.done) }),
  schema: ZToggleActionItem,
  invalid: "That is not an action item.",
  failed: "Could not save. Try again.",
  handler: async ({ id, done }, user): Promise<TActionState> => {
    const interviewId = await setActionItemDone(user, id, done);
    if (!interviewId) return { status: "error", message: "This action item no longer exists. Refresh the page.", fieldErrors: {} };
    // The page (and the candidate's) re-render with the saved state, so the checkbox stays as set.
    revalidatePath(`/dashboard/interviews/${interviewId}`);
    return { status: "success", message: done ? "Marked done." : "Marked not done." };
  },
});

/** POST (server action) /dashboard/interviews/[id] — "Retry" a Notetaker file that failed to download. */
export const retryMediaDownloadAction = defineAction({
  name: "debrief.media-retry",
  input: (_previous: TActionState, formData: FormData) => formFields(formData, "id"),
  schema: ZRetryMediaAsset,
  invalid: "That is not a media file.",
  failed: "Could not queue the download. Try again.",
  handler: async ({ id }, user): Promise<TActionState> => {
    const asset = await findVisibleAsset(user, id);
    if (!asset) return { status: "error", message: "This file no longer exists.", fieldErrors: {} };
    if (!(await retryMediaDownload(asset.id))) return { status: "error", message: "Only a failed download can be retried.", fieldErrors: {} };
    revalidatePath(`/dashboard/interviews/${asset.interviewId}`);
    return { status: "success", message: "Download queued." };
  },
});

/**
 * POST (server action) /dashboard/interviews/[id] — autosave of the feedback form as the
 * interviewer types. Only the interviewer who ran the interview (lib/feedback/store.ts: recruiters
 * and admins are refused here already, other interviewers there); nothing is revalidated, the
 * form holds what was typed.
 */
export const saveFeedbackDraftAction = defineAction({
  name: "debrief.feedback-draft",
  roles: ["INTERVIEWER"],
  input: (interviewId: string, draft: unknown, basedOnRevision: number) => ({ interviewId, draft, revision: basedOnRevision }),
  schema: ZFeedbackCall,
  failed: "Could not save the draft. Your edits are still here.",
  handler: async ({ interviewId, draft, revision }, user): Promise<TFeedbackDraftState> => {
    const result = await saveDraft(user, interviewId, draft, { basedOnRevision: revision });
    if (!result.ok) return actionError("Some answers need attention.", result.fieldErrors);
    return { status: "success", message: "Draft saved", savedAt: result.savedAt.toISOString(), revision: result.revision };
  },
});

/**
 * POST (server action) /dashboard/interviews/[id] — "Submit feedback" (first time or an edit).
 * `expectedRevision` is the revision the form last saw: a submission made meanwhile elsewhere
 * answers a conflict and writes nothing.
 */
export const submitFeedbackAction = defineAction({
  name: "debrief.feedback-submit",
  roles: ["INTERVIEWER"],
  input: (interviewId: string, submission: unknown, expectedRevision: number) => ({ interviewId, draft: submission, revision: expectedRevision }),
  schema: ZFeedbackCall,
  failed: "Could not submit your feedback. Your answers are still here: try again.",
  handler: async ({ interviewId, draft, revision }, user): Promise<TFeedbackSubmitState> => {
    const result = await submitFeedback(user, interviewId, draft, revision);
    if (!result.ok) return actionError("Some answers need attention.", result.fieldErrors);
    // The page re-renders with the submission and its history.
    revalidatePath(interviewPath(interviewId));
    return {
      status: "success",
      message: result.revision === 1 ? "Feedback submitted" : "Feedback submitted again",
      revision: result.revision,
      submittedAt: result.submittedAt.toISOString(),
      editedAt: result.editedAt?.toISOString() ?? null,
    };
  },
});
