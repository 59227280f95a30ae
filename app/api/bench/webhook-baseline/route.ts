import { getEnv } from "@/lib/env";
import { parseEnvelope } from "@/lib/webhooks/envelope";
import { loadWebhookSecrets } from "@/lib/webhooks/secrets";
import { verifyNylasSignature } from "@/lib/webhooks/signature";

export const dynamic = "force-dynamic";

/**
 * POST /api/bench/webhook-baseline — the framework's ceiling for `npm run bench`: the same
 * signature check and JSON parse as /api/webhooks/nylas, without storing anything. 404 unless
 * BENCH_BASELINE_ROUTE=on.
 */
export async function POST(request: Request) {
  if (getEnv().BENCH_BASELINE_ROUTE !== "on") return new Response("Not found", { status: 404 });
  const raw = Buffer.from(await request.arrayBuffer());
  if (!verifyNylasSignature(raw, request.headers.get("x-nylas-signature"), await loadWebhookSecrets())) {
    return new Response("Invalid signature", { status: 401 });
  }
  const parsed = parseEnvelope(raw.toString("utf8"));
  return parsed.ok ? Response.json({ received: true }) : new Response(parsed.message, { status: 400 });
}
