/**
 * The job table's SQL: enqueue, claim, renew, complete, fail, release. The only place in the tree
 * that claims with FOR UPDATE SKIP LOCKED or writes a lease (DESIGN "Jobs").
 *
 * - A claim hands out a fresh lease token; every outcome write is fenced on it (lib/jobs/fencing.ts).
 * - A job with a serialisation key is claimed only when no other job with that key is running and
 *   none queued before it is due: one key's jobs run one at a time, in order.
 * - At most one QUEUED job per de-duplication key (a partial unique index). Enqueueing another
 *   merges into it (the earlier run_at wins) by updating its row, which holds that row's lock until
 *   the enqueuing transaction commits: the merged job cannot start before the write that asked for
 *   it is visible. A running job does not count, so a change made while it runs queues another.
 * - Every enqueue and every completion of a serialised job NOTIFYs `portal_jobs` with the kind's
 *   name, delivered when its transaction commits: workers wake within milliseconds.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { JobLeaseLostError, type JobKind, type TransactionOptions, type Tx } from "./kind";
import { RETRY_POLICIES } from "./retry-policies";

export const JOBS_CHANNEL = "portal_jobs";

type Client = Tx | typeof db;
/** Any kind, whatever its payload (a kind's own functions are what type it). */
export type AnyJobKind = JobKind<never, never>;
type AnyKind = AnyJobKind;

export type ClaimedJob = { id: string; token: string; payload: unknown; attempt: number; maxAttempts: number };

export function leaseSecondsOf(kind: Pick<AnyKind, "leaseSeconds">): number {
  return kind.leaseSeconds ?? getEnv().JOB_LEASE_SECONDS;
}

type JobRow = { payload: string; serial: string | null; dedup: string | null };

function rowsFor<P, D>(kind: JobKind<P, D>, payloads: readonly P[]): JobRow[] {
  // Two payloads with one de-duplication key in one statement would merge into the same row twice.
  const seen = new Set<string>();
  const rows: JobRow[] = [];
  for (const payload of payloads) {
    const dedup = kind.dedupKey?.(payload) ?? null;
    if (dedup !== null) {
      if (seen.has(dedup)) continue;
      seen.add(dedup);
    }
    rows.push({ payload: JSON.stringify(payload ?? {}), serial: kind.serialKey?.(payload) ?? null, dedup });
  }
  return rows;
}

/**
 * The INSERT (with its de-duplication merge) of jobs of `kind` from a SELECT returning
 * (payload jsonb, serial_key text, dedup_key text), due at `runAt` (null: now). For callers that
 * must store something and enqueue in one statement (webhook ingest); everyone else calls enqueue.
 * Announce the jobs after the statement commits (lib/jobs/announce.ts).
 */
export function insertJobsSql(kind: AnyKind, rows: Prisma.Sql, runAt: Date | null = null): Prisma.Sql {
  const maxAttempts = RETRY_POLICIES[kind.retry].maxAttempts;
  return Prisma.sql`
    INSERT INTO jobs (kind, payload, serial_key, dedup_key, run_at, max_attempts)
    SELECT ${kind.name}, r.payload, r.serial_key, r.dedup_key, COALESCE(${runAt}::timestamptz, now()), ${maxAttempts}::int
      FROM (${rows}) AS r(payload, serial_key, dedup_key)
    ON CONFLICT (kind, dedup_key) WHERE state = 'QUEUED'
    DO UPDATE SET run_at = LEAST(jobs.run_at, EXCLUDED.run_at), updated_at = now()
    RETURNING id`;
}

function notifySql(kind: Pick<AnyKind, "name">): Prisma.Sql {
  return Prisma.sql`pg_notify(${JOBS_CHANNEL}, ${kind.name})`;
}

/**
 * Enqueues jobs of `kind`, inside the caller's transaction when `client` is one (they commit, or
 * not, with the caller's writes). Returns how many rows were inserted or merged into.
 */
export async function enqueue<P, D>(client: Client, kind: JobKind<P, D>, payloads: P | readonly P[], opts: { runAt?: Date } = {}): Promise<number> {
  const rows = rowsFor(kind, Array.isArray(payloads) ? (payloads as readonly P[]) : [payloads as P]);
  if (rows.length === 0) return 0;
  const source = Prisma.sql`SELECT p::jsonb, s, d FROM unnest(${rows.map((r) => r.payload)}::text[], ${rows.map((r) => r.serial)}::text[], ${rows.map((r) => r.dedup)}::text[]) AS x(p, s, d)`;
  const [row] = await client.$queryRaw<{ n: number }[]>`
    WITH ins AS (${insertJobsSql(kind as unknown as AnyKind, source, opts.runAt ?? null)})
    SELECT (SELECT count(*) FROM ins)::int AS n FROM ${notifySql(kind)}`;
  return row?.n ?? 0;
}

