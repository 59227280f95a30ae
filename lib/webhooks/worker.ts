import "server-only";
import { db } from "@/lib/db";
import { isBookingEventType } from "@/lib/interviews/booking-reducer";
import { afterBookingProcessed } from "@/lib/interviews/after-booking";
import { processBooking } from "@/lib/interviews/process-booking";
import { isNotetakerEventType } from "@/lib/notetaker/notetaker-reducer";
import { processNotetaker } from "@/lib/notetaker/process-notetaker";
import { claimInboxEvents, type ClaimedInboxEvent } from "@/lib/queue";
import { wakeWorker } from "@/lib/worker-wake";
import { decideJobOutcome } from "./retry-policy";

/** Per-type processing: booking.* into candidates and interviews, notetaker.* into the interview's Notetaker and media. */
async function handle(event: ClaimedInboxEvent): Promise<"processed" | "ignored"> {
  if (isBookingEventType(event.type)) {
    if (!event.booking_id) throw new Error("booking notification without data.object.booking_id");
    await afterBookingProcessed(await processBooking(event.booking_id));
    return "processed";
  }
  if (isNotetakerEventType(event.type)) {
    if (!event.notetaker_id) throw new Error("notetaker notification without data.object.id");
    return processNotetaker(event.notetaker_id);
  }
  return "ignored";
}

/**
 * Processes one claimed inbox row and records the outcome: PROCESSED, a retry with backoff, or
 * DEAD after the last attempt. The row was leased by the claim (lib/queue.ts), so a crashed
 * worker's rows are picked up again once the lease has passed.
 */
async function processOne(event: ClaimedInboxEvent, retryBaseMs: number | undefined): Promise<void> {
  let error: unknown = null;
  let result: "processed" | "ignored" = "processed";
  try {
    result = await handle(event);
  } catch (e) {
    error = e;
  }
  const outcome = decideJobOutcome(error === null, event.attempts, retryBaseMs);
  const message = error === null ? null : error instanceof Error ? error.message : String(error);
  // Fenced by the attempt this worker claimed: if the lease ran out and another worker took the
  // row over, that worker records the outcome.
  await db.webhookEvent.updateMany({
    where: { id: event.id, attempts: event.attempts },
    data:
      outcome.status === "PROCESSED"
        ? { status: result === "ignored" ? "IGNORED" : "PROCESSED", processedAt: new Date(), lastError: null }
        : outcome.status === "PENDING"
          ? { status: "PENDING", nextAttemptAt: new Date(Date.now() + outcome.retryInMs), lastError: message }
          : { status: "DEAD", lastError: message },
  });
  if (error !== null && outcome.status === "DEAD") console.error(`[webhooks] ${event.type} ${event.id} dead-lettered: ${message}`);
}

/** Claims due inbox rows and processes them; returns how many it claimed. */
export async function processDueWebhookEvents(opts: { limit?: number; retryBaseMs?: number; concurrency?: number } = {}): Promise<number> {
  const claimed = await claimInboxEvents(opts.limit ?? 20);
  // Rows of one claim are processed a few at a time: processing is mostly database round trips,
  // and the per-booking / per-interview advisory locks keep two events of one record from racing.
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
  if (count) wakeWorker("webhook-inbox");
  return count > 0;
}
