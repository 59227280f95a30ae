import { describe, expect, it } from "vitest";
import { decideFailure, RETRY_POLICIES } from "@/lib/jobs/retry-policies";
import { judgeDelivery, type DeliveryOutcome, type DeliveryVerdict } from "@/lib/sandbox/delivery-policy";

const response = (status: number): DeliveryOutcome => ({ kind: "response", status });
const networkError = (message = "fetch failed"): DeliveryOutcome => ({ kind: "network_error", message });

describe("judgeDelivery", () => {
  it.each([200, 201, 202, 204, 299])("treats HTTP %i as delivered", (status) => {
    expect(judgeDelivery(response(status))).toEqual({ status: "delivered" });
  });

  it.each([
    ...[408, 429, 502, 503, 504, 507].map((status) => ({ name: `HTTP ${status}`, outcome: response(status), reason: `HTTP ${status}` })),
    { name: "a network error", outcome: networkError("connect ECONNREFUSED 127.0.0.1:9"), reason: "connect ECONNREFUSED 127.0.0.1:9" },
    { name: "a timeout", outcome: networkError("The operation was aborted due to timeout"), reason: "The operation was aborted due to timeout" },
  ])("retries $name", ({ outcome, reason }) => {
    expect(judgeDelivery(outcome)).toEqual<DeliveryVerdict>({ status: "retry", reason });
  });

  it.each([301, 302, 400, 401, 403, 404, 409, 410, 500, 501, 505])("fails HTTP %i at once, without retrying", (status) => {
    expect(judgeDelivery(response(status))).toEqual<DeliveryVerdict>({ status: "failed", reason: `HTTP ${status} (not retried)` });
  });

  it("does not treat 1xx or 3xx as delivered", () => {
    expect(judgeDelivery(response(199)).status).toBe("failed");
    expect(judgeDelivery(response(300)).status).toBe("failed");
  });
});

describe("the sandbox delivery retry policy", () => {
  const policy = RETRY_POLICIES.sandboxDelivery;

  it("allows three attempts in all, as Nylas does", () => {
    expect(policy.maxAttempts).toBe(3);
  });

  it("waits base × 5^(n-1): 1 min, then 5 min in production", () => {
    expect(decideFailure(policy, 1)).toEqual({ state: "retry", delayMs: 60_000 });
    expect(decideFailure(policy, 2)).toEqual({ state: "retry", delayMs: 300_000 });
  });

  it("scales with SANDBOX_WEBHOOK_RETRY_BASE_MS (tests shorten it)", () => {
    expect(decideFailure(policy, 1, { baseMs: 50 })).toEqual({ state: "retry", delayMs: 50 });
    expect(decideFailure(policy, 2, { baseMs: 50 })).toEqual({ state: "retry", delayMs: 250 });
    expect(policy.baseFromEnv).toBe("SANDBOX_WEBHOOK_RETRY_BASE_MS");
  });

  it("gives up after the third attempt", () => {
    expect(decideFailure(policy, 3)).toEqual({ state: "dead", reason: "attempts" });
  });
});
