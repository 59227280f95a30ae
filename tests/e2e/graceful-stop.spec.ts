/**
 * `npm start` (production build, embedded PostgreSQL, workers in the server) stopped the way
 * docker stop or systemd do — SIGTERM to the whole process group — while it serves traffic: Next.js
 * and its workers stop before PostgreSQL goes, with no error line, and everything exits.
 * A second instance on its own port and database, so the suite's server is untouched.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";

/** A port nothing listens on now (other test runs may hold fixed ones). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

let APP_PORT = 0;
let PG_PORT = 0;
let dataDir = "";
let child: ChildProcess | undefined;

test.beforeAll(async () => {
  APP_PORT = await freePort();
  PG_PORT = await freePort();
  dataDir = path.join(process.cwd(), ".data", `dev-${PG_PORT}`);
});

test.afterAll(async () => {
  if (child?.pid && child.exitCode === null) spawnSync("kill", ["-KILL", `-${child.pid}`]);
  // A failed run may leave its PostgreSQL (own process group) up: stop it.
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (dataDir && existsSync(pidFile)) spawnSync("kill", ["-INT", readFileSync(pidFile, "utf8").split("\n")[0]!]);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("SIGTERM to npm start's whole process group: Next.js and the workers stop first, then PostgreSQL, with no error line", async ({ request }) => {
  test.setTimeout(180_000);
  await rm(dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    APP_URL: `http://localhost:${APP_PORT}`,
    NYLAS_MODE: "sandbox",
    EMBEDDED_POSTGRES_PORT: String(PG_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
    MEDIA_DIR: path.join(dataDir, "media"),
  };
  delete env.DATABASE_URL;
  child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child!.once("exit", (code) => resolve(code)));

  await expect.poll(() => output, { timeout: 150_000, intervals: [500] }).toMatch(/\[portal\] ready in sandbox mode/);
  // Traffic and background work: pages, and the workers polling.
  for (const url of ["/careers", "/api/health", "/careers/backend-engineer"]) expect((await request.get(`http://localhost:${APP_PORT}${url}`)).status()).toBe(200);
  await new Promise((r) => setTimeout(r, 2_000));
  const before = output.length;

  process.kill(-child.pid!, "SIGTERM");
  expect(await exited).toBe(0);
  const after = output.slice(before);
  expect(after).toMatch(/\[portal\] stopping…[\s\S]*\[portal\] stopped/);
  expect(after).not.toMatch(/terminating connection|shutting down|ECONNREFUSED|ERROR|FATAL|\[worker:|could not stop/i);
  expect(spawnSync("pg_isready", ["-h", "127.0.0.1", "-p", String(PG_PORT)]).status ?? 2).not.toBe(0);
});
