/**
 * Pure: the team's rules (issue 17, DESIGN "Team and calendars") — where an invitation stands,
 * which role changes and deactivations are allowed (the last active admin stays an active admin;
 * nobody deactivates themselves), and how a person's calendar connection reads. No clock, no
 * database: callers pass `now` and the counts they read under the team lock (lib/team/members.ts).
 */
import { tokenState } from "@/lib/auth/tokens";
import type { UserRole } from "@/lib/generated/prisma/enums";

/** An invitation link works this long after it was (re)sent. */
export const INVITATION_VALID_DAYS = 7;

/** Invitations (and resends) an admin may send per hour, and one email address may receive per day. */
export const INVITE_LIMIT_PER_ADMIN = { bucket: "invite:admin", limit: 30, windowMinutes: 60 } as const;
export const INVITE_LIMIT_PER_EMAIL = { bucket: "invite:email", limit: 5, windowMinutes: 24 * 60 } as const;

export type InvitationStatus = "pending" | "expired" | "accepted" | "revoked";

/** Where an invitation stands at `now`: accepted and revoked are final; otherwise pending until it expires. */
export function invitationStatus(row: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now: Date): InvitationStatus {
  const state = tokenState({ expiresAt: row.expiresAt, usedAt: row.acceptedAt, revokedAt: row.revokedAt }, now);
  return state === "valid" ? "pending" : state === "used" ? "accepted" : state;
}

/** When a link sent at `now` stops working. */
export function invitationExpiresAt(now: Date): Date {
  return new Date(now.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}

/** What /invite/<token> says for a link that cannot be used (unknown: no such link, or not a link at all). */
export const INVITATION_UNUSABLE_MESSAGES: Record<Exclude<InvitationStatus, "pending"> | "unknown", { title: string; body: string }> = {
  expired: { title: "This invitation has expired", body: "Invitation links work for 7 days. Ask the admin who invited you to send a new one." },
  accepted: { title: "This invitation has already been used", body: "An account was created with this link. Sign in with the email and password chosen then." },
  revoked: { title: "This invitation was withdrawn", body: "An admin revoked this invitation. Ask them if you still need an account." },
  unknown: { title: "This invitation link is not valid", body: "Check that you opened the whole link from the email, or ask the admin who invited you to send a new one." },
};

export type TeamTarget = { id: string; name: string; role: UserRole; isActive: boolean };

/**
 * Why `target` may not get `newRole`, or null when it may. `activeAdminCount` counts active admins
 * including the target (read under the team lock).
 */
export function roleChangeRefusal(target: TeamTarget, newRole: UserRole, activeAdminCount: number): string | null {
  if (target.role === newRole) return null;
  if (target.role === "ADMIN" && target.isActive && activeAdminCount <= 1) {
    return `${target.name} is the only active admin, so they must stay an admin. Make someone else an admin first.`;
  }
  return null;
}

/** Why `actorId` may not deactivate `target`, or null when they may (see roleChangeRefusal for the count). */
export function deactivationRefusal(actorId: string, target: TeamTarget, activeAdminCount: number): string | null {
  if (target.id === actorId) return "You cannot deactivate your own account. Ask another admin to do it.";
  if (target.role === "ADMIN" && target.isActive && activeAdminCount <= 1) {
    return `${target.name} is the only active admin and cannot be deactivated. Make someone else an admin first.`;
  }
  return null;
}

export type CalendarStatus = "not_connected" | "needs_reconnecting" | "connected";

export const CALENDAR_STATUS_LABELS: Record<CalendarStatus, string> = {
  not_connected: "Not connected",
  needs_reconnecting: "Needs reconnecting",
  connected: "Connected",
};

/** A person's calendar, from their CalendarConnection row (null: never connected). */
export function calendarStatus(connection: { grantStatus: string } | null): CalendarStatus {
  if (!connection) return "not_connected";
  return connection.grantStatus === "invalid" ? "needs_reconnecting" : "connected";
}
