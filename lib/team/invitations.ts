/**
 * Invitations (issue 17, DESIGN "Team and calendars"): an admin invites an email with a role; the
 * email (lib/team/emails.ts, queued with enqueueEmail in the same transaction) carries a one-time
 * link to /invite/<token>, valid 7 days, whose token is stored only as its SHA-256. Resend issues
 * a new token and expiry (the old link stops working); revoke ends it. Accepting creates the
 * account with the invitation's role, links the panel member with that email, and marks the
 * invitation accepted — once: the claim is one conditional UPDATE, so two tabs cannot both create.
 * Every change is audited in its own transaction.
 *
 * Invites and resends are rate-limited per admin and per email (lib/auth/request-limit.ts).
 * Work on one email is serialised by an advisory lock, so two admins cannot both invite it.
 */
import "server-only";
import { actionError } from "@/lib/actions/state";
import { hashPassword } from "@/lib/auth/password";
import { consumeRequestLimit, type RequestLimit } from "@/lib/auth/request-limit";
import { hashToken, isTokenShape, issueToken } from "@/lib/auth/tokens";
import { getRoleLabel } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { diffFields } from "@/lib/settings/diff";
import { normalizeEmail } from "@/lib/utils";
import type { TAcceptInvitation, TAcceptInvitationState, TInvite, TInviteState, TTeamRowState } from "@/lib/validations/team";
import { invitationEmail } from "./emails";
import { linkInterviewersByEmail } from "./link-interviewer";
import { INVITE_LIMIT_PER_ADMIN, INVITE_LIMIT_PER_EMAIL, invitationExpiresAt, invitationStatus, type InvitationStatus } from "./rules";

type Tx = Prisma.TransactionClient;
export type TeamActor = AuditActor & { name: string };

