/** What the server benchmarks share: a production build, a fresh database, and `next start` on a port. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { startEmbeddedPostgres, type LocalDatabase } from "../lib/postgres";
import { seedDatabase } from "../lib/tasks";

const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

/** `next build`, unless `--no-build` was passed (then the existing .next is used). */
export function buildUnlessSkipped(say: (line: string) => void): void {
  if (process.argv.includes("--no-build")) return;
  say("building (next build)…");
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "ignore", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed (run it directly to see why)");
}

/**
 * The benchmarks' PostgreSQL port: 54369, or BENCH_PG_PORT (two checkouts benchmarking at once would
 * otherwise share, and stop, one server).
 */
function benchPostgresPort(): number {
  const port = Number(process.env.BENCH_PG_PORT ?? 54369);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`BENCH_PG_PORT must be a TCP port (got ${process.env.BENCH_PG_PORT})`);
  return port;
}

/**
 * The benchmarks' embedded PostgreSQL (port 54369 or BENCH_PG_PORT, .data/bench) with a fresh, migrated and seeded
 * (sandbox) database `name`. Returns its URL and the server, to stop at the end.
 */
export async function createBenchDatabase(name: string): Promise<{ url: string; server: LocalDatabase }> {
  const server = await startEmbeddedPostgres({ name: "bench", port: benchPostgresPort(), database: "postgres" });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = server.url.replace(/\/postgres$/, `/${name}`);
  await migrate(url);
  process.env.NYLAS_MODE = "sandbox";
  await seedDatabase(url);
  return { url, server };
}

/**
 * What `npm start` does once the server is up, from this process: the webhook subscription and the
 * roles' scheduler configurations (the careers page needs them), against `env`'s database.
 */
export async function bootstrapSandbox(env: Record<string, string>): Promise<void> {
  Object.assign(process.env, { NYLAS_MODE: "sandbox", ...env });
  // Re-read: the seed read (and cached) the environment before DATABASE_URL was set.
  (await import("../../lib/env")).assertServerEnv();
  const { bootstrapNylas } = await import("../../lib/bootstrap");
  await bootstrapNylas();
}

/** `next start` of the production build in its own process group, once /api/health answers. */
export async function startNext(port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [NEXT_BIN, "start", "--port", String(port)], {
    stdio: "ignore",
    detached: true,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NYLAS_MODE: "sandbox", ...env },
  });
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error("next start exited");
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopNext(child);
  throw new Error("next start did not become healthy");
}

export function stopNext(child: ChildProcess): void {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}

/** Other work on the machine inflates every time a benchmark measures: say how busy it was. */
export const machineLoad = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} on ${cpus().length} CPUs`;

/** The p-th percentile (nearest rank) of unsorted values. */
export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

/** Signs in through next-auth's credentials callback (as the login form does); returns the Cookie header. */
export async function signIn(origin: string, email: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const header = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ csrfToken, email, password: "password", callbackUrl: `${origin}/dashboard`, json: "true" }),
  });
  keep(res);
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return header();
}

/**
 * Drops the secondary indexes of `tables` (those no constraint uses: primary keys, unique and
 * exclusion constraints and the keys foreign keys point at stay) and the indexes named in `names`,
 * before a bulk load; returns their definitions for recreateIndexes.
 */
export async function dropIndexes(client: pg.Client, { tables = [], names = [] }: { tables?: string[]; names?: string[] }): Promise<{ name: string; def: string }[]> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
      WHERE (t.relname = ANY($1::text[]) OR i.indexrelid::regclass::text = ANY($2::text[]))
        AND NOT i.indisprimary AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables, names],
  );
  for (const index of rows) await client.query(`DROP INDEX ${index.name}`);
  return rows;
}

/** Builds again the indexes dropIndexes dropped (one sort each, with the session's maintenance_work_mem). */
export async function recreateIndexes(client: pg.Client, indexes: { def: string }[]): Promise<void> {
  for (const index of indexes) await client.query(index.def);
}

/**
 * Fills interview_search_documents for every transcript with lines and no document yet (narrowed by
 * `where`, a condition on transcript_segments), exactly as the search migration's backfill and
 * lib/media/parsed-content.ts build one: the lines in position order, each "Speaker: text" (or the
 * text alone), joined by "\n". The tsvector column is generated from that content.
 */
export function searchDocumentsFromLinesSql(where = "TRUE"): string {
  return `
INSERT INTO interview_search_documents (interview_id, asset_id, content, line_count)
SELECT interview_id, (array_agg(asset_id ORDER BY position))[1], string_agg(coalesce(speaker || ': ', '') || text, E'\\n' ORDER BY position), count(*)::int
  FROM transcript_segments
 WHERE ${where}
 GROUP BY interview_id
ON CONFLICT (interview_id) DO NOTHING`;
}
