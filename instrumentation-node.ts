/**
 * The Node.js server's start-up (imported by instrumentation.ts only when NEXT_RUNTIME is
 * "nodejs"): validates the environment (refusing to start on bad config) and starts this
 * process's background workers. Kept out of instrumentation.ts because Next.js also compiles that
 * file for the Edge runtime, and warns there about every Node.js API it can see (process.once,
 * process.exit).
 */
export async function registerNode(): Promise<void> {
  // The environment is checked before anything that reads it is loaded.
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