/**
 * Makes the queued job of `kind` with this de-duplication key due now (e.g. notifications that
 * waited for their booking). false when none is queued.
 */
export async function expedite(client: Client, kind: AnyKind, dedupKey: string): Promise<boolean> {
  const [row] = await client.$queryRaw<{ n: number }[]>`
    WITH up AS (
      UPDATE jobs SET run_at = now(), updated_at = now()
       WHERE kind = ${kind.name} AND dedup_key = ${dedupKey} AND state = 'QUEUED' AND run_at > now()
      RETURNING id)
    SELECT (SELECT count(*) FROM up)::int AS n FROM ${notifySql(kind)}`;
  return (row?.n ?? 0) > 0;
}

/** Claims up to `limit` jobs of `kind`: leases run out first (take-over), then due ones in order. */
export async function claimJobs(kind: AnyKind, limit: number, workerId: string, now: Date | null = null): Promise<ClaimedJob[]> {
  const lease = leaseSecondsOf(kind);
  const rows = await db.$queryRaw<{ id: string; token: string; payload: unknown; attempts: number; max_attempts: number }[]>`
    WITH expired AS (
      SELECT j.id FROM jobs j
       WHERE j.kind = ${kind.name} AND j.state = 'RUNNING' AND j.locked_until < now()
       ORDER BY j.locked_until
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED
    ), due AS (
      SELECT j.id FROM jobs j
       WHERE j.kind = ${kind.name} AND j.state = 'QUEUED' AND j.run_at <= COALESCE(${now}::timestamptz, now())
         AND (j.serial_key IS NULL OR NOT EXISTS (
              SELECT 1 FROM jobs o
               WHERE o.kind = j.kind AND o.serial_key = j.serial_key AND o.id <> j.id
                 AND (o.state = 'RUNNING'
                      OR (o.state = 'QUEUED' AND o.run_at <= COALESCE(${now}::timestamptz, now()) AND (o.run_at, o.id) < (j.run_at, j.id)))))
       ORDER BY j.run_at, j.id
       LIMIT ${limit}
       FOR UPDATE OF j SKIP LOCKED
    ), picked AS (
      SELECT id FROM expired UNION ALL SELECT id FROM due LIMIT ${limit}
    )
    UPDATE jobs j
       SET state = 'RUNNING', attempts = j.attempts + 1, lease_token = gen_random_uuid(),
           locked_until = now() + make_interval(secs => ${lease}::float8), locked_by = ${workerId}, updated_at = now()
      FROM picked p
     WHERE j.id = p.id
    RETURNING j.id::text AS id, j.lease_token::text AS token, j.payload, j.attempts, j.max_attempts`;
  return rows.map((r) => ({ id: r.id, token: r.token, payload: r.payload, attempt: r.attempts, maxAttempts: r.max_attempts }));
}

/**
 * Renews the leases held; returns each with whether it is still held (false: taken over or
 * released). Never waits on a row lock: a job whose row a fenced transaction of its own has locked
 * right now is alive, and is renewed at the next beat.
 */
export async function renewLeases(held: readonly { id: string; token: string; leaseSeconds: number }[]): Promise<{ id: string; token: string; held: boolean }[]> {
  if (held.length === 0) return [];
  return db.$queryRaw<{ id: string; token: string; held: boolean }[]>`
    WITH x AS (
      SELECT * FROM unnest(${held.map((h) => h.id)}::bigint[], ${held.map((h) => h.token)}::uuid[], ${held.map((h) => h.leaseSeconds)}::float8[]) AS x(id, token, lease)
    ), free AS (
      SELECT j.id FROM jobs j JOIN x ON x.id = j.id AND x.token = j.lease_token WHERE j.state = 'RUNNING' FOR UPDATE OF j SKIP LOCKED
    ), renewed AS (
      UPDATE jobs j SET locked_until = now() + make_interval(secs => x.lease) FROM x, free f WHERE j.id = f.id AND x.id = f.id RETURNING j.id
    )
    SELECT x.id::text AS id, x.token::text AS token,
           EXISTS (SELECT 1 FROM jobs j WHERE j.id = x.id AND j.lease_token = x.token AND j.state = 'RUNNING') AS held
      FROM x`;
}

