/**
 * The Nylas side of an erasure (lib/privacy/erasure.ts): an erased candidate's upcoming bookings
 * are cancelled through the SDK. The payload names the booking and its configuration only — no
 * personal data waits in the jobs table. Retried on the standard policy; after the last attempt it
 * waits on /settings/jobs for a person's Retry. Registered in lib/workers.ts.
 */
import "server-only";
import { defineJobKind, enqueue, type Tx } from "@/lib/jobs";
import { cancelSchedulerBooking } from "@/lib/nylas/bookings";
import { describeNylasError } from "@/lib/nylas/client";

export type TCancelBookingJob = { bookingId: string; configurationId: string | null };

/** What the cancellation says (the host's calendar shows it): no reason that names the person. */
export const ERASURE_CANCELLATION_REASON = "Cancelled by the organiser.";

export const nylasCancelBookingJob = defineJobKind<TCancelBookingJob>({
  name: "nylas.cancel-booking",
  title: "Cancel an erased candidate's booking",
  concurrency: 2,
  retry: "standard",
  serialKey: (p) => p.bookingId,
  dedupKey: (p) => p.bookingId,
  run: async ({ bookingId, configurationId }) => {
    await cancelSchedulerBooking(bookingId, configurationId, ERASURE_CANCELLATION_REASON);
  },
  describeError: (error) => `Nylas did not cancel the booking: ${describeNylasError(error)}`,
});

/** Queues the cancellation of these bookings, in the caller's transaction. */
export async function enqueueBookingCancellation(tx: Tx, bookings: readonly TCancelBookingJob[]): Promise<void> {
  if (bookings.length > 0) await enqueue(tx, nylasCancelBookingJob, [...bookings]);
}
