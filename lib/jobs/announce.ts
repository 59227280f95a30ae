/**
 * Wakes the workers for jobs a statement has already committed, with a NOTIFY of its own instead
 * of one inside the writing transaction: PostgreSQL holds a global lock from a notifying
 * transaction's commit until its WAL is flushed, so a NOTIFY per ingested webhook serialises every
 * ingest's commit (measured: 2,100 vs 3,300 inserts/s). Per process and kind, at most one NOTIFY
 * per WINDOW_MS: the first at once, later ones folded into one sent when the window ends — so every
 * commit announced here is followed by a NOTIFY within WINDOW_MS. Should a process die in between,
 * the workers' poll finds the job. Transactions that enqueue as part of other work notify inside
 * them (lib/jobs/store.ts enqueue): those are few, and need no caller to remember this.
 */
import "server-only";
import { db } from "@/lib/db";
import { JOBS_CHANNEL } from "./store";

const WINDOW_MS = 10;
type Announcing = { lastSentAt: number; timer: NodeJS.Timeout | undefined };
const byKind = new Map<string, Announcing>();

function send(kind: string): void {
  db.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${kind})`.catch(() => undefined);
}

/** Call after the commit that queued jobs of `kind`. */
export function announceJobs(kind: { name: string }): void {
  let state = byKind.get(kind.name);
  if (!state) byKind.set(kind.name, (state = { lastSentAt: 0, timer: undefined }));
  // A NOTIFY is already due after this commit.
  if (state.timer) return;
  const wait = state.lastSentAt + WINDOW_MS - Date.now();
  if (wait <= 0) {
    state.lastSentAt = Date.now();
    send(kind.name);
    return;
  }
  const scheduled = state;
  scheduled.timer = setTimeout(() => {
    scheduled.timer = undefined;
    scheduled.lastSentAt = Date.now();
    send(kind.name);
  }, wait);
}
