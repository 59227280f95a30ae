/**
 * Pure: turns a stored configuration (Nylas wire shape) into the effective settings the engine
 * and the booking flow use, applying Nylas's documented defaults.
 */
import type { AvailabilityMethod, OpenHours } from "@/lib/scheduling";
import type { GrantStatus } from "./grant-rules";
import type { TConfiguration } from "./schemas";

type EffectiveParticipant = {
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
  return template.replace(/\$\{(invitee|invitee_email|duration)\}|\{\{\s*(invitee_name|invitee_email|duration)\s*\}\}/g, (_match, nylasToken: string | undefined, braceToken: string | undefined) => {
    const token = nylasToken ?? braceToken;
    if (token === "invitee_email") return values.inviteeEmail;
    if (token === "duration") return String(values.durationMinutes);
    return values.inviteeName;
  });
}

/**
 * Nylas's Notetaker dependencies (nylas-contract §1, and the app's ZPanelInput, which follows them),
 * on `scheduler.notetaker_settings.meeting_settings` completed with its defaults (every flag true):
 * a transcript needs both audio and video recording, and the summary and action items are made
 * from the transcript. An audio-only Notetaker is allowed, without transcript. Null when fine;
 * otherwise the first problem, naming the field, for Nylas's 400 message.
 */
export function describeNotetakerSettingsProblem(config: TConfiguration): string | null {
  const settings = config.scheduler?.notetaker_settings?.meeting_settings;
  if (!settings) return null;
  const flag = (key: "video_recording" | "audio_recording" | "transcription" | "summary" | "action_items") => settings[key] ?? true;
  const path = "scheduler.notetaker_settings.meeting_settings";
  if (flag("transcription") && !(flag("audio_recording") && flag("video_recording"))) {
    return `${path}.transcription requires audio_recording and video_recording: the transcript is made from the recording.`;
  }
  for (const key of ["summary", "action_items"] as const) {
    if (flag(key) && !flag("transcription")) return `${path}.${key} requires transcription: it is made from the transcript.`;
  }
  return null;
}

/**
 * Every participant who hosts (has `availability` or `booking`) must have a valid grant: the
 * sandbox reads and books their calendar through it. `grantStatusByEmail` is keyed by normalised
 * email. The message starts with Nylas's "Failed to find a valid Grant", which `<NylasScheduling>`
 * recognises. Null when every host has a valid grant.
 */
export function describeParticipantGrantProblem(config: TConfiguration, grantStatusByEmail: ReadonlyMap<string, GrantStatus>): string | null {
  for (const participant of config.participants) {
    if (!participant.availability && !participant.booking) continue;
    const email = participant.email.trim().toLowerCase();
    const status = grantStatusByEmail.get(email);
    if (!status) return `Failed to find a valid Grant for participant ${participant.email}.`;
    if (status !== "valid") {
      return `Failed to find a valid Grant for participant ${participant.email}: their grant is invalid (the connection expired) and must be re-authenticated.`;
    }
  }
  return null;
}

/**
 * A booking's `additional_fields` against the configuration's `scheduler.additional_fields`: every
 * required field must be answered (a non-empty value; `<NylasScheduling>` sends "" for a field left
 * empty). Null when fine; otherwise Nylas's 400 message naming the first field missing.
 */
export function describeMissingAdditionalField(config: TConfiguration, given: Record<string, unknown> | null | undefined): string | null {
  const fields = Object.entries(config.scheduler?.additional_fields ?? {}).sort(([, a], [, b]) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
  for (const [key, field] of fields) {
    if (!field.required) continue;
    const value = given && Object.hasOwn(given, key) ? given[key] : undefined;
    const isAnswered = typeof value === "string" ? value.trim() !== "" : Array.isArray(value) ? value.length > 0 : typeof value === "boolean" || typeof value === "number";
    if (!isAnswered) return `additional_fields.${key} is required: "${field.label}" must be answered.`;
  }
  return null;
}
