/**
 * Pure: the state of one booking's interview as a fold over its webhook events.
 *
 * Events can arrive twice, late, or out of order (cancelled before created). The reducer sorts
 * them by (time, created < rescheduled < cancelled, notification id) before folding, so the final
 * state depends only on the SET of events received, never on their arrival order. Cancelled is
 * final: later events may fill in missing details but never revive the interview.
 */

const BOOKING_EVENT_TYPES = ["booking.created", "booking.rescheduled", "booking.cancelled"] as const;
export type BookingEventType = (typeof BOOKING_EVENT_TYPES)[number];

export type BookingParticipant = { email: string; name: string | null };

/** The fields of `data.object` (nylas-contract §4.5) the pipeline uses; everything optional. */
export type BookingNotification = {
  notificationId: string;
  type: BookingEventType;
  /** envelope `time`, Unix seconds */
  time: number;
  object: {
    booking_id?: unknown;
    configuration_id?: unknown;
    booking_info?: Record<string, unknown> | null;
  };
};

export type InterviewStatusValue = "SCHEDULED" | "RESCHEDULED" | "CANCELLED";

export type HistoryEntry = {
  kind: "created" | "rescheduled" | "cancelled";
  /** Unix seconds of the notification */
  at: number;
  startsAt: number | null;
  endsAt: number | null;
  previousStartsAt?: number | null;
  previousEndsAt?: number | null;
  reason?: string;
};

export type BookingState = {
  bookingId: string;
  configurationId: string | null;
  status: InterviewStatusValue;
  /** true once booking.created has been seen (a cancel may arrive first) */
  hasCreated: boolean;
  eventId: string | null;
  title: string | null;
  startsAt: number | null;
  endsAt: number | null;
  location: string | null;
  participants: BookingParticipant[] | null;
  guestTimezone: string | null;
  additionalFields: Record<string, unknown> | null;
  notetakerId: string | null;
  cancelledAt: number | null;
  cancellationReason: string | null;
  history: HistoryEntry[];
};

const RANK: Record<BookingEventType, number> = { "booking.created": 0, "booking.rescheduled": 1, "booking.cancelled": 2 };

export function isBookingEventType(type: string): type is BookingEventType {
  return (BOOKING_EVENT_TYPES as readonly string[]).includes(type);
}

export function compareBookingEvents(a: BookingNotification, b: BookingNotification): number {
  return a.time - b.time || RANK[a.type] - RANK[b.type] || (a.notificationId < b.notificationId ? -1 : a.notificationId > b.notificationId ? 1 : 0);
}

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const num = (v: unknown): number | null => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};

function readParticipants(value: unknown): BookingParticipant[] | null {
  if (!Array.isArray(value)) return null;
  const list = value
    .map((p) => (p && typeof p === "object" ? (p as Record<string, unknown>) : null))
    .filter((p): p is Record<string, unknown> => p !== null && typeof p.email === "string" && p.email.includes("@"))
    .map((p) => ({ email: (p.email as string).trim(), name: str(p.name) }));
  return list.length ? list : null;
}

function emptyState(bookingId: string): BookingState {
  return {
    bookingId,
    configurationId: null,
    status: "SCHEDULED",
    hasCreated: false,
    eventId: null,
    title: null,
    startsAt: null,
    endsAt: null,
    location: null,
    participants: null,
    guestTimezone: null,
    additionalFields: null,
    notetakerId: null,
    cancelledAt: null,
    cancellationReason: null,
    history: [],
  };
}

/** Details every booking payload carries; a later payload wins, missing values never erase known ones. */
function mergeDetails(state: BookingState, event: BookingNotification, info: Record<string, unknown>, moveTimes: boolean): BookingState {
  const fields = info.additional_fields;
  return {
    ...state,
    configurationId: str(event.object.configuration_id) ?? state.configurationId,
    eventId: str(info.event_id) ?? state.eventId,
    title: str(info.title) ?? state.title,
    location: str(info.location) ?? state.location,
    participants: readParticipants(info.participants) ?? state.participants,
    guestTimezone: str(info.guest_timezone) ?? state.guestTimezone,
    additionalFields: fields && typeof fields === "object" && !Array.isArray(fields) ? (fields as Record<string, unknown>) : state.additionalFields,
    notetakerId: str(info.notetaker_id) ?? state.notetakerId,
    startsAt: moveTimes ? (num(info.start_time) ?? state.startsAt) : (state.startsAt ?? num(info.start_time)),
    endsAt: moveTimes ? (num(info.end_time) ?? state.endsAt) : (state.endsAt ?? num(info.end_time)),
  };
}

function apply(state: BookingState, event: BookingNotification): BookingState {
  const info = event.object.booking_info && typeof event.object.booking_info === "object" ? event.object.booking_info : {};
  const cancelled = state.status === "CANCELLED";
  switch (event.type) {
    case "booking.created": {
      // After a cancel, created only fills in what is missing.
      const next = mergeDetails(state, event, info, !cancelled && state.history.every((h) => h.kind !== "rescheduled"));
      return {
        ...next,
        hasCreated: true,
        history: [...state.history, { kind: "created", at: event.time, startsAt: num(info.start_time), endsAt: num(info.end_time) }],
      };
    }
    case "booking.rescheduled": {
      const next = mergeDetails(state, event, info, !cancelled);
      const entry: HistoryEntry = {
        kind: "rescheduled",
        at: event.time,
        startsAt: num(info.start_time),
        endsAt: num(info.end_time),
        previousStartsAt: num(info.old_start_time),
        previousEndsAt: num(info.old_end_time),
      };
      return { ...next, status: cancelled ? "CANCELLED" : "RESCHEDULED", history: [...state.history, entry] };
    }
    case "booking.cancelled": {
      const next = mergeDetails(state, event, info, false);
      const reason = typeof info.cancellation_reason === "string" ? info.cancellation_reason : "";
      if (cancelled) return { ...next, history: state.history };
      return {
        ...next,
        status: "CANCELLED",
        cancelledAt: event.time,
        cancellationReason: reason,
        history: [...state.history, { kind: "cancelled", at: event.time, startsAt: next.startsAt, endsAt: next.endsAt, reason }],
      };
    }
  }
}

/** Folds every event received for one booking (any order, duplicates allowed) into its state. */
export function reduceBookingEvents(bookingId: string, events: readonly BookingNotification[]): BookingState {
  const unique = new Map<string, BookingNotification>();
  for (const e of events) if (!unique.has(e.notificationId)) unique.set(e.notificationId, e);
  return [...unique.values()].sort(compareBookingEvents).reduce(apply, emptyState(bookingId));
}
