/**
 * Real processes for the system suite: an embedded PostgreSQL this suite owns (its own port and
 * data directory, so it can stop and start it), `npm start`-style app instances (the production
 * build in .next) and `npm run worker` processes, all talking over HTTP and Postgres. Nothing here
 * calls the app's functions: the app is only ever reached through its processes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { queryOnce, recreateDatabase } from "../../../scripts/lib/pg-once";
import { startEmbeddedPostgres } from "../../../scripts/lib/postgres";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const WEBHOOK_SECRET = "system-suite-webhook-secret-7c1e4b2a9d";
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export const log = (line: string) => console.log(`[system] ${line}`);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * A scenario's own PostgreSQL, started, stopped and restarted at will: its data under
 * .data/test-system/<pid> on a port free at the start (54359 unless taken), so runs side by side
 * never stop each other's server. `remove()` deletes the data once the scenario is done.
 */
export class Postgres {
  adminUrl = "";
  private port = 0;
  private readonly name = `test-system/${process.pid}`;
  private readonly dataDir = path.join(ROOT, ".data", "test-system", String(process.pid));
  async start(): Promise<void> {
    if (!this.port) this.port = (await portFree(54359)) ? 54359 : await freePort();
    // Connections ended by the suite's own stops are expected; anything else is printed.
    const server = await startEmbeddedPostgres({
      name: this.name,
      port: this.port,
      database: "portal_system",
      log: (l) => /terminating connection due to administrator command/.test(l) || log(l),
    });
    this.adminUrl = server.url;
  }
  async remove(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
  /** Fast shutdown of the postmaster (SIGINT), whoever started it; waits until the port is free. */
  async stop(): Promise<void> {
    if (!this.port) return;
    const pidFile = path.join(this.dataDir, "postmaster.pid");
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    }
    const deadline = Date.now() + 30_000;
    while (!(await portFree(this.port))) {
      if (Date.now() > deadline) throw new Error("PostgreSQL did not stop");
      await sleep(100);
    }
  }
  /** A fresh, empty database (the app's start-up migrates and seeds it). */
  freshDatabase(name: string): Promise<string> {
    return recreateDatabase(this.adminUrl, name);
  }
}

export type Proc = { name: string; child: ChildProcess; output: string[]; exited: Promise<number | null> };

// Process groups are detached (so a signal reaches next's and tsx's children): should this test
// process end without its after() hooks (a crash, Ctrl-C), take them along.
const launched: Proc[] = [];
process.once("exit", () => {
  for (const proc of launched) signal(proc, "SIGKILL");
});

function launch(name: string, command: string, args: string[], env: Record<string, string>): Proc {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 2000) output.shift();
      if (process.env.SYSTEM_VERBOSE) console.log(`[${name}] ${line}`);
    }
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const proc = { name, child, output, exited };
  launched.push(proc);
  return proc;
}

/** Signals the whole process group (tsx and next spawn children). */
export function signal(proc: Proc, sig: NodeJS.Signals): void {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null || !proc.child.pid) return;
  try {
    process.kill(-proc.child.pid, sig);
  } catch {
    // already gone
  }
}

export async function stop(proc: Proc | undefined, graceMs = 10_000): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  signal(proc, "SIGTERM");
  const done = await Promise.race([proc.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    signal(proc, "SIGKILL");
    await proc.exited;
  }
}

export type ClusterEnv = { databaseUrl: string; appUrl: string; leaseSeconds: number; mediaDir: string; extra?: Record<string, string> };

function baseEnv(c: ClusterEnv): Record<string, string> {
  return {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NYLAS_MODE: "sandbox",
    DATABASE_URL: c.databaseUrl,
    APP_URL: c.appUrl,
    NEXTAUTH_URL: c.appUrl,
    NYLAS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    JOB_LEASE_SECONDS: String(c.leaseSeconds),
    MEDIA_DIR: c.mediaDir,
    RUN_WORKERS: "off",
    SANDBOX_WEBHOOK_RETRY_BASE_MS: "1000",
    ...c.extra,
  };
}

async function waitHealthy(proc: Proc, url: string, ready: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited early:\n${proc.output.slice(-40).join("\n")}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok && ready()) return;
    } catch {
      // not yet
    }
    await sleep(300);
  }
  throw new Error(`${proc.name} not ready in ${timeoutMs} ms:\n${proc.output.slice(-40).join("\n")}`);
}

/**
 * The first instance, as `npm start` runs it (scripts/start.ts: migrate → seed → next start →
 * health → Nylas bootstrap), on an existing DATABASE_URL. Ready once the bootstrap has logged.
 */
export async function startPrimaryApp(c: ClusterEnv, name = "app-a"): Promise<Proc> {
  mkdirSync(c.mediaDir, { recursive: true });
  const proc = launch(name, process.execPath, [TSX, "--conditions=react-server", "scripts/start.ts"], baseEnv(c));
  await waitHealthy(proc, `${c.appUrl}/api/health`, () => proc.output.some((l) => l.includes("ready in sandbox mode")), 180_000);
  return proc;
}

/** Another stateless instance on the same database: `next start` on its own port. */
export async function startExtraApp(c: ClusterEnv, port: number, name = "app-b"): Promise<Proc> {
  const proc = launch(name, process.execPath, [NEXT, "start", "--port", String(port)], baseEnv(c));
  await waitHealthy(proc, `http://127.0.0.1:${port}/api/health`, () => true, 120_000);
  return proc;
}

/** `npm run worker` (scripts/worker.ts), as one node process so SIGKILL hits the worker itself. */
export async function startWorker(c: ClusterEnv, name: string): Promise<Proc> {
  const proc = launch(name, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], baseEnv(c));
  const deadline = Date.now() + 60_000;
  while (!proc.output.some((l) => l.includes("workers running"))) {
    if (proc.child.exitCode !== null) throw new Error(`${name} exited early:\n${proc.output.slice(-40).join("\n")}`);
    if (Date.now() > deadline) throw new Error(`${name} did not start:\n${proc.output.slice(-40).join("\n")}`);
    await sleep(200);
  }
  return proc;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** A short-lived client for assertions (reading state only). */
export const query = queryOnce;