/** Serialises everything done to one email's invitations (and the account it may become). */
async function lockEmail(tx: Tx, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`invite:${email}`}, 0))`;
}

/** Both limits, the admin's first; null when allowed, else the message. */
async function checkInviteLimits(actorId: string, email: string, now: Date): Promise<string | null> {
  const limits: [RequestLimit, string][] = [
    [INVITE_LIMIT_PER_ADMIN, actorId],
    [INVITE_LIMIT_PER_EMAIL, email],
  ];
  for (const [rule, key] of limits) {
    const decision = await consumeRequestLimit(db, rule, key, now);
    if (!decision.allowed) {
      const who = rule === INVITE_LIMIT_PER_ADMIN ? "You have sent too many invitations" : `${email} has been sent too many invitations`;
      return `${who} in a short time. Try again in ${decision.retryAfterMinutes} minute${decision.retryAfterMinutes === 1 ? "" : "s"}.`;
    }
  }
  return null;
}

async function queueInvitationEmail(tx: Tx, invitation: { id: string; email: string; role: UserRole; sendCount: number }, token: string, inviterName: string, expiresAt: Date): Promise<void> {
  const content = invitationEmail({ appUrl: getEnv().APP_URL, token, role: invitation.role, inviterName, expiresAt });
  await enqueueEmail(tx, { idempotencyKey: `invitation:${invitation.id}:${invitation.sendCount}`, kind: "invitation", to: [{ email: invitation.email }], ...content });
}

const pendingWhere = (email: string, now: Date): Prisma.InvitationWhereInput => ({ email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/** Why `email` cannot be invited now (an account, a pending invitation), or null. */
async function inviteRefusal(client: Pick<Tx, "user" | "invitation">, email: string, now: Date): Promise<Extract<TInviteState, { status: "error" }> | null> {
  const user = await client.user.findUnique({ where: { email }, select: { deactivatedAt: true } });
  if (user) {
    const extra = user.deactivatedAt ? " It is deactivated: reactivate it in the list below instead." : " Change their role in the list below instead.";
    return actionError(`${email} already has an account.${extra}`, { email: "This email already has an account." });
  }
  const pending = await client.invitation.findFirst({ where: pendingWhere(email, now), select: { id: true, role: true } });
  if (pending)
    return {
      // The role it carries is said: resending keeps it (revoke and invite again for another role).
      ...actionError(`${email} already has a pending invitation as ${getRoleLabel(pending.role)}. Resend it instead of inviting again, or revoke it and invite again with another role.`, {
        email: "This email already has a pending invitation.",
      }),
      pendingInvitationId: pending.id,
    };
  return null;
}

/** "Send invitation": refuses an email with an account or a pending invitation, then invites and emails the link. */
export async function createInvitation(actor: TeamActor, input: TInvite, now: Date = new Date()): Promise<TInviteState> {
  const email = normalizeEmail(input.email);
  // A cheap first look, so an obvious refusal does not count against the limits.
  const early = await inviteRefusal(db, email, now);
  if (early) return early;
  const limited = await checkInviteLimits(actor.id, email, now);
  if (limited) return actionError(limited);

  return db.$transaction(async (tx) => {
    await lockEmail(tx, email);
    const refusal = await inviteRefusal(tx, email, now);
    if (refusal) return refusal;
    // An expired invitation to the same email is replaced by this one (revoked), so the list shows one row per person.
    await tx.invitation.updateMany({ where: { email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const { token, hash } = issueToken();
    const expiresAt = invitationExpiresAt(now);
    const invitation = await tx.invitation.create({
      data: { email, role: input.role, tokenHash: hash, invitedById: actor.id, expiresAt, lastSentAt: now, createdAt: now },
      select: { id: true, email: true, role: true, sendCount: true },
    });
    await queueInvitationEmail(tx, invitation, token, actor.name, expiresAt);
    await recordAudit(tx, actor, {
      entityType: "invitation",
      entityId: invitation.id,
      entityLabel: email,
      action: "invited",
      changes: diffFields({}, { email, role: getRoleLabel(input.role) }, { email: "Email", role: "Role" }),
    });
    return { status: "success", message: `Invitation sent to ${email}. The link works for 7 days.` } as const;
  });
}

/** The invitation under a row lock, with its status; null when it does not exist. */
async function lockInvitation(tx: Tx, id: string, now: Date) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM invitations WHERE id = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) return null;
  const row = await tx.invitation.findUniqueOrThrow({ where: { id }, select: { id: true, email: true, role: true, sendCount: true, expiresAt: true, acceptedAt: true, revokedAt: true } });
  return { ...row, status: invitationStatus(row, now) };
}

const FINAL_MESSAGES: Partial<Record<InvitationStatus, string>> = {
  accepted: "This invitation has already been accepted: the account is in the list below.",
  revoked: "This invitation was revoked. Invite the email again if you still want to.",
};

/** "Resend": a new link (the old one stops working) valid 7 days from now, emailed again. Pending or expired invitations only. */
export async function resendInvitation(actor: TeamActor, id: string, now: Date = new Date()): Promise<TTeamRowState> {
  const current = await db.invitation.findUnique({ where: { id }, select: { email: true } });
  if (!current) return actionError("This invitation no longer exists. Refresh the page.");
  const limited = await checkInviteLimits(actor.id, current.email, now);
  if (limited) return actionError(limited);

  return db.$transaction(async (tx) => {
    await lockEmail(tx, current.email);
    const row = await lockInvitation(tx, id, now);
    if (!row) return actionError("This invitation no longer exists. Refresh the page.");
    const final = FINAL_MESSAGES[row.status];
    if (final) return actionError(final);
    if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) return actionError(`${row.email} already has an account. Revoke this invitation.`);
    const { token, hash } = issueToken();
    const expiresAt = invitationExpiresAt(now);
    const updated = await tx.invitation.update({
      where: { id },
      data: { tokenHash: hash, expiresAt, sendCount: { increment: 1 }, lastSentAt: now },
      select: { id: true, email: true, role: true, sendCount: true },
    });
    await queueInvitationEmail(tx, updated, token, actor.name, expiresAt);
    await recordAudit(tx, actor, {
      entityType: "invitation",
      entityId: id,
      entityLabel: row.email,
      action: "invitation_resent",
      changes: diffFields({ expiresAt: row.expiresAt.toISOString() }, { expiresAt: expiresAt.toISOString() }, { expiresAt: "Link valid until" }),
    });
    return { status: "success", message: `Sent again to ${row.email} with a new link, valid for 7 days.` } as const;
  });
}

/** "Revoke": the link stops working. Pending or expired invitations only. */
export async function revokeInvitation(actor: TeamActor, id: string, now: Date = new Date()): Promise<TTeamRowState> {
  return db.$transaction(async (tx) => {
    const row = await lockInvitation(tx, id, now);
    if (!row) return actionError("This invitation no longer exists. Refresh the page.");
    const final = FINAL_MESSAGES[row.status];
    if (final) return actionError(final);
    await tx.invitation.update({ where: { id }, data: { revokedAt: now } });
    await recordAudit(tx, actor, { entityType: "invitation", entityId: id, entityLabel: row.email, action: "invitation_revoked", changes: [] });
    return { status: "success", message: `Invitation to ${row.email} revoked.` } as const;
  });
}

export type InvitationForToken = { status: "pending"; email: string; role: UserRole } | { status: Exclude<InvitationStatus, "pending"> | "unknown" };

/** What /invite/<token> shows: the invitation's email and role while it is pending, else why not. */
export async function getInvitationForToken(token: unknown, now: Date = new Date()): Promise<InvitationForToken> {
  if (!isTokenShape(token)) return { status: "unknown" };
  const row = await db.invitation.findUnique({ where: { tokenHash: hashToken(token) }, select: { email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true } });
  if (!row) return { status: "unknown" };
  const status = invitationStatus(row, now);
  return status === "pending" ? { status, email: row.email, role: row.role } : { status };
}

class AcceptRefused extends Error {}

const ACCEPT_REFUSED: Record<Exclude<InvitationStatus, "pending"> | "unknown", string> = {
  expired: "This invitation has expired. Ask the admin who invited you to send a new one.",
  accepted: "This invitation has already been used. Sign in instead.",
  revoked: "This invitation was withdrawn by an admin.",
  unknown: "This invitation link is not valid.",
};

/**
 * "Create account": claims the invitation (one conditional UPDATE: pending → accepted), creates the
 * user with its role, links the panel member with that email, audits — all in one transaction, so
 * a refusal (an account made meanwhile) leaves the invitation pending.
 */
export async function acceptInvitation(input: TAcceptInvitation, now: Date = new Date()): Promise<TAcceptInvitationState> {
  const tokenHash = hashToken(input.token);
  // A read first: a link that cannot be accepted costs no password hashing (scrypt is deliberately
  // expensive; strangers must not be able to spend it with made-up tokens). The claim below decides.
  const pending = await db.invitation.findUnique({ where: { tokenHash }, select: { expiresAt: true, acceptedAt: true, revokedAt: true } });
  const pendingStatus = pending ? invitationStatus(pending, now) : "unknown";
  if (pendingStatus !== "pending") return actionError(ACCEPT_REFUSED[pendingStatus]);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.invitation.updateMany({ where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
      const row = await tx.invitation.findUnique({ where: { tokenHash }, select: { id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true } });
      if (claimed.count !== 1 || !row) {
        const status = row ? invitationStatus(row, now) : "unknown";
        throw new AcceptRefused(status === "pending" ? ACCEPT_REFUSED.unknown : ACCEPT_REFUSED[status]);
      }
      await lockEmail(tx, row.email);
      if (await tx.user.findUnique({ where: { email: row.email }, select: { id: true } })) throw new AcceptRefused(`An account for ${row.email} already exists. Sign in instead.`);
      const user = await tx.user.create({ data: { email: row.email, name: input.name, role: row.role, passwordHash, createdAt: now }, select: { id: true, email: true } });
      await tx.invitation.update({ where: { id: row.id }, data: { userId: user.id } });
      await linkInterviewersByEmail(tx, row.email);
      await recordAudit(
        tx,
        { id: user.id, email: user.email },
        {
          entityType: "user",
          entityId: user.id,
          entityLabel: input.name,
          action: "invitation_accepted",
          changes: diffFields({}, { name: input.name, email: user.email, role: getRoleLabel(row.role) }, { name: "Name", email: "Email", role: "Role" }),
        },
      );
      return { status: "success", message: "Your account is ready. Signing you in…", email: user.email } as const;
    });
  } catch (error) {
    if (error instanceof AcceptRefused) return actionError(error.message);
    throw error;
  }
}
