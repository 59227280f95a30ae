import { describe, expect, it } from "vitest";
import { decideLoginRateLimit, IP_FAILURE_MULTIPLIER, type RateLimitPolicy } from "@/lib/auth/rate-limit";

const NOW = new Date("2026-03-02T12:00:00.000Z");
const POLICY: RateLimitPolicy = { maxFailures: 3, windowMinutes: 15 };

/** Failures `minutesAgo` before NOW. */
const ago = (...minutesAgo: number[]) => minutesAgo.map((m) => new Date(NOW.getTime() - m * 60_000));
const times = (count: number, minutesAgo: number) => ago(...Array.from({ length: count }, () => minutesAgo));

describe("decideLoginRateLimit", () => {
  const cases: Array<{
    name: string;
    policy?: RateLimitPolicy;
    emailFailures?: Date[];
    ipFailures?: Date[];
    expected: { allowed: true } | { allowed: false; scope: "email" | "ip"; retryAfterMinutes: number };
  }> = [
    { name: "allows with no failures", expected: { allowed: true } },
    { name: "allows below the email limit", emailFailures: ago(1, 2), expected: { allowed: true } },
    {
      name: "refuses at the email limit, until the oldest counted failure leaves the window",
      emailFailures: ago(1, 2, 10),
      expected: { allowed: false, scope: "email", retryAfterMinutes: 5 },
    },
    {
      name: "with more failures than the limit, waits for the limit-th newest one",
      emailFailures: ago(1, 2, 3, 10, 14),
      expected: { allowed: false, scope: "email", retryAfterMinutes: 12 },
    },
    {
      name: "ignores failures older than the window",
      emailFailures: ago(1, 2, 16, 30),
      expected: { allowed: true },
    },
    {
      name: "a failure exactly one window ago no longer counts",
      emailFailures: ago(1, 2, 15),
      expected: { allowed: true },
    },
    {
      name: "rounds the wait up to whole minutes, at least 1",
      emailFailures: ago(0.5, 1, 14.99),
      expected: { allowed: false, scope: "email", retryAfterMinutes: 1 },
    },
    {
      name: "allows an IP below maxFailures x 5",
      ipFailures: times(3 * IP_FAILURE_MULTIPLIER - 1, 1),
      expected: { allowed: true },
    },
    {
      name: "refuses an IP at maxFailures x 5",
      ipFailures: times(3 * IP_FAILURE_MULTIPLIER, 4),
      expected: { allowed: false, scope: "ip", retryAfterMinutes: 11 },
    },
    {
      name: "when both are blocked, reports the later unblock time",
      emailFailures: ago(1, 2, 13),
      ipFailures: times(15, 3),
      expected: { allowed: false, scope: "ip", retryAfterMinutes: 12 },
    },
    {
      name: "maxFailures 0 turns the limiter off",
      policy: { maxFailures: 0, windowMinutes: 15 },
      emailFailures: times(100, 1),
      ipFailures: times(100, 1),
      expected: { allowed: true },
    },
    {
      name: "ignores failures stamped in the future (clock skew)",
      emailFailures: ago(1, -5, -6),
      expected: { allowed: true },
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const decision = decideLoginRateLimit({
        now: NOW,
        policy: c.policy ?? POLICY,
        emailFailures: c.emailFailures ?? [],
        ipFailures: c.ipFailures ?? [],
      });
      expect(decision).toMatchObject(c.expected);
      if (!decision.allowed) {
        expect(decision.retryAt.getTime()).toBeGreaterThan(NOW.getTime());
      }
    });
  }

  it("does not depend on the order of the failure times", () => {
    const failures = ago(10, 1, 2);
    const a = decideLoginRateLimit({ now: NOW, policy: POLICY, emailFailures: failures, ipFailures: [] });
    const b = decideLoginRateLimit({ now: NOW, policy: POLICY, emailFailures: [...failures].reverse(), ipFailures: [] });
    expect(a).toEqual(b);
  });
});
