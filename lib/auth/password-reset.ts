/**
 * "Forgot password?" (issue 17): a one-time link by email, valid 1 hour, that sets a new password.
 *
 * - requestPasswordReset: rate-limited per IP and per email (counted whether or not the account
 *   exists), then the same job for every email (passwordResetLinkJob): for an ACTIVE account it
 *   stores a PasswordReset row (only the token's hash) and queues the email in one transaction.
 *   The caller answers the same whatever happened, and does the same work, so neither the answer
 *   nor its timing reveals whether an email has an account.
 * - readPasswordReset: where a link stands (the reset page shows the form or says why not).
 * - resetPassword: claims the link atomically (a link works once, even under two submits), sets
 *   the new password, ends every other link of the person and bumps User.sessionVersion, so
 *   every existing session is signed out at its next request.
 *
 * The Prisma client is the last argument (the app's `db` by default) so integration tests can pass their own.
 */
import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { consumeRequestLimit, type RequestLimit } from "@/lib/auth/request-limit";
import { hashToken, isTokenShape, issueToken, tokenState } from "@/lib/auth/tokens";
import { enqueueEmail } from "@/lib/email/enqueue";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/settings/audit";
import { defineJobKind, enqueue } from "@/lib/jobs";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "@/lib/utils";
import type { ResetLinkProblem } from "@/lib/validations/account";
import { passwordResetEmail } from "./password-reset-email";

export const PASSWORD_RESET_VALID_MINUTES = 60;

/** Reset links asked for: 3 an hour per email (the inbox is not flooded), 20 an hour per IP address. */
export const RESET_REQUEST_LIMITS = {
  perIp: { bucket: "password-reset:ip", limit: 20, windowMinutes: 60 },
  perEmail: { bucket: "password-reset:email", limit: 3, windowMinutes: 60 },
} as const satisfies Record<string, RequestLimit>;

type Client = Pick<PrismaClient, "$transaction" | "passwordReset" | "user">;

export type ResetRequestResult = { status: "accepted" } | { status: "rate_limited"; retryAfterMinutes: number };

/**
 * Asks for a reset link for `email`. "accepted" says nothing about whether the account exists:
 * after the rate limits, the same thing happens for every email (one job queued, carrying the
 * email and the time of the request), so not even the response time tells; the job
 * (passwordResetLinkJob) looks the account up and sends the link.
 */
export async function requestPasswordReset(input: { email: string; ip: string; appUrl: string; now?: Date }, client: Client = db): Promise<ResetRequestResult> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  for (const [rule, key] of [
    [RESET_REQUEST_LIMITS.perIp, input.ip],
    [RESET_REQUEST_LIMITS.perEmail, email],
  ] as const) {
    const decision = await consumeRequestLimit(client, rule, key, now);
    if (!decision.allowed) return { status: "rate_limited", retryAfterMinutes: decision.retryAfterMinutes };
  }
  await client.$transaction((tx) => enqueue(tx, passwordResetLinkJob, { email, appUrl: input.appUrl, requestedAt: now.toISOString() }));
  return { status: "accepted" };
}

export type TPasswordResetLinkJob = { email: string; appUrl: string; requestedAt: string };

/**
 * The job's work: for an ACTIVE account, a PasswordReset row (only the token's hash is stored),
 * valid an hour from the request, and the email, in one transaction; for an unknown or
 * deactivated one, nothing. Returns whether a link was sent.
 */
export async function sendPasswordResetLink(payload: TPasswordResetLinkJob, client: Client = db): Promise<boolean> {
  const requestedAt = new Date(payload.requestedAt);
  return client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: payload.email }, select: { id: true, email: true, name: true, deactivatedAt: true } });
    if (!user || user.deactivatedAt) return false;
    const { token, hash } = issueToken();
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hash, expiresAt: new Date(requestedAt.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000), createdAt: requestedAt },
      select: { id: true },
    });
    const content = passwordResetEmail({ appUrl: payload.appUrl, name: user.name, token, validMinutes: PASSWORD_RESET_VALID_MINUTES });
    await enqueueEmail(tx, { idempotencyKey: `password-reset:${reset.id}`, kind: "password-reset", to: [{ name: user.name, email: user.email }], ...content });
    return true;
  });
}

/** "auth.password-reset-link": one per accepted "Forgot password?" request (registered in lib/workers.ts). */
export const passwordResetLinkJob = defineJobKind<TPasswordResetLinkJob>({
  name: "auth.password-reset-link",
  title: "Send password-reset links",
  concurrency: 1,
  retry: "standard",
  run: async (payload) => {
    await sendPasswordResetLink(payload);
  },
});

export type ResetLinkState = { state: "valid"; email: string } | { state: ResetLinkProblem };

type StoredReset = { expiresAt: Date; usedAt: Date | null; user: { email: string; deactivatedAt: Date | null } };

/** Pure: a stored link (or none) at `now`. A deactivated account's links are invalid. */
export function describeResetLink(row: StoredReset | null, now: Date): ResetLinkState {
  if (!row || row.user.deactivatedAt) return { state: "invalid" };
  const state = tokenState(row, now);
  if (state === "valid") return { state: "valid", email: row.user.email };
  return { state: state === "expired" ? "expired" : "used" };
}

const RESET_ROW_SELECT = { id: true, userId: true, expiresAt: true, usedAt: true, user: { select: { email: true, deactivatedAt: true } } } as const;

/** Where the link with this token stands: junk never reaches the database. */
export async function readPasswordReset(token: unknown, now: Date = new Date(), client: Pick<PrismaClient, "passwordReset"> = db): Promise<ResetLinkState> {
  if (!isTokenShape(token)) return { state: "invalid" };
  const row = await client.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: RESET_ROW_SELECT });
  return describeResetLink(row, now);
}

export type ResetPasswordResult = { ok: true; email: string } | { ok: false; problem: ResetLinkProblem };

/** Sets a new password through a reset link; the link, and every other link of the person, is used up. */
export async function resetPassword(input: { token: string; newPassword: string; now?: Date }, client: Client = db): Promise<ResetPasswordResult> {
  const now = input.now ?? new Date();
  if (!isTokenShape(input.token)) return { ok: false, problem: "invalid" };
  // A read first: a link that cannot be used costs no password hashing (strangers must not be able
  // to spend scrypt with made-up tokens). The claim in the transaction decides.
  const current = await readPasswordReset(input.token, now, client);
  if (current.state !== "valid") return { ok: false, problem: current.state };
  // Hashed before the transaction: scrypt takes tens of milliseconds, no lock is held meanwhile.
  const passwordHash = await hashPassword(input.newPassword);
  return client.$transaction(async (tx): Promise<ResetPasswordResult> => {
    const row = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(input.token) }, select: RESET_ROW_SELECT });
    const link = describeResetLink(row, now);
    if (!row || link.state !== "valid") return { ok: false, problem: link.state === "valid" ? "invalid" : link.state };
    // The claim: only one of two concurrent submits of the same link gets the row.
    const claimed = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) return { ok: false, problem: "used" };
    const updated = await tx.user.updateMany({ where: { id: row.userId, deactivatedAt: null }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Deactivated since the read: the link is spent, the password stays.
    if (updated.count === 0) return { ok: false, problem: "invalid" };
    await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, { id: row.userId, email: link.email }, { entityType: "user", entityId: row.userId, entityLabel: link.email, action: "password_reset", changes: [] });
    return { ok: true, email: link.email };
  });
}
