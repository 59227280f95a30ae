/**
 * Pure: how the sandbox judges a webhook delivery attempt, as Nylas documents it (nylas-contract
 * §4.3): 2xx is delivered; 408, 429, 502, 503, 504, 507 and network errors are retried (3 attempts
 * in all, 1 min then 5 min apart: RETRY_POLICIES.sandboxDelivery, which the job runner applies);
 * anything else fails at once.
 */

export const DELIVERY_TIMEOUT_MS = 10_000;
const RETRYABLE_STATUSES = new Set([408, 429, 502, 503, 504, 507]);

export type DeliveryOutcome = { kind: "response"; status: number } | { kind: "network_error"; message: string };

export type DeliveryVerdict = { status: "delivered" } | { status: "retry"; reason: string } | { status: "failed"; reason: string };

export function judgeDelivery(outcome: DeliveryOutcome): DeliveryVerdict {
  if (outcome.kind === "response" && outcome.status >= 200 && outcome.status < 300) return { status: "delivered" };
  const reason = outcome.kind === "network_error" ? outcome.message : `HTTP ${outcome.status}`;
  const retryable = outcome.kind === "network_error" || RETRYABLE_STATUSES.has(outcome.status);
  return retryable ? { status: "retry", reason } : { status: "failed", reason: `${reason} (not retried)` };
}
