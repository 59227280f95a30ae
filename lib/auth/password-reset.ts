/**
 * "Forgot password?" (issue 17): a one-time link by email, valid 1 hour, that sets a new password.
 *
 * - requestPasswordReset: rate-limited per IP and per email (counted whether or not the account
 *   exists); for an ACTIVE account, a PasswordReset row (only the token's hash is stored) and the
 *   email, queued in the same transaction. The caller answers the same whatever happened, so the
 *   form never reveals whether an email has an account.
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

/** Asks for a reset link for `email`. "accepted" says nothing about whether the account exists. */
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

  await client.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, deactivatedAt: true } });
    // Unknown or deactivated: nothing is stored or sent (and the caller answers the same).
    if (!user || user.deactivatedAt) return;
    const { token, hash } = issueToken();
    const reset = await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + PASSWORD_RESET_VALID_MINUTES * 60_000), createdAt: now },
      select: { id: true },
    });
    const content = passwordResetEmail({ appUrl: input.appUrl, name: user.name, token, validMinutes: PASSWORD_RESET_VALID_MINUTES });
    await enqueueEmail(tx, { idempotencyKey: `password-reset:${reset.id}`, kind: "password-reset", to: [{ name: user.name, email: user.email }], ...content });
  });
  return { status: "accepted" };
}

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
    return { ok: true, email: link.email };
  });
}
