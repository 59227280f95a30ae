"use server";

import { authenticatedAction } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { retryJob } from "@/lib/jobs/store";
import { ZJobId, type TRetryJobState } from "@/lib/validations/jobs";
import { listJobKinds } from "@/lib/workers";

const MESSAGES = {
  queued: "Queued again with a fresh set of attempts.",
  due_now: "Due now: a worker takes it next.",
  running: "A worker is running it now; it was left alone.",
  not_found: "This job no longer exists (it ran, or was retried already). Refresh the page.",
} as const;

/**
 * POST (server action) /settings/jobs — "Retry" on a failed job: a dead one is queued again with
 * a fresh set of attempts (and its records put back to waiting); one waiting to retry becomes due
 * now. A job a worker holds is never touched. ADMIN only. For useActionState.
 */
export const retryJobAction = authenticatedAction(
  async (_user, _previous: TRetryJobState, formData: FormData): Promise<TRetryJobState> => {
    // A server action is a public POST: `formData` may be anything a client sent.
    const parsed = ZJobId.safeParse({ id: formData instanceof FormData ? formData.get("id") : null });
    if (!parsed.success) return { status: "error", message: "That is not a job id." };
    let result: keyof typeof MESSAGES;
    try {
      result = await retryJob(parsed.data.id, listJobKinds(getEnv()));
    } catch (error) {
      console.error("[jobs] admin retry failed", error);
      return { status: "error", message: "Could not queue the job. Try again." };
    }
    // Not revalidated: a retried dead job is a new row, and re-rendering would take the retried row
    // (and this answer) off the page; its button shows the outcome, Refresh shows the queue.
    return { status: result === "queued" || result === "due_now" ? "success" : "error", message: MESSAGES[result] };
  },
  { roles: ["ADMIN"] },
);
