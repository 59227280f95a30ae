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
 * Repairs what the app needs of it: re-activates it, adds missing triggers, and points one it
 * created back at our URL.
 */
export async function ensureWebhookSubscription(): Promise<SubscriptionOutcome> {
  const env = getEnv();
  const nylas = getNylas();
  const url = webhookUrl();
  const subscriptions = (await nylas.webhooks.list()).data;
  let existing = subscriptions.find((w) => w.webhookUrl === url);
  // None at our URL, but one we created points elsewhere (APP_URL changed, or it was edited outside
  // the app): point that one back rather than add a second subscription.
  let isMoved = false;
  if (!existing) {
    const ours = new Set((await db.webhookSubscription.findMany({ where: { apiUri: env.nylasApiUri }, select: { webhookId: true } })).map((s) => s.webhookId));
    existing = subscriptions.find((w) => ours.has(w.id));
    isMoved = existing !== undefined;
  }

  if (!existing) {
    const created = (await nylas.webhooks.create({ requestBody: { webhookUrl: url, triggerTypes: WEBHOOK_TRIGGERS, description: "Interview pipeline portal" } })).data;
    await storeSecret(env.nylasApiUri, created.id, url, created.webhookSecret);
    return { webhookId: created.id, action: "created", url };
  }

  let action: SubscriptionOutcome["action"] = "unchanged";
  const missing = WEBHOOK_TRIGGERS.filter((t) => !existing.triggerTypes.includes(t));
  // Nylas never reactivates a paused or failed destination by itself; the app needs its webhooks.
  const inactive = existing.status !== "active" && existing.status !== "failing";
  if (missing.length || inactive || isMoved) {
    await nylas.webhooks.update({
      webhookId: existing.id,
      requestBody: {
        triggerTypes: [...existing.triggerTypes, ...missing],
        ...(inactive ? { status: "active" } : {}),
        ...(isMoved ? { webhookUrl: url } : {}),
      } as never,
    });
    if (isMoved) await db.webhookSubscription.updateMany({ where: { apiUri: env.nylasApiUri, webhookId: existing.id }, data: { webhookUrl: url } });
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
