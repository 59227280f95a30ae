/** Pure: how inbox jobs retry. 6 attempts, waiting 10 s, 40 s, 2.7 min, 10.7 min, 42.7 min; then DEAD. */
export const MAX_JOB_ATTEMPTS = 6;

export type JobOutcome = { status: "PROCESSED" } | { status: "PENDING"; retryInMs: number } | { status: "DEAD" };

export function decideJobOutcome(succeeded: boolean, attempt: number, baseMs = 10_000): JobOutcome {
  if (succeeded) return { status: "PROCESSED" };
  if (attempt >= MAX_JOB_ATTEMPTS) return { status: "DEAD" };
  return { status: "PENDING", retryInMs: baseMs * 4 ** (attempt - 1) };
}
