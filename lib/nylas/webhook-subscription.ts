import "server-only";
import { WebhookTriggers } from "nylas";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { getNylas } from "./client";

export const WEBHOOK_TRIGGERS = [
  WebhookTriggers.BookingCreated,
  WebhookTriggers.BookingCancelled,
  WebhookTriggers.BookingRescheduled,
  WebhookTriggers.NotetakerCreated,
  WebhookTriggers.NotetakerUpdated,
  WebhookTriggers.NotetakerMeetingState,
  WebhookTriggers.NotetakerMedia,
  WebhookTriggers.NotetakerDeleted,
];

export function webhookUrl(): string {
  return `${getEnv().appOrigin}/api/webhooks/nylas`;
}

export type SubscriptionOutcome = { webhookId: string; action: "created" | "updated" | "unchanged"; url: string };

/**
 * Finds the subscription for our webhook URL or creates it — never a duplicate — and keeps its
 * signing secret (Nylas shows it only on create and rotate, so an unknown one is rotated).
 */
export async function ensureWebhookSubscription(): Promise<SubscriptionOutcome> {
  const env = getEnv();
  const nylas = getNylas();
  const url = webhookUrl();
  const existing = (await nylas.webhooks.list()).data.find((w) => w.webhookUrl === url);

  if (!existing) {
    const created = (await nylas.webhooks.create({ requestBody: { webhookUrl: url, triggerTypes: WEBHOOK_TRIGGERS, description: "Interview pipeline portal" } })).data;
    await storeSecret(env.nylasApiUri, created.id, url, created.webhookSecret);
    return { webhookId: created.id, action: "created", url };
  }

  let action: SubscriptionOutcome["action"] = "unchanged";
  const missing = WEBHOOK_TRIGGERS.filter((t) => !existing.triggerTypes.includes(t));
  // Nylas never reactivates a paused or failed destination by itself; the app needs its webhooks.
  const inactive = existing.status !== "active" && existing.status !== "failing";
  if (missing.length || inactive) {
    await nylas.webhooks.update({
      webhookId: existing.id,
      requestBody: { triggerTypes: [...existing.triggerTypes, ...missing], ...(inactive ? { status: "active" } : {}) } as never,
    });
    action = "updated";
  }
  const stored = await db.webhookSubscription.findUnique({ where: { apiUri_webhookId: { apiUri: env.nylasApiUri, webhookId: existing.id } }, select: { id: true } });
  if (!stored) {
    const rotated = (await nylas.webhooks.rotateSecret({ webhookId: existing.id })).data;
    await storeSecret(env.nylasApiUri, existing.id, url, rotated.webhookSecret);
    action = "updated";
  }
  return { webhookId: existing.id, action, url };
}

async function storeSecret(apiUri: string, webhookId: string, url: string, secret: string): Promise<void> {
  await db.webhookSubscription.upsert({
    where: { apiUri_webhookId: { apiUri, webhookId } },
    create: { apiUri, webhookId, webhookUrl: url, secret },
    update: { webhookUrl: url, secret, active: true },
  });
}
