import { toErrorResponse } from "@/lib/errors";
import { ingestNylasWebhook } from "@/lib/webhooks/ingest";

export const dynamic = "force-dynamic";

/** GET /api/webhooks/nylas?challenge=… — Nylas's verification handshake: echo the challenge as plain text. */
export function GET(request: Request) {
  const challenge = new URL(request.url).searchParams.get("challenge");
  if (!challenge) return new Response("Missing challenge.", { status: 400, headers: { "content-type": "text/plain" } });
  return new Response(challenge, { status: 200, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** POST /api/webhooks/nylas — verify, store in the inbox, answer 200; processing happens in jobs. */
export async function POST(request: Request) {
  try {
    const result = await ingestNylasWebhook(request);
    return Response.json({ received: true, duplicate: result.duplicate, ignored: result.ignored });
  } catch (error) {
    return toErrorResponse(error);
  }
}
