/**
 * The one job runner (lib/jobs) on real PostgreSQL, with kinds of its own: claims under contention,
 * lease renewal, crash take-over, fenced writes, serialisation and de-duplication keys, retries and
 * the dead-letter state, LISTEN/NOTIFY wake-ups, graceful stop, and periodic kinds across instances.
 */
import { afterEach, describe, expect, it } from "vitest";
import { defineJobKind, enqueue, JobLeaseLostError, PermanentJobError, runDueJobs, type JobContext, type JobFailure } from "@/lib/jobs";
import { JobWorkers } from "@/lib/jobs/runner";
import { parseSchedule } from "@/lib/jobs/schedule";
import { claimSchedulePeriod } from "@/lib/jobs/scheduler";
import { claimJobs, completeJob, failJob, heldTransaction, type AnyJobKind } from "@/lib/jobs/store";
import { openTestDatabase, withPgClient } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const workers: JobWorkers[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(1_000)));
});

function startWorkers(kinds: AnyJobKind[], scheduleOverrides?: string): JobWorkers {
  const w = new JobWorkers({ kinds, databaseUrl: process.env.DATABASE_URL!, scheduleOverrides });
  workers.push(w);
  w.start();
  return w;
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(20);
  }
}

const jobs = () => prisma.job.findMany({ orderBy: { id: "asc" } });

describe("claiming under contention", () => {
  it("50 workers × 5,000 jobs: every job runs exactly once, none is lost", { timeout: 120_000 }, async () => {
    const runs = new Map<number, number>();
    const kind = defineJobKind<{ n: number }>({
      name: "test.contention",
      title: "test.contention",
      concurrency: 2,
      retry: "standard",
      run: async ({ n }) => void runs.set(n, (runs.get(n) ?? 0) + 1),
    });
    for (let start = 0; start < 5_000; start += 1_000) {
      await enqueue(
        prisma,
        kind,
        Array.from({ length: 1_000 }, (_, i) => ({ n: start + i })),
      );
    }
    const worker = async () => {
      let claimed = 0;
      for (let n = await runDueJobs(kind, { limit: 5 }); n > 0; n = await runDueJobs(kind, { limit: 5 })) claimed += n;
      return claimed;
    };
    const claimed = await Promise.all(Array.from({ length: 50 }, worker));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(5_000);
    expect(runs.size).toBe(5_000);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(await prisma.job.count()).toBe(0);
    // Work was actually shared.
    expect(claimed.filter((c) => c > 0).length).toBeGreaterThan(10);
  });
});

