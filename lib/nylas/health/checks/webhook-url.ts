/**
 * (d') Live only: can Nylas reach APP_URL? Asks nobody, so it runs even when the API key fails.
 */
import "server-only";
import { webhookUrl } from "../../webhook-subscription";
import { check, type Context } from "../context";
import type { HealthCheck } from "../format";
import { appUrlProblems, webhookUrlFix } from "../messages";

export async function checkWebhookUrl(ctx: Context): Promise<HealthCheck> {
  const problems = appUrlProblems(ctx.env.APP_URL);
  if (problems.length === 0) return check("webhook-url", "pass", `APP_URL (${ctx.env.APP_URL}) is a public HTTPS address.`);
  return check("webhook-url", "warn", `APP_URL (${ctx.env.APP_URL}) ${problems.join(" and ")}: Nylas cannot deliver webhooks to ${webhookUrl()}.`, webhookUrlFix());
}
