import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * Secrets a delivery may be signed with: NYLAS_WEBHOOK_SECRET and every stored active
 * subscription secret. Cached per process so the hot path makes no extra database round trip;
 * a signature that matches nothing refreshes the cache once (a subscription may be new).
 */
const TTL_MS = 60_000;
type Cache = { secrets: string[]; loadedAt: number };
const holder = globalThis as { __webhookSecrets?: Cache };

export async function loadWebhookSecrets(options: { refresh?: boolean } = {}): Promise<string[]> {
  const cached = holder.__webhookSecrets;
  if (!options.refresh && cached && Date.now() - cached.loadedAt < TTL_MS) return cached.secrets;
  const rows = await db.webhookSubscription.findMany({ where: { active: true }, select: { secret: true } });
  const envSecret = getEnv().NYLAS_WEBHOOK_SECRET;
  const secrets = [...new Set([...(envSecret ? [envSecret] : []), ...rows.map((r) => r.secret)])];
  holder.__webhookSecrets = { secrets, loadedAt: Date.now() };
  return secrets;
}

/** For tests and after a subscription changes in this process. */
export function forgetWebhookSecrets(): void {
  holder.__webhookSecrets = undefined;
}