/** Locks the job row under the claim's token for the rest of `tx`, or throws JobLeaseLostError. */
async function lockHeldJob(tx: Tx, job: Pick<ClaimedJob, "id" | "token">): Promise<{ kind: string; serial_key: string | null; dedup_key: string | null }> {
  const [row] = await tx.$queryRaw<{ kind: string; serial_key: string | null; dedup_key: string | null }[]>`
    SELECT kind, serial_key, dedup_key FROM jobs WHERE id = ${job.id}::bigint AND lease_token = ${job.token}::uuid AND state = 'RUNNING' FOR UPDATE`;
  if (!row) throw new JobLeaseLostError(job.id);
  return row;
}

/** A transaction whose writes count only while the claim holds (JobContext.transaction). */
export function heldTransaction<T>(job: Pick<ClaimedJob, "id" | "token">, fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return db.$transaction(async (tx) => {
    await lockHeldJob(tx, job);
    return fn(tx);
  }, options);
}

/**
 * Completes a job: deletes it and runs `outcome` (the handler's success writes) in one
 * transaction, fenced on the claim's token. false when the job was no longer this worker's.
 */
export async function completeJob(kind: AnyKind, job: ClaimedJob, outcome: ((tx: Tx) => Promise<void>) | null): Promise<boolean> {
  if (!outcome) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      WITH d AS (DELETE FROM jobs WHERE id = ${job.id}::bigint AND lease_token = ${job.token}::uuid AND state = 'RUNNING' RETURNING kind, serial_key)
      SELECT count(*)::int AS n, count(pg_notify(${JOBS_CHANNEL}, kind)) FILTER (WHERE serial_key IS NOT NULL) AS notified FROM d`;
    return (row?.n ?? 0) > 0;
  }
  try {
    await db.$transaction(async (tx) => {
      const row = await lockHeldJob(tx, job);
      await tx.$executeRaw`DELETE FROM jobs WHERE id = ${job.id}::bigint`;
      await outcome(tx);
      // Jobs waiting for this key may run now.
      if (row.serial_key !== null) await tx.$executeRaw`SELECT ${notifySql(kind)}`;
    }, kind.transaction);
    return true;
  } catch (error) {
    if (error instanceof JobLeaseLostError) return false;
    throw error;
  }
}

export type FailureWrite = { state: "retry"; retryAt: Date; message: string } | { state: "dead"; message: string };

/**
 * Records a failed attempt, fenced on the claim's token: back to QUEUED at `retryAt` (merged into
 * a queued job with the same de-duplication key if one was enqueued meanwhile: it does the same
 * work, and sooner), or DEAD. `domain` writes the kind's own rows in the same transaction.
 * false when the job was no longer this worker's.
 */
export async function failJob(kind: AnyKind, job: ClaimedJob, write: FailureWrite, domain: ((tx: Tx) => Promise<void>) | null): Promise<boolean> {
  const run = () =>
    db.$transaction(async (tx) => {
      const row = await lockHeldJob(tx, job);
      if (write.state === "dead") {
        await tx.$executeRaw`
          UPDATE jobs SET state = 'DEAD', lease_token = NULL, locked_until = NULL, last_error = ${write.message}, updated_at = now()
           WHERE id = ${job.id}::bigint`;
      } else {
        await requeueHeld(tx, job.id, row, { runAt: write.retryAt, lastError: write.message, refundAttempt: false });
      }
      if (domain) await domain(tx);
      if (row.serial_key !== null) await tx.$executeRaw`SELECT ${notifySql(kind)}`;
    }, kind.transaction);
  return fenced(() => retryOnUniqueConflict(run));
}

/**
 * Gives back jobs this worker holds (a stopping process): queued again, due now, the attempt not
 * counted. A job merged into a queued duplicate is simply gone. Returns how many were released.
 */
export async function releaseJobs(kind: AnyKind, jobs: readonly ClaimedJob[]): Promise<number> {
  let released = 0;
  for (const job of jobs) {
    const ok = await fenced(() =>
      retryOnUniqueConflict(() =>
        db.$transaction(async (tx) => {
          const row = await lockHeldJob(tx, job);
          await requeueHeld(tx, job.id, row, { runAt: null, lastError: null, refundAttempt: true });
          await tx.$executeRaw`SELECT ${notifySql(kind)}`;
        }),
      ),
    );
    if (ok) released++;
  }
  return released;
}

async function requeueHeld(tx: Tx, id: string, row: { kind: string; dedup_key: string | null }, opts: { runAt: Date | null; lastError: string | null; refundAttempt: boolean }): Promise<void> {
  if (row.dedup_key !== null) {
    const merged = await tx.$executeRaw`
      UPDATE jobs SET run_at = LEAST(run_at, COALESCE(${opts.runAt}::timestamptz, now())), last_error = COALESCE(${opts.lastError}, last_error), updated_at = now()
       WHERE kind = ${row.kind} AND dedup_key = ${row.dedup_key} AND state = 'QUEUED'`;
    if (merged > 0) {
      await tx.$executeRaw`DELETE FROM jobs WHERE id = ${id}::bigint`;
      return;
    }
  }
  await tx.$executeRaw`
    UPDATE jobs SET state = 'QUEUED', run_at = COALESCE(${opts.runAt}::timestamptz, now()), lease_token = NULL, locked_until = NULL, locked_by = NULL,
           attempts = CASE WHEN ${opts.refundAttempt} THEN greatest(attempts - 1, 0) ELSE attempts END,
           last_error = COALESCE(${opts.lastError}, last_error), updated_at = now()
     WHERE id = ${id}::bigint`;
}

async function fenced(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof JobLeaseLostError) return false;
    throw error;
  }
}

/** A job enqueued with the same de-duplication key between our look and our write: look again. */
async function retryOnUniqueConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return write();
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? "")}` : String(error);
  return /23505|unique constraint|P2002/i.test(text);
}

