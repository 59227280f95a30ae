/**
 * Pure: how every kind of background work retries — the one table of policies for the whole tree
 * (DESIGN "Jobs"). A kind names its policy; the runner asks `decideFailure` what a failed attempt
 * leads to. The wait after attempt n (1-based) is base × factor^(n−1), capped at maxDelayMs.
 */

export type RetryPolicy = {
  /** Attempts in all, the first included; the last failure dead-letters the job. */
  maxAttempts: number;
  /** The wait after the first failed attempt. */
  baseMs: number;
  /** How much longer each following wait is. */
  factor: number;
  maxDelayMs: number;
  /** An environment setting that replaces baseMs (tests and benchmarks shorten the waits). */
  baseFromEnv?: "MEDIA_RETRY_BASE_MS" | "SANDBOX_WEBHOOK_RETRY_BASE_MS";
};

export const RETRY_POLICIES = {
  /** Webhook notifications, configuration syncs, the sandbox Notetaker: 10 s, 40 s, 2.7 min, 10.7 min, 42.7 min, then dead. */
  standard: { maxAttempts: 6, baseMs: 10_000, factor: 4, maxDelayMs: 3_600_000 },
  /** Media downloads: the standard waits, from MEDIA_RETRY_BASE_MS. */
  media: { maxAttempts: 6, baseMs: 10_000, factor: 4, maxDelayMs: 3_600_000, baseFromEnv: "MEDIA_RETRY_BASE_MS" },
  /** Work that only explains or tidies (why this interviewer): a minute apart, ten times. */
  steady: { maxAttempts: 10, baseMs: 60_000, factor: 1, maxDelayMs: 60_000 },
  /** Calendar writes (load-cap blocks): 2 s doubling, at most 5 min apart; the safety net re-enqueues after the last. */
  calendar: { maxAttempts: 10, baseMs: 2_000, factor: 2, maxDelayMs: 300_000 },
  /** The sandbox's webhook deliveries, as Nylas documents them: 3 attempts, 1 min then 5 min (nylas-contract §4.3). */
  sandboxDelivery: { maxAttempts: 3, baseMs: 60_000, factor: 5, maxDelayMs: 3_600_000, baseFromEnv: "SANDBOX_WEBHOOK_RETRY_BASE_MS" },
  /** Scheduled housekeeping: it runs again at its next period anyway. */
  maintenance: { maxAttempts: 3, baseMs: 10_000, factor: 4, maxDelayMs: 600_000 },
} as const satisfies Record<string, RetryPolicy>;

export type RetryPolicyName = keyof typeof RETRY_POLICIES;

/** The wait before the attempt after `attempt` failed (1-based). */
export function retryDelayMs(policy: RetryPolicy, attempt: number, baseMs = policy.baseMs): number {
  const delay = baseMs * policy.factor ** Math.max(0, attempt - 1);
  return Math.min(delay, Math.max(policy.maxDelayMs, baseMs));
}

export type FailureDecision = { state: "retry"; delayMs: number } | { state: "dead"; reason: "permanent" | "attempts" };

/**
 * What a failed attempt leads to: a retry after the policy's wait, or the dead-letter state when
 * it was the last attempt or the failure is permanent (retrying cannot change it).
 */
export function decideFailure(policy: RetryPolicy, attempt: number, opts: { permanent?: boolean; baseMs?: number } = {}): FailureDecision {
  if (opts.permanent) return { state: "dead", reason: "permanent" };
  if (attempt >= policy.maxAttempts) return { state: "dead", reason: "attempts" };
  return { state: "retry", delayMs: retryDelayMs(policy, attempt, opts.baseMs) };
}
