/**
 * Schemas for the admin "Webhook deliveries" page (/settings/webhooks): its search params and its
 * server actions. Pure (no db, no next/*), so the page, the actions and unit tests share them.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { zId } from "@/lib/validations/ids";

export const WEBHOOK_EVENT_STATUSES = ["PENDING", "PROCESSED", "IGNORED", "DEAD"] as const;
export type TWebhookEventStatus = (typeof WEBHOOK_EVENT_STATUSES)[number];

export const WEBHOOK_EVENTS_PAGE_SIZE = 25;
/** Pages past this are refused (falls back to 1); nobody pages through 250k notifications by hand. */
export const MAX_WEBHOOK_EVENTS_PAGE = 10_000;
/** Notification types are short dotted names (`booking.created`); anything else is not a filter. */
const TYPE_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,99}$/i;

/** A search param arrives as a string, repeated (string[]) or missing; the first value counts. */
const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const ZStatusParam = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" ? first.trim().toUpperCase() : first;
}, z.enum(WEBHOOK_EVENT_STATUSES).optional());

const ZTypeParam = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" ? first.trim() : first;
}, z.string().regex(TYPE_PATTERN).optional());

const ZPageParam = z.preprocess((value) => {
  const first = firstValue(value);
  return typeof first === "string" && /^\d{1,9}$/.test(first.trim()) ? Number(first.trim()) : first;
}, z.number().int().min(1).max(MAX_WEBHOOK_EVENTS_PAGE));

/**
 * /settings/webhooks search params → filters. Each field falls back on its own: a bad status means
 * "all statuses", a bad type means "all types", a bad page means page 1, and an unknown param is
 * dropped. Parsing never fails, so a hand-edited URL still renders the page.
 *
 *   ?status=dead&type=booking.created&page=2 → { status: "DEAD", type: "booking.created", page: 2 }
 */
export const ZWebhookEventFilters = z.object({
  status: ZStatusParam.catch(undefined),
  type: ZTypeParam.catch(undefined),
  page: ZPageParam.catch(1).default(1),
});
export type TWebhookEventFilters = z.infer<typeof ZWebhookEventFilters>;

/** Next's `searchParams` prop, or anything else (a non-object parses as "no filters"). */
export function parseWebhookEventFilters(searchParams: unknown): TWebhookEventFilters {
  const input = searchParams && typeof searchParams === "object" ? searchParams : {};
  return ZWebhookEventFilters.parse(input);
}

/** Input of retryWebhookEventAction / getWebhookEventPayloadAction: one inbox row's id. */
export const ZWebhookEventId = z.object({
  id: zId("That is not a webhook notification id."),
});
export type TWebhookEventId = z.infer<typeof ZWebhookEventId>;

/** What the retry form shows after submitting (useActionState). */
export type TRetryWebhookEventState = TActionState;

/** A notification's payload as shown on the page: pretty-printed JSON, capped in length. */
export type TWebhookEventPayloadView = {
  /** Pretty-printed JSON, at most `maxChars` characters. */
  text: string;
  /** Length of the whole pretty-printed payload. */
  totalChars: number;
  isTruncated: boolean;
};

export type TWebhookEventPayloadResult = TActionState<TWebhookEventPayloadView>;
