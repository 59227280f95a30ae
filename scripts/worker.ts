/**
 * `npm run worker`: the background workers as a separate process — every kind of background work
 * (lib/workers.ts), the sandbox's own in sandbox mode. Run any number of them: they share the work
 * through PostgreSQL (lib/jobs). Set RUN_WORKERS=off on web processes to keep workers out of them.
 */
import { EnvError, getEnv } from "@/lib/env";
import { getDatabase } from "./lib/database";
import { log } from "./lib/tasks";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const database = await getDatabase(log);
process.env.DATABASE_URL = database.url;
try {
  const env = getEnv();
  const { startWorkers } = await import("@/lib/workers");
  startWorkers({ ...env, RUN_WORKERS: "on" });
  log(`workers running (${env.NYLAS_MODE} mode); Ctrl-C to stop`);
} catch (error) {
  console.error(error instanceof EnvError ? `[portal] ${error.message}` : error);
  await database.stop();
  process.exit(1);
}

// Workers first (they stop claiming and finish what they hold), then the database, whichever
// process of the group the signal reached first.
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  log("stopping workers…");
  const { stopWorkers } = await import("@/lib/workers");
  await stopWorkers();
  // Close the pool's idle connections too: PostgreSQL would otherwise terminate them (and say so).
  const { db } = await import("@/lib/db");
  await db.$disconnect().catch(() => undefined);
  await database.stop();
  log("stopped");
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
