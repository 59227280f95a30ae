/**
 * The team on real Postgres (issue 17): an invitation becomes an account that signs in
 * (authenticateWithPassword, what the credentials provider runs); the emailed link is single use,
 * expires, and stops working when resent or revoked; the account is linked to the panel member
 * with its email; deactivation ends an existing session (findSessionUserById) and refuses sign-in;
 * the last active admin stays one even when two admins demote each other at the same moment.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { findSessionUserById } from "@/lib/auth/users";
import { acceptInvitation, createInvitation, getInvitationForToken, resendInvitation, revokeInvitation } from "@/lib/team/invitations";
import { linkInterviewersByEmail } from "@/lib/team/link-interviewer";
import { changeUserRole, listTeam, setUserActive } from "@/lib/team/members";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });
const POLICY = { maxFailures: 5, windowMinutes: 15 };
const PASSWORD = "a-long-enough-password";

type Admin = { id: string; email: string; name: string };
let admin: Admin;

async function createUser(role: "ADMIN" | "RECRUITER" | "INTERVIEWER", name = "Someone"): Promise<Admin> {
  const email = `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@team-test.example`;
  return prisma.user.create({ data: { email, name, role, passwordHash: await hashPassword(PASSWORD) }, select: { id: true, email: true, name: true } });
}

/** The token in the newest invitation email to `email` (what the person clicks). */
async function tokenSentTo(email: string): Promise<string> {
  const emails = await prisma.outgoingEmail.findMany({ where: { kind: "invitation" }, orderBy: { createdAt: "desc" } });
  const mine = emails.find((e) => JSON.stringify(e.to).includes(email));
  expect(mine, `an invitation email to ${email}`).toBeTruthy();
  const match = /\/invite\/([A-Za-z0-9_-]{43})/.exec(mine!.text);
  expect(match).toBeTruthy();
  expect(mine!.html).toContain(`/invite/${match![1]}`);
  return match![1]!;
}

const signIn = (email: string, password = PASSWORD) => authenticateWithPassword(prisma, { credentials: { email, password }, ip: "203.0.113.7", now: new Date(), policy: POLICY });

beforeEach(async () => {
  admin = await createUser("ADMIN", "Ada Admin");
});

describe("invitation → account → sign-in", () => {
  it("creates the account with the invitation's role, marks it accepted, and the password signs in", async () => {
    const email = "Rita.Recruiter@Example.org";
    expect(await createInvitation(admin, { email, role: "RECRUITER" })).toMatchObject({ status: "success" });
    const token = await tokenSentTo("rita.recruiter@example.org");
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: "rita.recruiter@example.org" } });
    // Only the hash is stored.
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation.expiresAt.getTime() - invitation.lastSentAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);
    expect(await getInvitationForToken(token)).toEqual({ status: "pending", email: "rita.recruiter@example.org", role: "RECRUITER" });

    const accepted = await acceptInvitation({ token, name: "Rita Recruiter", password: PASSWORD });
    expect(accepted).toMatchObject({ status: "success", email: "rita.recruiter@example.org" });
    const result = await signIn("rita.recruiter@example.org");
    expect(result).toMatchObject({ ok: true, user: { email: "rita.recruiter@example.org", name: "Rita Recruiter", role: "RECRUITER" } });

    const after = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after.acceptedAt).not.toBeNull();
    expect(after.userId).toBe(result.ok ? result.user.id : null);
    const audit = await prisma.auditLog.findMany({ where: { OR: [{ entityId: invitation.id }, { entityId: after.userId! }] }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["invited", "invitation_accepted"]);
  });

  it("is single use: a second accept (another tab) creates nothing and says it was used", async () => {
    await createInvitation(admin, { email: "twice@example.org", role: "INTERVIEWER" });
    const token = await tokenSentTo("twice@example.org");
    const [a, b] = await Promise.all([acceptInvitation({ token, name: "First", password: PASSWORD }), acceptInvitation({ token, name: "Second", password: PASSWORD })]);
    expect([a.status, b.status].sort()).toEqual(["error", "success"]);
    expect(await prisma.user.count({ where: { email: "twice@example.org" } })).toBe(1);
    expect(await acceptInvitation({ token, name: "Third", password: PASSWORD })).toMatchObject({ status: "error", message: "This invitation has already been used. Sign in instead." });
    expect(await getInvitationForToken(token)).toEqual({ status: "accepted" });
  });

  it("links the account to the panel member with that email", async () => {
    const interviewer = await prisma.interviewer.create({ data: { name: "Pat Panel", email: "pat.panel@example.org", timezone: "UTC" } });
    await createInvitation(admin, { email: "PAT.PANEL@example.org", role: "INTERVIEWER" });
    await acceptInvitation({ token: await tokenSentTo("pat.panel@example.org"), name: "Pat Panel", password: PASSWORD });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "pat.panel@example.org" } });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: interviewer.id } })).userId).toBe(user.id);
  });

  it("refuses an expired link, and one for an email that got an account meanwhile (leaving it pending)", async () => {
    await createInvitation(admin, { email: "late@example.org", role: "RECRUITER" });
    const token = await tokenSentTo("late@example.org");
    const eightDays = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await acceptInvitation({ token, name: "Late", password: PASSWORD }, eightDays)).toMatchObject({ status: "error", message: expect.stringContaining("expired") });
    expect(await getInvitationForToken(token, eightDays)).toEqual({ status: "expired" });
    // Inviting again once it expired: a new invitation replaces the expired one (one row in the list).
    expect(await createInvitation(admin, { email: "late@example.org", role: "RECRUITER" }, eightDays)).toMatchObject({ status: "success" });
    expect((await listTeam(eightDays)).invitations.filter((i) => i.email === "late@example.org")).toMatchObject([{ status: "pending" }]);
    expect(await getInvitationForToken(token, eightDays)).toEqual({ status: "revoked" });

    await createInvitation(admin, { email: "raced@example.org", role: "RECRUITER" });
    const raced = await tokenSentTo("raced@example.org");
    await prisma.user.create({ data: { email: "raced@example.org", name: "Made by the CLI", role: "ADMIN", passwordHash: "x" } });
    expect(await acceptInvitation({ token: raced, name: "Raced", password: PASSWORD })).toMatchObject({ status: "error", message: expect.stringContaining("already exists") });
    expect(await getInvitationForToken(raced)).toMatchObject({ status: "pending" });
  });
});