describe("leases", () => {
  it("a 30 s job with a 2 s lease keeps it: renewed as it runs, never taken over", { timeout: 60_000 }, async () => {
    let runs = 0;
    const kind = defineJobKind<Record<string, never>>({
      name: "test.long",
      title: "test.long",
      concurrency: 1,
      leaseSeconds: 2,
      retry: "standard",
      run: async (_p, ctx) => {
        runs++;
        await sleep(30_000);
        if (ctx.signal.aborted) throw new Error("lost the lease");
      },
    });
    await enqueue(prisma, kind, {});
    const first = runDueJobs(kind);
    await until(async () => (await jobs())[0]?.state === "RUNNING");
    for (let second = 0; second < 29; second++) {
      await sleep(1_000);
      expect(await runDueJobs(kind)).toBe(0);
      const [job] = await jobs();
      expect(job!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    }
    expect(await first).toBe(1);
    expect(runs).toBe(1);
    expect(await prisma.job.count()).toBe(0);
  });

  it("a worker that dies mid-job: another takes it over within one lease, as attempt 2", async () => {
    const attempts: number[] = [];
    const kind = defineJobKind<Record<string, never>>({
      name: "test.crash",
      title: "test.crash",
      concurrency: 1,
      leaseSeconds: 1,
      retry: "standard",
      run: async (_p, ctx) => void attempts.push(ctx.attempt),
    });
    await enqueue(prisma, kind, {});
    // The first worker claims and dies: no handler, no renewal.
    const [dead] = await claimJobs(kind as AnyJobKind, 1, "dead-worker");
    expect(dead).toMatchObject({ attempt: 1 });
    const claimedAt = Date.now();
    expect(await runDueJobs(kind)).toBe(0);
    await until(async () => (await runDueJobs(kind)) === 1, 8_000);
    // One lease (1 s) plus slack for a busy machine: the point is "after the lease", not "at the 10 s poll".
    expect(Date.now() - claimedAt).toBeLessThan(1_000 + 4_000);
    expect(attempts).toEqual([2]);
    expect(await prisma.job.count()).toBe(0);
  });

  it("a worker woken on its lease's expiry takes a dead worker's job over within the lease plus a moment", async () => {
    const ran = { at: 0 };
    const kind = defineJobKind<Record<string, never>>({
      name: "test.takeover",
      title: "test.takeover",
      concurrency: 1,
      leaseSeconds: 1,
      retry: "standard",
      run: async () => void (ran.at = Date.now()),
    });
    await enqueue(prisma, kind, {});
    await claimJobs(kind as AnyJobKind, 1, "dead-worker");
    const claimedAt = Date.now();
    startWorkers([kind as AnyJobKind]);
    await until(() => ran.at > 0, 8_000);
    expect(ran.at - claimedAt).toBeGreaterThanOrEqual(900);
    // Woken by the lease's expiry (1 s), not by the 10 s safety-net poll; slack for a busy machine.
    expect(ran.at - claimedAt).toBeLessThan(1_000 + 4_000);
  });

  it("a job claimed again after its worker died on its last attempt is dead-lettered, not run", async () => {
    let runs = 0;
    const failures: JobFailure[] = [];
    const kind = defineJobKind<Record<string, never>>({
      name: "test.last",
      title: "test.last",
      concurrency: 1,
      leaseSeconds: 1,
      retry: "sandboxDelivery",
      run: async () => void runs++,
      onFailure: async (_tx, _p, failure) => void failures.push(failure),
    });
    await enqueue(prisma, kind, {});
    await prisma.job.updateMany({ data: { attempts: 2 } });
    await claimJobs(kind as AnyJobKind, 1, "dead-worker"); // attempt 3 of 3, then it dies
    await sleep(1_100);
    expect(await runDueJobs(kind)).toBe(1);
    expect(runs).toBe(0);
    const [job] = await jobs();
    expect(job).toMatchObject({ state: "DEAD", attempts: 4, leaseToken: null });
    expect(job!.lastError).toMatch(/stopped before it finished/);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.retryAt).toBeNull();
  });
});

