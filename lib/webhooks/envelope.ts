/**
 * Pure: the minimal check at ingest. A notification needs a verified signature (checked before
 * this), valid JSON, and string `id` and `type`; everything else is validated in the job, so an
 * unexpected shape is never refused in a way Nylas would not retry.
 */
export const MAX_WEBHOOK_BYTES = 1_048_576;

/** Triggers the pipeline handles; anything else is stored as IGNORED and answered 200. */
export const HANDLED_TRIGGERS = new Set([
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "notetaker.created",
  "notetaker.updated",
  "notetaker.meeting_state",
  "notetaker.media",
  "notetaker.deleted",
]);

export type ParsedEnvelope = {
  id: string;
  type: string;
  source: string | null;
  time: Date | null;
  deliveryAttempt: number | null;
  bookingId: string | null;
  /** data.object.id of a notetaker.* notification: its events are reduced together. */
  notetakerId: string | null;
  payload: Record<string, unknown>;
};

export type EnvelopeResult = { ok: true; envelope: ParsedEnvelope } | { ok: false; message: string };

export function parseEnvelope(text: string): EnvelopeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "Body is not valid JSON." };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, message: "Body must be a JSON object." };
  const payload = value as Record<string, unknown>;
  const { id, type } = payload;
  if (typeof id !== "string" || !id.trim()) return { ok: false, message: "Notification `id` is missing." };
  if (typeof type !== "string" || !type.trim()) return { ok: false, message: "Notification `type` is missing." };
  const time = typeof payload.time === "number" && Number.isFinite(payload.time) ? new Date(payload.time * 1000) : null;
  const data = payload.data && typeof payload.data === "object" ? (payload.data as Record<string, unknown>) : null;
  const object = data?.object && typeof data.object === "object" ? (data.object as Record<string, unknown>) : null;
  return {
    ok: true,
    envelope: {
      id,
      type,
      source: typeof payload.source === "string" ? payload.source : null,
      time: time && !Number.isNaN(time.getTime()) ? time : null,
      deliveryAttempt: Number.isInteger(payload.webhook_delivery_attempt) ? (payload.webhook_delivery_attempt as number) : null,
      bookingId: type.startsWith("booking.") && typeof object?.booking_id === "string" ? object.booking_id : null,
      notetakerId: type.startsWith("notetaker.") && typeof object?.id === "string" && object.id ? object.id : null,
      payload,
    },
  };
}
