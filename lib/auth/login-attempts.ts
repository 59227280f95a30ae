/**
 * The database side of sign-in rate limiting: every attempt is a LoginAttempt row; the decision
 * itself is the pure decideLoginRateLimit (lib/auth/rate-limit.ts).
 *
 * Takes the Prisma client as an argument (no "server-only" import) so integration tests can pass
 * their own; app code passes `db`.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { decideLoginRateLimit, getFailureLimits, getWindowStart, type RateLimitDecision, type RateLimitPolicy } from "@/lib/auth/rate-limit";

type LoginAttemptClient = Pick<PrismaClient, "loginAttempt">;

async function listRecentFailures(client: LoginAttemptClient, where: { email: string } | { ip: string }, since: Date, now: Date, limit: number): Promise<Date[]> {
  if (limit <= 0) return [];
  // Only the newest `limit` failures matter: the limit-th newest decides when the block ends.
  const rows = await client.loginAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gt: since, lte: now } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { createdAt: true },
  });
  return rows.map((row) => row.createdAt);
}

/** Reads the recent failures for this email and IP and decides whether to allow the attempt. */
export async function checkLoginRateLimit(client: LoginAttemptClient, input: { email: string; ip: string; now: Date; policy: RateLimitPolicy }): Promise<RateLimitDecision> {
  const { email, ip, now, policy } = input;
  if (policy.maxFailures <= 0) return { allowed: true };
  const since = getWindowStart(now, policy);
  const limits = getFailureLimits(policy);
  const [emailFailures, ipFailures] = await Promise.all([listRecentFailures(client, { email }, since, now, limits.email), listRecentFailures(client, { ip }, since, now, limits.ip)]);
  return decideLoginRateLimit({ now, policy, emailFailures, ipFailures });
}

/** Records one sign-in attempt (refused ones too, as failures). `email` must be normalised. */
export async function recordLoginAttempt(client: LoginAttemptClient, attempt: { email: string; ip: string; succeeded: boolean; at?: Date }): Promise<void> {
  await client.loginAttempt.create({
    data: { email: attempt.email, ip: attempt.ip, succeeded: attempt.succeeded, ...(attempt.at ? { createdAt: attempt.at } : {}) },
    select: { id: true },
  });
}
