/**
 * Runs once when a server process starts (Next.js instrumentation hook): validates the
 * environment (refusing to start on bad config) and starts this process's background workers.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertServerEnv } = await import("@/lib/env");
  const env = assertServerEnv();
  const { startWorkers } = await import("@/lib/workers");
  startWorkers(env);
}
