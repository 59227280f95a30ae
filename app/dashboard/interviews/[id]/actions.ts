"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/auth";
import { findVisibleAsset, setActionItemDone } from "@/lib/interviews/debrief";
import { retryMediaDownload } from "@/lib/media/jobs";
import { ZRetryMediaAsset, ZToggleActionItem, type TActionState } from "@/lib/validations/media";

/**
 * POST (server action) /dashboard/interviews/[id] — check an action item off, or back on. Anyone
 * who may see the interview (lib/interviews/debrief.ts puts the condition in the read and the write).
 */
export const setActionItemDoneAction = authenticatedAction(async (user, input: { id: string; done: boolean }): Promise<TActionState> => {
  const parsed = ZToggleActionItem.safeParse({ id: input?.id, done: String(input?.done) });
  if (!parsed.success) return { status: "error", message: "That is not an action item." };
  let interviewId: string | null;
  try {
    interviewId = await setActionItemDone(user, parsed.data.id, parsed.data.done);
  } catch (error) {
    console.error("[debrief] could not update an action item", error);
    return { status: "error", message: "Could not save. Try again." };
  }
  if (!interviewId) return { status: "error", message: "This action item no longer exists. Refresh the page." };
  // The page (and the candidate's) re-render with the saved state, so the checkbox stays as set.
  revalidatePath(`/dashboard/interviews/${interviewId}`);
  return { status: "success", message: parsed.data.done ? "Marked done." : "Marked not done." };
});

/** POST (server action) /dashboard/interviews/[id] — "Retry" a Notetaker file that failed to download. */
export const retryMediaDownloadAction = authenticatedAction(async (user, _previous: TActionState, formData: FormData): Promise<TActionState> => {
  // A server action is a public POST: `formData` may be anything a client sent.
  const parsed = ZRetryMediaAsset.safeParse({ id: formData instanceof FormData ? formData.get("id") : null });
  if (!parsed.success) return { status: "error", message: "That is not a media file." };
  let interviewId: string;
  try {
    const asset = await findVisibleAsset(user, parsed.data.id);
    if (!asset) return { status: "error", message: "This file no longer exists." };
    interviewId = asset.interviewId;
    if (!(await retryMediaDownload(asset.id))) return { status: "error", message: "Only a failed download can be retried." };
  } catch (error) {
    console.error("[debrief] could not queue a retry", error);
    return { status: "error", message: "Could not queue the download. Try again." };
  }
  revalidatePath(`/dashboard/interviews/${interviewId}`);
  return { status: "success", message: "Download queued." };
});
