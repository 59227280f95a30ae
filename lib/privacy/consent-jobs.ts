/**
 * "notetaker.cancel": takes a Notetaker off an interview that may not be recorded (the candidate
 * declined or did not answer, the role never records, the interviewer opted out). Enqueued in the
 * transaction that stores the decision (lib/interviews/process-booking.ts) or that links a
 * notetaker reported later (lib/notetaker/process-notetaker.ts); retried on the standard policy,
 * then waits on /settings/jobs. Registered in lib/workers.ts.
 */
import "server-only";
import { db } from "@/lib/db";
import { defineJobKind, enqueue, type Tx } from "@/lib/jobs";
import { describeNylasError, NylasApiError } from "@/lib/nylas/client";
import { cancelNotetaker, deleteNotetaker } from "@/lib/nylas/notetakers";

export type TNotetakerCancelJob = { notetakerId: string; grantId: string | null };

/** The grant the notetaker belongs to: as queued, else as its own notifications have told us since. */
async function grantOf({ notetakerId, grantId }: TNotetakerCancelJob): Promise<string | null> {
  if (grantId) return grantId;
  const interview = await db.interview.findFirst({ where: { notetakerId, notetakerGrantId: { not: null } }, select: { notetakerGrantId: true } });
  return interview?.notetakerGrantId ?? null;
}

export const notetakerCancelJob = defineJobKind<TNotetakerCancelJob>({
  name: "notetaker.cancel",
  title: "Cancel a Notetaker that may not record",
  concurrency: 2,
  retry: "standard",
  serialKey: (p) => p.notetakerId,
  dedupKey: (p) => p.notetakerId,
  run: async (payload) => {
    const grantId = await grantOf(payload);
    try {
      // false: Nylas no longer has it (cancelled or deleted already) — done.
      await cancelNotetaker(payload.notetakerId, grantId);
    } catch (error) {
      // 409: it has joined already, and a joined bot cannot be cancelled; deleting it removes the
      // bot and whatever it recorded, in any state (nylas-contract §5).
      if (error instanceof NylasApiError && error.statusCode === 409) {
        await deleteNotetaker(payload.notetakerId, grantId);
        return;
      }
      throw error;
    }
  },
  describeError: (error) => `Nylas did not cancel the Notetaker: ${describeNylasError(error)}`,
});

/** Queues cancelling this notetaker, in the caller's transaction (merged with one already queued). */
export async function enqueueNotetakerCancel(tx: Tx, notetaker: TNotetakerCancelJob): Promise<void> {
  await enqueue(tx, notetakerCancelJob, notetaker);
}
