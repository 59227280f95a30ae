import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { enqueue } from "@/lib/jobs";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidRequest, notFound } from "./errors";
import { UUID_RE } from "./grants";
import { data, list, type SandboxResult } from "./http";
import { newNotificationId } from "./ids";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues, ZWebhookCreate, ZWebhookUpdate } from "./schemas";
import { webhookDeliveryJob } from "./webhook-dispatcher";

type WebhookRow = Prisma.SandboxWebhookGetPayload<object>;
type Tx = Prisma.TransactionClient;

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

function serializeWebhook(w: WebhookRow, withSecret = false) {
  return {
    id: w.id,
    description: w.description,
    trigger_types: w.triggerTypes,
    webhook_url: w.webhookUrl,
    ...(withSecret ? { webhook_secret: w.secret } : {}),
    status: w.status,
    notification_email_addresses: w.notificationEmailAddresses,
    compressed_delivery: w.compressedDelivery,
    status_updated_at: seconds(w.statusUpdatedAt),
    created_at: seconds(w.createdAt),
    updated_at: seconds(w.updatedAt),
  };
}

/** Nylas generates the signing secret; it is shown only on create and rotate. */
const newSecret = () => randomBytes(32).toString("hex");

// POST /v3/webhooks
export async function createWebhook(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZWebhookCreate.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid webhook: ${describeIssues(parsed.error)}`);
  const body = parsed.data;
  const row = await db.sandboxWebhook.create({
    data: {
      id: randomUUID(),
      webhookUrl: body.webhook_url,
      description: body.description ?? null,
      triggerTypes: [...new Set(body.trigger_types)],
      secret: newSecret(),
      notificationEmailAddresses: body.notification_email_addresses ?? [],
      compressedDelivery: body.compressed_delivery ?? false,
    },
  });
  return data(serializeWebhook(row, true));
}

// GET /v3/webhooks
export async function listWebhooks(): Promise<SandboxResult> {
  const rows = await db.sandboxWebhook.findMany({ orderBy: { createdAt: "asc" } });
  return list(
    rows.map((w) => serializeWebhook(w)),
    null,
  );
}

async function getWebhookOrThrow(id: string): Promise<WebhookRow> {
  const row = UUID_RE.test(id) ? await db.sandboxWebhook.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(`Webhook not found: ${id}`);
  return row;
}

// GET /v3/webhooks/{id}
export async function findWebhook(ctx: SandboxContext): Promise<SandboxResult> {
  return data(serializeWebhook(await getWebhookOrThrow(ctx.params.id!)));
}

// PUT /v3/webhooks/{id}
export async function updateWebhook(ctx: SandboxContext): Promise<SandboxResult> {
  const existing = await getWebhookOrThrow(ctx.params.id!);
  const parsed = ZWebhookUpdate.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid webhook: ${describeIssues(parsed.error)}`);
  const body = parsed.data;
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.sandboxWebhook.update({
      where: { id: existing.id },
      data: {
        ...(body.webhook_url ? { webhookUrl: body.webhook_url } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.trigger_types ? { triggerTypes: [...new Set(body.trigger_types)] } : {}),
        ...(body.notification_email_addresses ? { notificationEmailAddresses: body.notification_email_addresses } : {}),
        ...(body.compressed_delivery !== undefined ? { compressedDelivery: body.compressed_delivery } : {}),
        ...(body.status && body.status !== existing.status ? { status: body.status, statusUpdatedAt: new Date() } : {}),
      },
    });
    // Active again: what waited while it was paused (or failed) is sent now.
    const isDelivering = (status: string) => status === "active" || status === "failing";
    if (isDelivering(updated.status) && !isDelivering(existing.status)) {
      const waiting = await tx.sandboxWebhookDelivery.findMany({ where: { webhookId: existing.id, status: "pending" }, select: { id: true } });
      await enqueue(
        tx,
        webhookDeliveryJob,
        waiting.map((d) => ({ deliveryId: d.id })),
      );
    }
    return updated;
  });
  return data(serializeWebhook(row));
}

// DELETE /v3/webhooks/{id}
export async function deleteWebhook(ctx: SandboxContext): Promise<SandboxResult> {
  const existing = await getWebhookOrThrow(ctx.params.id!);
  await db.sandboxWebhook.delete({ where: { id: existing.id } });
  return data({ status: "success" });
}

// POST /v3/webhooks/rotate-secret/{id}
export async function rotateWebhookSecret(ctx: SandboxContext): Promise<SandboxResult> {
  const existing = await getWebhookOrThrow(ctx.params.id!);
  const row = await db.sandboxWebhook.update({ where: { id: existing.id }, data: { secret: newSecret() } });
  return data(serializeWebhook(row, true));
}

// GET /v3/webhooks/ip-addresses
export async function getWebhookIpAddresses(ctx: SandboxContext): Promise<SandboxResult> {
  return data({ ip_addresses: ["127.0.0.1"], updated_at: seconds(ctx.now) });
}

export const SANDBOX_APPLICATION_ID = "sandbox-application";

/**
 * Queues one notification for every active subscriber of its trigger, inside the caller's
 * transaction (an outbox row and its delivery job each), so a booking and its webhook are
 * committed together.
 */
export async function enqueueNotification(
  tx: Tx,
  notification: {
    type: string;
    source: string;
    grantId: string | null;
    object: Record<string, unknown>;
    /** The notification's `time`. */
    now: Date;
    /** When the first delivery attempt is due (default: `now`). */
    deliverAt?: Date;
  },
): Promise<number> {
  const subscribers = await tx.sandboxWebhook.findMany({
    where: { status: { in: ["active", "failing"] }, triggerTypes: { has: notification.type } },
    select: { id: true },
  });
  if (!subscribers.length) return 0;
  const envelope = {
    specversion: "1.0",
    type: notification.type,
    source: notification.source,
    id: newNotificationId(),
    time: seconds(notification.now),
    data: {
      application_id: SANDBOX_APPLICATION_ID,
      ...(notification.grantId ? { grant_id: notification.grantId } : {}),
      object: notification.object,
    },
  };
  const deliverAt = notification.deliverAt ?? notification.now;
  const rows = subscribers.map((s) => ({
    id: randomUUID(),
    webhookId: s.id,
    notificationId: envelope.id,
    triggerType: notification.type,
    payload: envelope as Prisma.InputJsonValue,
    nextAttemptAt: deliverAt,
  }));
  await tx.sandboxWebhookDelivery.createMany({ data: rows });
  await enqueue(
    tx,
    webhookDeliveryJob,
    rows.map((r) => ({ deliveryId: r.id })),
    { runAt: deliverAt },
  );
  return subscribers.length;
}
