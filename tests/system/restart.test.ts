/**
 * Scenario 2 — database restart mid-storm. While a storm is being delivered, PostgreSQL is stopped
 * for 10 s and started again: the webhook route answers 503 meanwhile (so Nylas retries), nothing
 * it acknowledged with a 200 is lost, the app and the workers recover by themselves (no restart),
 * and the final state equals the ground truth.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import { Cluster } from "./support/cluster";
import { log, query, sleep, WEBHOOK_SECRET } from "./support/processes";
import { compareWithGroundTruth, generateStorm, percentile, readRoleTargets, sendStorm, waitForDrain } from "./support/storm";

const NOTIFICATIONS = Number(process.env.SYSTEM_RESTART_NOTIFICATIONS ?? 1_500);
const OUTAGE_MS = 10_000;
// Short leases: a job claimed just before the outage, whose outcome could not be written, is taken up again soon.
const cluster = new Cluster();
before(() => cluster.start("restart", { apps: 1, workers: 2, leaseSeconds: 15 }), { timeout: 300_000 });
after(() => cluster.stop(), { timeout: 120_000 });

/** One signed notification the storm does not contain, posted once: its status only. */
async function probe(url: string): Promise<number> {
  const body = JSON.stringify({
    specversion: "1.0",
    type: "booking.created",
    source: "/nylas/passthru",
    id: randomUUID(),
    time: Math.floor(Date.now() / 1000),
    webhook_delivery_attempt: 1,
    data: { application_id: "x", grant_id: "x", object: { booking_id: randomUUID(), configuration_id: randomUUID(), object: "booking", booking_info: {} } },
  });
  const signature = createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex");
  try {
    const res = await fetch(`${url}/api/webhooks/nylas`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-nylas-signature": signature },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

test("database restart mid-storm: 503 while down, nothing acknowledged lost, workers recover, exact final state", { timeout: 600_000 }, async () => {
  const roles = await readRoleTargets(cluster.env.databaseUrl);
  const domain = "restart.example";
  const storm = generateStorm({ seed: 8202, bookings: Math.round(NOTIFICATIONS / 5), notifications: NOTIFICATIONS, roles, domain, now: Math.floor(Date.now() / 1000) });
  log(`restart: ${storm.uniqueNotifications} notifications, ${storm.deliveries.length} deliveries for ${storm.expected.interviews.size} bookings`);

  let outage: Promise<{ probes: number[]; downMs: number }> | undefined;
  const runOutage = async () => {
    log("restart: stopping PostgreSQL");
    await cluster.pg.stop();
    const downAt = Date.now();
    const probes: number[] = [];
    while (Date.now() - downAt < OUTAGE_MS) {
      probes.push(await probe(cluster.appUrls[0]!));
      await sleep(1_000);
    }
    await cluster.pg.start();
    const downMs = Date.now() - downAt;
    log(`restart: PostgreSQL back after ${(downMs / 1000).toFixed(1)} s; probe statuses while down: ${[...new Set(probes)].join(", ")}`);
    return { probes, downMs };
  };
  const sent = await sendStorm(storm.deliveries, cluster.appUrls, {
    concurrency: 16,
    onProgress: (n) => {
      if (!outage && n >= storm.deliveries.length * 0.3) outage = runOutage();
    },
  });
  assert.ok(outage, "the outage happened mid-storm");
  const { probes, downMs } = await outage;
  const { dead } = await waitForDrain(cluster.env.databaseUrl, storm.uniqueNotifications, 300_000);
  const statuses = Object.fromEntries(sent.statuses);
  log(
    `restart figures: ${sent.retries} deliveries retried; statuses seen ${JSON.stringify(statuses)}; ingest p99 ${percentile(sent.latencies, 99).toFixed(1)} ms; outage ${(downMs / 1000).toFixed(1)} s`,
  );

  assert.ok(probes.length >= 5 && probes.every((s) => s === 503), `the route answered 503 while the database was down (got ${probes.join(", ")})`);
  assert.ok((sent.statuses.get(503) ?? 0) > 0, "storm deliveries met the outage");
  assert.deepEqual(
    Object.keys(statuses).filter((s) => s !== "200" && s !== "503"),
    [],
    "only 200 and 503 answers",
  );
  assert.equal(dead, 0, "nothing dead-lettered");
  assert.equal(sent.acknowledged.size, storm.uniqueNotifications);
  const stored = await query<{ notification_id: string }>(cluster.env.databaseUrl, `SELECT notification_id FROM webhook_events WHERE notification_id = ANY($1)`, [[...sent.acknowledged]]);
  assert.equal(stored.length, sent.acknowledged.size, "every acknowledged notification is stored");
  for (const proc of [...cluster.apps, ...cluster.workers]) assert.equal(proc.child.exitCode, null, `${proc.name} kept running`);
  const problems = await compareWithGroundTruth(cluster.env.databaseUrl, storm.expected, domain);
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} differences from the ground truth\n${cluster.errors().join("\n")}`);
});
