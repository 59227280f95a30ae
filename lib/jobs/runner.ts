/**
 * The workers of one process: a loop per kind that keeps up to `concurrency` jobs of the kind
 * running, a LISTEN connection that wakes a kind's loop within milliseconds of a commit that
 * enqueued one, the schedules of periodic kinds, and one lease keeper for every job held.
 *
 * A loop claims as many due jobs as it has free slots, starts them, and claims again as slots free
 * up. With nothing due it sleeps until a notification, a job of its own finishing, the next
 * delayed job or lease expiry of the kind, or the poll — the safety net — whichever is first.
 *
 * Stopping: no new claims; running jobs get `timeoutMs` to finish; what is still running then is
 * released (queued again, due now, the attempt not counted) so another process takes it at once,
 * and its handler's signal is aborted. The LISTEN connection is closed before stop() resolves.
 */
import "server-only";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { executeJob, LeaseKeeper } from "./execute";
import { listenForJobs, type JobListener } from "./listener";
import { parseSchedule, parseScheduleOverrides } from "./schedule";
import { runSchedules, type ScheduledKind } from "./scheduler";
import { claimJobs, nextWakeAt, releaseJobs, type AnyJobKind, type ClaimedJob } from "./store";

/** The safety-net poll: work nobody announced (a lost notification) is found at the latest this late. */
const POLL_MS = 10_000;
/** A loop that found due work it could not claim (another worker is claiming it) waits this long at least. */
const MIN_IDLE_MS = 25;

export type JobWorkersOptions = {
  kinds: readonly AnyJobKind[];
  databaseUrl: string;
  /** JOB_SCHEDULES: `kind=cron;…` overrides of periodic kinds' schedules. */
  scheduleOverrides?: string;
  /** Shown on /settings/jobs as the holder of running jobs. */
  workerId?: string;
};

class KindLoop {
  readonly running = new Map<string, { job: ClaimedJob; done: Promise<void> }>();
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private failures = 0;

  constructor(
    readonly kind: AnyJobKind,
    private readonly workers: JobWorkers,
  ) {}

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async loop(): Promise<void> {
    while (!this.workers.stopping) {
      this.woken = false;
      const free = this.kind.concurrency - this.running.size;
      let isFull = false;
      let sleepMs = POLL_MS;
      if (free > 0) {
        let claimed: ClaimedJob[];
        try {
          claimed = await claimJobs(this.kind, free, this.workers.workerId);
          this.failures = 0;
        } catch (error) {
          // The database is away (a restart, a network blip): wait, then claim again.
          if (this.failures++ === 0) console.error(`[jobs] ${this.kind.name}: cannot claim jobs: ${error instanceof Error ? error.message : String(error)} (retrying)`);
          await this.sleep(Math.min(250 * 2 ** this.failures, POLL_MS));
          continue;
        }
        for (const job of claimed) this.start(job);
        if (claimed.length === free) continue; // there may be more
        const at = await nextWakeAt(this.kind).catch(() => null);
        if (at) sleepMs = Math.max(MIN_IDLE_MS, Math.min(POLL_MS, at.getTime() - Date.now()));
      } else {
        isFull = true;
      }
      if (this.workers.stopping) break;
      // A notification that came while we were claiming: look again at once.
      if (this.woken && !isFull) continue;
      await this.sleep(sleepMs);
    }
  }

  private start(job: ClaimedJob): void {
    const done = executeJob(this.kind, job, this.workers.keeper).finally(() => {
      this.running.delete(job.id);
      this.wake();
    });
    this.running.set(job.id, { job, done });
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.workers.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      // Not unref'd: this timer is what keeps a standalone `npm run worker` process alive.
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    }).then(() => {
      this.wakeUp = undefined;
    });
  }
}

export class JobWorkers {
  stopping = false;
  readonly keeper = new LeaseKeeper();
  readonly workerId: string;
  private readonly loops = new Map<string, KindLoop>();
  private readonly running: Promise<void>[] = [];
  private readonly schedulesStop = new AbortController();
  private listener: JobListener | undefined;

  constructor(private readonly options: JobWorkersOptions) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    const names = new Set<string>();
    for (const kind of options.kinds) {
      if (names.has(kind.name)) throw new Error(`Job kind ${kind.name} is declared twice.`);
      names.add(kind.name);
    }
  }

  start(): void {
    const overrides = parseScheduleOverrides(this.options.scheduleOverrides);
    for (const name of overrides.keys()) {
      if (!this.options.kinds.some((k) => k.name === name && k.schedule)) throw new Error(`JOB_SCHEDULES names ${name}, which is not a periodic job kind.`);
    }
    const scheduled: ScheduledKind[] = this.options.kinds.flatMap((kind) => (kind.schedule ? [{ kind, schedule: parseSchedule(overrides.get(kind.name) ?? kind.schedule) }] : []));
    for (const kind of this.options.kinds) this.loops.set(kind.name, new KindLoop(kind, this));
    this.listener = listenForJobs(
      this.options.databaseUrl,
      (name) => this.loops.get(name)?.wake(),
      () => this.wakeAll(),
    );
    for (const loop of this.loops.values()) this.running.push(loop.loop());
    if (scheduled.length > 0) this.running.push(runSchedules(scheduled, this.schedulesStop.signal));
  }

  wakeAll(): void {
    for (const loop of this.loops.values()) loop.wake();
  }

  /** See the module comment. Resolves once nothing of this process touches the database any more. */
  async stop(timeoutMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.schedulesStop.abort();
    this.wakeAll();
    await Promise.all(this.running);
    const inFlight = () => [...this.loops.values()].flatMap((loop) => [...loop.running.values()]);
    const finished = Promise.all(inFlight().map((r) => r.done));
    const timedOut = await Promise.race([finished.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), timeoutMs).unref())]);
    if (timedOut) {
      for (const loop of this.loops.values()) {
        const held = [...loop.running.values()].map((r) => r.job);
        if (held.length === 0) continue;
        const released = await releaseJobs(loop.kind, held).catch(() => 0);
        console.log(`[jobs] ${loop.kind.name}: released ${released} running job(s) for another worker`);
        for (const job of held) this.keeper.abort(job.id, new Error("the worker is stopping"));
      }
      // Their handlers see the abort; give them a moment to unwind before the pools close.
      await Promise.race([Promise.all(inFlight().map((r) => r.done)), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    }
    await this.listener?.close();
  }
}
