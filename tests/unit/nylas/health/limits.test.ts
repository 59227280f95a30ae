import { describe, expect, it } from "vitest";
import { createDeadline, createLimiter, HealthTimeoutError } from "@/lib/nylas/health/limits";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createDeadline", () => {
  it("passes a result through before the deadline", async () => {
    const deadline = createDeadline(1_000);
    await expect(deadline.run(async () => 42)).resolves.toBe(42);
    deadline.dispose();
  });

  it("rejects work still running at the deadline with 'Nylas did not answer within N s', and any later work at once", async () => {
    const deadline = createDeadline(30);
    const slow = deadline.run(() => sleep(1_000).then(() => "late"));
    await expect(slow).rejects.toThrow(new HealthTimeoutError(1));
    await expect(slow).rejects.toThrow("Nylas did not answer within 1 s.");
    expect(deadline.isExpired).toBe(true);
    let started = false;
    await expect(deadline.run(async () => (started = true))).rejects.toBeInstanceOf(HealthTimeoutError);
    expect(started).toBe(false);
  });

  it("rounds the limit to whole seconds for messages", () => {
    const deadline = createDeadline(10_000);
    expect(deadline.seconds).toBe(10);
    deadline.dispose();
  });
});

describe("createLimiter", () => {
  it("never runs more than `concurrency` tasks at once, and runs them all in arrival order", async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((n) =>
        limit(async () => {
          started.push(n);
          active++;
          peak = Math.max(peak, active);
          await sleep(5);
          active--;
          return n * 10;
        }),
      ),
    );
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("frees the slot of a task that fails (or throws synchronously)", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(
      limit(() => {
        throw new Error("sync");
      }),
    ).rejects.toThrow("sync");
    await expect(limit(async () => "next")).resolves.toBe("next");
  });
});
