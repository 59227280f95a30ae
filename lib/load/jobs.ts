/**
 * The load cap's background work (lib/load/caps.ts): a reconcile per interviewer, enqueued with the
 * change that may move them across their cap (a booking processed, a cap saved), and a scheduled
 * safety net that finds, in SQL, anyone still out of step and enqueues them.
 */
import "server-only";
import { db } from "@/lib/db";
import { defineJobKind, enqueue, type Tx } from "@/lib/jobs";
import { getEnv } from "@/lib/env";
import { listInterviewersOutOfStep, LoadCapReconcileError, reconcileInterviewerLoadCaps, type LoadCapCalendar } from "./caps";

export type TLoadCapJob = { interviewerId: string };

export const loadCapReconcileJob = defineJobKind<TLoadCapJob, { calendar?: LoadCapCalendar }>({
  name: "load-caps.reconcile",
  title: "Keep an interviewer's load-cap block in step with their bookings",
  concurrency: 2,
  retry: "calendar",
  // One reconcile per interviewer at a time, and one waiting: it reads their whole calendar state when it runs.
  serialKey: (p) => p.interviewerId,
  dedupKey: (p) => p.interviewerId,
  run: async ({ interviewerId }, ctx) => {
    const outcomes = await reconcileInterviewerLoadCaps(interviewerId, { now: ctx.now, calendar: ctx.deps?.calendar });
    if (outcomes.some((o) => o.action === "failed")) throw new LoadCapReconcileError(outcomes);
  },
});

export const loadCapSafetyNetJob = defineJobKind<{ scheduledFor?: string }>({
  name: "load-caps.safety-net",
  title: "Find interviewers whose load-cap block is out of step",
  concurrency: 1,
  retry: "maintenance",
  schedule: "0 * * * * *",
  run: async (_payload, ctx) => {
    const ids = await listInterviewersOutOfStep(ctx.now);
    await enqueue(
      db,
      loadCapReconcileJob,
      ids.map((interviewerId) => ({ interviewerId })),
    );
  },
});

/**
 * In the transaction of a change to the interviewer's bookings: a reconcile, when they have a cap
 * or a block to keep in step (most interviewers have neither, and need nothing). A cap saved
 * concurrently enqueues its own reconcile, which counts this booking.
 */
export async function requestLoadCapReconcile(tx: Tx, interviewerId: string): Promise<void> {
  const [row] = await tx.$queryRaw<{ needed: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM interviewers WHERE id = ${interviewerId}::uuid AND weekly_cap IS NOT NULL)
        OR EXISTS (SELECT 1 FROM load_cap_blocks WHERE interviewer_id = ${interviewerId}::uuid AND api_uri = ${getEnv().nylasApiUri} AND week_end > now()) AS needed`;
  if (row?.needed) await enqueue(tx, loadCapReconcileJob, { interviewerId });
}
