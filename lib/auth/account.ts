/**
 * The signed-in user's own account (issue 17, /account): their name, and their password (the
 * current one required). A password change bumps User.sessionVersion, so every session signed in
 * before it ends at its next request (lib/auth/users.ts); the browser that made the change signs
 * in again with the new password (components/account/password-section.tsx). It also ends any
 * reset link still pending: a link asked for before the change must not undo it.
 *
 * The Prisma client is the last argument (the app's `db` by default) so integration tests can pass their own.
 */
import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeRequestLimit, type RequestLimit } from "@/lib/auth/request-limit";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/settings/audit";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** Password changes tried (right or wrong current password): 10 per 15 minutes per user, so a borrowed session cannot guess the current one. */
export const PASSWORD_CHANGE_LIMIT = { bucket: "password-change:user", limit: 10, windowMinutes: 15 } as const satisfies RequestLimit;

type Client = Pick<PrismaClient, "$transaction" | "user" | "passwordReset">;

/** Renames the user; returns the name stored. */
export async function updateOwnName(userId: string, name: string, client: Pick<PrismaClient, "user"> = db): Promise<string> {
  const user = await client.user.update({ where: { id: userId }, data: { name }, select: { name: true } });
  return user.name;
}

export type ChangePasswordResult =
  { ok: true } | { ok: false; reason: "wrong_password" } | { ok: false; reason: "changed_meanwhile" } | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

export async function changeOwnPassword(input: { userId: string; currentPassword: string; newPassword: string; now?: Date }, client: Client = db): Promise<ChangePasswordResult> {
  const now = input.now ?? new Date();
  const decision = await consumeRequestLimit(client, PASSWORD_CHANGE_LIMIT, input.userId, now);
  if (!decision.allowed) return { ok: false, reason: "rate_limited", retryAfterMinutes: decision.retryAfterMinutes };

  const user = await client.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true, email: true, name: true } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) return { ok: false, reason: "wrong_password" };
  const passwordHash = await hashPassword(input.newPassword);
  return client.$transaction(async (tx): Promise<ChangePasswordResult> => {
    // Only over the hash just checked: a change (or reset) made meanwhile is not overwritten.
    const updated = await tx.user.updateMany({ where: { id: input.userId, passwordHash: user.passwordHash, deactivatedAt: null }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    if (updated.count === 0) return { ok: false, reason: "changed_meanwhile" };
    await tx.passwordReset.updateMany({ where: { userId: input.userId, usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, { id: input.userId, email: user.email }, { entityType: "user", entityId: input.userId, entityLabel: user.name, action: "password_changed", changes: [] });
    return { ok: true };
  });
}
