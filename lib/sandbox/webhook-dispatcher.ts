/**
 * The sandbox's webhook deliveries: each outbox row (sandbox_webhook_deliveries, written with the
 * change that caused it) is sent by a "sandbox.webhook-delivery" job (lib/sandbox/jobs.ts), signed
 * as Nylas signs, gzipped for subscriptions that asked for it. One attempt per job run; the runner
 * retries a retryable failure on the sandboxDelivery policy, as Nylas retries (nylas-contract §4.3).
 */
import "server-only";
import { createHmac } from "node:crypto";
import { gzipSync } from "node:zlib";
import { db } from "@/lib/db";
import { defineJobKind, type JobContext, type JobFailure, type Tx } from "@/lib/jobs";
import { DELIVERY_TIMEOUT_MS, judgeDelivery, type DeliveryOutcome } from "./delivery-policy";

export function signWebhookBody(body: Buffer | string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** What tests may replace. */
export type DeliveryDeps = { fetchImpl?: typeof fetch };

/** A failed attempt the runner retries; carries the status code for the row. */
class RetryableDeliveryError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
  ) {
    super(message);
  }
}

/**
 * One attempt at one delivery (the job's handler). A paused or failed destination gets nothing:
 * the row stays pending, and making the destination active again queues it (lib/sandbox/webhooks.ts).
 */
async function deliverWebhook(deliveryId: string, ctx: JobContext<DeliveryDeps>): Promise<((tx: Tx) => Promise<void>) | void> {
  const row = await db.sandboxWebhookDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, payload: true, status: true, webhook: { select: { webhookUrl: true, secret: true, compressedDelivery: true, status: true } } },
  });
  if (!row || row.status !== "pending" || !["active", "failing"].includes(row.webhook.status)) return;
  const outcome = await deliverOnce({ ...row.webhook, payload: row.payload as Record<string, unknown>, attempt: ctx.attempt }, ctx.deps?.fetchImpl ?? fetch);
  const verdict = judgeDelivery(outcome);
  const lastStatusCode = outcome.kind === "response" ? outcome.status : null;
  if (verdict.status === "retry") throw new RetryableDeliveryError(verdict.reason, lastStatusCode);
  return async (tx) => {
    await tx.sandboxWebhookDelivery.update({
      where: { id: deliveryId },
      data:
        verdict.status === "delivered"
          ? { status: "delivered", deliveredAt: new Date(), attempts: ctx.attempt, lastStatusCode, lastError: null }
          : { status: "failed", attempts: ctx.attempt, lastStatusCode, lastError: verdict.reason },
    });
  };
}

/** A failed attempt on the row: pending until its retry, or failed after the last. */
async function recordDeliveryFailure(tx: Tx, deliveryId: string, failure: JobFailure): Promise<void> {
  const lastStatusCode = failure.error instanceof RetryableDeliveryError ? failure.error.statusCode : null;
  await tx.sandboxWebhookDelivery.updateMany({
    where: { id: deliveryId, status: "pending" },
    data: failure.retryAt
      ? { attempts: failure.attempt, nextAttemptAt: failure.retryAt, lastStatusCode, lastError: failure.message }
      : { status: "failed", attempts: failure.attempt, lastStatusCode, lastError: `${failure.message} after ${failure.attempt} attempts` },
  });
}

type Delivery = { payload: Record<string, unknown>; attempt: number; webhookUrl: string; secret: string; compressedDelivery: boolean };

async function deliverOnce(delivery: Delivery, send: typeof fetch): Promise<DeliveryOutcome> {
  const json = JSON.stringify({ ...delivery.payload, webhook_delivery_attempt: delivery.attempt });
  const body = delivery.compressedDelivery ? gzipSync(json) : Buffer.from(json);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "x-nylas-signature": signWebhookBody(body, delivery.secret),
    "user-agent": "Nylas-Sandbox-Webhooks/1.0",
  };
  if (delivery.compressedDelivery) headers["content-encoding"] = "gzip";
  try {
    const response = await send(delivery.webhookUrl, {
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

type TWebhookDeliveryJob = { deliveryId: string };

export const webhookDeliveryJob = defineJobKind<TWebhookDeliveryJob, DeliveryDeps>({
  name: "sandbox.webhook-delivery",
  title: "Sandbox: deliver webhooks to subscribers",
  // Deliveries wait on the receiver (up to 10 s each): several at once per process.
  concurrency: 8,
  retry: "sandboxDelivery",
  dedupKey: (p) => p.deliveryId,
  run: ({ deliveryId }, ctx) => deliverWebhook(deliveryId, ctx),
  onFailure: (tx, { deliveryId }, failure) => recordDeliveryFailure(tx, deliveryId, failure),
  onRetry: async (tx, { deliveryId }) => {
    await tx.sandboxWebhookDelivery.updateMany({ where: { id: deliveryId, status: "failed" }, data: { status: "pending", nextAttemptAt: new Date() } });
  },
});
