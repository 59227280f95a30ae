"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import type { TActionState } from "@/lib/actions/state";
import { findVisibleAsset, setActionItemDone } from "@/lib/interviews/debrief";
import { retryMediaDownload } from "@/lib/media/jobs";
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
