import "server-only";
import { createHmac } from "node:crypto";
import { gzipSync } from "node:zlib";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { decideDelivery, DELIVERY_TIMEOUT_MS, type DeliveryOutcome } from "./delivery-policy";

type ClaimedDelivery = {
  id: string;
  payload: Record<string, unknown>;
  attempts: number;
  webhook_url: string;
  secret: string;
  compressed_delivery: boolean;
};

// Lease on a claimed row (60 s, in the SQL below): if this process dies mid-delivery, another
// dispatcher picks the row up after it; one attempt takes at most DELIVERY_TIMEOUT_MS (10 s).

export function signWebhookBody(body: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * Claims due deliveries (FOR UPDATE SKIP LOCKED, so several dispatchers never send the same
 * attempt), sends each once, and records the outcome. Returns how many were attempted.
 */
export async function dispatchDueDeliveries(opts: { limit?: number; fetchImpl?: typeof fetch } = {}): Promise<number> {
  const limit = opts.limit ?? 20;
  const send = opts.fetchImpl ?? fetch;
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE sandbox_webhook_deliveries d
       SET attempts = d.attempts + 1,
           next_attempt_at = now() + interval '60 seconds', 
           updated_at = now()
      FROM sandbox_webhooks w
     WHERE d.webhook_id = w.id
       AND d.id IN (
         SELECT q.id FROM sandbox_webhook_deliveries q
           JOIN sandbox_webhooks qw ON qw.id = q.webhook_id
          -- a paused (or failed) destination gets nothing until it is active again
          WHERE q.status = 'pending' AND q.next_attempt_at <= now() AND qw.status IN ('active', 'failing')
          ORDER BY q.next_attempt_at, q.created_at
          LIMIT ${limit}
          FOR UPDATE OF q SKIP LOCKED)
    RETURNING d.id, d.payload, d.attempts, w.webhook_url, w.secret, w.compressed_delivery`;

  const { SANDBOX_WEBHOOK_RETRY_BASE_MS } = getEnv();
  await Promise.all(
    claimed.map(async (delivery) => {
      const outcome = await deliverOnce(delivery, send);
      const decision = decideDelivery(outcome, delivery.attempts, SANDBOX_WEBHOOK_RETRY_BASE_MS);
      const lastStatusCode = outcome.kind === "response" ? outcome.status : null;
      await db.sandboxWebhookDelivery.update({
        where: { id: delivery.id },
        data:
          decision.status === "delivered"
            ? { status: "delivered", deliveredAt: new Date(), lastStatusCode, lastError: null }
            : decision.status === "pending"
              ? { status: "pending", nextAttemptAt: new Date(Date.now() + decision.retryInMs), lastStatusCode, lastError: describe(outcome) }
              : { status: "failed", lastStatusCode, lastError: decision.reason },
      });
    }),
  );
  return claimed.length;
}

function describe(outcome: DeliveryOutcome): string {
  return outcome.kind === "response" ? `HTTP ${outcome.status}` : outcome.message;
}

async function deliverOnce(delivery: ClaimedDelivery, send: typeof fetch): Promise<DeliveryOutcome> {
  const json = JSON.stringify({ ...delivery.payload, webhook_delivery_attempt: delivery.attempts });
  const body = delivery.compressed_delivery ? gzipSync(json) : Buffer.from(json);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-nylas-signature": signWebhookBody(body, delivery.secret),
    "user-agent": "Nylas-Sandbox-Webhooks/1.0",
  };
  if (delivery.compressed_delivery) headers["content-encoding"] = "gzip";
  try {
    const response = await send(delivery.webhook_url, {
      method: "POST",
      headers,
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      redirect: "manual",
    });
    await response.body?.cancel().catch(() => {});
    return { kind: "response", status: response.status };
  } catch (error) {
    return { kind: "network_error", message: error instanceof Error ? error.message : String(error) };
  }
}
