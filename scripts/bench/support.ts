/** What the server benchmarks share: a production build, a fresh database, and `next start` on a port. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
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
 * The benchmarks' embedded PostgreSQL (port 54369, .data/bench) with a fresh, migrated and seeded
 * (sandbox) database `name`. Returns its URL and the server, to stop at the end.
 */
export async function createBenchDatabase(name: string): Promise<{ url: string; server: LocalDatabase }> {
  const server = await startEmbeddedPostgres({ name: "bench", port: 54369, database: "postgres" });
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
