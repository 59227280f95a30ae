/**
 * The team (issue 17): every user with role, status, calendar and last sign-in, the invitations
 * still open, and the admin's changes to a person — role, deactivate, reactivate.
 *
 * The last active admin stays one (lib/team/rules.ts): a demotion or deactivation takes the team
 * lock (one advisory lock for every change that can lower the number of active admins) and counts
 * the active admins under it, so two admins demoting each other at once cannot both succeed.
 * Deactivating also bumps the user's session version, so their sessions end at their next request
 * (lib/auth/users.ts findSessionUserById); credentials.ts refuses their sign-in.
 */
import "server-only";
import { actionError } from "@/lib/actions/state";
import { getRoleLabel } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { diffFields } from "@/lib/settings/diff";
import type { TTeamRowState } from "@/lib/validations/team";
import { calendarStatus, deactivationRefusal, invitationStatus, roleChangeRefusal, type CalendarStatus, type InvitationStatus, type TeamTarget } from "./rules";

type Tx = Prisma.TransactionClient;

export type TeamUserRow = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  isActive: boolean;
  calendar: CalendarStatus;
  calendarEmail: string | null;
  lastLoginAt: Date | null;
};

export type TeamInvitationRow = {
  id: string;
  email: string;
  role: UserRole;
  status: Extract<InvitationStatus, "pending" | "expired">;
  expiresAt: Date;
  lastSentAt: Date;
  sendCount: number;
  invitedBy: string | null;
};

/**
 * Everyone, active first, then by name; and the invitations neither accepted nor revoked, newest
 * first. A calendar connection counts only at the Nylas environment the portal talks to now (after
 * switching sandbox → live, a sandbox-era connection reads "Not connected").
 */
export async function listTeam(now: Date = new Date()): Promise<{ users: TeamUserRow[]; invitations: TeamInvitationRow[] }> {
  const apiUri = getEnv().nylasApiUri;
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      orderBy: [{ name: "asc" }, { email: "asc" }],
      select: { id: true, name: true, email: true, role: true, deactivatedAt: true, lastLoginAt: true, calendarConnection: { select: { grantStatus: true, email: true, apiUri: true } } },
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null },
      orderBy: [{ lastSentAt: "desc" }, { id: "asc" }],
      take: 200,
      select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, lastSentAt: true, sendCount: true, invitedBy: { select: { name: true } } },
    }),
  ]);
  return {
    users: users
      .map((u) => {
        const connection = u.calendarConnection?.apiUri === apiUri ? u.calendarConnection : null;
        return {
          id: u.id,
          name: u.name,
          email: u.email,
          role: u.role,
          isActive: !u.deactivatedAt,
          calendar: calendarStatus(connection),
          calendarEmail: connection?.email ?? null,
          lastLoginAt: u.lastLoginAt,
        };
      })
      .sort((a, b) => Number(b.isActive) - Number(a.isActive)),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      status: invitationStatus(i, now) === "expired" ? "expired" : "pending",
      expiresAt: i.expiresAt,
      lastSentAt: i.lastSentAt,
      sendCount: i.sendCount,
      invitedBy: i.invitedBy?.name ?? null,
    })),
  };
}

/** Takes the team lock and the target's row lock; returns the target and the active admins counted under them. */
async function lockTeam(tx: Tx, userId: string): Promise<{ target: TeamTarget & { email: string }; activeAdminCount: number } | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('team:admins', 0))`;
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, deactivatedAt: true } });
  const activeAdminCount = await tx.user.count({ where: { role: "ADMIN", deactivatedAt: null } });
  return { target: { id: user.id, name: user.name, email: user.email, role: user.role, isActive: !user.deactivatedAt }, activeAdminCount };
}

const GONE = "This user no longer exists. Refresh the page.";

/** A row's "Change role". */
export async function changeUserRole(actor: AuditActor, userId: string, role: UserRole): Promise<TTeamRowState> {
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, userId);
    if (!team) return actionError(GONE);
    const { target, activeAdminCount } = team;
    if (target.role === role) return { status: "success", message: `${target.name} is already ${getRoleLabel(role)}.` } as const;
    const refusal = roleChangeRefusal(target, role, activeAdminCount);
    if (refusal) return actionError(refusal);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, {
      entityType: "user",
      entityId: userId,
      entityLabel: target.name,
      action: "role_changed",
      changes: diffFields({ role: getRoleLabel(target.role) }, { role: getRoleLabel(role) }, { role: "Role" }),
    });
    return { status: "success", message: `${target.name} is now ${getRoleLabel(role)}.` } as const;
  });
}

/** A row's "Deactivate" (sessions end, sign-in refused) or "Reactivate". */
export async function setUserActive(actor: AuditActor, userId: string, active: boolean, now: Date = new Date()): Promise<TTeamRowState> {
  return db.$transaction(async (tx) => {
    const team = await lockTeam(tx, userId);
    if (!team) return actionError(GONE);
    const { target, activeAdminCount } = team;
    if (target.isActive === active) return { status: "success", message: `${target.name} is already ${active ? "active" : "deactivated"}.` } as const;
    if (!active) {
      const refusal = deactivationRefusal(actor.id, target, activeAdminCount);
      if (refusal) return actionError(refusal);
    }
    await tx.user.update({ where: { id: userId }, data: active ? { deactivatedAt: null } : { deactivatedAt: now, sessionVersion: { increment: 1 } } });
    // Their pending reset links end too: reactivation must not bring a link from before it back.
    if (!active) await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
    await recordAudit(tx, actor, {
      entityType: "user",
      entityId: userId,
      entityLabel: target.name,
      action: active ? "reactivated" : "deactivated",
      changes: diffFields({ status: target.isActive ? "Active" : "Deactivated" }, { status: active ? "Active" : "Deactivated" }, { status: "Status" }),
    });
    return { status: "success", message: active ? `${target.name} is active again and can sign in.` : `${target.name} is deactivated and signed out everywhere.` } as const;
  });
}
