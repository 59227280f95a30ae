import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/**
 * Secrets a delivery may be signed with: NYLAS_WEBHOOK_SECRET and every stored active
 * subscription secret. Cached for a minute so the hot path makes no extra database round trip; a
 * signature that matches nothing refreshes the cache once (a subscription may be new). A plain
 * module-level cache of data the database holds: a second copy of this module (Next.js may load
 * one per bundle) only reads it once more.
 */
const TTL_MS = 60_000;
type Cache = { secrets: string[]; loadedAt: number };
const holder: { cache?: Cache } = {};

export async function loadWebhookSecrets(options: { refresh?: boolean } = {}): Promise<string[]> {
  const cached = holder.cache;
  if (!options.refresh && cached && Date.now() - cached.loadedAt < TTL_MS) return cached.secrets;
  const rows = await db.webhookSubscription.findMany({ where: { active: true }, select: { secret: true } });
  const envSecret = getEnv().NYLAS_WEBHOOK_SECRET;
  const secrets = [...new Set([...(envSecret ? [envSecret] : []), ...rows.map((r) => r.secret)])];
  holder.cache = { secrets, loadedAt: Date.now() };
  return secrets;
}

/** For tests and after a subscription changes in this process. */
export function forgetWebhookSecrets(): void {
  holder.cache = undefined;
}
