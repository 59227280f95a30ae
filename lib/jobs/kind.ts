/**
 * A kind of background work, declared once (DESIGN "Jobs"): its name, handler, how many run at
 * once per process, its lease, its retry policy, and optionally a schedule, a serialisation key
 * (jobs with the same key never run at the same time) and a de-duplication key (at most one
 * queued job per key: enqueueing another merges into it).
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RetryPolicyName } from "./retry-policies";

export type Tx = Prisma.TransactionClient;
export type TransactionOptions = { maxWait?: number; timeout?: number };

/** What a handler gets besides its payload. */
export type JobContext<D> = {
  jobId: string;
  /** 1-based; counts every claim, a take-over after a crash included. */
  attempt: number;
  maxAttempts: number;
  /** "Now" for the work: the clock a test injected, else the real one. */
  now: Date;
  /** Aborted when this worker no longer holds the job (taken over, or released at shutdown). */
  signal: AbortSignal;
  /** What a test or benchmark passed to runDueJobs (e.g. a fetch or storage to use); undefined in production. */
  deps: D | undefined;
  /**
   * A transaction whose writes count only while this worker still holds the job: it first locks the
   * job row under this claim's token and throws JobLeaseLostError (rolling back) when that is gone.
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
};

/**
 * A handler returns nothing, or the writes that record its success: they run in the transaction
 * that completes the job, fenced by the claim's token, so they happen once and only if this worker
 * still holds the job.
 */
export type JobOutcome = void | ((tx: Tx) => Promise<void>);

export type JobFailure = {
  error: unknown;
  /** The message stored on the job (describeError's, else the error's own). */
  message: string;
  attempt: number;
  /** When it runs again; null when this was the last attempt (the job is dead). */
  retryAt: Date | null;
};

export type JobKind<P = unknown, D = unknown> = {
  name: string;
  /** What it does, for operators (/settings/jobs): "Webhook notifications", … */
  title: string;
  /** Jobs of this kind running at once in one process. */
  concurrency: number;
  /** Lease in seconds (default JOB_LEASE_SECONDS); renewed while the handler runs. */
  leaseSeconds?: number;
  retry: RetryPolicyName;
  /** Cron-like, UTC (lib/jobs/schedule.ts): enqueued once per period across every instance. */
  schedule?: string;
  serialKey?: (payload: P) => string | null;
  dedupKey?: (payload: P) => string | null;
  run: (payload: P, ctx: JobContext<D>) => Promise<JobOutcome>;
  /**
   * Records a failed attempt on the kind's own rows (its last error, "retrying at", "failed"), in
   * the transaction that records it on the job, fenced the same way.
   */
  onFailure?: (tx: Tx, payload: P, failure: JobFailure) => Promise<void>;
  /**
   * A person's Retry of a dead job (/settings/jobs): puts the kind's own rows back to waiting, in
   * the transaction that queues the fresh job.
   */
  onRetry?: (tx: Tx, payload: P) => Promise<void>;
  /** A readable message for a failure (stored on the job and shown on /settings/jobs). */
  describeError?: (error: unknown) => string;
  /** Options for the completing and failing transactions (default: Prisma's). */
  transaction?: TransactionOptions;
};

/**
 * Declares a kind. A periodic kind's runs are serialised and de-duplicated by default (one key for
 * all of them): a run that overruns its period is not overlapped by the next, and a period whose
 * job has not started yet when the next comes merges into it.
 */
export function defineJobKind<P, D = never>(kind: JobKind<P, D>): JobKind<P, D> {
  if (!/^[a-z0-9][a-z0-9.-]{0,62}$/.test(kind.name)) throw new Error(`Job kind name "${kind.name}" must be lowercase letters, digits, dots and dashes.`);
  if (!Number.isInteger(kind.concurrency) || kind.concurrency < 1) throw new Error(`Job kind ${kind.name}: concurrency must be a positive integer.`);
  if (!kind.schedule) return kind;
  return { serialKey: () => "schedule", dedupKey: () => "schedule", ...kind };
}

/** A failure that retrying cannot change: the job is dead-lettered at once. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "PermanentJobError";
  }
}

/** This worker no longer holds the job (another took it over after the lease, or it was released). */
export class JobLeaseLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this worker`);
    this.name = "JobLeaseLostError";
  }
}
