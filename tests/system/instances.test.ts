/**
 * Scenario 3 — many instances. Two app instances (`next start`) and two `npm run worker` processes
 * on one database, a storm spread over both instances, and workers killed with SIGKILL mid-job:
 *   - exactly-once effects: the final state equals the ground truth, every notification processed once;
 *   - the jobs the killed worker held are taken over within one lease plus 2 s;
 *   - a media download whose worker is SIGKILLed mid-file is taken over after the (short) lease by
 *     another worker and stored once; no stored asset is ever downloaded again.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { Cluster } from "./support/cluster";
import { log, query, signal, sleep } from "./support/processes";
import { compareWithGroundTruth, generateStorm, readRoleTargets, sendStorm, waitForDrain } from "./support/storm";

const NOTIFICATIONS = Number(process.env.SYSTEM_INSTANCES_NOTIFICATIONS ?? 1_000);
// Short, so take-overs are quick to observe (live workers renew it every third of it).
const LEASE_SECONDS = 8;
const SANDBOX_KEY = process.env.NYLAS_SANDBOX_API_KEY ?? "nylas-sandbox-dev-api-key";
const cluster = new Cluster();
before(() => cluster.start("instances", { apps: 2, workers: 2, leaseSeconds: LEASE_SECONDS }), { timeout: 300_000 });
after(() => cluster.stop(), { timeout: 120_000 });

async function eventually<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 120_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${cluster.errors().join("\n")}`);
    await sleep(everyMs);
  }
}

/**
 * Watches the jobs `worker` held when it was SIGKILLed (RUNNING under its id): resolves with how
 * long after the kill each was claimed by another worker (a new lease token) or gone (finished).
 */
async function watchTakeOver(worker: { child: { pid?: number } }, killedAt: number): Promise<number[]> {
  const held = await query<{ id: string; token: string }>(cluster.env.databaseUrl, `SELECT id::text AS id, lease_token::text AS token FROM jobs WHERE state = 'RUNNING' AND locked_by LIKE $1`, [
    `%:${worker.child.pid}:%`,
  ]);
  const delays = new Map<string, number>();
  while (delays.size < held.length) {
    const rows = await query<{ id: string; token: string | null }>(cluster.env.databaseUrl, `SELECT id::text AS id, lease_token::text AS token FROM jobs WHERE id = ANY($1::bigint[])`, [
      held.map((h) => h.id),
    ]);
    const now = Date.now();
    for (const h of held) {
      if (delays.has(h.id)) continue;
      const row = rows.find((r) => r.id === h.id);
      if (!row || row.token !== h.token) delays.set(h.id, now - killedAt);
    }
    if (now - killedAt > 120_000)
      throw new Error(
        `jobs of the killed worker not taken over after 120 s: ${held
          .filter((h) => !delays.has(h.id))
          .map((h) => h.id)
          .join(", ")}`,
      );
    await sleep(50);
  }
  return [...delays.values()];
}

