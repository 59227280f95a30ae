"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { TRetryJobState } from "@/lib/validations/jobs";

export type RetryJobFormProps = {
  jobId: string;
  kind: string;
  /** retryJobAction, passed down by the page. */
  action: (previous: TRetryJobState, formData: FormData) => Promise<TRetryJobState>;
  /** A dead job is queued again; one waiting to retry is made due now. */
  isDead: boolean;
};

const INITIAL_STATE: TRetryJobState = { status: "idle" };

/**
 * "Retry" (a dead job) or "Run now" (one waiting to retry), with its pending state and outcome.
 * Once queued it stays disabled: the row is what it was until the page is refreshed.
 */
export function RetryJobForm({ jobId, kind, action, isDead }: RetryJobFormProps) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_STATE);
  const isDone = state.status === "success";
  return (
    <div className="flex flex-col items-end md:items-start">
      <form action={formAction}>
        <input type="hidden" name="id" value={jobId} />
        <Button type="submit" size="sm" variant={isDead && !isDone ? "primary" : "secondary"} pending={isPending} disabled={isDone}>
          {isDone ? "Queued" : isDead ? "Retry" : "Run now"}
          <span className="sr-only">
            {" "}
            {kind} job {jobId}
          </span>
        </Button>
      </form>
      {/* Always in the DOM, so screen readers announce the outcome when it appears. */}
      <p aria-live="polite" className={cn("max-w-44 text-xs md:max-w-36", state.status !== "idle" && "mt-1.5", state.status === "error" ? "text-red-700" : "text-emerald-800")}>
        {state.status === "idle" ? null : state.message}
      </p>
    </div>
  );
}
