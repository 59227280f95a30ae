/**
 * Scenario 4 — a periodic job across instances: three `npm run worker` processes, each running the
 * schedules of every periodic kind, with `jobs.prune` every 2 s (JOB_SCHEDULES). Each period must be
 * enqueued — and run — exactly once, not once per instance, including while one worker is killed
 * and another joins.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Cluster } from "./support/cluster";
import { log, query, signal, sleep } from "./support/processes";

const PERIOD_S = 2;
const cluster = new Cluster();
before(() => cluster.start("schedule", { apps: 1, workers: 3, leaseSeconds: 5, extra: { JOB_SCHEDULES: `jobs.prune=*/${PERIOD_S} * * * * *` } }), { timeout: 300_000 });
after(() => cluster.stop(), { timeout: 120_000 });

type Schedule = { runs: number; at: Date };
const readSchedule = async (): Promise<Schedule | undefined> => (await query<Schedule>(cluster.env.databaseUrl, `SELECT runs, now() AS at FROM job_schedules WHERE kind = 'jobs.prune'`))[0];

test("three workers run a periodic job exactly once per period", { timeout: 120_000 }, async () => {
  let first: Schedule | undefined;
  for (let i = 0; i < 100 && !first; i++) {
    first = await readSchedule();
    if (!first) await sleep(200);
  }
  assert.ok(first, "the schedule was registered");
  await sleep(10_000);
  // One worker dies, another joins: still once per period.
  signal(cluster.workers[0]!, "SIGKILL");
  await cluster.addWorker("worker-3");
  await sleep(10_000);
  const last = (await readSchedule())!;
  const elapsedPeriods = (last.at.getTime() - first.at.getTime()) / 1000 / PERIOD_S;
  const runs = last.runs - first.runs;
  log(`schedule figures: ${runs} periods enqueued in ${(elapsedPeriods * PERIOD_S).toFixed(1)} s (${elapsedPeriods.toFixed(1)} periods of ${PERIOD_S} s) by 3 workers`);
  assert.ok(runs >= Math.floor(elapsedPeriods) - 1 && runs <= Math.ceil(elapsedPeriods) + 1, `${runs} runs for ${elapsedPeriods.toFixed(1)} periods`);
  // Every period's job ran: none is left queued, running long, or dead.
  await sleep(1_000);
  const [left] = await query<{ n: string }>(cluster.env.databaseUrl, `SELECT count(*) AS n FROM jobs WHERE kind = 'jobs.prune' AND (state = 'DEAD' OR run_at < now() - interval '2 seconds')`);
  assert.equal(Number(left!.n), 0);
});