describe("fencing", () => {
  it("after a take-over the old claim's writes are refused: completion, failure, and the handler's own transaction", async () => {
    const kind = defineJobKind<Record<string, never>>({ name: "test.fence", title: "test.fence", concurrency: 1, leaseSeconds: 1, retry: "standard", run: async () => undefined });
    await enqueue(prisma, kind, {});
    const [stale] = await claimJobs(kind as AnyJobKind, 1, "frozen-worker");
    await sleep(1_100);
    // Another worker takes it over and holds it (its handler still running).
    const [current] = await claimJobs(kind as AnyJobKind, 1, "live-worker");
    expect(current).toMatchObject({ id: stale!.id, attempt: 2 });

    let outcomeRan = false;
    expect(await completeJob(kind as AnyJobKind, stale!, async () => void (outcomeRan = true))).toBe(false);
    expect(outcomeRan).toBe(false);
    expect(await completeJob(kind as AnyJobKind, stale!, null)).toBe(false);
    expect(await failJob(kind as AnyJobKind, stale!, { state: "dead", message: "stale" }, null)).toBe(false);
    await expect(heldTransaction(stale!, async () => "written")).rejects.toBeInstanceOf(JobLeaseLostError);
    expect((await jobs())[0]).toMatchObject({ state: "RUNNING", attempts: 2, lastError: null });

    // The current claim's writes count.
    expect(await heldTransaction(current!, async () => "written")).toBe("written");
    expect(await completeJob(kind as AnyJobKind, current!, null)).toBe(true);
    expect(await prisma.job.count()).toBe(0);
  });

  it("a handler whose lease is lost mid-run is aborted and records nothing", async () => {
    let seen: JobContext<never> | undefined;
    const kind = defineJobKind<Record<string, never>>({
      name: "test.aborted",
      title: "test.aborted",
      concurrency: 1,
      leaseSeconds: 1,
      retry: "standard",
      run: async (_p, ctx) => {
        seen = ctx;
        await new Promise((resolve) => ctx.signal.addEventListener("abort", resolve));
        return async () => {
          throw new Error("must not run");
        };
      },
    });
    await enqueue(prisma, kind, {});
    // A frozen worker: its first renewal comes after 2.5 s, by when the job is another's.
    const frozen = runDueJobs(kind, { leaseRenewMs: 2_500 });
    await until(() => seen !== undefined);
    await sleep(1_100);
    const [takeover] = await claimJobs(kind as AnyJobKind, 1, "live-worker");
    expect(takeover).toMatchObject({ attempt: 2 });
    expect(await frozen).toBe(1);
    expect(seen!.signal.aborted).toBe(true);
    expect(seen!.signal.reason).toBeInstanceOf(JobLeaseLostError);
    expect((await jobs())[0]).toMatchObject({ state: "RUNNING", attempts: 2, lockedBy: "live-worker" });
  });
});

describe("retries and the dead-letter state", () => {
  it("retries on the kind's policy, records each failure, and dead-letters after the last attempt", async () => {
    const failures: JobFailure[] = [];
    const kind = defineJobKind<{ id: string }>({
      name: "test.failing",
      title: "test.failing",
      concurrency: 1,
      retry: "sandboxDelivery", // 3 attempts
      run: async () => {
        throw new Error("boom");
      },
      onFailure: async (_tx, _p, failure) => void failures.push(failure),
      describeError: (error) => `described: ${(error as Error).message}`,
    });
    await enqueue(prisma, kind, { id: "a" });
    const before = Date.now();
    expect(await runDueJobs(kind, { retryBaseMs: 200 })).toBe(1);
    let [job] = await jobs();
    expect(job).toMatchObject({ state: "QUEUED", attempts: 1, lastError: "described: boom", leaseToken: null });
    expect(job!.runAt.getTime() - before).toBeGreaterThanOrEqual(190);
    expect(await runDueJobs(kind)).toBe(0); // waiting
    await sleep(250);
    expect(await runDueJobs(kind, { retryBaseMs: 0 })).toBe(1);
    expect(await runDueJobs(kind, { retryBaseMs: 0 })).toBe(1);
    [job] = await jobs();
    expect(job).toMatchObject({ state: "DEAD", attempts: 3, lastError: "described: boom" });
    expect(failures.map((f) => [f.attempt, f.retryAt === null, f.message])).toEqual([
      [1, false, "described: boom"],
      [2, false, "described: boom"],
      [3, true, "described: boom"],
    ]);
    expect(await runDueJobs(kind)).toBe(0);
  });

  it("dead-letters a permanent failure at once", async () => {
    const kind = defineJobKind<Record<string, never>>({
      name: "test.permanent",
      title: "test.permanent",
      concurrency: 1,
      retry: "standard",
      run: async () => {
        throw new PermanentJobError("cannot ever work");
      },
    });
    await enqueue(prisma, kind, {});
    expect(await runDueJobs(kind)).toBe(1);
    expect((await jobs())[0]).toMatchObject({ state: "DEAD", attempts: 1, lastError: "cannot ever work" });
  });

  it("runs the handler's success writes in the completing transaction, once", async () => {
    const kind = defineJobKind<{ id: string }>({
      name: "test.outcome",
      title: "test.outcome",
      concurrency: 1,
      retry: "standard",
      run:
        async ({ id }) =>
        async (tx) =>
          void (await tx.$executeRaw`INSERT INTO job_schedules (kind, expression, next_run_at) VALUES (${id}, 'x', now())`),
    });
    await enqueue(prisma, kind, { id: "written-by-outcome" });
    expect(await runDueJobs(kind)).toBe(1);
    expect(await prisma.jobSchedule.count({ where: { kind: "written-by-outcome" } })).toBe(1);
    expect(await prisma.job.count()).toBe(0);
  });
});

