/**
 * The one job runner (DESIGN "Jobs"). Declare a kind with defineJobKind, enqueue it inside the
 * transaction of the write that causes it, and let the workers (startJobWorkers, once per process)
 * run it; runDueJobs does the same work now, in the calling process (tests, scripts).
 */
import "server-only";
import { JobWorkers, type JobWorkersOptions } from "./runner";

export { defineJobKind, JobLeaseLostError, PermanentJobError, type JobContext, type JobFailure, type JobKind, type JobOutcome, type Tx } from "./kind";
export { RETRY_POLICIES, type RetryPolicyName } from "./retry-policies";
export { enqueue, expedite, hasLiveJob, insertJobsSql, type AnyJobKind } from "./store";
export { runDueJobs } from "./execute";
export { announceJobs } from "./announce";

// The running workers are process machinery, like a connection pool (they hold no job state):
// on globalThis because Next.js may load this module more than once in one process.
const holder = globalThis as { __portalJobWorkers?: JobWorkers };

/** Starts this process's workers for `kinds`; a second call in the same process does nothing. */
export function startJobWorkers(options: JobWorkersOptions): void {
  if (holder.__portalJobWorkers) return;
  const workers = new JobWorkers(options);
  holder.__portalJobWorkers = workers;
  workers.start();
}

/**
 * Stops this process's workers before it exits (and before its database goes): see
 * lib/jobs/runner.ts. Safe to call more than once, and when none were started.
 */
export async function stopJobWorkers(timeoutMs = 10_000): Promise<void> {
  await holder.__portalJobWorkers?.stop(timeoutMs);
}
