/**
 * Orchestrates `npm run dev` and `npm start`, in the order DESIGN.md pins: database up →
 * migrations → seed → Next.js → wait for /api/health → idempotent Nylas bootstrap. Ctrl-C (or a
 * signal to the whole process group) stops Next.js and its workers first, then PostgreSQL, which
 * runs in its own process group so the signal never reaches it first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv, type Env } from "@/lib/env";
import { getDatabase } from "./database";
import { log, migrateDatabase, seedDatabase } from "./tasks";

export type RunMode = "dev" | "start";

function fail(message: string): never {
  console.error(`\n[portal] ${message}\n`);
  process.exit(1);
}

function checkEnv(mode: RunMode): Env {
  try {
    return parseEnv({ ...process.env, NODE_ENV: mode === "dev" ? "development" : "production" });
  } catch (error) {
    if (error instanceof EnvError) fail(`${error.message}\n\nSee .env.example and the README's "Configuration" table.`);
    throw error;
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("Next.js exited before it became healthy (see its output above).");
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Timed out waiting for ${url}`);
}

export async function runApp(mode: RunMode): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const preliminary = checkEnv(mode);
  if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) fail("No production build found. Run `npm run build` first.");
  if (mode === "start" && preliminary.NYLAS_MODE === "live" && !process.env.DATABASE_URL) fail("DATABASE_URL is required when NYLAS_MODE=live.");

  // 1. Database
  const database = await getDatabase(log);
  process.env.DATABASE_URL = database.url;
  const env = checkEnv(mode);
  let next: ChildProcess | undefined;
  let stopping = false;
  let bootstrapped = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    if (next && next.exitCode === null && next.pid) {
      const exited = new Promise((r) => next!.once("exit", r));
      try {
        process.kill(-next.pid, "SIGTERM"); // the whole process group: next spawns workers
      } catch {
        next.kill("SIGTERM");
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (next.exitCode === null) {
        try {
          process.kill(-next.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
    }
    // This process's own connections (the bootstrap's) go before PostgreSQL does.
    if (bootstrapped) await (await import("@/lib/db")).db.$disconnect().catch(() => undefined);
    await database.stop().catch((e) => console.error("[portal] could not stop PostgreSQL cleanly:", e));
    log("stopped");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    // 2. Migrations, 3. seed
    await migrateDatabase(database.url);
    await seedDatabase(database.url);

    // 4. Next.js
    const port = new URL(env.APP_URL).port || "3000";
    const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
    next = spawn(process.execPath, [nextBin, mode, "--port", port], {
      stdio: "inherit",
      detached: true,
      env: {
        ...process.env,
        NYLAS_MODE: env.NYLAS_MODE,
        NEXTAUTH_URL: env.APP_URL,
        DATABASE_URL: database.url,
        NODE_ENV: mode === "dev" ? "development" : "production",
        // The server stops its workers itself (instrumentation.ts), given time by `next dev`.
        NEXT_MANUAL_SIG_HANDLE: "true",
        NEXT_EXIT_TIMEOUT_MS: "12000",
      },
    });
    next.once("exit", (code) => {
      if (!stopping) {
        console.error(`[portal] Next.js exited (code ${code ?? "?"})`);
        void shutdown(code ?? 1);
      }
    });

    // 5. Health, 6. bootstrap (the same SDK calls as against live Nylas)
    await waitForHealth(`${env.appOrigin}/api/health`, next, mode === "dev" ? 180_000 : 60_000);
    process.env.NYLAS_MODE = env.NYLAS_MODE;
    const { bootstrapNylas } = await import("@/lib/bootstrap");
    bootstrapped = true;
    const report = await bootstrapNylas();
    if ("error" in report.webhook) log(`webhook subscription failed: ${report.webhook.error}`);
    else log(`webhook subscription ${report.webhook.action}: ${report.webhook.url}`);
    for (const c of report.configurations) {
      log(c.action === "failed" ? `configuration for ${c.roleSlug} FAILED: ${c.error}` : `configuration for ${c.roleSlug} ${c.action} (${c.configurationId})`);
    }
    log(`ready in ${env.NYLAS_MODE} mode: ${env.appOrigin}/careers`);
    if (env.NYLAS_MODE === "sandbox") log(`sign in at ${env.appOrigin}/login as admin@example.com or recruiter@example.com (password: SEED_PASSWORD, default "password")`);
  } catch (error) {
    console.error(`[portal] start-up failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}
