/**
 * Processing the webhook inbox: one "webhooks.process" job per subject — a booking or a notetaker
 * (lib/webhooks/subject.ts) — enqueued by ingest in the statement that stores the notification.
 * A run reads every stored notification of its subject and applies them all (the reducers make
 * the result independent of their order), so a backlog of a booking's notifications is one run;
 * the notifications it read are marked PROCESSED (or IGNORED) with the job, fenced on its claim.
 * A failed run leaves them PENDING with the error, retried on the "standard" policy; the last
 * failure marks them DEAD. The admin's Retry (/settings/webhooks) enqueues a fresh job.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJobKind, enqueue, expedite, PermanentJobError, type JobFailure } from "@/lib/jobs";
import { isBookingEventType } from "@/lib/interviews/booking-reducer";
import { processBooking } from "@/lib/interviews/process-booking";
import { isNotetakerEventType } from "@/lib/notetaker/notetaker-reducer";
import { processNotetaker } from "@/lib/notetaker/process-notetaker";
import { RetryLaterError } from "@/lib/errors";
import { webhookSubjectKey, webhookSubjectOf, type TWebhookSubject } from "./subject";

type Tx = Prisma.TransactionClient;

/** The subject's notifications still waiting: booking.* of a booking, notetaker.* of a notetaker, or the one row. */
function waitingRows(subject: TWebhookSubject): Prisma.WebhookEventWhereInput {
  if (subject.subject === "booking") return { bookingId: subject.id, type: { startsWith: "booking." }, status: "PENDING" };
  if (subject.subject === "notetaker") return { notetakerId: subject.id, type: { startsWith: "notetaker." }, status: "PENDING" };
  return { id: subject.id, status: "PENDING" };
}

function markApplied(notificationIds: string[], status: "PROCESSED" | "IGNORED", attempt: number) {
  return async (tx: Tx) => {
    // DEAD ones too: this run applied them along with the rest.
    await tx.webhookEvent.updateMany({
      where: { notificationId: { in: notificationIds }, status: { in: ["PENDING", "DEAD"] } },
      data: { status, processedAt: new Date(), lastError: null, attempts: attempt },
    });
  };
}

async function recordFailure(tx: Tx, subject: TWebhookSubject, failure: JobFailure): Promise<void> {
  await tx.webhookEvent.updateMany({
    where: waitingRows(subject),
    data: failure.retryAt ? { lastError: failure.message, attempts: failure.attempt, nextAttemptAt: failure.retryAt } : { status: "DEAD", lastError: failure.message, attempts: failure.attempt },
  });
}

export const webhookProcessingJob = defineJobKind<TWebhookSubject>({
  name: "webhooks.process",
  title: "Process webhook notifications into candidates, interviews and Notetaker state",
  // Processing is mostly database round trips: a few at a time per process.
  concurrency: 4,
  retry: "standard",
  serialKey: webhookSubjectKey,
  dedupKey: webhookSubjectKey,
  run: async (subject, ctx) => {
    if (subject.subject === "booking") {
      const processed = await processBooking(subject.id);
      // Notifications of this booking's notetaker that arrived first have been waiting for it.
      if (processed.state.notetakerId) await expedite(db, webhookProcessingJob, webhookSubjectKey({ subject: "notetaker", id: processed.state.notetakerId }));
      if (processed.retryReason) throw new RetryLaterError(processed.retryReason);
      return markApplied(processed.notificationIds, "PROCESSED", ctx.attempt);
    }
    if (subject.subject === "notetaker") {
      const processed = await processNotetaker(subject.id);
      return markApplied(processed.notificationIds, processed.result === "ignored" ? "IGNORED" : "PROCESSED", ctx.attempt);
    }
    const row = await db.webhookEvent.findUnique({ where: { id: subject.id }, select: { type: true, notificationId: true } });
    if (!row) return;
    if (isBookingEventType(row.type)) throw new PermanentJobError("booking notification without data.object.booking_id");
    if (isNotetakerEventType(row.type)) throw new PermanentJobError("notetaker notification without data.object.id");
    // A trigger the pipeline does not handle (an admin's Retry of an ignored row): ignored again.
    return markApplied([row.notificationId], "IGNORED", ctx.attempt);
  },
  onFailure: recordFailure,
  onRetry: async (tx, subject) => {
    await tx.webhookEvent.updateMany({
      where: { ...waitingRows(subject), status: "DEAD" },
      data: { status: "PENDING", attempts: 0, lastError: null, nextAttemptAt: new Date() },
    });
  },
});

/**
 * Admin "Retry" / "Reprocess" on one inbox row (/settings/webhooks): the row is PENDING again and a
 * fresh job for its subject is queued — due now, with a fresh set of attempts. A job of that
 * subject a worker holds now is never touched: it finishes (or fails) on its own, and the fresh
 * one runs after it. false when there is no such row.
 */
export async function retryWebhookEvent(id: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const row = await tx.webhookEvent.findUnique({ where: { id }, select: { id: true, type: true, bookingId: true, notetakerId: true } });
    if (!row) return false;
    await tx.webhookEvent.update({ where: { id }, data: { status: "PENDING", lastError: null, nextAttemptAt: new Date(), attempts: 0 } });
    await enqueue(tx, webhookProcessingJob, webhookSubjectOf({ type: row.type, bookingId: row.bookingId, notetakerId: row.notetakerId, rowId: row.id }));
    return true;
  });
}
