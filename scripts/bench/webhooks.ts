/**
 * Webhook ingest benchmark (`npm run bench -- webhooks`): signed booking.created notifications
 * with unique ids against a production build (`next build` + `next start`, workers running in
 * the server as in production), 20 s per concurrency level, against two baselines measured in
 * the same run: (a) /api/bench/webhook-baseline in the same build (verify + parse only: the
 * framework's ceiling here) and (b) the raw single-row INSERT rate of the same PostgreSQL.
 * Afterwards it checks that every notification answered 2xx is stored exactly once.
 */
import { createHmac, randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { buildUnlessSkipped, createBenchDatabase, startNext, stopNext } from "./support";

const PORT = 3200;
const ORIGIN = `http://127.0.0.1:${PORT}`;
export const SECRET = "bench-webhook-secret-0123456789abcdef";
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? "10,50,100").split(",").map(Number);
const RUN = randomUUID().slice(0, 8);

export type Level = { connections: number; rps: number; p50: number; p99: number; ok: number; non2xx: number; errors: number; timeouts: number };

export function bookingCreated(id: string, n: number): string {
  const start = 1_800_000_000 + n * 3600;
  return JSON.stringify({
    specversion: "1.0",
    type: "booking.created",
    source: "/nylas/passthru",
    id,
    time: Math.floor(Date.now() / 1000),
    webhook_delivery_attempt: 1,
    data: {
      application_id: "bench-app",
      grant_id: "bench-grant",
      object: {
        booking_id: randomUUID(),
        booking_ref: "bench",
        configuration_id: "00000000-0000-4000-8000-00000000bench".slice(0, 36),
        object: "booking",
        booking_info: {
          event_id: `evt${n}`,
          start_time: start,
          end_time: start + 2700,
          participants: [
            { email: "sarah.kim@northwind.example", name: "Sarah Kim" },
            { email: `bench-${RUN}-${n}@example.org`, name: `Bench Candidate ${n}` },
          ],
          additional_fields: null,
          title: `Interview with Bench Candidate ${n}`,
          duration: 45,
          location: "https://meet.google.com/abc-defg-hij",
          organizer_timezone: "America/New_York",
          guest_timezone: "Europe/Paris",
          is_group_event: false,
        },
      },
    },
  });
}

export async function load(url: string, connections: number, accepted: Set<string> | null): Promise<Level> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections,
    duration: DURATION_S,
    timeout: 10,
    requests: [
      {
        method: "POST",
        setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
          const n = counter++;
          const id = `bench-${RUN}-${connections}-${n}-${url.endsWith("baseline") ? "a" : "w"}`;
          const body = bookingCreated(id, n);
          context.id = id;
          return { ...request, body, headers: { "content-type": "application/json", "x-nylas-signature": createHmac("sha256", SECRET).update(body).digest("hex") } };
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
          if (accepted && status >= 200 && status < 300) accepted.add(context.id as string);
        },
      },
    ],
  } as unknown as autocannon.Options);
  return {
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function insertBaseline(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 16 });
  await pool.query("CREATE TABLE IF NOT EXISTS bench_inserts (id bigserial PRIMARY KEY, notification_id text UNIQUE, payload jsonb)");
  const body = bookingCreated("x", 0);
  const deadline = Date.now() + 10_000;
  let count = 0;
  await Promise.all(
    Array.from({ length: 16 }, async (_, w) => {
      while (Date.now() < deadline) {
        await pool.query("INSERT INTO bench_inserts (notification_id, payload) VALUES ($1, $2::jsonb)", [`${w}-${count}-${Math.random()}`, body]);
        count++;
      }
    }),
  );
  await pool.query("DROP TABLE bench_inserts");
  await pool.end();
  return count / 10;
}

