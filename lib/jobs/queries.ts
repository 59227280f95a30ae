/**
 * Reads for the operators' page (/settings/jobs): every kind's queue — queued, waiting to retry,
 * running (and running past its lease: a worker that died), dead — with the age of the oldest job
 * that is due but not yet taken, and the latest failures. Finished jobs are deleted, so these are
 * small scans of the live queue.
 */
import "server-only";
import { db } from "@/lib/db";
import { truncate } from "@/lib/utils";

export type JobQueueStats = {
  kind: string;
  /** Waiting, a first attempt or a retry. */
  queued: number;
  /** Of those, waiting to retry after a failure. */
  retrying: number;
  running: number;
  /** Running with its lease run out: the worker stopped; another takes it over. */
  stalled: number;
  dead: number;
  /** Seconds the oldest due job has waited to be taken; null when none is due. */
  oldestWaitingSeconds: number | null;
  /** Periodic kinds: when the next period is due. */
  nextRunAt: Date | null;
};

export async function getJobQueues(kinds: readonly string[], now = new Date()): Promise<JobQueueStats[]> {
  const rows = await db.$queryRaw<{ kind: string; queued: number; retrying: number; running: number; stalled: number; dead: number; oldest_due: Date | null }[]>`
    SELECT kind,
           count(*) FILTER (WHERE state = 'QUEUED')::int AS queued,
           count(*) FILTER (WHERE state = 'QUEUED' AND last_error IS NOT NULL)::int AS retrying,
           count(*) FILTER (WHERE state = 'RUNNING')::int AS running,
           count(*) FILTER (WHERE state = 'RUNNING' AND locked_until < ${now})::int AS stalled,
           count(*) FILTER (WHERE state = 'DEAD')::int AS dead,
           min(run_at) FILTER (WHERE state = 'QUEUED' AND run_at <= ${now}) AS oldest_due
      FROM jobs GROUP BY kind`;
  const schedules = await db.jobSchedule.findMany({ select: { kind: true, nextRunAt: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const nextRun = new Map(schedules.map((s) => [s.kind, s.nextRunAt]));
  // Every registered kind, then any other found in the table (e.g. the sandbox's, after a switch to live).
  const names = [
    ...kinds,
    ...rows
      .map((r) => r.kind)
      .filter((k) => !kinds.includes(k))
      .sort(),
  ];
  return names.map((kind) => {
    const row = byKind.get(kind);
    return {
      kind,
      queued: row?.queued ?? 0,
      retrying: row?.retrying ?? 0,
      running: row?.running ?? 0,
      stalled: row?.stalled ?? 0,
      dead: row?.dead ?? 0,
      oldestWaitingSeconds: row?.oldest_due ? Math.max(0, Math.round((now.getTime() - row.oldest_due.getTime()) / 1000)) : null,
      nextRunAt: nextRun.get(kind) ?? null,
    };
  });
}

export type JobFailureRow = {
  id: string;
  kind: string;
  state: "QUEUED" | "DEAD";
  attempts: number;
  maxAttempts: number;
  lastError: string;
  /** When it failed last (dead), or when it runs again (waiting to retry). */
  failedAt: Date;
  runAt: Date;
  /** The payload, compact, cut to PAYLOAD_PREVIEW_CHARS. */
  payload: string;
};

const PAYLOAD_PREVIEW_CHARS = 200;
export const JOB_FAILURES_SHOWN = 25;

/** The latest failures — dead jobs and jobs waiting to retry — newest first, optionally of one kind. */
export async function listJobFailures(opts: { kind?: string; limit?: number } = {}): Promise<JobFailureRow[]> {
  const limit = Math.min(Math.max(1, opts.limit ?? JOB_FAILURES_SHOWN), 100);
  const rows = await db.$queryRaw<
    { id: string; kind: string; state: "QUEUED" | "DEAD"; attempts: number; max_attempts: number; last_error: string; updated_at: Date; run_at: Date; payload: string }[]
  >`
    SELECT id::text AS id, kind, state::text AS state, attempts, max_attempts, last_error, updated_at, run_at,
           left(payload::text, ${PAYLOAD_PREVIEW_CHARS + 1}) AS payload
      FROM jobs
     WHERE last_error IS NOT NULL AND state IN ('QUEUED', 'DEAD') AND (${opts.kind ?? null}::text IS NULL OR kind = ${opts.kind ?? null})
     ORDER BY updated_at DESC, id DESC
     LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    lastError: r.last_error,
    failedAt: r.updated_at,
    runAt: r.run_at,
    payload: truncate(r.payload, PAYLOAD_PREVIEW_CHARS),
  }));
}
