import "server-only";
import type { Env } from "@/lib/env";
import { dispatchDueDeliveries } from "@/lib/sandbox/webhook-dispatcher";
import { processDueWebhookEvents } from "@/lib/webhooks/worker";

type WorkerState = { started: boolean };
const state = ((globalThis as { __portalWorkers?: WorkerState }).__portalWorkers ??= { started: false });

const IDLE_POLL_MS = 1_000;

/**
 * Starts this process's background workers, once per process (instrumentation.ts calls it;
 * dev hot reloads do not start a second copy). Workers are stateless loops over Postgres, so
 * running them in several processes scales them out.
 */
export function startWorkers(env: Env): void {
  if (env.RUN_WORKERS === "off") return;
  if (state.started) return;
  state.started = true;
  startLoop("webhook-inbox", () => processDueWebhookEvents(), "__webhookWorkerWake");
  if (env.NYLAS_MODE === "sandbox") startLoop("sandbox-webhooks", () => dispatchDueDeliveries(), "__sandboxDispatcherWake");
}

/** Runs `tick` until it finds nothing to do, then sleeps until woken or the poll interval passes. */
function startLoop(name: string, tick: () => Promise<number>, wakeKey: string): void {
  let wake: (() => void) | undefined;
  (globalThis as Record<string, unknown>)[wakeKey] = () => wake?.();
  void (async () => {
    for (;;) {
      let worked = 0;
      try {
        worked = await tick();
      } catch (error) {
        console.error(`[worker:${name}]`, error instanceof Error ? error.message : error);
      }
      if (worked > 0) continue;
      await new Promise<void>((resolve) => {
        // Not unref'd: this timer is what keeps a standalone `npm run worker` process alive.
        const timer = setTimeout(resolve, IDLE_POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  })();
}
