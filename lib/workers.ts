import "server-only";
import { processDueAssignments } from "@/lib/assignment/worker";
import type { Env } from "@/lib/env";
import { reconcileLoadCapsTick } from "@/lib/load/caps";
import { createMediaDownloadPool } from "@/lib/media/download";
import { processDueConfigurationSyncs } from "@/lib/nylas/sync-configurations";
import { advanceDueNotetakers } from "@/lib/sandbox/notetakers";
import { removeStalePartials } from "@/lib/storage";
import { dispatchDueDeliveries } from "@/lib/sandbox/webhook-dispatcher";
import { processDueWebhookEvents } from "@/lib/webhooks/worker";
import { setWorkerWaker, wakeWorker, type WorkerName } from "@/lib/worker-wake";

type WorkerState = { started: boolean; stopping: boolean; loops: Promise<void>[]; drains: (() => Promise<void>)[] };
const state = ((globalThis as { __portalWorkers?: WorkerState }).__portalWorkers ??= { started: false, stopping: false, loops: [], drains: [] });

const IDLE_POLL_MS = 1_000;
const LOAD_CAPS_POLL_MS = 15_000;
/** A temporary media file this old belongs to no live download (leases are minutes). */
const STALE_PARTIAL_MS = 24 * 3600_000;
/** Media downloads running at once per process. */
const MEDIA_DOWNLOADS_PER_PROCESS = 3;

/**
 * Starts this process's background workers, once per process (instrumentation.ts calls it;
 * dev hot reloads do not start a second copy). Workers are stateless loops over Postgres, so
 * running them in several processes scales them out.
 */
export function startWorkers(env: Env): void {
  if (env.RUN_WORKERS === "off") return;
  if (state.started) return;
  state.started = true;
  startLoop("webhook-inbox", () => processDueWebhookEvents());
  // Why each interview went to whom (asks Nylas for free/busy), after its booking was processed.
  startLoop("assignments", () => processDueAssignments());
  startLoop("configuration-sync", async () => (await processDueConfigurationSyncs()).length);
  // Weekly load caps: re-checks stored blocks against the counts and retries what failed
  // (lib/load/caps.ts). Bookings and cap saves reconcile at once; this is the safety net, so it
  // polls less often than the queues.
  startLoop("load-caps", () => reconcileLoadCapsTick(), LOAD_CAPS_POLL_MS);
  const downloads = createMediaDownloadPool(MEDIA_DOWNLOADS_PER_PROCESS, () => wakeWorker("media-downloads"));
  state.drains.push(downloads.drain);
  startLoop("media-downloads", downloads);
  // Temporary files a killed process left behind (their jobs have started again since).
  if (env.MEDIA_STORAGE === "fs") {
    void removeStalePartials(env.MEDIA_DIR, STALE_PARTIAL_MS).catch((error) => console.error("[worker:media-downloads] could not sweep .partial", error));
  }
  if (env.NYLAS_MODE === "sandbox") {
    startLoop("sandbox-webhooks", () => dispatchDueDeliveries());
    startLoop("sandbox-notetakers", () => advanceDueNotetakers());
  }
}

/**
 * Stops this process's workers before it exits (and before its database goes): no new job is
 * claimed, the ticks running now finish, and running media downloads get `timeoutMs` to finish —
 * a job cut short is taken over after its lease by another process. Safe to call more than once.
 */
export async function stopWorkers(timeoutMs = 10_000): Promise<void> {
  if (!state.started) return;
  state.stopping = true;
  for (const name of WORKER_NAMES) wakeWorker(name);
  const drained = Promise.all([...state.loops, ...state.drains.map((drain) => drain())]);
  await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

const WORKER_NAMES: WorkerName[] = ["webhook-inbox", "assignments", "configuration-sync", "load-caps", "media-downloads", "sandbox-webhooks", "sandbox-notetakers"];

/** Runs `tick` until it finds nothing to do, then sleeps until woken or the poll interval passes; ends when stopping. */
function startLoop(name: WorkerName, tick: () => Promise<number>, pollMs = IDLE_POLL_MS): void {
  let wake: (() => void) | undefined;
  setWorkerWaker(name, () => wake?.());
  const loop = (async () => {
    while (!state.stopping) {
      let worked = 0;
      try {
        worked = await tick();
      } catch (error) {
        console.error(`[worker:${name}]`, error instanceof Error ? error.message : error);
      }
      if (state.stopping) return;
      if (worked > 0) continue;
      await new Promise<void>((resolve) => {
        // Not unref'd: this timer is what keeps a standalone `npm run worker` process alive.
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
  state.loops.push(loop);
}
