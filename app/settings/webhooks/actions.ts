"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/auth";
import {
  ZWebhookEventId,
  type TRetryWebhookEventState,
  type TWebhookEventPayloadResult,
} from "@/lib/validations/webhooks";
import { getWebhookEventPayload } from "@/lib/webhooks/queries";
import { retryWebhookEvent } from "@/lib/webhooks/jobs";

/**
 * POST (server action) /settings/webhooks — "Retry" / "Reprocess" on one inbox row: queues a fresh
 * job for it, due now with a fresh set of attempts. ADMIN only. For useActionState.
 */
export const retryWebhookEventAction = authenticatedAction(
  async (_user, _previous: TRetryWebhookEventState, formData: FormData): Promise<TRetryWebhookEventState> => {
    // A server action is a public POST: `formData` may be anything a client sent.
    const parsed = ZWebhookEventId.safeParse({ id: formData instanceof FormData ? formData.get("id") : null });
    if (!parsed.success) return { status: "error", message: "That is not a webhook notification id." };

    let isQueued: boolean;
    try {
      isQueued = await retryWebhookEvent(parsed.data.id);
    } catch (error) {
      console.error("[webhooks] admin retry failed", error);
      return { status: "error", message: "Could not queue the notification. Try again." };
    }
    if (!isQueued) return { status: "error", message: "This notification no longer exists. Refresh the page." };

    revalidatePath("/settings/webhooks");
    return { status: "success", message: "Queued for processing." };
  },
  { roles: ["ADMIN"] },
);

/**
 * POST (server action) /settings/webhooks — one notification's payload for "View payload",
 * pretty-printed and capped at ~20 KB. ADMIN only. Read on demand: payloads can be 1 MB each.
 */
export const getWebhookEventPayloadAction = authenticatedAction(
  async (_user, id: string): Promise<TWebhookEventPayloadResult> => {
    const parsed = ZWebhookEventId.safeParse({ id });
    if (!parsed.success) return { ok: false, message: "That is not a webhook notification id." };

    try {
      const payload = await getWebhookEventPayload(parsed.data.id);
      if (!payload) return { ok: false, message: "This notification no longer exists." };
      return { ok: true, ...payload };
    } catch (error) {
      console.error("[webhooks] could not load a payload", error);
      return { ok: false, message: "Could not load the payload. Try again." };
    }
  },
  { roles: ["ADMIN"] },
);