describe("keys", () => {
  it("one serialisation key's jobs never run at once, and run in order; other keys run beside them", async () => {
    const running = new Map<string, number>();
    const order: string[] = [];
    let maxPerKey = 0;
    let maxAtOnce = 0;
    const kind = defineJobKind<{ key: string; n: number }>({
      name: "test.serial",
      title: "test.serial",
      concurrency: 4,
      retry: "standard",
      serialKey: (p) => p.key,
      run: async ({ key, n }) => {
        running.set(key, (running.get(key) ?? 0) + 1);
        maxPerKey = Math.max(maxPerKey, running.get(key)!);
        maxAtOnce = Math.max(
          maxAtOnce,
          [...running.values()].reduce((a, b) => a + b, 0),
        );
        order.push(`${key}${n}`);
        await sleep(50);
        running.set(key, running.get(key)! - 1);
      },
    });
    for (let n = 1; n <= 4; n++)
      await enqueue(prisma, kind, [
        { key: "a", n },
        { key: "b", n },
      ]);
    const worker = async () => {
      for (let i = 0; i < 40 && (await prisma.job.count()) > 0; i++) if ((await runDueJobs(kind, { limit: 2 })) === 0) await sleep(10);
    };
    await Promise.all([worker(), worker(), worker()]);
    expect(await prisma.job.count()).toBe(0);
    expect(maxPerKey).toBe(1);
    expect(maxAtOnce).toBe(2);
    expect(order.filter((o) => o.startsWith("a"))).toEqual(["a1", "a2", "a3", "a4"]);
    expect(order.filter((o) => o.startsWith("b"))).toEqual(["b1", "b2", "b3", "b4"]);
  });

  it("a job waiting to retry does not hold up its key's later jobs", async () => {
    const ran: number[] = [];
    const kind = defineJobKind<{ n: number }>({
      name: "test.serial-retry",
      title: "test.serial-retry",
      concurrency: 1,
      retry: "standard",
      serialKey: () => "k",
      run: async ({ n }) => {
        ran.push(n);
        if (n === 1) throw new Error("later");
      },
    });
    await enqueue(prisma, kind, [{ n: 1 }, { n: 2 }]);
    expect(await runDueJobs(kind)).toBe(1);
    expect(await runDueJobs(kind)).toBe(1);
    expect(ran).toEqual([1, 2]);
  });

  it("one de-duplication key queues one job (the earlier due time wins); a change while it runs queues another", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    const kind = defineJobKind<{ key: string; tag: string }>({
      name: "test.dedup",
      title: "test.dedup",
      concurrency: 1,
      retry: "standard",
      dedupKey: (p) => p.key,
      serialKey: (p) => p.key,
      run: async ({ tag }) => {
        seen.push(tag);
        if (tag === "first") await gate;
      },
    });
    const later = new Date(Date.now() + 60_000);
    expect(await enqueue(prisma, kind, { key: "k", tag: "first" }, { runAt: later })).toBe(1);
    expect(await enqueue(prisma, kind, { key: "k", tag: "second" })).toBe(1);
    let rows = await jobs();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.runAt.getTime()).toBeLessThan(later.getTime());
    expect(rows[0]!.payload).toEqual({ key: "k", tag: "first" });

    const running = runDueJobs(kind);
    await until(async () => (await jobs())[0]?.state === "RUNNING");
    expect(await enqueue(prisma, kind, { key: "k", tag: "during" })).toBe(1);
    expect(await enqueue(prisma, kind, { key: "k", tag: "during-again" })).toBe(1);
    rows = await jobs();
    expect(rows.map((r) => r.state)).toEqual(["RUNNING", "QUEUED"]);
    // Serialised too: the queued one waits for the running one.
    expect(await runDueJobs(kind)).toBe(0);
    release();
    expect(await running).toBe(1);
    expect(await runDueJobs(kind)).toBe(1);
    expect(seen).toEqual(["first", "during"]);
  });

  it("a retry merges into a job of its key queued meanwhile", async () => {
    let calls = 0;
    const kind = defineJobKind<{ key: string }>({
      name: "test.dedup-retry",
      title: "test.dedup-retry",
      concurrency: 1,
      retry: "standard",
      dedupKey: (p) => p.key,
      run: async () => {
        calls++;
        if (calls === 1) {
          await enqueue(prisma, kind, { key: "k" });
          throw new Error("first fails");
        }
      },
    });
    await enqueue(prisma, kind, { key: "k" });
    expect(await runDueJobs(kind)).toBe(1);
    const rows = await jobs();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: "QUEUED", attempts: 0, lastError: "first fails" });
    expect(rows[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await runDueJobs(kind)).toBe(1);
    expect(await prisma.job.count()).toBe(0);
  });
});

