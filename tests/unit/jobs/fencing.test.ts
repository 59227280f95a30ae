import { describe, expect, it } from "vitest";
import { heartbeatIntervalMs, isPastLastAttempt, lostLeases } from "@/lib/jobs/fencing";

describe("heartbeatIntervalMs", () => {
  it("renews a third of the shortest lease held", () => {
    expect(heartbeatIntervalMs([{ leaseSeconds: 30 }, { leaseSeconds: 6 }])).toBe(2_000);
  });

  it("stays between 200 ms and 10 s", () => {
    expect(heartbeatIntervalMs([{ leaseSeconds: 0.3 }])).toBe(200);
    expect(heartbeatIntervalMs([{ leaseSeconds: 300 }])).toBe(10_000);
    expect(heartbeatIntervalMs([])).toBe(10_000);
  });
});

describe("lostLeases", () => {
  const held = [
    { id: "1", token: "a" },
    { id: "2", token: "b" },
    { id: "3", token: "c" },
  ];

  it("stops the jobs the renewal reports as no longer held under their token", () => {
    expect(
      lostLeases(held, [
        { id: "1", token: "a", held: true },
        { id: "2", token: "b", held: false },
        { id: "3", token: "c", held: true },
      ]),
    ).toEqual([held[1]]);
  });

  it("does not stop a job the renewal did not mention (held after it began)", () => {
    expect(lostLeases(held, [{ id: "1", token: "a", held: true }])).toEqual([]);
  });

  it("matches on the token too: the same job under another claim is not this one", () => {
    expect(lostLeases([{ id: "1", token: "new" }], [{ id: "1", token: "old", held: false }])).toEqual([]);
  });
});

describe("isPastLastAttempt", () => {
  it("is false up to the last attempt and true after it (a take-over of a worker that died on its last attempt)", () => {
    expect(isPastLastAttempt(6, 6)).toBe(false);
    expect(isPastLastAttempt(7, 6)).toBe(true);
  });
});