describe("inviting", () => {
  it("refuses an email with an account or a pending invitation (offering the pending one), and stores nothing more", async () => {
    expect(await createInvitation(admin, { email: admin.email.toUpperCase(), role: "ADMIN" })).toMatchObject({ status: "error", fieldErrors: { email: "This email already has an account." } });
    await createInvitation(admin, { email: "once@example.org", role: "RECRUITER" });
    const pending = await prisma.invitation.findFirstOrThrow({ where: { email: "once@example.org" } });
    expect(await createInvitation(admin, { email: " Once@Example.org ", role: "ADMIN" })).toMatchObject({ status: "error", pendingInvitationId: pending.id });
    expect(await prisma.invitation.count()).toBe(1);
    expect(await prisma.outgoingEmail.count({ where: { kind: "invitation" } })).toBe(1);
  });

  it("two admins inviting the same email at once make one invitation", async () => {
    const other = await createUser("ADMIN", "Otto Admin");
    const results = await Promise.all([createInvitation(admin, { email: "race@example.org", role: "RECRUITER" }), createInvitation(other, { email: "race@example.org", role: "ADMIN" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["error", "success"]);
    expect(await prisma.invitation.count({ where: { email: "race@example.org" } })).toBe(1);
  });

  it("is rate-limited per email", async () => {
    const email = "limited@example.org";
    for (let i = 0; i < 5; i++) {
      const state = i === 0 ? await createInvitation(admin, { email, role: "RECRUITER" }) : await resendInvitation(admin, (await prisma.invitation.findFirstOrThrow({ where: { email } })).id);
      expect(state.status).toBe("success");
    }
    const refused = await resendInvitation(admin, (await prisma.invitation.findFirstOrThrow({ where: { email } })).id);
    expect(refused).toMatchObject({ status: "error", message: expect.stringContaining("too many invitations") });
  });

  it("resend issues a new link (the old one stops working) and a new email; revoke ends it", async () => {
    await createInvitation(admin, { email: "again@example.org", role: "RECRUITER" });
    const first = await tokenSentTo("again@example.org");
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email: "again@example.org" } });
    expect(await resendInvitation(admin, invitation.id)).toMatchObject({ status: "success" });
    const second = await tokenSentTo("again@example.org");
    expect(second).not.toBe(first);
    expect(await getInvitationForToken(first)).toEqual({ status: "unknown" });
    expect(await getInvitationForToken(second)).toMatchObject({ status: "pending" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).sendCount).toBe(2);
    expect(await prisma.outgoingEmail.count({ where: { kind: "invitation" } })).toBe(2);

    expect(await revokeInvitation(admin, invitation.id)).toMatchObject({ status: "success" });
    expect(await getInvitationForToken(second)).toEqual({ status: "revoked" });
    expect(await acceptInvitation({ token: second, name: "Too late", password: PASSWORD })).toMatchObject({ status: "error", message: "This invitation was withdrawn by an admin." });
    expect(await resendInvitation(admin, invitation.id)).toMatchObject({ status: "error" });
    expect((await listTeam()).invitations).toEqual([]);
  });
});

