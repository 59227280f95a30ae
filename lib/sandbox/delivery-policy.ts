/** Pure: how the sandbox retries webhook deliveries, as Nylas documents it (nylas-contract §4.3). */

export const MAX_DELIVERY_ATTEMPTS = 3;
export const DELIVERY_TIMEOUT_MS = 10_000;
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504, 507]);

export type DeliveryOutcome = { kind: "response"; status: number } | { kind: "network_error"; message: string };

export type DeliveryDecision =
  | { status: "delivered" }
  | { status: "pending"; retryInMs: number }
  | { status: "failed"; reason: string };

/** Attempt n (1-based) failed retryably: wait base × 5^(n-1) (with base 60 s: 1 min, then 5 min). */
export function decideDelivery(outcome: DeliveryOutcome, attempt: number, retryBaseMs: number): DeliveryDecision {
  if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) return { status: "delivered" };
  const retryable = outcome.kind === "network_error" || RETRYABLE_STATUSES.has(outcome.status);
  const reason = outcome.kind === "network_error" ? outcome.message : `HTTP ${outcome.status}`;
  if (!retryable) return { status: "failed", reason: `${reason} (not retried)` };
  if (attempt >= MAX_DELIVERY_ATTEMPTS) return { status: "failed", reason: `${reason} after ${attempt} attempts` };
  return { status: "pending", retryInMs: retryBaseMs * 5 ** (attempt - 1) };
}
