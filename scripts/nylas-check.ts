/**
 * `npm run nylas:check`: the Nylas health report of /settings, on the command line.
 *
 *   npm run nylas:check            # one line per check: PASS/FAIL/WARN/SKIP, title, detail, "  → fix"
 *   npm run nylas:check -- --json  # the report as JSON
 *
 * Exit code 1 when any check fails (or the check cannot run), 0 otherwise. Reads the same
 * environment as the app. Without DATABASE_URL it uses the development PostgreSQL that a running
 * `npm run dev` started (it never starts one itself); in sandbox mode the Nylas API is served by
 * the app, so the app must be running at APP_URL.
 */
import net from "node:net";
import { assertServerEnv, EnvError, parseEnv, type Env } from "@/lib/env";
import { formatHealthReportText, healthExitCode } from "@/lib/nylas/health/format";
import { DEV_DB, getDatabase } from "./lib/database";

class CheckError extends Error {}

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) throw new CheckError(`${error.message}\nSee .env.example and the README's "Configuration" table.`);
    throw error;
  }
}

function isListening(port: number, host = "127.0.0.1", timeoutMs = 1_500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/** In sandbox mode the app is the Nylas API: it must be up before anything can be checked. */
async function assertAppRunning(env: Env): Promise<void> {
  try {
    await fetch(`${env.appOrigin}/api/health`, { signal: AbortSignal.timeout(5_000) });
  } catch {
    throw new CheckError(`The app is not running at ${env.appOrigin}: in sandbox mode it serves the Nylas API itself. Start it with npm run dev (or set APP_URL to where it runs).`);
  }
}

/** DATABASE_URL, else the embedded development PostgreSQL of a running `npm run dev`. */
async function connectDatabase(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  if (!(await isListening(DEV_DB.port))) {
    throw new CheckError(`No database: DATABASE_URL is unset and the development PostgreSQL (started by npm run dev on port ${DEV_DB.port}) is not running. Start npm run dev, or set DATABASE_URL.`);
  }
  try {
    await getDatabase(() => {}); // reuses the running server; sets DATABASE_URL
  } catch (error) {
    throw new CheckError(error instanceof Error ? error.message : String(error));
  }
}

async function main(): Promise<number> {
  const asJson = process.argv.includes("--json");
  const preliminary = readEnv();
  if (preliminary.NYLAS_MODE === "sandbox") await assertAppRunning(preliminary);
  await connectDatabase();
  assertServerEnv(); // again, now with DATABASE_URL

  const { runNylasHealthCheck } = await import("@/lib/nylas/health");
  const { getPrisma } = await import("@/lib/db/client");
  try {
    const report = await runNylasHealthCheck();
    console.log(asJson ? JSON.stringify(report, null, 2) : formatHealthReportText(report));
    return healthExitCode(report);
  } finally {
    await getPrisma().$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof CheckError ? error.message : `nylas:check failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
