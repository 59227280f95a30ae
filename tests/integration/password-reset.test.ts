/**
 * Passwords (issue 17) on real Postgres: the "forgot password" link's whole life (asked for, the
 * email queued with the link, the same answer for unknown and deactivated accounts, rate limits
 * per email and per IP, the reset itself, single use under two concurrent submits, expiry, every
 * other link ended) and a password change on /account (current password required; every
 * existing session ends through the session version; a pending reset link is ended too).
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { changeOwnPassword, PASSWORD_CHANGE_LIMIT } from "@/lib/auth/account";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { PASSWORD_RESET_VALID_MINUTES, passwordResetLinkJob, readPasswordReset, requestPasswordReset, resetPassword, RESET_REQUEST_LIMITS } from "@/lib/auth/password-reset";
import { drainJobs } from "../support/jobs";
import { PASSWORD_RESET_EMAIL_SUBJECT } from "@/lib/auth/password-reset-email";
import { findSessionUserById } from "@/lib/auth/users";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase();
const APP_URL = "http://portal.test";
const OLD_PASSWORD = "old-password-1";
const NEW_PASSWORD = "new-password-2";
const emails: string[] = [];

afterAll(async () => {
  await prisma.user.deleteMany({ where: { email: { in: emails } } });
});

let ipCounter = 0;
/** A fresh IP address per call, so tests do not share the per-IP limit. */
const nextIp = () => `192.0.2.${++ipCounter}`;

async function createUser(options: { deactivated?: boolean } = {}) {
  const email = `reset-${randomUUID()}@password-test.example`;
  emails.push(email);
  return prisma.user.create({
    data: { email, name: "Rae <b>Reset</b>", role: "RECRUITER", passwordHash: await hashPassword(OLD_PASSWORD), deactivatedAt: options.deactivated ? new Date() : null },
    select: { id: true, email: true, sessionVersion: true },
  });
}

/** The reset emails queued to `email`, newest last, with the token each carries. */
async function resetEmailsTo(email: string) {
  const rows = await prisma.outgoingEmail.findMany({ where: { kind: "password-reset" }, orderBy: { createdAt: "asc" } });
  return rows.filter((row) => JSON.stringify(row.to).includes(email)).map((row) => ({ ...row, token: /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(row.text)?.[1] ?? null }));
}

/** Asks for a link for `email` (as typed: `typed`) and returns the token of the email it queued. */
async function askForLink(email: string, now?: Date, typed = email): Promise<string> {
  expect(await requestPasswordReset({ email: typed, ip: nextIp(), appUrl: APP_URL, now }, prisma)).toEqual({ status: "accepted" });
  await drainJobs([passwordResetLinkJob]);
  const sent = await resetEmailsTo(email);
  const token = sent.at(-1)?.token;
  if (!token) throw new Error(`no reset email to ${email}`);
  return token;
}

const signIn = (email: string, password: string) =>
  authenticateWithPassword(prisma, { credentials: { email, password }, ip: nextIp(), now: new Date(), policy: { maxFailures: 100, windowMinutes: 15 } });