async function api<T = any>(base: string, method: string, url: string, body?: unknown, auth = false): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...(auth ? { authorization: `Bearer ${SANDBOX_KEY}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

test("two instances, two workers, one SIGKILLed mid-storm: exactly-once effects", { timeout: 600_000 }, async () => {
  const roles = await readRoleTargets(cluster.env.databaseUrl);
  const domain = "instances.example";
  const storm = generateStorm({ seed: 8303, bookings: Math.round(NOTIFICATIONS / 5), notifications: NOTIFICATIONS, roles, domain, now: Math.floor(Date.now() / 1000) });
  let killed = false;
  let takeOver: Promise<number[]> | undefined;
  const sent = await sendStorm(storm.deliveries, cluster.appUrls, {
    concurrency: 16,
    onProgress: async (n) => {
      if (killed || n < storm.deliveries.length * 0.4) return;
      killed = true;
      // Mid-job: the worker is busy with the storm's rows.
      signal(cluster.workers[0]!, "SIGKILL");
      const killedAt = Date.now();
      log("instances: worker-0 SIGKILLed mid-storm");
      takeOver = watchTakeOver(cluster.workers[0]!, killedAt);
      await cluster.addWorker("worker-2");
    },
  });
  assert.ok(killed);
  const delays = await takeOver!;
  log(
    `instances figures: worker-0 held ${delays.length} job(s) when killed; taken over after ${delays.length ? `${(Math.min(...delays) / 1000).toFixed(1)}–${(Math.max(...delays) / 1000).toFixed(1)} s` : "—"} (lease ${LEASE_SECONDS} s)`,
  );
  for (const delay of delays) assert.ok(delay <= (LEASE_SECONDS + 2) * 1000, `a killed worker's job taken over ${delay} ms after the kill: more than one lease plus 2 s`);
  const perInstance = cluster.appUrls.map((u) => storm.deliveries.filter((_, i) => cluster.appUrls[i % cluster.appUrls.length] === u).length);
  const { dead } = await waitForDrain(cluster.env.databaseUrl, storm.uniqueNotifications, 300_000);
  const [rows] = await query<{ n: string; processed: string; retaken: string }>(
    cluster.env.databaseUrl,
    `SELECT count(*) AS n, count(*) FILTER (WHERE status = 'PROCESSED') AS processed, count(*) FILTER (WHERE attempts > 1) AS retaken FROM webhook_events WHERE type LIKE 'booking.%'`,
  );
  log(`instances figures: deliveries per instance ${perInstance.join(" / ")}; ${rows!.retaken} notifications taken over after a lease`);
  assert.equal(dead, 0);
  assert.equal(sent.acknowledged.size, storm.uniqueNotifications);
  assert.equal(Number(rows!.n), storm.uniqueNotifications, "one inbox row per notification, whichever instance took it");
  assert.equal(Number(rows!.processed), storm.uniqueNotifications);
  const problems = await compareWithGroundTruth(cluster.env.databaseUrl, storm.expected, domain);
  assert.deepEqual(problems.slice(0, 30), [], `${problems.length} differences from the ground truth\n${cluster.errors().join("\n")}`);
});

