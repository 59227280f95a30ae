/**
 * Runs once when a server process starts (Next.js instrumentation hook): validates the
 * environment (refusing to start on bad config) and starts this process's background workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnv } = await import("@/lib/env");
  const env = assertServerEnv();
  const { startWorkers, stopWorkers } = await import("@/lib/workers");
  startWorkers(env);
  // Under `npm run dev` / `npm start` (scripts/lib/app-runner.ts) this process handles its own
  // stop: the workers finish what they hold before it exits, and the database stops after it.
  if (process.env.NEXT_MANUAL_SIG_HANDLE === "true") {
    const { db } = await import("@/lib/db");
    const stop = async () => {
      await stopWorkers();
      await db.$disconnect().catch(() => undefined);
      process.exit(0);
    };
    for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
  }
}
