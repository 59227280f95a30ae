import "server-only";
import { db } from "@/lib/db";
import { isBookingEventType } from "@/lib/interviews/booking-reducer";
import { processBooking } from "@/lib/interviews/process-booking";
import { decideJobOutcome } from "./retry-policy";

type ClaimedEvent = { id: string; type: string; booking_id: string | null; attempts: number };

/** Per-type processing. Notetaker events are stored now and processed by the media pipeline. */
async function handle(event: ClaimedEvent): Promise<"processed" | "ignored"> {
  if (isBookingEventType(event.type)) {
    if (!event.booking_id) throw new Error("booking notification without data.object.booking_id");
    await processBooking(event.booking_id);
    return "processed";
  }
  return "ignored";
}

/**
 * Claims due PENDING inbox rows (FOR UPDATE SKIP LOCKED: many workers, on many machines, never
 * take the same row), processes each, and records the outcome: PROCESSED, a retry with backoff,
 * or DEAD after the last attempt. A claim leases the row for 5 minutes, so a crashed worker's
 * rows are picked up again. Returns how many rows it claimed.
 */
async function processOne(event: ClaimedEvent, retryBaseMs: number | undefined): Promise<void> {
  let error: unknown = null;
  let result: "processed" | "ignored" = "processed";
  try {
    result = await handle(event);
  } catch (e) {
    error = e;
  }
  const outcome = decideJobOutcome(error === null, event.attempts, retryBaseMs);
  const message = error === null ? null : error instanceof Error ? error.message : String(error);
  await db.webhookEvent.update({
    where: { id: event.id },
    data:
      outcome.status === "PROCESSED"
        ? { status: result === "ignored" ? "IGNORED" : "PROCESSED", processedAt: new Date(), lastError: null }
        : outcome.status === "PENDING"
          ? { status: "PENDING", nextAttemptAt: new Date(Date.now() + outcome.retryInMs), lastError: message }
          : { status: "DEAD", lastError: message },
  });
  if (error !== null && outcome.status === "DEAD") console.error(`[webhooks] ${event.type} ${event.id} dead-lettered: ${message}`);
}

export async function processDueWebhookEvents(opts: { limit?: number; retryBaseMs?: number; concurrency?: number } = {}): Promise<number> {
  const claimed = await db.$queryRaw<ClaimedEvent[]>`
    UPDATE webhook_events e
       SET attempts = e.attempts + 1, next_attempt_at = now() + interval '5 minutes', updated_at = now()
     WHERE e.id IN (
       SELECT q.id FROM webhook_events q
        WHERE q.status = 'PENDING' AND q.next_attempt_at <= now()
        ORDER BY q.event_time NULLS FIRST, q.received_at
        LIMIT ${opts.limit ?? 20}
        FOR UPDATE SKIP LOCKED)
    RETURNING e.id, e.type, e.booking_id, e.attempts`;

  // Rows of one claim are processed a few at a time: processing is mostly database round trips,
  // and the per-booking advisory lock keeps two events of one booking from racing.
  const queue = [...claimed];
  const concurrency = Math.min(opts.concurrency ?? 4, queue.length);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let event = queue.shift(); event; event = queue.shift()) await processOne(event, opts.retryBaseMs);
    }),
  );
  return claimed.length;
}

/** Admin "Retry" on /settings/webhooks: due now, with a fresh set of attempts. */
export async function retryWebhookEvent(id: string): Promise<boolean> {
  const { count } = await db.webhookEvent.updateMany({
    where: { id, status: { in: ["DEAD", "PENDING", "PROCESSED", "IGNORED"] } },
    data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
  });
  if (count) (globalThis as { __webhookWorkerWake?: () => void }).__webhookWorkerWake?.();
  return count > 0;
}