export async function runWebhookBench(): Promise<{ lines: string[]; ratio: number; p99: number; lost: number }> {
  const lines: string[] = [];
  const say = (line: string) => {
    console.log(line);
    lines.push(line);
  };
  buildUnlessSkipped(say);
  const { url: dbUrl, server } = await createBenchDatabase("portal_bench");
  const next = await startNext(PORT, { APP_URL: ORIGIN, DATABASE_URL: dbUrl, NYLAS_WEBHOOK_SECRET: SECRET, BENCH_BASELINE_ROUTE: "on", RUN_WORKERS: process.env.BENCH_RUN_WORKERS ?? "on" });
  try {
    // Warm up both routes (JIT, connection pool, secret cache).
    for (const route of ["/api/bench/webhook-baseline", "/api/webhooks/nylas"]) {
      const body = bookingCreated(`bench-${RUN}-warmup-${route}`, 0);
      for (let i = 0; i < 50; i++) {
        const b = i === 0 ? body : bookingCreated(`bench-${RUN}-warmup-${route}-${i}`, i);
        await fetch(`${ORIGIN}${route}`, { method: "POST", body: b, headers: { "x-nylas-signature": createHmac("sha256", SECRET).update(b).digest("hex") } });
      }
    }

    const insertRate = await insertBaseline(dbUrl);
    say(`baseline (b) raw single-row INSERT into the same PostgreSQL (16 connections, 10 s): ${insertRate.toFixed(0)} inserts/s`);

    const accepted = new Set<string>();
    const rows: { baseline: Level; webhook: Level }[] = [];
    for (const connections of LEVELS) {
      const baseline = await load(`${ORIGIN}/api/bench/webhook-baseline`, connections, null);
      const webhook = await load(`${ORIGIN}/api/webhooks/nylas`, connections, accepted);
      rows.push({ baseline, webhook });
      say(
        `c=${String(connections).padStart(3)}  baseline (a) ${baseline.rps.toFixed(0).padStart(5)} req/s p50 ${baseline.p50} ms p99 ${baseline.p99} ms` +
          `  |  /api/webhooks/nylas ${webhook.rps.toFixed(0).padStart(5)} req/s p50 ${webhook.p50} ms p99 ${webhook.p99} ms` +
          `  ratio ${(webhook.rps / baseline.rps).toFixed(2)}  non-2xx ${webhook.non2xx} errors ${webhook.errors} timeouts ${webhook.timeouts}`,
      );
    }

    // Every accepted notification stored exactly once (the inbox's unique id makes >1 impossible).
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const { rows: stored } = await client.query<{ notification_id: string }>("SELECT notification_id FROM webhook_events WHERE notification_id LIKE $1 AND notification_id NOT LIKE '%warmup%'", [
      `bench-${RUN}-%`,
    ]);
    const storedIds = new Set(stored.map((r) => r.notification_id));
    const lost = [...accepted].filter((id) => !storedIds.has(id)).length;
    const sentOk = rows.reduce((n, r) => n + r.webhook.ok, 0);
    say(`delivery check: ${sentOk} answered 2xx, ${accepted.size} distinct ids acknowledged, ${storedIds.size} stored, ${lost} lost, duplicates impossible (unique notification_id)`);

    // Background processing keeps up? Wait (bounded) for the worker to drain the inbox.
    const drainStart = Date.now();
    let pending = 0;
    for (let i = 0; i < 120; i++) {
      pending = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM webhook_events WHERE status = 'PENDING'")).rows[0]?.n ?? 0);
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const processed = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM webhook_events WHERE status = 'PROCESSED'")).rows[0]?.n ?? 0);
    say(`worker: ${processed} processed into interviews; ${pending} still pending ${((Date.now() - drainStart) / 1000).toFixed(0)} s after the load stopped`);
    await client.end();

    // Throughput against the ceiling at every level. Latency is judged where the framework itself
    // is not saturated (baseline (a) p99 < 100 ms): past that, queueing sets latency for any handler.
    const ratio = Math.min(...rows.map((r) => r.webhook.rps / r.baseline.rps));
    const unsaturated = rows.filter((r) => r.baseline.p99 < 100);
    const p99 = unsaturated.length ? Math.max(...unsaturated.map((r) => r.webhook.p99)) : Number.NaN;
    const saturated = rows.filter((r) => r.baseline.p99 >= 100).map((r) => `c=${r.baseline.connections} (baseline p99 ${r.baseline.p99} ms, webhooks ${r.webhook.p99} ms)`);
    say(
      `summary: worst ratio ${ratio.toFixed(2)}x baseline (a) (target >= 0.7x); p99 ${Number.isNaN(p99) ? "n/a" : `${p99} ms`} at ` +
        `${unsaturated.map((r) => `c=${r.baseline.connections}`).join(", ") || "no unsaturated level"} (target < 100 ms); lost ${lost} (target 0)` +
        (saturated.length ? `; saturated, so latency is queueing: ${saturated.join(", ")}` : ""),
    );
    return { lines, ratio, p99, lost };
  } finally {
    stopNext(next);
    await new Promise((r) => setTimeout(r, 1000));
    await server.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runWebhookBench();
}
