import { describe, expect, it } from "vitest";
import { decideJobOutcome, MAX_JOB_ATTEMPTS } from "@/lib/webhooks/retry-policy";

describe("decideJobOutcome", () => {
  it("allows six attempts", () => {
    expect(MAX_JOB_ATTEMPTS).toBe(6);
  });

  it.each([
    { attempt: 1, retryInMs: 10_000 },
    { attempt: 2, retryInMs: 40_000 },
    { attempt: 3, retryInMs: 160_000 }, // 2.7 min
    { attempt: 4, retryInMs: 640_000 }, // 10.7 min
    { attempt: 5, retryInMs: 2_560_000 }, // 42.7 min
  ])("retries failed attempt $attempt after $retryInMs ms", ({ attempt, retryInMs }) => {
    expect(decideJobOutcome(false, attempt)).toEqual({ status: "PENDING", retryInMs });
  });

  it.each([MAX_JOB_ATTEMPTS, MAX_JOB_ATTEMPTS + 1, 50])("dead-letters a failure at attempt %i", (attempt) => {
    expect(decideJobOutcome(false, attempt)).toEqual({ status: "DEAD" });
  });

  it.each([1, 3, MAX_JOB_ATTEMPTS, MAX_JOB_ATTEMPTS + 3])("marks a success at attempt %i processed", (attempt) => {
    expect(decideJobOutcome(true, attempt)).toEqual({ status: "PROCESSED" });
  });

  it("scales with the base delay, and a zero base retries at once", () => {
    expect(decideJobOutcome(false, 1, 50)).toEqual({ status: "PENDING", retryInMs: 50 });
    expect(decideJobOutcome(false, 3, 50)).toEqual({ status: "PENDING", retryInMs: 800 });
    for (let attempt = 1; attempt < MAX_JOB_ATTEMPTS; attempt++) {
      expect(decideJobOutcome(false, attempt, 0)).toEqual({ status: "PENDING", retryInMs: 0 });
    }
    expect(decideJobOutcome(false, MAX_JOB_ATTEMPTS, 0)).toEqual({ status: "DEAD" });
  });

  it("grows the delay strictly with every attempt and stays under an hour in total", () => {
    const delays = Array.from({ length: MAX_JOB_ATTEMPTS - 1 }, (_, i) => {
      const outcome = decideJobOutcome(false, i + 1);
      if (outcome.status !== "PENDING") throw new Error(`attempt ${i + 1} should retry`);
      return outcome.retryInMs;
    });
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThan(delays[i - 1]!);
    expect(delays.reduce((a, b) => a + b, 0)).toBeLessThan(60 * 60_000);
  });
});
