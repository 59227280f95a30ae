/**
 * Stopping by a signal to the whole process group (docker stop, systemd, `kill -TERM -<pgid>`):
 * a real `npm run worker` process with its own embedded PostgreSQL, busy polling, is stopped that
 * way. The workers must stop before PostgreSQL goes — no "terminating connection" or other error
 * line — and everything must exit cleanly.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";

const PORT = 54353;
const root = process.cwd();
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child?.pid && child.exitCode === null) spawnSync("kill", ["-KILL", `-${child.pid}`]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

function waitFor(output: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(output())) resolve();
      else if (child?.exitCode !== null) reject(new Error(`the worker exited (code ${child?.exitCode}); output:\n${output()}`));
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${pattern}; output:\n${output()}`));
      else setTimeout(check, 100);
    };
    check();
  });
}

it("a SIGTERM to the worker's whole process group stops the workers, then PostgreSQL, with no error line", { timeout: 120_000 }, async () => {
  dir = await mkdtemp(path.join(tmpdir(), "portal-stop-"));
  await chmod(dir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_POSTGRES_PORT: String(PORT),
    NYLAS_MODE: "sandbox",
    NODE_ENV: "production",
    APP_URL: "http://localhost:3999",
    TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
  };
  delete env.DATABASE_URL;
  // Its own process group (detached), like a service under docker or systemd; its PostgreSQL's data in `dir`.
  child = spawn(process.execPath, ["--conditions=react-server", "--import", path.join(root, "node_modules/tsx/dist/esm/index.mjs"), path.join(root, "scripts/worker.ts")], {
    cwd: dir,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

  await waitFor(() => output, /workers running/, 90_000);
  // The schema, so the workers' polls are real queries; then let them poll for a while.
  await migrate(`postgresql://portal:portal@127.0.0.1:${PORT}/portal`);
  await new Promise((r) => setTimeout(r, 3_000));
  const before = output.length;

  process.kill(-child.pid!, "SIGTERM");
  expect(await exited).toBe(0);
  const after = output.slice(before);
  expect(after).toMatch(/stopping workers…[\s\S]*stopped/);
  expect(after).not.toMatch(/terminating connection|shutting down|ECONNREFUSED|ERROR|FATAL|\[worker:/i);
  // PostgreSQL is gone too.
  expect(spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", String(PORT)]).status ?? 2).not.toBe(0);
});
