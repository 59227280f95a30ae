import { describe, expect, it } from "vitest";
import { decideFailure, RETRY_POLICIES, retryDelayMs, type RetryPolicy } from "@/lib/jobs/retry-policies";

describe("retryDelayMs", () => {
  it("grows by the policy's factor from its base: the standard 10 s, 40 s, 2.7 min, 10.7 min, 42.7 min", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(RETRY_POLICIES.standard, n))).toEqual([10_000, 40_000, 160_000, 640_000, 2_560_000]);
  });

  it("never waits longer than the policy's cap", () => {
    expect(retryDelayMs(RETRY_POLICIES.calendar, 1)).toBe(2_000);
    expect(retryDelayMs(RETRY_POLICIES.calendar, 8)).toBe(256_000);
    expect(retryDelayMs(RETRY_POLICIES.calendar, 9)).toBe(300_000);
    expect(retryDelayMs(RETRY_POLICIES.calendar, 60)).toBe(300_000);
  });

  it("keeps a steady policy steady", () => {
    expect([1, 5, 9].map((n) => retryDelayMs(RETRY_POLICIES.steady, n))).toEqual([60_000, 60_000, 60_000]);
  });

  it("scales with a replaced base (tests and benchmarks shorten the waits), a cap below it included", () => {
    expect(retryDelayMs(RETRY_POLICIES.standard, 3, 5)).toBe(80);
    expect(retryDelayMs(RETRY_POLICIES.standard, 1, 0)).toBe(0);
    const tight: RetryPolicy = { maxAttempts: 3, baseMs: 10, factor: 2, maxDelayMs: 10 };
    expect(retryDelayMs(tight, 2, 50)).toBe(50);
  });

  it("treats an attempt below 1 as the first", () => {
    expect(retryDelayMs(RETRY_POLICIES.standard, 0)).toBe(10_000);
  });
});

describe("decideFailure", () => {
  it("retries until the last attempt, then dead-letters", () => {
    const policy = RETRY_POLICIES.standard;
    for (let attempt = 1; attempt < policy.maxAttempts; attempt++) expect(decideFailure(policy, attempt).state).toBe("retry");
    expect(decideFailure(policy, policy.maxAttempts)).toEqual({ state: "dead", reason: "attempts" });
    expect(decideFailure(policy, policy.maxAttempts + 1)).toEqual({ state: "dead", reason: "attempts" });
  });

  it("dead-letters a permanent failure at once, whatever the attempt", () => {
    expect(decideFailure(RETRY_POLICIES.standard, 1, { permanent: true })).toEqual({ state: "dead", reason: "permanent" });
  });

  it("says how long to wait before the retry", () => {
    expect(decideFailure(RETRY_POLICIES.media, 2, { baseMs: 1 })).toEqual({ state: "retry", delayMs: 4 });
  });

  it("names an environment setting only where one exists", () => {
    const fromEnv = Object.entries(RETRY_POLICIES).flatMap(([name, p]) => ("baseFromEnv" in p ? [[name, p.baseFromEnv]] : []));
    expect(fromEnv).toEqual([
      ["media", "MEDIA_RETRY_BASE_MS"],
      ["sandboxDelivery", "SANDBOX_WEBHOOK_RETRY_BASE_MS"],
    ]);
  });
});
