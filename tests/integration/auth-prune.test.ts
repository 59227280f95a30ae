/**
 * auth.prune: sign-in attempts, rate-limit counts, connect states, sandbox OAuth codes and reset
 * links are deleted once nothing can use them, and not before. The clock is injected.
 */
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { AUTH_RECORD_RETENTION_DAYS, pruneAuthRecords } from "@/lib/auth/prune";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase();
const DAY = 24 * 60 * 60 * 1000;
const email = `prune-${randomUUID()}@auth-test.example`;

afterAll(async () => {
  await prisma.loginAttempt.deleteMany({ where: { email } });
  await prisma.rateLimitEvent.deleteMany({ where: { key: email } });
  await prisma.user.deleteMany({ where: { email } });
});

describe("pruneAuthRecords", () => {
  it("deletes each kind of record after its retention, keeping the recent ones", async () => {
    // The real clock: rows other test files write (now, or minutes around it) are never in range.
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const user = await prisma.user.create({ data: { email, name: "Prune", role: "RECRUITER", passwordHash: await hashPassword("irrelevant-pw") }, select: { id: true } });
    const days = AUTH_RECORD_RETENTION_DAYS;

    await prisma.loginAttempt.createMany({ data: [days.loginAttempts + 1, days.loginAttempts - 1].map((d) => ({ email, ip: "test", succeeded: false, createdAt: ago(d) })) });
    await prisma.rateLimitEvent.createMany({ data: [days.rateLimitEvents + 1, days.rateLimitEvents - 1].map((d) => ({ bucket: "test", key: email, createdAt: ago(d) })) });
    await prisma.calendarConnectState.createMany({ data: [days.connectStates + 1, 0].map((d) => ({ userId: user.id, stateHash: randomUUID(), expiresAt: ago(d) })) });
    await prisma.passwordReset.createMany({ data: [days.passwordResets + 1, days.passwordResets - 1].map((d) => ({ userId: user.id, tokenHash: randomUUID(), expiresAt: ago(d) })) });
    const code = (d: number) => ({ id: randomUUID(), codeHash: randomUUID(), clientId: "c", redirectUri: "r", email, provider: "google", grantId: randomUUID(), expiresAt: ago(d) });
    await prisma.sandboxOAuthCode.createMany({ data: [code(days.sandboxOAuthCodes + 1), code(0)] });

    const pruned = await pruneAuthRecords(now, prisma);
    for (const count of Object.values(pruned)) expect(count).toBeGreaterThanOrEqual(1);

    expect(await prisma.loginAttempt.count({ where: { email } })).toBe(1);
    expect(await prisma.rateLimitEvent.count({ where: { key: email } })).toBe(1);
    expect(await prisma.calendarConnectState.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.passwordReset.count({ where: { userId: user.id } })).toBe(1);
    expect(await prisma.sandboxOAuthCode.count({ where: { email } })).toBe(1);
    await prisma.sandboxOAuthCode.deleteMany({ where: { email } });
  });
});