/** When this kind next has work that no notification will announce: a delayed job, or a lease running out. */
export async function nextWakeAt(kind: AnyKind): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ at: Date | null }[]>`
    SELECT LEAST(
      (SELECT min(run_at) FROM jobs WHERE kind = ${kind.name} AND state = 'QUEUED' AND run_at > now()),
      (SELECT min(locked_until) FROM jobs WHERE kind = ${kind.name} AND state = 'RUNNING')) AS at`;
  return row?.at ?? null;
}

/** Whether a job of `kind` with this serialisation key is queued or running (e.g. "still being worked out"). */
export async function hasLiveJob(kind: Pick<AnyKind, "name">, serialKey: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ live: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM jobs WHERE kind = ${kind.name} AND serial_key = ${serialKey} AND state <> 'DEAD') AS live`;
  return row?.live ?? false;
}

export type RetryJobResult = "queued" | "due_now" | "running" | "not_found";

/**
 * A person's Retry on /settings/jobs. A dead job is queued again as a fresh job (a fresh set of
 * attempts, due now; merged into a queued one of its de-duplication key) and `onRetry` puts the
 * kind's own rows back to waiting; a job waiting to retry is made due now. A running job is never
 * touched: its worker holds it.
 */
export async function retryJob(id: string, kinds: readonly AnyKind[]): Promise<RetryJobResult> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ kind: string; state: string; payload: unknown; serial_key: string | null; dedup_key: string | null; max_attempts: number }[]>`
      SELECT kind, state::text AS state, payload, serial_key, dedup_key, max_attempts FROM jobs WHERE id = ${id}::bigint FOR UPDATE`;
    if (!row) return "not_found";
    if (row.state === "RUNNING") return "running";
    const kind = kinds.find((k) => k.name === row.kind);
    if (row.state === "QUEUED") {
      await tx.$executeRaw`UPDATE jobs SET run_at = now(), updated_at = now() WHERE id = ${id}::bigint`;
      await tx.$executeRaw`SELECT ${notifySql({ name: row.kind })}`;
      return "due_now";
    }
    const maxAttempts = kind ? RETRY_POLICIES[kind.retry].maxAttempts : row.max_attempts;
    await tx.$executeRaw`DELETE FROM jobs WHERE id = ${id}::bigint`;
    await tx.$executeRaw`
      INSERT INTO jobs (kind, payload, serial_key, dedup_key, max_attempts)
      VALUES (${row.kind}, ${JSON.stringify(row.payload)}::jsonb, ${row.serial_key}, ${row.dedup_key}, ${maxAttempts}::int)
      ON CONFLICT (kind, dedup_key) WHERE state = 'QUEUED' DO UPDATE SET run_at = now(), updated_at = now()`;
    if (kind?.onRetry) await kind.onRetry(tx, row.payload as never);
    await tx.$executeRaw`SELECT ${notifySql({ name: row.kind })}`;
    return "queued";
  });
}
