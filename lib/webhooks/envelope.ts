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

const hexAt = (text: string, i: number): number | null => {
  const hex = text.slice(i, i + 4);
  return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : null;
};
const isHigh = (code: number | null) => code !== null && code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number | null) => code !== null && code >= 0xdc00 && code <= 0xdfff;

/**
 * Postgres text and jsonb cannot hold U+0000 or a lone UTF-16 surrogate, both of which JSON can
 * escape (`\u0000`, `\ud800`); a notification carrying one could never be stored (every delivery a
 * 503, retried by Nylas for nothing). They are stored as U+FFFD instead. Other text is unchanged.
 */
export function replaceUnstorableEscapes(text: string): string {
  if (!text.includes("\\u")) return text;
  let out = "";
  let from = 0;
  for (let i = text.indexOf("\\"); i !== -1 && i < text.length; i = text.indexOf("\\", i)) {
    if (text[i + 1] !== "u") {
      i += 2; // any other escape, including an escaped backslash
      continue;
    }
    const code = hexAt(text, i + 2);
    if (isHigh(code) && text.startsWith("\\u", i + 6) && isLow(hexAt(text, i + 8))) {
      i += 12; // a surrogate pair: one valid character
      continue;
    }
    if (code === 0 || isHigh(code) || isLow(code)) {
      out += `${text.slice(from, i)}\\ufffd`;
      from = i + 6;
    }
    i += 6;
  }
  return out + text.slice(from);
}

/** Nylas's payloads nest about 6 deep; Postgres's jsonb parser runs out of stack near 10,000. */
export const MAX_WEBHOOK_JSON_DEPTH = 256;

/** True when valid JSON `text` nests arrays/objects deeper than `max` (strings skipped). */
function isNestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

export function parseEnvelope(text: string): EnvelopeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: "Body is not valid JSON." };
  }
  // Refused here rather than failing to store (a 503 that Nylas would retry for nothing).
  if (isNestedDeeperThan(text, MAX_WEBHOOK_JSON_DEPTH)) return { ok: false, message: `Body nests deeper than ${MAX_WEBHOOK_JSON_DEPTH} levels.` };
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
