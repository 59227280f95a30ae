/**
 * Sign-in rate limiting: the pure decision. The database side (recording attempts, reading recent
 * failures) is lib/auth/login-attempts.ts; state lives in Postgres so the limit holds across app
 * instances.
 *
 * Rule: refuse when the email has >= maxFailures failed attempts in the last windowMinutes, or the
 * IP address has >= maxFailures x IP_FAILURE_MULTIPLIER. maxFailures = 0 turns the limiter off.
 */

/** An IP address may fail this many times more often than one email (offices share an address). */
export const IP_FAILURE_MULTIPLIER = 5;

export type RateLimitPolicy = { maxFailures: number; windowMinutes: number };

export type RateLimitScope = "email" | "ip";

export type RateLimitDecision = { allowed: true } | { allowed: false; scope: RateLimitScope; retryAt: Date; retryAfterMinutes: number };

export type RateLimitInput = {
  now: Date;
  policy: RateLimitPolicy;
  /** Times of failed attempts for this email; any order, may include ones outside the window. */
  emailFailures: readonly Date[];
  /** Times of failed attempts from this IP address; any order. */
  ipFailures: readonly Date[];
};

/** How many failures each scope allows before refusing, and so how many rows the db layer needs. */
export function getFailureLimits(policy: RateLimitPolicy): Record<RateLimitScope, number> {
  return { email: policy.maxFailures, ip: policy.maxFailures * IP_FAILURE_MULTIPLIER };
}

/** Start of the window: failures strictly after this instant count. */
export function getWindowStart(now: Date, policy: RateLimitPolicy): Date {
  return new Date(now.getTime() - policy.windowMinutes * 60_000);
}

/** When the scope is blocked, the instant it unblocks: the limit-th newest failure leaves the window. */
function blockedUntil(failures: readonly Date[], limit: number, now: Date, policy: RateLimitPolicy): Date | null {
  if (limit <= 0) return null;
  const windowStart = getWindowStart(now, policy).getTime();
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > windowStart && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < limit) return null;
  const pivot = recent[limit - 1]!;
  return new Date(pivot + policy.windowMinutes * 60_000);
}

/** Decides whether a sign-in attempt may proceed. Pure: no clock, no database. */
export function decideLoginRateLimit(input: RateLimitInput): RateLimitDecision {
  const { now, policy } = input;
  if (policy.maxFailures <= 0 || policy.windowMinutes <= 0) return { allowed: true };
  const limits = getFailureLimits(policy);
  const candidates: Array<{ scope: RateLimitScope; until: Date }> = [];
  const emailUntil = blockedUntil(input.emailFailures, limits.email, now, policy);
  if (emailUntil) candidates.push({ scope: "email", until: emailUntil });
  const ipUntil = blockedUntil(input.ipFailures, limits.ip, now, policy);
  if (ipUntil) candidates.push({ scope: "ip", until: ipUntil });
  if (candidates.length === 0) return { allowed: true };
  // Both blocked: report the later unblock time, the one the user actually has to wait for.
  const worst = candidates.reduce((a, b) => (b.until.getTime() > a.until.getTime() ? b : a));
  const retryAfterMinutes = Math.max(1, Math.ceil((worst.until.getTime() - now.getTime()) / 60_000));
  return { allowed: false, scope: worst.scope, retryAt: worst.until, retryAfterMinutes };
}
