/**
 * Rate limits on requests that send email or create things (invitations, password-reset links):
 * each allowed request is a RateLimitEvent row (bucket, key); a request is refused when the key
 * already has `limit` rows in the window. Counting and recording happen in one transaction under a
 * per-(bucket, key) advisory lock, so concurrent requests cannot both slip under the limit, and
 * the limit holds across app instances. Sign-in has its own limiter (login-attempts.ts), which
 * counts failures rather than requests.
 *
 * Takes the Prisma client as an argument (no "server-only") so integration tests can pass their own.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type RequestLimit = { bucket: string; limit: number; windowMinutes: number };

export type RequestLimitDecision = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Pure: given the times of the key's recent allowed requests, may one more go now? */
export function decideRequestLimit(recent: readonly Date[], rule: Omit<RequestLimit, "bucket">, now: Date): RequestLimitDecision {
  if (rule.limit <= 0) return { allowed: true };
  const windowMs = rule.windowMinutes * 60_000;
  const inWindow = recent
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - windowMs && t <= now.getTime())
    .sort((a, b) => b - a);
  if (inWindow.length < rule.limit) return { allowed: true };
  const freesAt = inWindow[rule.limit - 1]! + windowMs;
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((freesAt - now.getTime()) / 60_000)) };
}

/**
 * Counts the request against `key` in `rule.bucket` if it is allowed (and records it); refused
 * requests are not recorded, so waiting always helps. `key` is e.g. a normalised email, an IP
 * address or a user id.
 */
export async function consumeRequestLimit(client: Pick<PrismaClient, "$transaction">, rule: RequestLimit, key: string, now: Date = new Date()): Promise<RequestLimitDecision> {
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rate:${rule.bucket}:${key}`}, 0))`;
    const rows = await tx.rateLimitEvent.findMany({
      where: { bucket: rule.bucket, key, createdAt: { gt: new Date(now.getTime() - rule.windowMinutes * 60_000) } },
      orderBy: { createdAt: "desc" },
      take: Math.max(rule.limit, 1),
      select: { createdAt: true },
    });
    const decision = decideRequestLimit(
      rows.map((r) => r.createdAt),
      rule,
      now,
    );
    if (decision.allowed) await tx.rateLimitEvent.create({ data: { bucket: rule.bucket, key, createdAt: now }, select: { id: true } });
    return decision;
  });
}
