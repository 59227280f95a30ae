"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { TRetryWebhookEventState, TWebhookEventStatus } from "@/lib/validations/webhooks";

export type RetryWebhookEventFormProps = {
  eventId: string;
  notificationId: string;
  status: TWebhookEventStatus;
  /** retryWebhookEventAction, passed down by the page. */
  action: (previous: TRetryWebhookEventState, formData: FormData) => Promise<TRetryWebhookEventState>;
  className?: string;
};

const INITIAL_STATE: TRetryWebhookEventState = { status: "idle" };

/** DEAD and IGNORED rows are retried; PROCESSED ones are processed again. */
const LABELS: Record<Exclude<TWebhookEventStatus, "PENDING">, string> = {
  DEAD: "Retry",
  IGNORED: "Retry",
  PROCESSED: "Reprocess",
};

/**
 * "Retry" / "Reprocess" for one inbox row, with its pending state and outcome. A PENDING row is
 * already queued, so its button is disabled and says so.
 */
export function RetryWebhookEventForm({ eventId, notificationId, status, action, className }: RetryWebhookEventFormProps) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_STATE);

  return (
    <div className={cn("flex flex-col items-end md:items-start", className)}>
      {status === "PENDING" ? (
        <span title="Already queued: the worker will process it shortly.">
          <Button size="sm" variant="secondary" disabled>
            Queued
          </Button>
        </span>
      ) : (
        <form action={formAction}>
          <input type="hidden" name="id" value={eventId} />
          <Button type="submit" size="sm" variant={status === "DEAD" ? "primary" : "secondary"} pending={isPending}>
            {LABELS[status]}
            <span className="sr-only"> notification {notificationId}</span>
          </Button>
        </form>
      )}
      {/* Always in the DOM, so screen readers announce the outcome when it appears. */}
      <p aria-live="polite" className={cn("max-w-44 text-xs md:max-w-36", state.status !== "idle" && "mt-1.5", state.status === "error" ? "text-red-700" : "text-emerald-800")}>
        {state.status === "idle" ? null : state.message}
      </p>
    </div>
  );
}
