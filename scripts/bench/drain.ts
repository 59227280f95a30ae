/**
 * Job runner drain benchmark (`npm run bench -- drain`): 20,000 verified booking notifications for
 * 4,000 bookings (created, then three reschedules, then a cancellation) put in the inbox in one
 * transaction — rows and jobs exactly as ingest stores them — while N `npm run worker` processes
 * (JOB_KINDS=webhooks.process) sit idle; the commit wakes them (LISTEN/NOTIFY) and the clock runs
 * until every notification is processed. N = 1, 2, 4 (`BENCH_DRAIN_WORKERS`).
 *
 * Then, with two idle workers, the commit-to-processed latency of single notifications (one every
 * 100 ms), and, as the reference, PostgreSQL's own ceiling for the same row work: a bare SQL loop
 * doing, per booking, what a run does (lock, read the events, upsert candidate, application and
 * interview, mark the events, delete the job), with 1, 2 and 4 connections.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createBenchDatabase } from "./support";

const BOOKINGS = Number(process.env.BENCH_DRAIN_BOOKINGS ?? 4_000);
const WORKER_COUNTS = (process.env.BENCH_DRAIN_WORKERS ?? "1,2,4").split(",").map(Number);
const LATENCY_SAMPLES = Number(process.env.BENCH_DRAIN_LATENCY_SAMPLES ?? 200);
const WARM_UP = 20;
const CONFIGURATION_ID = "0b3c5f0e-9d1e-4c8a-9a51-6f2d8c1e7a10";
const INTERVIEWER = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const ROOT = process.cwd();

type Notification = { id: string; type: string; bookingId: string; time: number; body: string };

/** A booking's five notifications: created, rescheduled three times, cancelled. */
function bookingNotifications(run: string, n: number): Notification[] {
  const bookingId = randomUUID();
  const base = 1_900_000_000 + n * 7200;
  const guest = { email: `drain-${run}-${n}@example.org`, name: `Drain Candidate ${n}` };
  const at = (i: number) => base + i * 86_400;
  const make = (i: number, type: string, extra: Record<string, unknown> = {}): Notification => {
    const id = `drain-${run}-${n}-${i}`;
    const time = Math.floor(Date.now() / 1000) - 600 + i;
    const body = JSON.stringify({
      specversion: "1.0",
      type,
      source: "/nylas/passthru",
      id,
      time,
      webhook_delivery_attempt: 1,
      data: {
        application_id: "bench",
        object: {
          booking_id: bookingId,
          configuration_id: CONFIGURATION_ID,
          object: "booking",
          booking_info: {
            event_id: `drain-evt-${n}`,
            start_time: at(i),
            end_time: at(i) + 2700,
            participants: [INTERVIEWER, guest],
            title: `Interview with ${guest.name}`,
            duration: 45,
            location: "https://meet.google.com/abc-defg-hij",
            guest_timezone: "Europe/Paris",
            ...extra,
          },
          ...(type === "booking.cancelled" ? { cancellation_reason: "Changed plans" } : {}),
        },
      },
    });
    return { id, type, bookingId, time, body };
  };
  return [
    make(0, "booking.created"),
    make(1, "booking.rescheduled", { old_start_time: at(0), old_end_time: at(0) + 2700 }),
    make(2, "booking.rescheduled", { old_start_time: at(1), old_end_time: at(1) + 2700 }),
    make(3, "booking.rescheduled", { old_start_time: at(2), old_end_time: at(2) + 2700 }),
    make(4, "booking.cancelled"),
  ];
}

/**
 * Stores notifications as ingest does (lib/webhooks/ingest.ts): the inbox row, and the booking's
 * "webhooks.process" job (one per booking, de-duplicated) — here many at once, in `client`'s
 * transaction, with the workers' NOTIFY at commit.
 */
