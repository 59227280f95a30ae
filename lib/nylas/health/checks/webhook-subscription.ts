/**
 * (d) The webhook subscription exists, is active, points at APP_URL/api/webhooks/nylas, has every
 * trigger the app needs, and its signing secret is stored.
 */
import "server-only";
import { db } from "@/lib/db";
import { WEBHOOK_TRIGGERS, webhookUrl } from "../../webhook-subscription";
import { capitalize, check, dedupe, type Context } from "../context";
import type { HealthCheck } from "../format";
import { missingTriggers, restartHint } from "../messages";

export async function checkWebhookSubscription(ctx: Context): Promise<HealthCheck> {
  const expected = webhookUrl();
  const restart = restartHint(ctx.mode);
  const [subscriptions, stored] = await Promise.all([
    ctx.call(() => ctx.nylas.webhooks.list()).then((r) => r.data),
    db.webhookSubscription.findMany({ where: { apiUri: ctx.env.nylasApiUri }, select: { webhookId: true } }),
  ]);
  const storedIds = new Set(stored.map((s) => s.webhookId));
  const atOurUrl = subscriptions.find((w) => w.webhookUrl === expected);
  // Not at our URL: is the one the app created (its id is stored) pointing somewhere else?
  const subscription = atOurUrl ?? subscriptions.find((w) => storedIds.has(w.id));

  if (!subscription) {
    return check(
      "webhook-subscription",
      "fail",
      `No webhook subscription points at ${expected}, so the app hears of no booking or Notetaker.`,
      `${capitalize(restart)}: at start-up the app creates the subscription for ${expected}.` +
        (ctx.mode === "live" ? " Nylas verifies the URL when it is created, so APP_URL must be reachable from the internet over HTTPS first." : ""),
    );
  }

  const problems: string[] = [];
  const fixes: string[] = [];
  let status = "pass" as HealthCheck["status"];
  const fail = (problem: string, fix: string) => {
    status = "fail";
    problems.push(problem);
    fixes.push(fix);
  };

  if (subscription.webhookUrl !== expected) {
    fail(`it points at ${subscription.webhookUrl} instead of ${expected}`, `${capitalize(restart)}: at start-up the app points its subscription back at ${expected}.`);
  }
  if (subscription.status === "failing") {
    status = status === "fail" ? "fail" : "warn";
    problems.push(`Nylas reports it as failing: most deliveries in the last 15 minutes got no 200`);
    fixes.push(`Make sure ${expected} answers 200 (the app's logs; Settings → Webhook deliveries). After 72 h of failures Nylas marks it failed and stops delivering.`);
  } else if (subscription.status !== "active") {
    fail(
      `its status is "${subscription.status}", not "active", so Nylas delivers nothing`,
      `${capitalize(restart)}: at start-up the app sets it active again (Nylas never re-activates a paused or failed subscription by itself)` +
        (ctx.mode === "live" ? `, or Nylas dashboard → Webhooks → ${subscription.id} → Activate.` : "."),
    );
  }
  const missing = missingTriggers(subscription.triggerTypes, WEBHOOK_TRIGGERS);
  if (missing.length) {
    fail(
      `it lacks ${missing.length === 1 ? "the trigger" : "the triggers"} ${missing.join(", ")}`,
      `${capitalize(restart)}: at start-up the app adds the missing triggers` + (ctx.mode === "live" ? ` (or add ${missing.join(", ")} in the Nylas dashboard → Webhooks → ${subscription.id}).` : "."),
    );
  }
  if (!storedIds.has(subscription.id) && status !== "fail") {
    if (status === "pass") status = "warn";
    problems.push("the app has not stored its signing secret, so deliveries verify only against NYLAS_WEBHOOK_SECRET");
    fixes.push(`${capitalize(restart)}: at start-up the app rotates the subscription's secret and stores it.`);
  }

  if (problems.length === 0) {
    return check("webhook-subscription", "pass", `Subscription ${subscription.id} is active, points at ${expected} and has all ${WEBHOOK_TRIGGERS.length} triggers the app needs.`);
  }
  return check("webhook-subscription", status, `Subscription ${subscription.id}: ${problems.join("; ")}.`, dedupe(fixes).join("\n"));
}
