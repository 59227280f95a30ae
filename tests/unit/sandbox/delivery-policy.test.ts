import { describe, expect, it } from "vitest";
import { decideDelivery, MAX_DELIVERY_ATTEMPTS, type DeliveryDecision, type DeliveryOutcome } from "@/lib/sandbox/delivery-policy";

const response = (status: number): DeliveryOutcome => ({ kind: "response", status });
const networkError = (message = "fetch failed"): DeliveryOutcome => ({ kind: "network_error", message });
const BASE = 50;

describe("decideDelivery", () => {
  it("allows three attempts in all, as Nylas does", () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(3);
  });

  it.each([200, 201, 202, 204, 299])("treats HTTP %i as delivered, whatever the attempt", (status) => {
    for (const attempt of [1, 2, 3]) expect(decideDelivery(response(status), attempt, BASE)).toEqual({ status: "delivered" });
  });

  const retryable: { name: string; outcome: DeliveryOutcome; label: string }[] = [
    ...[408, 429, 502, 503, 504, 507].map((status) => ({ name: `HTTP ${status}`, outcome: response(status), label: `HTTP ${status}` })),
    { name: "a network error", outcome: networkError("connect ECONNREFUSED 127.0.0.1:9"), label: "connect ECONNREFUSED 127.0.0.1:9" },
    { name: "a timeout", outcome: networkError("The operation was aborted due to timeout"), label: "The operation was aborted due to timeout" },
  ];

  it.each(retryable)("retries $name after base × 5^(n-1): base, then 5 × base", ({ outcome }) => {
    expect(decideDelivery(outcome, 1, BASE)).toEqual<DeliveryDecision>({ status: "pending", retryInMs: 50 });
    expect(decideDelivery(outcome, 2, BASE)).toEqual<DeliveryDecision>({ status: "pending", retryInMs: 250 });
  });

  it.each(retryable)("gives up on $name at the third attempt, saying how many attempts were made", ({ outcome, label }) => {
    expect(decideDelivery(outcome, 3, BASE)).toEqual<DeliveryDecision>({ status: "failed", reason: `${label} after 3 attempts` });
    expect(decideDelivery(outcome, 4, BASE)).toEqual<DeliveryDecision>({ status: "failed", reason: `${label} after 4 attempts` });
  });

  it("scales the backoff with the configured base (production: 1 min, then 5 min)", () => {
    expect(decideDelivery(response(503), 1, 60_000)).toEqual({ status: "pending", retryInMs: 60_000 });
    expect(decideDelivery(response(503), 2, 60_000)).toEqual({ status: "pending", retryInMs: 300_000 });
  });

  it.each([301, 302, 400, 401, 403, 404, 409, 410, 500, 501, 505])("fails HTTP %i at once, without retrying", (status) => {
    expect(decideDelivery(response(status), 1, BASE)).toEqual<DeliveryDecision>({ status: "failed", reason: `HTTP ${status} (not retried)` });
  });

  it("does not treat 1xx or 3xx as delivered", () => {
    expect(decideDelivery(response(199), 1, BASE).status).toBe("failed");
    expect(decideDelivery(response(300), 1, BASE).status).toBe("failed");
  });
});
