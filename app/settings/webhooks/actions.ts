"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { ZWebhookEventId, type TRetryWebhookEventState, type TWebhookEventPayloadResult } from "@/lib/validations/webhooks";
import { retryWebhookEvent } from "@/lib/webhooks/jobs";
import { getWebhookEventPayload } from "@/lib/webhooks/queries";

/**
 * POST (server action) /settings/webhooks — "Retry" / "Reprocess" on one inbox row: queues a fresh
 * job for it, due now with a fresh set of attempts. ADMIN only. For useActionState.
 */
export const retryWebhookEventAction = defineAction({
  name: "webhooks.retry",
  roles: ["ADMIN"],
  input: (_previous: TRetryWebhookEventState, formData: FormData) => formFields(formData, "id"),
  schema: ZWebhookEventId,
  failed: "Could not queue the notification. Try again.",
  handler: async ({ id }): Promise<TRetryWebhookEventState> => {
    if (!(await retryWebhookEvent(id))) return { status: "error", message: "This notification no longer exists. Refresh the page.", fieldErrors: {} };
    revalidatePath("/settings/webhooks");
    return { status: "success", message: "Queued for processing." };
  },
});

/**
 * POST (server action) /settings/webhooks — one notification's payload for "View payload",
 * pretty-printed and capped at ~20 KB. ADMIN only. Read on demand: payloads can be 1 MB each.
 */
export const getWebhookEventPayloadAction = defineAction({
  name: "webhooks.payload",
  roles: ["ADMIN"],
  input: (id: string) => ({ id }),
  schema: ZWebhookEventId,
  failed: "Could not load the payload. Try again.",
  handler: async ({ id }): Promise<TWebhookEventPayloadResult> => {
    const payload = await getWebhookEventPayload(id);
    if (!payload) return { status: "error", message: "This notification no longer exists.", fieldErrors: {} };
    return { status: "success", message: "", ...payload };
  },
});
