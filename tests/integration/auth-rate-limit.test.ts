/**
 * Sign-in against real Postgres: every attempt is recorded, the limiter refuses after
 * LOGIN_MAX_FAILURES failures within the window (per email, and x5 per IP), and allows again once
 * the window has passed. The clock is injected (`now`), so no test waits.
 *
 * Rows are keyed by unique emails/IPs per test, so the file does not depend on table resets.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { checkLoginRateLimit, recordLoginAttempt } from "@/lib/auth/login-attempts";
import { hashPassword } from "@/lib/auth/password";
import type { RateLimitPolicy } from "@/lib/auth/rate-limit";
import { openTestDatabase } from "../support/database";

const POLICY: RateLimitPolicy = { maxFailures: 3, windowMinutes: 15 };
const PASSWORD = "correct-horse-battery";
const minutes = (n: number) => n * 60_000;

const prisma = openTestDatabase();
const createdEmails: string[] = [];

function uniqueEmail(label: string): string {
  const email = `${label}-${randomUUID()}@auth-test.example`;
  createdEmails.push(email);
  return email;
}
const uniqueIp = () => `test-ip-${randomUUID()}`;

async function createUser(email: string) {
  return prisma.user.create({
    data: { email, name: "Rate Limit Test", role: "RECRUITER", passwordHash: await hashPassword(PASSWORD) },
    select: { id: true },
  });
}

afterAll(async () => {
  await prisma.loginAttempt.deleteMany({ where: { email: { in: createdEmails } } });
  await prisma.user.deleteMany({ where: { email: { in: createdEmails } } });
});

describe("authenticateWithPassword", () => {
  it("signs in with the right password, records the attempt and stamps lastLoginAt", async () => {
    const email = uniqueEmail("ok");
    const user = await createUser(email);
    const now = new Date();
    const result = await authenticateWithPassword(prisma, {
      credentials: { email: `  ${email.toUpperCase()} `, password: PASSWORD },
      ip: uniqueIp(),
      now,
      policy: POLICY,
    });
    expect(result).toEqual({ ok: true, user: { id: user.id, email, name: "Rate Limit Test", role: "RECRUITER" }, sessionVersion: 0 });
    const attempts = await prisma.loginAttempt.findMany({ where: { email }, select: { succeeded: true } });
    expect(attempts).toEqual([{ succeeded: true }]);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
    expect(stored.lastLoginAt?.getTime()).toBe(now.getTime());
  });

  it("refuses a wrong password and an unknown email alike, recording both", async () => {
    const email = uniqueEmail("wrong");
    await createUser(email);
    const unknown = uniqueEmail("unknown");
    const ip = uniqueIp();
    const now = new Date();
    for (const attempt of [
      { email, password: "not-the-password" },
      { email: unknown, password: PASSWORD },
    ]) {
      const result = await authenticateWithPassword(prisma, { credentials: attempt, ip, now, policy: POLICY });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const attempts = await prisma.loginAttempt.findMany({ where: { ip }, select: { email: true, succeeded: true } });
    expect(attempts).toHaveLength(2);
    expect(attempts.every((a) => !a.succeeded)).toBe(true);
  });

  it("refuses a deactivated account: 'deactivated' only after the right password, 'invalid' otherwise", async () => {
    const email = uniqueEmail("deactivated");
    const user = await createUser(email);
    await prisma.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    const ip = uniqueIp();
    const now = new Date();
    expect(await authenticateWithPassword(prisma, { credentials: { email, password: PASSWORD }, ip, now, policy: POLICY })).toEqual({ ok: false, reason: "deactivated" });
    expect(await authenticateWithPassword(prisma, { credentials: { email, password: "wrong-password" }, ip, now, policy: POLICY })).toEqual({ ok: false, reason: "invalid" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { lastLoginAt: true } });
    expect(stored.lastLoginAt).toBeNull();
  });

  it("refuses malformed input without touching the database", async () => {
    const ip = uniqueIp();
    const result = await authenticateWithPassword(prisma, {
      credentials: { email: "not an email", password: "" },
      ip,
      now: new Date(),
      policy: POLICY,
    });
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.loginAttempt.count({ where: { ip } })).toBe(0);
  });

  it("refuses after maxFailures failures within the window, even with the right password, and allows after it", async () => {
    const email = uniqueEmail("limited");
    await createUser(email);
    const ip = uniqueIp();
    const start = new Date();

    for (let i = 0; i < POLICY.maxFailures; i++) {
      const result = await authenticateWithPassword(prisma, {
        credentials: { email, password: `wrong-${i}` },
        ip,
        now: new Date(start.getTime() + i * 1000),
        policy: POLICY,
      });
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }

    // One minute later: blocked for the 14 minutes left of the window; the refusal is recorded too.
    const blocked = await authenticateWithPassword(prisma, {
      credentials: { email, password: PASSWORD },
      ip,
      now: new Date(start.getTime() + minutes(1)),
      policy: POLICY,
    });
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfterMinutes: 14 });
    expect(await prisma.loginAttempt.count({ where: { email, succeeded: false } })).toBe(POLICY.maxFailures + 1);

    // After the window (counted from the last refused attempt) the right password works again.
    const later = await authenticateWithPassword(prisma, {
      credentials: { email, password: PASSWORD },
      ip,
      now: new Date(start.getTime() + minutes(1) + minutes(POLICY.windowMinutes) + 1000),
      policy: POLICY,
    });
    expect(later.ok).toBe(true);
  });
});

describe("checkLoginRateLimit", () => {
  it("counts failures per email within the window only", async () => {
    const email = uniqueEmail("window");
    const ip = uniqueIp();
    const now = new Date();
    // Two old failures (outside the window) and two recent ones: allowed.
    for (const offset of [minutes(40), minutes(20), minutes(5), minutes(1)]) {
      await recordLoginAttempt(prisma, { email, ip, succeeded: false, at: new Date(now.getTime() - offset) });
    }
    // A success does not count as a failure.
    await recordLoginAttempt(prisma, { email, ip, succeeded: true, at: new Date(now.getTime() - minutes(2)) });
    expect(await checkLoginRateLimit(prisma, { email, ip, now, policy: POLICY })).toEqual({ allowed: true });

    await recordLoginAttempt(prisma, { email, ip, succeeded: false, at: new Date(now.getTime() - minutes(3)) });
    const decision = await checkLoginRateLimit(prisma, { email, ip, now, policy: POLICY });
    expect(decision).toMatchObject({ allowed: false, scope: "email", retryAfterMinutes: 10 });

    // Ten minutes on, the oldest counted failure (5 min ago) has left the window.
    const later = new Date(now.getTime() + minutes(10) + 1000);
    expect(await checkLoginRateLimit(prisma, { email, ip, now: later, policy: POLICY })).toEqual({ allowed: true });
  });

  it("refuses an IP after maxFailures x 5 failures across emails, but not other IPs", async () => {
    const ip = uniqueIp();
    const now = new Date();
    for (let i = 0; i < POLICY.maxFailures * 5; i++) {
      await recordLoginAttempt(prisma, { email: uniqueEmail(`spray${i}`), ip, succeeded: false, at: new Date(now.getTime() - 1000 * (i + 1)) });
    }
    const fresh = uniqueEmail("fresh");
    expect(await checkLoginRateLimit(prisma, { email: fresh, ip, now, policy: POLICY })).toMatchObject({ allowed: false, scope: "ip" });
    expect(await checkLoginRateLimit(prisma, { email: fresh, ip: uniqueIp(), now, policy: POLICY })).toEqual({ allowed: true });
  });
});
