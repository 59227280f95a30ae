/**
 * Runs one claimed job to its recorded outcome: the handler, with its lease renewed while it runs,
 * then — fenced on the claim's token — completion (the handler's success writes included), a retry
 * at the policy's time, or the dead-letter state. Shared by the workers (lib/jobs/runner.ts) and by
 * runDueJobs (tests, scripts).
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { heartbeatIntervalMs, isPastLastAttempt, lostLeases } from "./fencing";
import { JobLeaseLostError, PermanentJobError, type JobContext, type JobFailure, type JobKind } from "./kind";
import { decideFailure, RETRY_POLICIES } from "./retry-policies";
import { claimJobs, completeJob, failJob, heldTransaction, leaseSecondsOf, renewLeases, type AnyJobKind, type ClaimedJob } from "./store";

/** Failed attempts before this many are not logged (they are on /settings/jobs). */
const QUIET_ATTEMPTS = 3;

type Held = { id: string; token: string; leaseSeconds: number; controller: AbortController };

/**
 * Renews the leases of the jobs a worker holds, all in one query, a third of the shortest lease
 * apart; a job whose lease is gone (taken over after this process stalled) has its signal aborted.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | undefined;
  private renewing = false;

  /** `intervalMs` replaces heartbeatIntervalMs (tests only). */
  constructor(private readonly intervalMs?: number) {}

  hold(job: ClaimedJob, leaseSeconds: number, controller: AbortController): void {
    this.held.set(job.id, { id: job.id, token: job.token, leaseSeconds, controller });
    this.schedule();
  }

  release(jobId: string): void {
    this.held.delete(jobId);
    if (this.held.size === 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** The jobs held now (a stopping worker releases them). */
  list(): { id: string; token: string }[] {
    return [...this.held.values()].map(({ id, token }) => ({ id, token }));
  }

  abort(jobId: string, reason: Error): void {
    this.held.get(jobId)?.controller.abort(reason);
  }

  private schedule(): void {
    if (this.timer || this.held.size === 0) return;
    this.timer = setTimeout(() => void this.renew(), this.intervalMs ?? heartbeatIntervalMs([...this.held.values()]));
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    this.timer = undefined;
    if (this.renewing) return;
    this.renewing = true;
    const held = [...this.held.values()];
    try {
      const renewed = await renewLeases(held);
      for (const lost of lostLeases(held, renewed)) {
        if (this.held.get(lost.id)?.token === lost.token) lost.controller.abort(new JobLeaseLostError(lost.id));
      }
    } catch (error) {
      // The database is unreachable: try again at the next beat; a lease that runs out meanwhile is
      // found lost at the first renewal that works.
      console.error(`[jobs] could not renew leases: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.renewing = false;
      this.schedule();
    }
  }
}

export type ExecuteOptions<D> = {
  now?: Date;
  deps?: D;
  /** Replaces the retry policy's base wait (tests). */
  retryBaseMs?: number;
};

function describe(kind: AnyJobKind, error: unknown): string {
  const text = kind.describeError ? kind.describeError(error) : error instanceof Error ? error.message : String(error);
  return text.slice(0, 2_000);
}

/** Runs `job` and records its outcome. Never throws: a failed write leaves the job to its lease. */
export async function executeJob<D>(kind: AnyJobKind, job: ClaimedJob, keeper: LeaseKeeper, opts: ExecuteOptions<D> = {}): Promise<void> {
  const controller = new AbortController();
  keeper.hold(job, leaseSecondsOf(kind), controller);
  const payload = job.payload as never;
  const policy = RETRY_POLICIES[kind.retry];
  const record = async (error: unknown): Promise<void> => {
    const message = describe(kind, error);
    const env = getEnv();
    const baseMs = opts.retryBaseMs ?? ("baseFromEnv" in policy ? env[policy.baseFromEnv] : undefined);
    const decision = decideFailure(policy, job.attempt, { permanent: error instanceof PermanentJobError || isPastLastAttempt(job.attempt, job.maxAttempts), baseMs });
    const retryAt = decision.state === "retry" ? new Date(Date.now() + decision.delayMs) : null;
    const failure: JobFailure = { error, message, attempt: job.attempt, retryAt };
    const recorded = await failJob(kind, job, retryAt ? { state: "retry", retryAt, message } : { state: "dead", message }, kind.onFailure ? (tx) => kind.onFailure!(tx, payload, failure) : null);
    if (!recorded) return;
    // The first retries are often ordinary (a notification before its booking, a blip): they show on
    // /settings/jobs; the log has the persistent ones.
    if (retryAt && job.attempt >= QUIET_ATTEMPTS) console.warn(`[jobs] ${kind.name} #${job.id} attempt ${job.attempt} failed: ${message} (retrying at ${retryAt.toISOString()})`);
    else if (!retryAt) console.error(`[jobs] ${kind.name} #${job.id} dead-lettered after attempt ${job.attempt}: ${message}`);
  };

  try {
    // Claimed again after its worker stopped on the last attempt: not run a further time.
    if (isPastLastAttempt(job.attempt, job.maxAttempts)) {
      await record(new PermanentJobError(`the worker running its last attempt stopped before it finished (its lease ran out)`));
      return;
    }
    const ctx: JobContext<D> = {
      jobId: job.id,
      attempt: job.attempt,
      maxAttempts: job.maxAttempts,
      now: opts.now ?? new Date(),
      signal: controller.signal,
      deps: opts.deps,
      transaction: (fn, options) => heldTransaction(job, fn, options),
    };
    let outcome: Awaited<ReturnType<AnyJobKind["run"]>>;
    try {
      outcome = await kind.run(payload, ctx as never);
    } catch (error) {
      // Taken over or released: the job is another worker's (or the queue's) now; record nothing.
      if (error instanceof JobLeaseLostError || controller.signal.reason instanceof JobLeaseLostError) return;
      await record(error);
      return;
    }
    await completeJob(kind, job, outcome ?? null);
  } catch (error) {
    console.error(`[jobs] ${kind.name} #${job.id}: could not record the outcome (the job runs again after its lease): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    keeper.release(job.id);
  }
}

export type RunDueOptions<D> = ExecuteOptions<D> & {
  /** Jobs claimed at most (default: the kind's concurrency × 5). */
  limit?: number;
  workerId?: string;
  /** How often leases are renewed (default: a third of the lease); tests play a frozen process with a long one. */
  leaseRenewMs?: number;
};

/**
 * Claims the due jobs of `kind` (up to `limit`), runs them — `kind.concurrency` at a time — and
 * returns how many it claimed: the workers' own path, for tests, benchmarks and scripts that want
 * the work done now, in this process. `now` makes jobs due by an injected clock.
 */
export async function runDueJobs<P, D>(kind: JobKind<P, D>, opts: RunDueOptions<D> = {}): Promise<number> {
  const anyKind = kind as unknown as AnyJobKind;
  const claimed = await claimJobs(anyKind, opts.limit ?? kind.concurrency * 5, opts.workerId ?? `inline:${process.pid}`, opts.now ?? null);
  const keeper = new LeaseKeeper(opts.leaseRenewMs);
  const queue = [...claimed];
  await Promise.all(
    Array.from({ length: Math.min(kind.concurrency, queue.length) }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await executeJob(anyKind, job, keeper, opts);
    }),
  );
  return claimed.length;
}
