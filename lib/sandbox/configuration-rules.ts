/**
 * Pure: turns a stored configuration (Nylas wire shape) into the effective settings the engine
 * and the booking flow use, applying Nylas's documented defaults.
 */
import type { AvailabilityMethod, OpenHours } from "@/lib/scheduling";
import type { TConfiguration } from "./schemas";

export type EffectiveParticipant = {
  email: string; // normalised
  name: string;
  timezone: string;
  calendarIds: string[];
  bookingCalendarId: string | null;
  openHours: OpenHours[];
  /** notification-only participants (no availability block) are not hosts */
  isHost: boolean;
};

export type EffectiveConfiguration = {
  id: string;
  grantId: string;
  name: string;
  method: AvailabilityMethod;
  durationMinutes: number;
  intervalMinutes: number;
  roundTo: number;
  buffer: { before: number; after: number };
  minBookingNoticeMinutes: number;
  availableDaysInFuture: number;
  timezone: string;
  titleTemplate: string;
  description: string;
  conferencingProvider: string | null;
  bookingType: "booking" | "organizer-confirmation";
  participants: EffectiveParticipant[];
  isRoundRobin: boolean;
};

const DEFAULT_DAYS = [1, 2, 3, 4, 5];

export function resolveConfiguration(id: string, grantId: string, config: TConfiguration, fallbackTimezone: string): EffectiveConfiguration {
  const rules = config.availability.availability_rules ?? {};
  const timezone = config.event_booking.timezone ?? fallbackTimezone;
  const roundTo = config.availability.round_to ?? 15;
  const method = rules.availability_method ?? "collective";
  const defaultOpenHours = rules.default_open_hours;

  const participants = config.participants.map((p): EffectiveParticipant => {
    const tz = p.timezone ?? timezone;
    const own = p.availability?.open_hours;
    const source = own && own.length ? own : defaultOpenHours && defaultOpenHours.length ? defaultOpenHours : [{ days: DEFAULT_DAYS, start: "9:00", end: "17:00" }];
    return {
      email: p.email.trim().toLowerCase(),
      name: p.name ?? p.email,
      timezone: tz,
      calendarIds: p.availability?.calendar_ids?.length ? p.availability.calendar_ids : ["primary"],
      bookingCalendarId: p.booking?.calendar_id ?? null,
      openHours: source.map((o) => ({ days: o.days, start: o.start, end: o.end, timezone: o.timezone ?? tz, exdates: o.exdates ?? [] })),
      isHost: Boolean(p.availability || p.booking),
    };
  });

  const conferencing = config.event_booking.conferencing;
  return {
    id,
    grantId,
    name: config.name ?? participants[0]?.name ?? "Scheduling page",
    method,
    durationMinutes: config.availability.duration_minutes,
    intervalMinutes: config.availability.interval_minutes ?? roundTo,
    roundTo,
    buffer: { before: rules.buffer?.before ?? 0, after: rules.buffer?.after ?? 0 },
    minBookingNoticeMinutes: config.scheduler?.min_booking_notice ?? 60,
    availableDaysInFuture: config.scheduler?.available_days_in_future ?? 30,
    timezone,
    titleTemplate: config.event_booking.title,
    description: config.event_booking.description ?? "",
    conferencingProvider: conferencing?.provider ?? null,
    bookingType: config.event_booking.booking_type ?? "booking",
    participants,
    isRoundRobin: method === "max-fairness" || method === "max-availability",
  };
}

/**
 * Event titles: Nylas's `${invitee}`, `${invitee_email}`, `${duration}` tokens, and the
 * `{{invitee_name}}` form used in the product owner's recipe.
 */
export function renderTitle(template: string, values: { inviteeName: string; inviteeEmail: string; durationMinutes: number }): string {
  // One pass with a function replacer: a guest's name is inserted literally (no `$&` patterns, and
  // never re-scanned for tokens).
  return template.replace(
    /\$\{(invitee|invitee_email|duration)\}|\{\{\s*(invitee_name|invitee_email|duration)\s*\}\}/g,
    (_match, nylasToken: string | undefined, braceToken: string | undefined) => {
      const token = nylasToken ?? braceToken;
      if (token === "invitee_email") return values.inviteeEmail;
      if (token === "duration") return String(values.durationMinutes);
      return values.inviteeName;
    },
  );
}