async function storeNotifications(client: pg.ClientBase, notifications: Notification[]): Promise<void> {
  for (let i = 0; i < notifications.length; i += 2_000) {
    const batch = notifications.slice(i, i + 2_000);
    await client.query(
      `INSERT INTO webhook_events (id, notification_id, type, source, booking_id, event_time, delivery_attempt, payload, status, updated_at)
       SELECT gen_random_uuid(), x.id, x.type, '/nylas/passthru', x.booking_id, to_timestamp(x.time), 1, x.body::jsonb, 'PENDING', now()
         FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[]) AS x(id, type, booking_id, time, body)`,
      [batch.map((b) => b.id), batch.map((b) => b.type), batch.map((b) => b.bookingId), batch.map((b) => b.time), batch.map((b) => b.body)],
    );
  }
  const bookings = [...new Set(notifications.map((n) => n.bookingId))];
  await client.query(
    `INSERT INTO jobs (kind, payload, serial_key, dedup_key, max_attempts)
     SELECT 'webhooks.process', jsonb_build_object('subject', 'booking', 'id', b), 'booking:' || b, 'booking:' || b, 6
       FROM unnest($1::text[]) AS b
     ON CONFLICT (kind, dedup_key) WHERE state = 'QUEUED' DO UPDATE SET run_at = LEAST(jobs.run_at, EXCLUDED.run_at)`,
    [bookings],
  );
  await client.query(`SELECT pg_notify('portal_jobs', 'webhooks.process')`);
}

async function resetInbox(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("TRUNCATE webhook_events, jobs, interviews, applications, candidates RESTART IDENTITY CASCADE");
  await client.end();
}

function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/worker.ts")], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: url, NYLAS_MODE: "sandbox", NODE_ENV: "production", APP_URL: "http://127.0.0.1:3299", JOB_KINDS: "webhooks.process", NEXT_TELEMETRY_DISABLED: "1" },
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes("workers running")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("exit", (code) => reject(new Error(`worker exited (${code}):\n${output.slice(-2000)}`)));
  });
}

function stopWorkers(children: ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || !child.pid) return resolve();
          child.removeAllListeners("exit");
          child.once("exit", () => resolve());
          process.kill(-child.pid, "SIGTERM");
        }),
    ),
  ).then(() => undefined);
}

async function pendingCount(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_events WHERE status = 'PENDING'");
  return rows[0]!.n;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The same row work as a run of a booking's job, in bare SQL over `connections` clients. */
async function postgresCeiling(url: string, notifications: Notification[], connections: number): Promise<number> {
  const bookings = new Map<string, Notification[]>();
  for (const n of notifications) bookings.set(n.bookingId, [...(bookings.get(n.bookingId) ?? []), n]);
  const queue = [...bookings.keys()];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      for (let bookingId = queue.shift(); bookingId; bookingId = queue.shift()) {
        const first = JSON.parse(bookings.get(bookingId)![0]!.body) as { data: { object: { booking_info: { participants: { email: string; name: string }[] } } } };
        const guest = first.data.object.booking_info.participants[1]!;
        await client.query("BEGIN");
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`booking:${bookingId}`]);
        const events = await client.query("SELECT notification_id, type, event_time, payload FROM webhook_events WHERE booking_id = $1 AND type LIKE 'booking.%'", [bookingId]);
        const candidate = await client.query<{ id: string }>(
          `INSERT INTO candidates (id, email, email_raw, name, timezone, updated_at) VALUES (gen_random_uuid(), $1, $1, $2, 'Europe/Paris', now())
           ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, updated_at = now() RETURNING id`,
          [guest.email, guest.name],
        );
        const application = await client.query<{ id: string }>(
          `INSERT INTO applications (id, candidate_id, role_id, updated_at) SELECT gen_random_uuid(), $1, role_id, now() FROM role_configurations WHERE configuration_id = $2
           ON CONFLICT (candidate_id, role_id) DO UPDATE SET updated_at = now() RETURNING id`,
          [candidate.rows[0]!.id, CONFIGURATION_ID],
        );
        await client.query(
          `INSERT INTO interviews (id, booking_id, application_id, candidate_id, status, history, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, 'CANCELLED', $4::jsonb, now())
           ON CONFLICT (booking_id) DO UPDATE SET status = EXCLUDED.status, history = EXCLUDED.history, updated_at = now()`,
          [bookingId, application.rows[0]!.id, candidate.rows[0]!.id, JSON.stringify(events.rows.map((e: { type: string }) => e.type))],
        );
        await client.query("UPDATE webhook_events SET status = 'PROCESSED', processed_at = now() WHERE booking_id = $1 AND status = 'PENDING'", [bookingId]);
        await client.query("DELETE FROM jobs WHERE kind = 'webhooks.process' AND dedup_key = $1", [`booking:${bookingId}`]);
        await client.query("COMMIT");
      }
      await client.end();
    }),
  );
  return notifications.length / ((Date.now() - started) / 1000);
}

export type DrainResult = {
  lines: string[];
  perWorkers: { workers: number; seconds: number; notificationsPerSecond: number; bookingsPerSecond: number }[];
  latency: { p50: number; p99: number; max: number };
  ceiling: { connections: number; notificationsPerSecond: number }[];
};

