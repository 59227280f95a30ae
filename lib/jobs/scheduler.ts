/**
 * Periodic kinds: each period's job is enqueued exactly once across every instance. Every worker
 * process keeps a timer per scheduled kind; when the period comes, the instances race to move
 * job_schedules.next_run_at forward with `UPDATE … WHERE next_run_at <= now()`, and only the one
 * whose update matched enqueues the job, in the same transaction. A period missed while no worker
 * ran is not caught up: the next one is computed from now.
 */
import "server-only";
import { db } from "@/lib/db";
import type { JobKind } from "./kind";
import { nextScheduledTime, type Schedule } from "./schedule";
import { enqueue, type AnyJobKind } from "./store";

/** A schedule's timer never sleeps longer than this (another instance may have moved next_run_at). */
const MAX_SLEEP_MS = 60_000;

export type ScheduledKind = { kind: AnyJobKind; schedule: Schedule };

/** Creates or updates the kind's row: next_run_at is reset when the schedule itself changed. */
async function ensureSchedule({ kind, schedule }: ScheduledKind): Promise<void> {
  const next = nextScheduledTime(schedule, new Date());
  await db.$executeRaw`
    INSERT INTO job_schedules (kind, expression, next_run_at, updated_at) VALUES (${kind.name}, ${schedule.expression}, ${next}, now())
    ON CONFLICT (kind) DO UPDATE SET expression = EXCLUDED.expression, next_run_at = EXCLUDED.next_run_at, updated_at = now()
     WHERE job_schedules.expression <> EXCLUDED.expression`;
}

/** Milliseconds until the kind's period is due, by the database's clock (so instances agree). */
async function msUntilDue(kind: AnyJobKind): Promise<number> {
  const [row] = await db.$queryRaw<{ ms: number }[]>`
    SELECT greatest(0, extract(epoch FROM next_run_at - now()) * 1000)::float8 AS ms FROM job_schedules WHERE kind = ${kind.name}`;
  return row ? row.ms : 0;
}

/**
 * Takes this period if no other instance has: moves next_run_at to the following period and
 * enqueues the job, in one transaction. true when this instance enqueued it.
 */
export async function claimSchedulePeriod({ kind, schedule }: ScheduledKind): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Locked, and re-checked after the lock: an instance that waited finds the period taken.
    const [due] = await tx.$queryRaw<{ due: Date; now: Date }[]>`
      SELECT next_run_at AS due, now() AS now FROM job_schedules WHERE kind = ${kind.name} AND next_run_at <= now() FOR UPDATE`;
    if (!due) return false;
    // The next period from the database's clock, which every instance shares.
    await tx.$executeRaw`
      UPDATE job_schedules SET next_run_at = ${nextScheduledTime(schedule, due.now)}, last_run_at = now(), runs = runs + 1, updated_at = now()
       WHERE kind = ${kind.name}`;
    await enqueue(tx, kind as JobKind<{ scheduledFor: string }, never>, { scheduledFor: due.due.toISOString() });
    return true;
  });
}

/** Runs the timers of the scheduled kinds until `signal` aborts. */
export async function runSchedules(kinds: readonly ScheduledKind[], signal: AbortSignal): Promise<void> {
  await Promise.all(
    kinds.map(async (scheduled) => {
      let failures = 0;
      let isRegistered = false;
      while (!signal.aborted) {
        try {
          if (!isRegistered) {
            await ensureSchedule(scheduled);
            isRegistered = true;
          }
          const wait = await msUntilDue(scheduled.kind);
          if (wait > 0) await sleep(Math.min(wait, MAX_SLEEP_MS), signal);
          else await claimSchedulePeriod(scheduled);
          failures = 0;
        } catch (error) {
          failures++;
          isRegistered = false;
          if (failures === 1) console.error(`[jobs] schedule of ${scheduled.kind.name}: ${error instanceof Error ? error.message : String(error)} (trying again)`);
          await sleep(Math.min(1_000 * 2 ** failures, 30_000), signal);
        }
      }
    }),
  );
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}
