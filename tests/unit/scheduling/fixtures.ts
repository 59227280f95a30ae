import type { AvailabilityInput, EngineParticipant, Interval, OpenHours, TimeSlot } from "../../../lib/scheduling";

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Epoch ms from an ISO string; keeps expected instants readable in the tests. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO date ${iso}`);
  return ms;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function slotStarts(slots: TimeSlot[]): string[] {
  return slots.map((slot) => iso(slot.start));
}

export const WEEKDAYS = [1, 2, 3, 4, 5];
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

export function hours(timezone: string, start = "9:00", end = "17:00", days = WEEKDAYS, exdates?: string[]): OpenHours {
  return exdates ? { days, start, end, timezone, exdates } : { days, start, end, timezone };
}

export function busy(startIso: string, endIso: string): Interval {
  return { start: at(startIso), end: at(endIso) };
}

export function person(email: string, overrides: Partial<EngineParticipant> = {}): EngineParticipant {
  return { email, openHours: [hours("UTC")], busy: [], lastBookedAt: null, ...overrides };
}

// Monday 2026-01-05, UTC midnight.
export const MONDAY = at("2026-01-05T00:00:00Z");

export function input(overrides: Partial<AvailabilityInput> = {}): AvailabilityInput {
  return {
    now: MONDAY,
    windowStart: MONDAY,
    windowEnd: MONDAY + DAY,
    durationMinutes: 30,
    buffer: { before: 0, after: 0 },
    minBookingNoticeMinutes: 0,
    availableDaysInFuture: 60,
    method: "max-availability",
    participants: [person("a@example.com")],
    ...overrides,
  };
}
