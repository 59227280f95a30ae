/**
 * Scenario 1 — delivery storm. 10,000 signed booking notifications for 2,000 bookings (created,
 * rescheduled, cancelled, cancel-then-rebook), 20 % delivered twice, 10 % reordered (cancel or
 * reschedule before create), 5 % delayed by minutes of event time, posted over HTTP to a
 * production build (`next start`) while two `npm run worker` processes drain the inbox. The final
 * candidates, applications and interviews must equal the ground truth of tests/system/support/storm.ts.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Cluster, STORM_NOTIFICATIONS } from "./support/cluster";
import { log, query } from "./support/processes";
import { compareWithGroundTruth, generateStorm, percentile, readRoleTargets, sendStorm, waitForDrain } from "./support/storm";

const cluster = new Cluster();
before(() => cluster.start("storm", { apps: 1, workers: 2 }), { timeout: 300_000 });
after(() => cluster.stop(), { timeout: 120_000 });

test("delivery storm: the final state equals the ground truth (0 lost, 0 duplicated)", { timeout: 600_000 }, async () => {
  const roles = await readRoleTargets(cluster.env.databaseUrl);
  assert.ok(roles.length >= 2, "the bootstrap synced at least two roles' configurations");
  const domain = "storm.example";
  const storm = generateStorm({ seed: 8101, bookings: Math.round(STORM_NOTIFICATIONS / 5), notifications: STORM_NOTIFICATIONS, roles, domain, now: Math.floor(Date.now() / 1000) });
  log(
    `storm: ${storm.uniqueNotifications} notifications for ${storm.expected.interviews.size} bookings (${storm.expected.candidates.size} candidates), ` +
      `${storm.deliveries.length} deliveries: ${storm.stats.duplicated} duplicated, ${storm.stats.reordered} reordered, ${storm.stats.delayed} delayed; ` +
      `${storm.stats.rescheduled} rescheduled, ${storm.stats.cancelled} cancelled, ${storm.stats.rebooks} rebooked`,
  );

  const t0 = performance.now();
  const sent = await sendStorm(storm.deliveries, cluster.appUrls, { concurrency: 16 });
  const { drainedAt, dead } = await waitForDrain(cluster.env.databaseUrl, storm.uniqueNotifications, 480_000);
  const seconds = (drainedAt - t0) / 1000;
  log(
    `storm figures: ingest ${(storm.deliveries.length / (sent.elapsedMs / 1000)).toFixed(0)} deliveries/s; ingest latency p50 ${percentile(sent.latencies, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(sent.latencies, 99).toFixed(1)} ms; end-to-end ${(storm.uniqueNotifications / seconds).toFixed(0)} notifications/s ` +
      `(${storm.uniqueNotifications} processed in ${seconds.toFixed(1)} s, 2 workers)`,
  );

  assert.equal(sent.acknowledged.size, storm.uniqueNotifications, "every notification acknowledged");
  assert.equal(dead, 0, "nothing dead-lettered");
  const [stored] = await query<{ n: string; processed: string }>(
    cluster.env.databaseUrl,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'PROCESSED') AS processed FROM webhook_events WHERE type LIKE 'booking.%'`,
  );
  assert.equal(Number(stored!.n), storm.uniqueNotifications, "one inbox row per notification (duplicates are no-ops)");
  assert.equal(Number(stored!.processed), storm.uniqueNotifications, "every notification processed");
  const problems = await compareWithGroundTruth(cluster.env.databaseUrl, storm.expected, domain);
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} differences from the ground truth\n${cluster.errors().join("\n")}`);
});