describe("deactivation", () => {
  it("ends an existing session at its next request and refuses sign-in; reactivation lets them sign in again", async () => {
    const user = await createUser("INTERVIEWER", "Dana");
    const before = await signIn(user.email);
    expect(before.ok).toBe(true);
    const sessionVersion = before.ok ? before.sessionVersion : -1;
    expect(await findSessionUserById(prisma, user.id, sessionVersion)).toMatchObject({ id: user.id });
    // A reset link asked for before the deactivation.
    const link = await prisma.passwordReset.create({ data: { userId: user.id, tokenHash: `deactivation-${user.id}`, expiresAt: new Date(Date.now() + 3_600_000) }, select: { id: true } });

    expect(await setUserActive(admin, user.id, false)).toMatchObject({ status: "success" });
    expect(await findSessionUserById(prisma, user.id, sessionVersion)).toBeNull();
    // Spent, so reactivation does not bring it back.
    expect((await prisma.passwordReset.findUniqueOrThrow({ where: { id: link.id }, select: { usedAt: true } })).usedAt).not.toBeNull();
    expect(await signIn(user.email)).toEqual({ ok: false, reason: "deactivated" });

    expect(await setUserActive(admin, user.id, true)).toMatchObject({ status: "success" });
    // The old session stays ended; a new sign-in works.
    expect(await findSessionUserById(prisma, user.id, sessionVersion)).toBeNull();
    const again = await signIn(user.email);
    expect(again.ok).toBe(true);
    expect(await findSessionUserById(prisma, user.id, again.ok ? again.sessionVersion : -1)).toMatchObject({ id: user.id });
    const actions = await prisma.auditLog.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["deactivated", "reactivated"]);
  });

  it("refuses deactivating yourself and the last active admin", async () => {
    expect(await setUserActive(admin, admin.id, false)).toMatchObject({ status: "error", message: expect.stringContaining("your own account") });
    const recruiter = await createUser("RECRUITER");
    // An actor who is no admin any more cannot take the last admin with them either.
    expect(await setUserActive(recruiter, admin.id, false)).toMatchObject({ status: "error", message: expect.stringContaining("only active admin") });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });
});

describe("role changes", () => {
  it("refuses demoting the last active admin; allows it once another admin is active", async () => {
    expect(await changeUserRole(admin, admin.id, "RECRUITER")).toMatchObject({ status: "error", message: expect.stringContaining("only active admin") });
    const other = await createUser("RECRUITER", "Otto");
    expect(await changeUserRole(admin, other.id, "ADMIN")).toMatchObject({ status: "success" });
    expect(await changeUserRole(admin, admin.id, "RECRUITER")).toMatchObject({ status: "success" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("RECRUITER");
    const audit = await prisma.auditLog.findMany({ where: { action: "role_changed" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.changes)).toEqual([[{ field: "role", label: "Role", before: "Recruiter", after: "Admin" }], [{ field: "role", label: "Role", before: "Admin", after: "Recruiter" }]]);
  });

  it("two admins demoting each other at the same moment leave exactly one active admin", async () => {
    for (let round = 0; round < 5; round++) {
      await prisma.user.deleteMany();
      const a = await createUser("ADMIN", "A");
      const b = await createUser("ADMIN", "B");
      const results = await Promise.all([changeUserRole(a, b.id, "RECRUITER"), changeUserRole(b, a.id, "INTERVIEWER")]);
      expect(results.map((r) => r.status).sort()).toEqual(["error", "success"]);
      expect(await prisma.user.count({ where: { role: "ADMIN", deactivatedAt: null } })).toBe(1);
    }
  });

  it("a demotion racing a deactivation of the other admin leaves one active admin", async () => {
    const b = await createUser("ADMIN", "B");
    const results = await Promise.all([changeUserRole(b, admin.id, "RECRUITER"), setUserActive(admin, b.id, false)]);
    expect(results.map((r) => r.status).sort()).toEqual(["error", "success"]);
    expect(await prisma.user.count({ where: { role: "ADMIN", deactivatedAt: null } })).toBe(1);
  });
});

describe("linkInterviewersByEmail", () => {
  it("links a panel member added later for an existing account, and never moves an existing link", async () => {
    const user = await createUser("INTERVIEWER", "Lee");
    const interviewer = await prisma.interviewer.create({ data: { name: "Lee", email: user.email, timezone: "UTC" } });
    expect(await linkInterviewersByEmail(prisma, user.email)).toBe(1);
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: interviewer.id } })).userId).toBe(user.id);
    expect(await linkInterviewersByEmail(prisma)).toBe(0);
  });
});

describe("listTeam's calendar column", () => {
  it("counts a calendar connection only at the Nylas environment the portal talks to now", async () => {
    const here = await createUser("INTERVIEWER", "Here Now");
    const elsewhere = await createUser("INTERVIEWER", "Sandbox Era");
    const now = new Date();
    const connection = (userId: string, email: string, apiUri: string, grantStatus: string) => ({
      userId,
      apiUri,
      grantId: randomUUID(),
      email,
      provider: "google",
      grantStatus,
      connectedAt: now,
      checkedAt: now,
    });
    await prisma.calendarConnection.create({ data: connection(here.id, here.email, getEnv().nylasApiUri, "invalid") });
    await prisma.calendarConnection.create({ data: connection(elsewhere.id, elsewhere.email, "https://api.us.nylas.com", "valid") });

    const rows = new Map((await listTeam()).users.map((u) => [u.id, u]));
    expect(rows.get(here.id)).toMatchObject({ calendar: "needs_reconnecting", calendarEmail: here.email });
    expect(rows.get(elsewhere.id)).toMatchObject({ calendar: "not_connected", calendarEmail: null });
  });
});