describe("workers", () => {
  it("wake within milliseconds of the commit that enqueued a job (LISTEN/NOTIFY), not at the 10 s poll", async () => {
    const startedAt: number[] = [];
    const kind = defineJobKind<Record<string, never>>({ name: "test.wake", title: "test.wake", concurrency: 1, retry: "standard", run: async () => void startedAt.push(Date.now()) });
    startWorkers([kind as AnyJobKind]);
    await until(
      async () =>
        (await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'portal-job-listener' AND datname = current_database()`)[0]!.n === 1,
    );
    await sleep(200); // the loop is asleep now
    const latencies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const committed = Date.now();
      await prisma.$transaction(async (tx) => void (await enqueue(tx, kind, {})));
      await until(() => startedAt.length === i + 1, 5_000);
      latencies.push(startedAt[i]! - committed);
      await sleep(100);
    }
    // Milliseconds on a quiet machine; anything under the 10 s poll proves the wake-up (slack for a busy one).
    expect(Math.max(...latencies)).toBeLessThan(3_000);
  });

  it("nothing is claimed from a transaction that rolled back", async () => {
    let runs = 0;
    const kind = defineJobKind<Record<string, never>>({ name: "test.rollback", title: "test.rollback", concurrency: 1, retry: "standard", run: async () => void runs++ });
    await prisma
      .$transaction(async (tx) => {
        await enqueue(tx, kind, {});
        throw new Error("the caller's write failed");
      })
      .catch(() => undefined);
    expect(await runDueJobs(kind)).toBe(0);
    expect(runs).toBe(0);
  });

  it("stop: a job that finishes in time is completed; one that does not is released for another worker, and the listener closes", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const done: string[] = [];
    const kind = defineJobKind<{ tag: string }>({
      name: "test.stop",
      title: "test.stop",
      concurrency: 2,
      retry: "standard",
      run: async ({ tag }, ctx) => {
        if (tag === "slow") await Promise.race([gate, new Promise((resolve) => ctx.signal.addEventListener("abort", resolve))]);
        else await sleep(100);
        if (ctx.signal.aborted) throw new Error("stopped");
        done.push(tag);
      },
    });
    await enqueue(prisma, kind, [{ tag: "slow" }, { tag: "quick" }]);
    const w = startWorkers([kind as AnyJobKind]);
    await until(async () => (await prisma.job.count({ where: { state: "RUNNING" } })) === 2);
    await w.stop(500);
    release();
    expect(done).toEqual(["quick"]);
    const [left] = await jobs();
    expect(left).toMatchObject({ state: "QUEUED", attempts: 0, leaseToken: null, payload: { tag: "slow" } });
    expect(left!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'portal-job-listener' AND datname = current_database()`)[0]!.n).toBe(0);
    // Another worker takes it at once.
    expect(await runDueJobs(kind)).toBe(1);
    expect(done).toEqual(["quick", "slow"]);
  });
});

