/** Weekly open hours in one IANA time zone; `exdates` are local "YYYY-MM-DD" dates with no hours. */
export type OpenHours = {
  days: number[]; // 0 = Sunday .. 6 = Saturday
  start: string; // "9:00" or "09:00"
  end: string; // "17:00"; "24:00" = end of the local day
  timezone: string;
  exdates?: string[];
};

/** Half-open [start, end) in epoch milliseconds. */
export type Interval = { start: number; end: number };

export type AvailabilityMethod = "collective" | "max-fairness" | "max-availability";

export type EngineParticipant = {
  email: string;
  openHours: OpenHours[];
  busy: Interval[];
  /** Creation time of the most recent non-cancelled booking in this configuration; null = never booked. */
  lastBookedAt: number | null;
};

export type AvailabilityInput = {
  now: number;
  windowStart: number;
  windowEnd: number;
  durationMinutes: number;
  intervalMinutes?: number;
  roundTo?: number;
  buffer: { before: number; after: number };
  minBookingNoticeMinutes: number;
  availableDaysInFuture: number;
  method: AvailabilityMethod;
  participants: EngineParticipant[];
};

export type TimeSlot = { start: number; end: number; emails: string[] };

export type AvailabilityResult = { order: string[]; slots: TimeSlot[] };

export type SkipReason = "busy" | "outside_open_hours" | "not_first_ranked" | "not_requested";

export type HostDecision = {
  method: AvailabilityMethod;
  order: string[];
  slotStart: number;
  slotEnd: number;
  free: string[];
  skipped: { email: string; reason: SkipReason }[];
  chosen: string | null;
};

export type ChooseHostResult = { ok: true; email: string; decision: HostDecision } | { ok: false; reason: "slot_unavailable" | "unknown_participant"; decision: HostDecision };

export type ParticipantStatus = "free" | "busy" | "outside_open_hours";
