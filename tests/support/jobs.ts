/**
 * Running background jobs from integration tests, the workers' own way (lib/jobs runDueJobs):
 * `drainJobs` runs the given kinds until none of them has a due job left; `makeJobsDue` brings
 * jobs waiting to retry forward to now (instead of waiting out their backoff).
 */
import { runDueJobs, type AnyJobKind, type JobKind } from "@/lib/jobs";
import { getPrisma } from "@/lib/db/client";

export async function drainJobs(kinds: readonly JobKind<never, never>[] | readonly AnyJobKind[], opts: { now?: Date; maxRounds?: number } = {}): Promise<number> {
  let total = 0;
  for (let round = 0; round < (opts.maxRounds ?? 50); round++) {
    let ran = 0;
    for (const kind of kinds) ran += await runDueJobs(kind as JobKind<never, never>, { now: opts.now });
    total += ran;
    if (ran === 0) return total;
  }
  throw new Error(`jobs still due after ${opts.maxRounds ?? 50} rounds`);
}

/** Queued jobs (of `kind`, or all) due now, whatever their backoff. Returns how many. */
export async function makeJobsDue(kind?: { name: string }): Promise<number> {
  const { count } = await getPrisma().job.updateMany({ where: { state: "QUEUED", ...(kind ? { kind: kind.name } : {}) }, data: { runAt: new Date() } });
  return count;
}
