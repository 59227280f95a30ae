/**
 * The "assignments" worker: works out "why this interviewer" (lib/assignment/record.ts) for the
 * interviews whose booking was processed since. It runs apart from booking processing because it
 * asks Nylas for free/busy: a slow or failing Nylas delays an explanation, never a booking. Several
 * changes to one booking before the worker gets to it make one job; a change while it runs makes
 * another.
 */
import "server-only";
import { db } from "@/lib/db";
import { claimAssignments, type ClaimedAssignment } from "@/lib/queue";
import { recordAssignment } from "./record";

/** How long a job that failed (the database, not Nylas: that is recorded) waits before its retry. */
const RETRY_MS = 60_000;

/**
 * Claims due assignments and records them one at a time; returns how many it claimed. One at a time
 * on purpose: an explanation matters less than the bookings and deliveries the same processes
 * serve, so in a burst it falls behind rather than taking their CPU (each asks Nylas for free/busy).
 */
export async function processDueAssignments(opts: { limit?: number; concurrency?: number } = {}): Promise<number> {
  const claimed = await claimAssignments(opts.limit ?? 10);
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(opts.concurrency ?? 1, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await runAssignmentJob(job);
    }),
  );
  return claimed.length;
}

/** Records one claimed job's assignment, then clears the job unless a booking change has made it due again. */
export async function runAssignmentJob(job: ClaimedAssignment): Promise<void> {
  try {
    await recordAssignment(job.id);
  } catch (error) {
    console.error(`[assignment] interview ${job.id}: ${error instanceof Error ? error.message : String(error)} (retried in ${RETRY_MS / 1000} s)`);
    await db.assignmentJob.updateMany({ where: { interviewId: job.id, dueAt: job.due_at }, data: { dueAt: new Date(Date.now() + RETRY_MS) } });
    return;
  }
  // Fenced by the claim: a change since has set another due time.
  await db.assignmentJob.deleteMany({ where: { interviewId: job.id, dueAt: job.due_at } });
}
