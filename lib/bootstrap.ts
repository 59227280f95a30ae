import "server-only";
import { describeNylasError } from "@/lib/nylas/client";
import { syncRoleConfigurations, type SyncOutcome } from "@/lib/nylas/sync-configurations";
import { ensureWebhookSubscription, type SubscriptionOutcome } from "@/lib/nylas/webhook-subscription";

export type BootstrapReport = { webhook: SubscriptionOutcome | { error: string }; configurations: SyncOutcome[] };

/**
 * Idempotent start-up wiring against the current Nylas environment (the sandbox or live Nylas,
 * through the same SDK calls): the webhook subscription, then each role's configuration.
 */
export async function bootstrapNylas(): Promise<BootstrapReport> {
  let webhook: BootstrapReport["webhook"];
  try {
    webhook = await ensureWebhookSubscription();
  } catch (error) {
    webhook = { error: describeNylasError(error) };
  }
  const configurations = await syncRoleConfigurations();
  return { webhook, configurations };
}
