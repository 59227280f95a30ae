/**
 * Booking webhook notifications shaped exactly like Nylas's documented examples
 * (shared/nylas-contract.md §4.4 envelope, §4.5 booking payloads), and signed requests for
 * POST /api/webhooks/nylas. Pure: usable from unit and integration tests.
 */
import { randomUUID } from "node:crypto";
import { signNylasBody } from "@/lib/webhooks/signature";
import type { BookingEventType, BookingNotification } from "@/lib/interviews/booking-reducer";

export const WEBHOOK_URL = "http://localhost/api/webhooks/nylas";
export const TEST_APPLICATION_ID = "0b3c5d7e-1f2a-4b6c-8d9e-0a1b2c3d4e5f";
export const TEST_GRANT_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

export type Participant = { email: string; name: string };

export type BookingEnvelope = {
  specversion: "1.0";
  type: string;
  source: string;
  id: string;
  time: number;
  webhook_delivery_attempt: number;
  data: {
    application_id: string;
    grant_id: string;
    object: {
      booking_id: string;
      booking_ref?: string;
      configuration_id: string;
      object: "booking";
      booking_info: Record<string, unknown>;
    };
  };
};

export type BookingEnvelopeInput = {
  type: BookingEventType;
  /** notification id (dedupe key); random when omitted */
  id?: string;
  /** envelope `time`, Unix seconds */
  time: number;
  attempt?: number;
  bookingId: string;
  configurationId: string;
  eventId?: string;
  start: number;
  end: number;
  /** booking.rescheduled only */
  oldStart?: number;
  oldEnd?: number;
  /** `null` is allowed by Nylas (§4.5) */
  participants?: Participant[] | null;
  additionalFields?: Record<string, unknown> | null;
  title?: string;
  location?: string;
  guestTimezone?: string;
  /** booking.cancelled only; Nylas sends "" when none was given */
  cancellationReason?: string;
  notetakerId?: string;
};

/** A booking.* notification as Nylas sends it. */
export function bookingEnvelope(input: BookingEnvelopeInput): BookingEnvelope {
  const bookingInfo: Record<string, unknown> = {
    event_id: input.eventId ?? `evt_${input.bookingId.slice(0, 8)}`,
    start_time: input.start,
    end_time: input.end,
    participants: input.participants === undefined ? null : input.participants,
    additional_fields: input.additionalFields === undefined ? null : input.additionalFields,
    hide_cancellation_options: false,
    hide_rescheduling_options: false,
    participant_rescheduling_url: `https://book.example.com/reschedule/ref-${input.bookingId}`,
    participant_cancellation_url: `https://book.example.com/cancel/ref-${input.bookingId}`,
    host_language: "en",
    guest_language: "en",
    title: input.title ?? "Interview with Dana Chen",
    duration: Math.round((input.end - input.start) / 60),
    location: input.location ?? "https://meet.google.com/abc-defg-hij",
    organizer_timezone: "America/New_York",
    guest_timezone: input.guestTimezone ?? "Europe/Paris",
    is_group_event: false,
    organizer_calendar_id: "primary",
    event_description: "Interview for the Backend Engineer role.",
    event_html_link: "https://calendar.google.com/calendar/event?eid=abc",
    ical_uid: `${input.bookingId}@google.com`,
  };
  if (input.notetakerId) bookingInfo.notetaker_id = input.notetakerId;
  if (input.type === "booking.rescheduled") {
    bookingInfo.old_start_time = input.oldStart ?? null;
    bookingInfo.old_end_time = input.oldEnd ?? null;
  }
  if (input.type === "booking.cancelled") bookingInfo.cancellation_reason = input.cancellationReason ?? "";
  return {
    specversion: "1.0",
    type: input.type,
    source: "/nylas/passthru",
    id: input.id ?? randomUUID(),
    time: input.time,
    webhook_delivery_attempt: input.attempt ?? 1,
    data: {
      application_id: TEST_APPLICATION_ID,
      grant_id: TEST_GRANT_ID,
      object: {
        booking_id: input.bookingId,
        // booking.cancelled carries no booking_ref (§4.5)
        ...(input.type === "booking.cancelled" ? {} : { booking_ref: `ref-${input.bookingId}` }),
        configuration_id: input.configurationId,
        object: "booking",
        booking_info: bookingInfo,
      },
    },
  };
}

/** The same notification delivered again (Nylas retries keep `id` and bump the attempt). */
export function redelivery(envelope: BookingEnvelope, attempt = envelope.webhook_delivery_attempt + 1): BookingEnvelope {
  return { ...envelope, webhook_delivery_attempt: attempt };
}

/** What lib/interviews/process-booking hands the reducer for one stored notification. */
export function toReducerEvent(envelope: BookingEnvelope): BookingNotification {
  return {
    notificationId: envelope.id,
    type: envelope.type as BookingEventType,
    time: envelope.time,
    object: JSON.parse(JSON.stringify(envelope.data.object)) as BookingNotification["object"],
  };
}

/** A POST to the webhook route, signed over the exact bytes sent (unless `signature` overrides). */
export function signedWebhookRequest(body: string | Buffer | Uint8Array, opts: { secret?: string; signature?: string | null; headers?: Record<string, string> } = {}): Request {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  const signature = opts.signature !== undefined ? opts.signature : opts.secret ? signNylasBody(bytes, opts.secret) : null;
  if (signature !== null) headers["x-nylas-signature"] = signature;
  return new Request(WEBHOOK_URL, { method: "POST", headers, body: bytes });
}

/** Every ordering of `items` (n! of them), generated by Heap's algorithm. */
export function permutations<T>(items: readonly T[]): T[][] {
  const a = [...items];
  const out: T[][] = [a.slice()];
  const c = new Array<number>(a.length).fill(0);
  let i = 1;
  while (i < a.length) {
    if (c[i]! < i) {
      const j = i % 2 === 0 ? 0 : c[i]!;
      [a[j], a[i]] = [a[i]!, a[j]!];
      out.push(a.slice());
      c[i] = c[i]! + 1;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}
