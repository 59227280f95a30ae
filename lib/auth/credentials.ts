/**
 * Checking an email + password sign-in: rate limit, password check (against a dummy hash when the
 * user does not exist, so response time does not reveal which emails have accounts), and an
 * attempt row for every try. Framework-free; lib/auth/options.ts adapts it to next-auth.
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { checkLoginRateLimit, recordLoginAttempt } from "@/lib/auth/login-attempts";
import type { RateLimitPolicy } from "@/lib/auth/rate-limit";
import type { SessionUser } from "@/lib/auth/users";
import { ZSignIn } from "@/lib/validations/auth";
import { normalizeEmail } from "@/lib/utils";

export type CredentialsResult =
  | { ok: true; user: SessionUser; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  /** The password was right but the account is deactivated (said only after a correct password). */
  | { ok: false; reason: "deactivated" }
  | { ok: false; reason: "rate_limited"; retryAfterMinutes: number };

let dummyHash: Promise<string> | undefined;
/** A real hash of a random password, made once per process with the current parameters. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomUUID());
  return dummyHash;
}

export async function authenticateWithPassword(
  client: Pick<PrismaClient, "user" | "loginAttempt">,
  input: { credentials: unknown; ip: string; now: Date; policy: RateLimitPolicy },
): Promise<CredentialsResult> {
  const parsed = ZSignIn.safeParse(input.credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const email = normalizeEmail(parsed.data.email);
  const { ip, now, policy } = input;

  // 1. Rate limit. A refused attempt is recorded too (as a failure) and never checks the password.
  const decision = await checkLoginRateLimit(client, { email, ip, now, policy });
  if (!decision.allowed) {
    await recordLoginAttempt(client, { email, ip, succeeded: false, at: now });
    return { ok: false, reason: "rate_limited", retryAfterMinutes: decision.retryAfterMinutes };
  }

  // 2. Password check, same work whether or not the user exists.
  const user = await client.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true, deactivatedAt: true, sessionVersion: true },
  });
  const isValid = await verifyPassword(parsed.data.password, user?.passwordHash ?? (await getDummyHash()));
  const succeeded = Boolean(user) && isValid;

  // 3. Record the attempt; stamp the last sign-in on success.
  await recordLoginAttempt(client, { email, ip, succeeded, at: now });
  if (!user || !succeeded) return { ok: false, reason: "invalid" };
  if (user.deactivatedAt) return { ok: false, reason: "deactivated" };
  await client.user.update({ where: { id: user.id }, data: { lastLoginAt: now }, select: { id: true } });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionVersion: user.sessionVersion };
}