describe("asking for a reset link", () => {
  it("queues an email to an active account with a one-hour link; only the token's hash is stored", async () => {
    const user = await createUser();
    const before = new Date();
    // The email as typed, in another case and with spaces: the account is still found.
    const token = await askForLink(user.email, undefined, `  ${user.email.toUpperCase()} `);
    const [email] = await resetEmailsTo(user.email);
    expect(email).toMatchObject({ subject: PASSWORD_RESET_EMAIL_SUBJECT, status: "QUEUED" });
    expect(email!.text).toContain(`${APP_URL}/reset-password/${token}`);
    expect(email!.html).toContain("Rae &#60;b&#62;Reset&#60;/b&#62;");
    const rows = await prisma.passwordReset.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).not.toContain(token);
    const minutes = (rows[0]!.expiresAt.getTime() - before.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(PASSWORD_RESET_VALID_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(PASSWORD_RESET_VALID_MINUTES + 1);
    expect(await readPasswordReset(token, new Date(), prisma)).toEqual({ state: "valid", email: user.email });
  });

  it("answers the same for an unknown email and a deactivated account, and stores and sends nothing", async () => {
    const deactivated = await createUser({ deactivated: true });
    const unknown = `nobody-${randomUUID()}@password-test.example`;
    const resetsBefore = await prisma.passwordReset.count();
    const emailsBefore = await prisma.outgoingEmail.count();
    const jobsBefore = await prisma.job.count({ where: { kind: passwordResetLinkJob.name } });
    for (const email of [unknown, deactivated.email]) expect(await requestPasswordReset({ email, ip: nextIp(), appUrl: APP_URL }, prisma)).toEqual({ status: "accepted" });
    // The same work as for an account that exists: one job each, which then sends nothing.
    expect(await prisma.job.count({ where: { kind: passwordResetLinkJob.name } })).toBe(jobsBefore + 2);
    expect(await drainJobs([passwordResetLinkJob])).toBe(2);
    expect(await prisma.passwordReset.count()).toBe(resetsBefore);
    expect(await prisma.outgoingEmail.count()).toBe(emailsBefore);
  });

  it("refuses a fourth request for one email within the hour, known or not, and counts per IP too", async () => {
    const user = await createUser();
    const now = new Date();
    for (let i = 0; i < RESET_REQUEST_LIMITS.perEmail.limit; i++) await askForLink(user.email, now);
    const refused = await requestPasswordReset({ email: user.email, ip: nextIp(), appUrl: APP_URL, now }, prisma);
    expect(refused).toEqual({ status: "rate_limited", retryAfterMinutes: 60 });
    expect(await resetEmailsTo(user.email)).toHaveLength(RESET_REQUEST_LIMITS.perEmail.limit);
    // An hour later it is allowed again.
    expect(await requestPasswordReset({ email: user.email, ip: nextIp(), appUrl: APP_URL, now: new Date(now.getTime() + 61 * 60_000) }, prisma)).toEqual({ status: "accepted" });

    // One address asking for many different emails.
    const ip = nextIp();
    for (let i = 0; i < RESET_REQUEST_LIMITS.perIp.limit; i++) {
      expect((await requestPasswordReset({ email: `nobody-${i}-${randomUUID()}@password-test.example`, ip, appUrl: APP_URL, now }, prisma)).status).toBe("accepted");
    }
    expect((await requestPasswordReset({ email: `nobody-${randomUUID()}@password-test.example`, ip, appUrl: APP_URL, now }, prisma)).status).toBe("rate_limited");
  });
});

describe("resetting through the link", () => {
  it("sets the new password, ends every session and every other link, and works once", async () => {
    const user = await createUser();
    const first = await askForLink(user.email);
    const second = await askForLink(user.email);
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion)).not.toBeNull();

    expect(await resetPassword({ token: second, newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: true, email: user.email });

    // The session signed in before the reset ends at its next request.
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion)).toBeNull();
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion + 1)).not.toBeNull();
    expect(await signIn(user.email, OLD_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn(user.email, NEW_PASSWORD)).toMatchObject({ ok: true, sessionVersion: user.sessionVersion + 1 });

    // Used, and the other link with it.
    expect(await readPasswordReset(second, new Date(), prisma)).toEqual({ state: "used" });
    expect(await readPasswordReset(first, new Date(), prisma)).toEqual({ state: "used" });
    expect(await resetPassword({ token: second, newPassword: "third-password-3" }, prisma)).toEqual({ ok: false, problem: "used" });
    expect(await resetPassword({ token: first, newPassword: "third-password-3" }, prisma)).toEqual({ ok: false, problem: "used" });
    expect(await signIn(user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
    // Audited once, by the person, with nothing of the password in it.
    expect(await prisma.auditLog.findMany({ where: { entityId: user.id }, select: { action: true, actorId: true, changes: true } })).toEqual([
      { action: "password_reset", actorId: user.id, changes: [] },
    ]);
  });

  it("refuses an expired link, an unknown token and junk, changing nothing", async () => {
    const user = await createUser();
    const token = await askForLink(user.email);
    const later = new Date(Date.now() + (PASSWORD_RESET_VALID_MINUTES + 1) * 60_000);
    expect(await readPasswordReset(token, later, prisma)).toEqual({ state: "expired" });
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD, now: later }, prisma)).toEqual({ ok: false, problem: "expired" });
    expect(await resetPassword({ token: "A".repeat(43), newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: false, problem: "invalid" });
    expect(await resetPassword({ token: "'; DROP TABLE users; --", newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: false, problem: "invalid" });
    expect(await readPasswordReset(["not", "a", "token"], new Date(), prisma)).toEqual({ state: "invalid" });
    expect(await signIn(user.email, OLD_PASSWORD)).toMatchObject({ ok: true });
    // Still usable before it expires.
    expect(await readPasswordReset(token, new Date(), prisma)).toMatchObject({ state: "valid" });
  });

  it("lets only one of two concurrent submits of the same link through", async () => {
    const user = await createUser();
    const token = await askForLink(user.email);
    const results = await Promise.all([resetPassword({ token, newPassword: "concurrent-one" }, prisma), resetPassword({ token, newPassword: "concurrent-two" }, prisma)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, problem: "used" }]);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(stored.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("refuses the link of an account deactivated since it was sent", async () => {
    const user = await createUser();
    const token = await askForLink(user.email);
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } } });
    expect(await readPasswordReset(token, new Date(), prisma)).toEqual({ state: "invalid" });
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: false, problem: "invalid" });
  });
});

describe("changing the password on /account", () => {
  it("needs the current password; a wrong one changes nothing", async () => {
    const user = await createUser();
    expect(await changeOwnPassword({ userId: user.id, currentPassword: "not-my-password", newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: false, reason: "wrong_password" });
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion)).not.toBeNull();
    expect(await signIn(user.email, OLD_PASSWORD)).toMatchObject({ ok: true });
  });

  it("ends every existing session and any pending reset link; the new password signs in, the old one not", async () => {
    const user = await createUser();
    const pendingLink = await askForLink(user.email);
    expect(await changeOwnPassword({ userId: user.id, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD }, prisma)).toEqual({ ok: true });
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion)).toBeNull();
    expect(await signIn(user.email, OLD_PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    const fresh = await signIn(user.email, NEW_PASSWORD);
    expect(fresh).toMatchObject({ ok: true, sessionVersion: user.sessionVersion + 1 });
    expect(await findSessionUserById(prisma, user.id, user.sessionVersion + 1)).not.toBeNull();
    expect(await readPasswordReset(pendingLink, new Date(), prisma)).toEqual({ state: "used" });
    expect(await prisma.auditLog.findMany({ where: { entityId: user.id }, select: { action: true, actorId: true, changes: true } })).toEqual([
      { action: "password_changed", actorId: user.id, changes: [] },
    ]);
  });

  it("stops guessing the current password after the limit", async () => {
    const user = await createUser();
    const now = new Date();
    for (let i = 0; i < PASSWORD_CHANGE_LIMIT.limit; i++) {
      expect(await changeOwnPassword({ userId: user.id, currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD, now }, prisma)).toEqual({ ok: false, reason: "wrong_password" });
    }
    // Even the right password is refused until the window has passed.
    expect(await changeOwnPassword({ userId: user.id, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, now }, prisma)).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await signIn(user.email, OLD_PASSWORD)).toMatchObject({ ok: true });
  });
});
