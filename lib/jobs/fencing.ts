/**
 * Pure: the rules that keep a job's effects single when workers stall, die or are taken over.
 *
 * A claim hands the worker a fresh lease token; every write that records the job's outcome (and
 * any write a handler fences with the job's transaction) names that token, so once another worker
 * has taken the job over — after the lease ran out — the old worker's writes match nothing. The
 * lease is renewed while the handler runs; a renewal that no longer finds the token tells the
 * worker to stop.
 */

export type HeldLease = { id: string; token: string; leaseSeconds: number };

/** How often a worker renews the leases it holds: a third of the shortest one, between 200 ms and 10 s. */
export function heartbeatIntervalMs(leases: readonly Pick<HeldLease, "leaseSeconds">[]): number {
  if (leases.length === 0) return 10_000;
  const shortest = Math.min(...leases.map((l) => l.leaseSeconds)) * 1000;
  return Math.min(10_000, Math.max(200, Math.floor(shortest / 3)));
}

/**
 * The held jobs a renewal reported as no longer held under their token (taken over, or released):
 * stop them. A job the renewal did not mention is not lost (it was added after the renewal began).
 */
export function lostLeases<T extends Pick<HeldLease, "id" | "token">>(held: readonly T[], renewal: readonly { id: string; token: string; held: boolean }[]): T[] {
  const lost = new Set(renewal.filter((r) => !r.held).map((r) => `${r.id}|${r.token}`));
  return held.filter((h) => lost.has(`${h.id}|${h.token}`));
}

/**
 * A job whose worker stopped without a word (its lease ran out) is claimed again and counts
 * that attempt. One claimed past its last attempt is not run again: it is dead-lettered.
 */
export function isPastLastAttempt(attempt: number, maxAttempts: number): boolean {
  return attempt > maxAttempts;
}
