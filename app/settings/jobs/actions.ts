"use server";

import { defineAction, formFields } from "@/lib/actions/define-action";
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
export const retryJobAction = defineAction({
  name: "jobs.retry",
  roles: ["ADMIN"],
  input: (_previous: TRetryJobState, formData: FormData) => formFields(formData, "id"),
  schema: ZJobId,
  invalid: "That is not a job id.",
  failed: "Could not queue the job. Try again.",
  handler: async ({ id }): Promise<TRetryJobState> => {
    const result = await retryJob(id, listJobKinds(getEnv()));
    // Not revalidated: a retried dead job is a new row, and re-rendering would take the retried row
    // (and this answer) off the page; its button shows the outcome, Refresh shows the queue.
    return result === "queued" || result === "due_now" ? { status: "success", message: MESSAGES[result] } : { status: "error", message: MESSAGES[result], fieldErrors: {} };
  },
});
