/**
 * Postgres is the job queue. A job is a row — an inbox notification (webhook_events) or a media
 * file to store (media_assets) — claimed with FOR UPDATE SKIP LOCKED, so any number of workers on
 * any number of machines never take the same row. Claiming moves next_attempt_at forward by the
 * lease (JOB_LEASE_SECONDS): a worker that dies mid-job leaves its row to be taken over once the
 * lease has passed, and a live worker on a long job renews the lease as it goes.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type ClaimedInboxEvent = { id: string; type: string; booking_id: string | null; notetaker_id: string | null; attempts: number };

/** Due PENDING notifications, oldest event time first. */
export async function claimInboxEvents(limit: number): Promise<ClaimedInboxEvent[]> {
  const lease = getEnv().JOB_LEASE_SECONDS;
  return db.$queryRaw<ClaimedInboxEvent[]>`
    UPDATE webhook_events e
       SET attempts = e.attempts + 1, next_attempt_at = now() + make_interval(secs => ${lease}), updated_at = now()
     WHERE e.id IN (
       SELECT q.id FROM webhook_events q
        WHERE q.status = 'PENDING' AND q.next_attempt_at <= now()
        ORDER BY q.event_time NULLS FIRST, q.received_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING e.id, e.type, e.booking_id, e.notetaker_id, e.attempts`;
}

export type ClaimedMediaAsset = { id: string; attempts: number };

/**
 * Due media downloads: PENDING ones, and DOWNLOADING ones whose worker stopped renewing the lease
 * (it died mid-download; the partial file was never committed). The claim marks them DOWNLOADING.
 */
export async function claimMediaAssets(limit: number): Promise<ClaimedMediaAsset[]> {
  const lease = getEnv().JOB_LEASE_SECONDS;
  return db.$queryRaw<ClaimedMediaAsset[]>`
    UPDATE media_assets a
       SET status = 'DOWNLOADING', attempts = a.attempts + 1, bytes_received = 0,
           next_attempt_at = now() + make_interval(secs => ${lease}), updated_at = now()
     WHERE a.id IN (
       SELECT q.id FROM media_assets q
        WHERE q.status IN ('PENDING', 'DOWNLOADING') AND q.source = 'NOTETAKER' AND q.next_attempt_at <= now()
        ORDER BY q.next_attempt_at, q.created_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING a.id, a.attempts`;
}

/**
 * Extends a media download's lease and records its progress. false when the row is no longer
 * this worker's (it was taken over after the lease ran out, or finished elsewhere): stop then.
 */
export async function renewMediaLease(id: string, attempt: number, bytesReceived: number): Promise<boolean> {
  const lease = getEnv().JOB_LEASE_SECONDS;
  const count = await db.$executeRaw`
    UPDATE media_assets
       SET next_attempt_at = now() + make_interval(secs => ${lease}), bytes_received = ${bytesReceived}, updated_at = now()
     WHERE id = ${id}::uuid AND status = 'DOWNLOADING' AND attempts = ${attempt}`;
  return count === 1;
}

export type ClaimedAssignment = { id: string; due_at: Date };

/**
 * Interviews whose "why this interviewer" is due (assignment_jobs; lib/assignment/worker.ts). The
 * claim moves due_at forward by the lease; the worker clears the job only if no booking change has
 * made it due again since (the returned due_at is the fence).
 */
export async function claimAssignments(limit: number): Promise<ClaimedAssignment[]> {
  const lease = getEnv().JOB_LEASE_SECONDS;
  return db.$queryRaw<ClaimedAssignment[]>`
    UPDATE assignment_jobs j
       SET due_at = now() + make_interval(secs => ${lease})
     WHERE j.interview_id IN (
       SELECT q.interview_id FROM assignment_jobs q
        WHERE q.due_at <= now()
        ORDER BY q.due_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING j.interview_id AS id, j.due_at`;
}