export async function runDrainBench(): Promise<DrainResult> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  const { url, server } = await createBenchDatabase("portal_bench_drain");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // The booking notifications' configuration is the backend engineering role's.
    await admin.query(
      `INSERT INTO role_configurations (id, role_id, api_uri, configuration_id, grant_id, sync_status, updated_at)
       SELECT gen_random_uuid(), id, 'bench://drain', $1, 'bench', 'SYNCED', now() FROM roles WHERE slug = 'backend-engineer'`,
      [CONFIGURATION_ID],
    );
    const perWorkers: DrainResult["perWorkers"] = [];
    for (const workers of WORKER_COUNTS) {
      await resetInbox(url);
      const run = randomUUID().slice(0, 8);
      const notifications = Array.from({ length: BOOKINGS }, (_, n) => bookingNotifications(run, n)).flat();
      const children = await Promise.all(Array.from({ length: workers }, () => startWorker(url)));
      try {
        await new Promise((r) => setTimeout(r, 1_000)); // idle, listening
        await admin.query("BEGIN");
        await storeNotifications(admin, notifications);
        await admin.query("COMMIT");
        const committed = Date.now();
        while ((await pendingCount(admin)) > 0) await new Promise((r) => setTimeout(r, 100));
        const seconds = (Date.now() - committed) / 1000;
        const { rows } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_events WHERE status <> 'PROCESSED'");
        if (rows[0]!.n !== 0) throw new Error(`${rows[0]!.n} notifications not processed`);
        perWorkers.push({ workers, seconds, notificationsPerSecond: notifications.length / seconds, bookingsPerSecond: BOOKINGS / seconds });
        say(
          `drain: ${workers} worker(s): ${notifications.length} notifications (${BOOKINGS} bookings) in ${seconds.toFixed(1)} s = ${(notifications.length / seconds).toFixed(0)} notifications/s (${(BOOKINGS / seconds).toFixed(0)} booking runs/s)`,
        );
      } finally {
        await stopWorkers(children);
      }
    }

    // Commit-to-processed latency with idle workers, one notification at a time.
    await resetInbox(url);
    const children = await Promise.all([startWorker(url), startWorker(url)]);
    const latencies: number[] = [];
    const all: number[] = [];
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      const run = randomUUID().slice(0, 8);
      // The first WARM_UP notifications only warm the workers up (module code paths, pools): not counted.
      for (let i = 0; i < WARM_UP + LATENCY_SAMPLES; i++) {
        const [created] = bookingNotifications(run, i);
        await admin.query("BEGIN");
        await storeNotifications(admin, [created!]);
        await admin.query("COMMIT");
        const committed = Date.now();
        for (;;) {
          const { rows } = await admin.query<{ at: Date | null }>("SELECT processed_at AS at FROM webhook_events WHERE notification_id = $1", [created!.id]);
          if (rows[0]?.at) {
            const ms = Math.max(0, rows[0].at.getTime() - committed);
            all.push(ms);
            if (i >= WARM_UP) latencies.push(ms);
            break;
          }
          await new Promise((r) => setTimeout(r, 2));
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await stopWorkers(children);
    }
    latencies.sort((a, b) => a - b);
    const latency = { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
    say(
      `drain: commit-to-processed while idle (2 workers, ${latencies.length} notifications after ${WARM_UP} to warm up): p50 ${latency.p50} ms, p99 ${latency.p99} ms, max ${latency.max} ms; the warm-up's: ${all.slice(0, WARM_UP).join(", ")} ms`,
    );

    // PostgreSQL's ceiling for the same rows.
    const ceiling: DrainResult["ceiling"] = [];
    for (const connections of [1, 2, 4]) {
      await resetInbox(url);
      const run = randomUUID().slice(0, 8);
      const notifications = Array.from({ length: BOOKINGS }, (_, n) => bookingNotifications(run, n)).flat();
      await admin.query("BEGIN");
      await storeNotifications(admin, notifications);
      await admin.query("COMMIT");
      const rate = await postgresCeiling(url, notifications, connections);
      ceiling.push({ connections, notificationsPerSecond: rate });
      say(`drain: PostgreSQL ceiling (bare SQL, the same row work), ${connections} connection(s): ${rate.toFixed(0)} notifications/s`);
    }
    return { lines, perWorkers, latency, ceiling };
  } finally {
    await admin.end().catch(() => undefined);
    await server.stop();
  }
}