test("a media download SIGKILLed mid-file is taken over after the lease and stored once", { timeout: 300_000 }, async () => {
  const [a, b] = cluster.appUrls as [string, string];
  const [role] = await query<{ configuration_id: string }>(
    cluster.env.databaseUrl,
    `SELECT rc.configuration_id FROM role_configurations rc JOIN roles r ON r.id = rc.role_id WHERE r.slug = 'backend-engineer' AND rc.configuration_id IS NOT NULL`,
  );
  const now = Math.floor(Date.now() / 1000);
  const availability = await api(b, "GET", `/v3/scheduling/availability?configuration_id=${role!.configuration_id}&start_time=${now}&end_time=${now + 14 * 86_400}`);
  assert.equal(availability.status, 200);
  const slot = availability.body.data.time_slots.at(-1);
  const booked = await api(b, "POST", `/v3/scheduling/bookings?configuration_id=${role!.configuration_id}`, {
    start_time: slot.start_time,
    end_time: slot.end_time,
    guest: { name: "Media Candidate", email: "media.candidate@instances.example" },
  });
  assert.equal(booked.status, 200, JSON.stringify(booked.body));
  const booking = booked.body.data as { booking_id: string; event_id: string; organizer: { email: string } };
  const event = await api(a, "GET", `/v3/grants/${encodeURIComponent(booking.organizer.email)}/events/${booking.event_id}?calendar_id=primary`, undefined, true);
  const notetakerId = event.body.data.notetaker?.id as string;
  assert.match(notetakerId, /^[0-9a-f]{32}$/);
  // The sandbox delivers booking.created to the app; a worker makes the interview.
  const interview = await eventually(
    "the booked interview",
    async () => (await query<{ id: string }>(cluster.env.databaseUrl, `SELECT id FROM interviews WHERE booking_id = $1 AND notetaker_id = $2`, [booking.booking_id, notetakerId]))[0],
  );

  // One worker left to take the downloads; every download slowed (1 MiB chunks, 2 MiB/s) so the recording takes ~12 s.
  const survivors = cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  for (const w of survivors.slice(1)) signal(w, "SIGTERM");
  const downloader = survivors[0]!;
  const RECORDING_BYTES = 24 * 1024 * 1024;
  assert.equal((await api(a, "POST", `/v3/sandbox/notetakers/${notetakerId}/faults`, { throttle: { count: 50, bytes_per_second: 2 * 1024 * 1024 } }, true)).status, 200);
  const run = await api(b, "POST", `/v3/sandbox/notetakers/${notetakerId}/run`, { outcome: "completed", recording_bytes: RECORDING_BYTES }, true);
  assert.equal(run.status, 200, JSON.stringify(run.body));

  type Asset = {
    id: string;
    kind: string;
    status: string;
    attempts: number;
    bytes_received: string;
    storage_key: string | null;
    size: string | null;
    sha256: string | null;
    expected_sha256: string | null;
    stored_at: Date | null;
  };
  const assets = () =>
    query<Asset>(
      cluster.env.databaseUrl,
      `SELECT id, kind, status, attempts, bytes_received, storage_key, size, sha256, expected_sha256, stored_at FROM media_assets WHERE interview_id = $1 AND source = 'NOTETAKER' ORDER BY kind`,
      [interview.id],
    );
  let seen: Asset[] = [];
  const midway = await eventually(
    "the recording half downloaded",
    async () => {
      seen = await assets();
      return seen.find((x) => x.kind === "RECORDING" && x.status === "DOWNLOADING" && Number(x.bytes_received) >= 1024 * 1024 && Number(x.bytes_received) < RECORDING_BYTES / 2);
    },
    120_000,
    100,
  ).catch(async (error: Error) => {
    const events = await query(
      cluster.env.databaseUrl,
      `SELECT type, status, attempts, last_error, payload->'data'->'object'->>'state' AS state FROM webhook_events WHERE notetaker_id = $1 ORDER BY received_at`,
      [notetakerId],
    );
    throw new Error(`${error.message}\nassets: ${JSON.stringify(seen)}\nnotetaker events: ${JSON.stringify(events)}\n${downloader.output.slice(-30).join("\n")}`);
  });
  signal(downloader, "SIGKILL");
  const killedAt = Date.now();
  log(`instances: ${downloader.name} SIGKILLed with the recording at ${midway.bytes_received} of ${RECORDING_BYTES} bytes (attempt ${midway.attempts})`);
  // Taken over once its lease runs out: claimed again (its next attempt) by a worker started now.
  const claimedAgain = eventually(
    "the recording claimed again",
    async () => {
      const row = (await assets()).find((x) => x.kind === "RECORDING");
      return row && row.attempts > midway.attempts ? Date.now() : null;
    },
    120_000,
    50,
  );
  await cluster.addWorker("worker-3");
  await cluster.addWorker("worker-4");
  const claimedAfterMs = (await claimedAgain) - killedAt;
  log(`instances figures: the killed download claimed again ${(claimedAfterMs / 1000).toFixed(1)} s after the kill (lease ${LEASE_SECONDS} s)`);
  assert.ok(claimedAfterMs <= (LEASE_SECONDS + 2) * 1000, "taken over within one lease plus 2 s");

  const stored = await eventually(
    "every media file stored",
    async () => {
      const list = await assets();
      return list.length >= 2 && list.every((x) => x.status === "STORED") ? list : null;
    },
    180_000,
    500,
  );
  const recording = stored.find((x) => x.kind === "RECORDING")!;
  const tookOverAfterMs = recording.stored_at!.getTime() - killedAt;
  log(
    `instances figures: recording taken over and stored ${(tookOverAfterMs / 1000).toFixed(1)} s after the kill (lease ${LEASE_SECONDS} s); assets ${stored.map((x) => `${x.kind}×${x.attempts}`).join(", ")}`,
  );
  assert.equal(recording.attempts, midway.attempts + 1, "the killed download was claimed exactly once more");
  assert.ok(tookOverAfterMs >= (LEASE_SECONDS - 1) * 1000, "not before the lease ran out");
  assert.equal(new Set(stored.map((x) => x.kind)).size, stored.length, "one asset per kind");

  // Stored means stored: after several more leases nothing downloads any file again.
  await sleep(3 * LEASE_SECONDS * 1000);
  const later = await assets();
  assert.deepEqual(
    later.map((x) => [x.id, x.status, x.attempts, x.storage_key, x.stored_at?.getTime()]),
    stored.map((x) => [x.id, x.status, x.attempts, x.storage_key, x.stored_at?.getTime()]),
  );
  for (const asset of stored) {
    const file = path.join(cluster.env.mediaDir, ...asset.storage_key!.split("/"));
    const bytes = readFileSync(file);
    assert.equal(bytes.length, Number(asset.size), `${asset.kind}: stored size`);
    assert.equal(createHash("sha256").update(bytes).digest("hex"), asset.sha256, `${asset.kind}: stored sha256`);
    if (asset.expected_sha256) assert.equal(asset.sha256, asset.expected_sha256);
    assert.ok(statSync(file).mtimeMs <= asset.stored_at!.getTime() + 1_000, `${asset.kind}: written once, before it was marked stored`);
  }
  assert.equal(Number(recording.size), RECORDING_BYTES);
});
