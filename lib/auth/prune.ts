/**
 * "auth.prune" (daily): the sign-in and link records only matter for a while, and some are written
 * by strangers (every "Forgot password?" request counts against a rate limit), so they are deleted
 * once nothing can use them:
 * - login attempts after 30 days (the limiter looks back minutes; the rest is for investigating),
 * - rate-limit counts after 2 days (the longest window is a day),
 * - "Connect calendar" states and the sandbox's OAuth codes a day after they expired,
 * - password-reset links 30 days after they expired (used or not).
 * Invitations stay: the team page and the audit log refer to them.
 */
import "server-only";
import { db } from "@/lib/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { defineJobKind } from "@/lib/jobs";

const DAY_MS = 24 * 60 * 60 * 1000;

export const AUTH_RECORD_RETENTION_DAYS = { loginAttempts: 30, rateLimitEvents: 2, connectStates: 1, sandboxOAuthCodes: 1, passwordResets: 30 } as const;

type Client = Pick<PrismaClient, "loginAttempt" | "rateLimitEvent" | "calendarConnectState" | "sandboxOAuthCode" | "passwordReset">;

export type TPrunedAuthRecords = Record<keyof typeof AUTH_RECORD_RETENTION_DAYS, number>;

/** Deletes what has outlived its use (see above); returns how many rows of each went. */
export async function pruneAuthRecords(now: Date = new Date(), client: Client = db): Promise<TPrunedAuthRecords> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const days = AUTH_RECORD_RETENTION_DAYS;
  const [loginAttempts, rateLimitEvents, connectStates, sandboxOAuthCodes, passwordResets] = await Promise.all([
    client.loginAttempt.deleteMany({ where: { createdAt: { lt: before(days.loginAttempts) } } }),
    client.rateLimitEvent.deleteMany({ where: { createdAt: { lt: before(days.rateLimitEvents) } } }),
    client.calendarConnectState.deleteMany({ where: { expiresAt: { lt: before(days.connectStates) } } }),
    client.sandboxOAuthCode.deleteMany({ where: { expiresAt: { lt: before(days.sandboxOAuthCodes) } } }),
    client.passwordReset.deleteMany({ where: { expiresAt: { lt: before(days.passwordResets) } } }),
  ]);
  return {
    loginAttempts: loginAttempts.count,
    rateLimitEvents: rateLimitEvents.count,
    connectStates: connectStates.count,
    sandboxOAuthCodes: sandboxOAuthCodes.count,
    passwordResets: passwordResets.count,
  };
}

export const authPruneJob = defineJobKind<{ scheduledFor?: string }>({
  name: "auth.prune",
  title: "Delete old sign-in attempts, rate-limit counts and spent links",
  concurrency: 1,
  retry: "maintenance",
  schedule: "30 3 * * *",
  run: async () => {
    await pruneAuthRecords();
  },
});
