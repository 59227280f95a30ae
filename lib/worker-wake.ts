/**
 * Wakes a background worker loop of this process (lib/workers.ts) so it picks up new work now
 * instead of at its next poll. A no-op where the worker does not run in this process (e.g. a web
 * instance with RUN_WORKERS=off): the other process finds the work at its next poll.
 */
export type WorkerName = "webhook-inbox" | "assignments" | "media-downloads" | "configuration-sync" | "load-caps" | "sandbox-webhooks" | "sandbox-notetakers";

// On globalThis: Next.js may load this module more than once per process (route bundles, dev reloads).
const wakers = ((globalThis as { __portalWakers?: Map<WorkerName, () => void> }).__portalWakers ??= new Map());

export function setWorkerWaker(name: WorkerName, wake: () => void): void {
  wakers.set(name, wake);
}

export function wakeWorker(name: WorkerName): void {
  wakers.get(name)?.();
}