describe("periodic kinds", () => {
  const tick = defineJobKind<{ scheduledFor?: string }>({ name: "test.tick", title: "test.tick", concurrency: 1, retry: "maintenance", schedule: "* * * * * *", run: async () => undefined });

  it("a period is taken by one instance only, however many try at once", async () => {
    // Yearly: the period after the one taken is far away (with a 1 s schedule, ten transactions
    // straddling a second would rightly take two periods).
    const schedule = parseSchedule("0 0 1 1 *");
    await prisma.jobSchedule.create({ data: { kind: tick.name, expression: schedule.expression, nextRunAt: new Date(Date.now() - 1_000) } });
    const taken = await Promise.all(Array.from({ length: 10 }, () => claimSchedulePeriod({ kind: tick as AnyJobKind, schedule })));
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await prisma.job.count({ where: { kind: tick.name } })).toBe(1);
    expect((await prisma.jobSchedule.findUniqueOrThrow({ where: { kind: tick.name } })).runs).toBe(1);
  });

  it("three instances running a 1 s schedule enqueue exactly one job per period", { timeout: 30_000 }, async () => {
    const runs: string[] = [];
    const kind = defineJobKind<{ scheduledFor?: string }>({ ...tick, run: async (p) => void runs.push(p.scheduledFor!) });
    for (let i = 0; i < 3; i++) startWorkers([kind as AnyJobKind]);
    await until(async () => (await prisma.jobSchedule.count()) === 1);
    await sleep(5_500);
    await Promise.all(workers.splice(0).map((w) => w.stop(1_000)));
    const periods = (await prisma.jobSchedule.findUniqueOrThrow({ where: { kind: kind.name } })).runs;
    expect(periods).toBeGreaterThanOrEqual(4);
    expect(periods).toBeLessThanOrEqual(7);
    // Each period ran once: distinct scheduled times, a second apart.
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs.length).toBeGreaterThanOrEqual(periods - 1);
    const times = runs.map((r) => Date.parse(r)).sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1_000);
  });

  it("JOB_SCHEDULES replaces a kind's schedule, and refuses a kind that is not periodic", () => {
    const once = defineJobKind<Record<string, never>>({ name: "test.once", title: "test.once", concurrency: 1, retry: "standard", run: async () => undefined });
    expect(() => new JobWorkers({ kinds: [once as AnyJobKind], databaseUrl: process.env.DATABASE_URL!, scheduleOverrides: "test.once=@daily" }).start()).toThrow(
      "JOB_SCHEDULES names test.once, which is not a periodic job kind.",
    );
  });
});

describe("one connection to wake them all", () => {
  it("the listener connection survives nothing it should not: a terminated backend is replaced and the workers woken", async () => {
    let runs = 0;
    const kind = defineJobKind<Record<string, never>>({ name: "test.relisten", title: "test.relisten", concurrency: 1, retry: "standard", run: async () => void runs++ });
    startWorkers([kind as AnyJobKind]);
    const listeners = async () =>
      (await prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = 'portal-job-listener' AND datname = current_database()`).map((r) => r.pid);
    await until(async () => (await listeners()).length === 1);
    const [before] = await listeners();
    await withPgClient((admin) => admin.query("SELECT pg_terminate_backend($1)", [before]));
    await until(async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== before;
    });
    await enqueue(prisma, kind, {});
    await until(() => runs === 1, 3_000);
  });
});
