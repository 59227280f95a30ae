/** Wire-format (snake_case) validation for what clients send to the sandbox. */
import { z } from "zod";

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const ZTimeZone = z.string().refine(isValidTimeZone, { message: "must be an IANA time zone" });
const ZClock = z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$|^24:00$/, "must be H:MM or HH:MM");
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const ZBufferMinutes = z
  .number()
  .int()
  .min(0)
  .max(120)
  .refine((n) => n % 5 === 0, "must be a multiple of 5");

const ZOpenHours = z.looseObject({
  days: z.array(z.number().int().min(0).max(6)).min(1),
  start: ZClock,
  end: ZClock,
  timezone: ZTimeZone.optional(),
  exdates: z.array(ZDate).optional(),
});

const ZParticipant = z.looseObject({
  name: z.string().optional(),
  email: z.email(),
  // Accepted even on round-robin configs: the product owner's recipe sends it (Nylas says omit).
  is_organizer: z.boolean().optional(),
  timezone: ZTimeZone.optional(),
  availability: z
    .looseObject({
      calendar_ids: z.array(z.string().min(1)).optional(),
      open_hours: z.array(ZOpenHours).optional(),
    })
    .optional(),
  booking: z.looseObject({ calendar_id: z.string().min(1) }).optional(),
});

/** `scheduler.notetaker_settings` (nylas-contract §1); the dependencies between the flags are checked in configuration-rules.ts. */
const ZMeetingSettings = z.looseObject({
  video_recording: z.boolean().optional(),
  audio_recording: z.boolean().optional(),
  transcription: z.boolean().optional(),
  summary: z.boolean().optional(),
  action_items: z.boolean().optional(),
  leave_after_silence_seconds: z.number().int().min(10).max(3600).optional(),
});

const ZNotetakerSettings = z.looseObject({
  enabled: z.boolean().optional(),
  show_ui_consent_message: z.boolean().optional(),
  notetaker_name: z.string().max(255).optional(),
  meeting_settings: ZMeetingSettings.optional(),
});

/** `scheduler.additional_fields.<key>.type` (nylas-contract §1; the UI also renders multi_select). */
export const ADDITIONAL_FIELD_TYPES = ["text", "multi_line_text", "email", "phone_number", "dropdown", "date", "checkbox", "radio_button", "metadata", "multi_select"] as const;
/** Types the booking form renders as a choice among `options`: without options there is nothing to choose. */
export const CHOICE_FIELD_TYPES: readonly string[] = ["dropdown", "radio_button", "multi_select"];

const ZAdditionalField = z
  .looseObject({
    label: z.string(),
    type: z.enum(ADDITIONAL_FIELD_TYPES),
    required: z.boolean(),
    order: z.number().int().optional(),
    options: z.array(z.string().min(1).max(500)).max(100).optional(),
    default: z.string().optional(),
  })
  .refine((field) => !CHOICE_FIELD_TYPES.includes(field.type) || (field.options?.length ?? 0) > 0, {
    message: "options is required (at least one) for dropdown, radio_button and multi_select fields",
  });
export type TAdditionalField = z.infer<typeof ZAdditionalField>;

export const AVAILABILITY_METHODS = ["collective", "max-fairness", "max-availability"] as const;

export const ZConfiguration = z.looseObject({
  name: z.string().optional(),
  slug: z.string().min(1).max(200).nullable().optional(),
  requires_session_auth: z.boolean().nullable().optional(),
  participants: z.array(ZParticipant).min(1, "at least one participant is required"),
  availability: z.looseObject({
    duration_minutes: z.number().int().min(5).max(1440),
    interval_minutes: z.number().int().min(5).max(1440).optional(),
    round_to: z
      .number()
      .int()
      .min(5)
      .max(120)
      .refine((n) => n % 5 === 0, "must be a multiple of 5")
      .optional(),
    availability_rules: z
      .looseObject({
        availability_method: z.enum(AVAILABILITY_METHODS).optional(),
        buffer: z.looseObject({ before: ZBufferMinutes.optional(), after: ZBufferMinutes.optional() }).optional(),
        default_open_hours: z.array(ZOpenHours).optional(),
      })
      .optional(),
  }),
  event_booking: z.looseObject({
    title: z.string().min(1),
    description: z.string().optional(),
    location: z.string().optional(),
    timezone: ZTimeZone.optional(),
    booking_type: z.enum(["booking", "organizer-confirmation"]).optional(),
    conferencing: z
      .looseObject({ provider: z.string().min(1), autocreate: z.record(z.string(), z.unknown()).optional(), details: z.looseObject({ url: z.string().optional() }).optional() })
      .nullable()
      .optional(),
  }),
  scheduler: z
    .looseObject({
      available_days_in_future: z.number().int().min(1).max(365).optional(),
      min_booking_notice: z.number().int().min(0).nullable().optional(),
      min_cancellation_notice: z.number().int().min(0).optional(),
      additional_fields: z.record(z.string(), ZAdditionalField).optional(),
      notetaker_settings: ZNotetakerSettings.optional(),
    })
    .optional(),
});
export type TConfiguration = z.infer<typeof ZConfiguration>;

const ZEpochSeconds = z.number().int().positive();

export const ZBookingCreate = z.looseObject({
  start_time: ZEpochSeconds,
  end_time: ZEpochSeconds,
  guest: z.looseObject({ name: z.string().trim().min(1, "guest.name is required").max(200), email: z.email() }),
  participants: z.array(z.looseObject({ email: z.email() })).optional(),
  timezone: ZTimeZone.optional(),
  email_language: z.string().max(10).optional(),
  additional_guests: z
    .array(z.looseObject({ email: z.email(), name: z.string().optional() }))
    .max(10)
    .optional(),
  additional_fields: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const ZBookingReschedule = z.looseObject({
  start_time: ZEpochSeconds,
  end_time: ZEpochSeconds,
  participants: z.array(z.looseObject({ email: z.email() })).optional(),
  timezone: ZTimeZone.optional(),
});

export const ZBookingCancel = z.looseObject({ cancellation_reason: z.string().max(2000).optional(), action: z.string().optional() }).optional();

export const ZBookingConfirm = z.looseObject({
  salt: z.string().min(1),
  status: z.enum(["confirmed", "cancelled"]),
  cancellation_reason: z.string().max(2000).optional(),
});

export const ZNotetakerRun = z.strictObject({
  outcome: z.enum(["completed", "failed_entry"]).default("completed"),
  /** Benchmarks: a synthetic recording of this size instead of the sample's. */
  // Hashed once when the run starts: capped so that stays a few seconds.
  recording_bytes: z
    .number()
    .int()
    .min(1)
    .max(2 * 1024 ** 3)
    .optional(),
});

const ZFaultCount = z.number().int().min(0).max(1000);
export const ZNotetakerFaults = z.strictObject({
  fail: z.strictObject({ count: ZFaultCount, status: z.number().int().min(400).max(599).optional() }).optional(),
  truncate: z.strictObject({ count: ZFaultCount, after_bytes: z.number().int().min(0).optional() }).optional(),
  pad: z.strictObject({ count: ZFaultCount, bytes: z.number().int().min(1).max(1_000_000).optional() }).optional(),
  corrupt: z.strictObject({ count: ZFaultCount }).optional(),
  throttle: z.strictObject({ count: ZFaultCount, bytes_per_second: z.number().int().min(1024).optional() }).optional(),
});

export const WEBHOOK_TRIGGERS = [
  "booking.created",
  "booking.pending",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.reminder",
  "notetaker.created",
  "notetaker.updated",
  "notetaker.deleted",
  "notetaker.meeting_state",
  "notetaker.media",
  "event.created",
  "event.updated",
  "event.deleted",
  "calendar.created",
  "calendar.updated",
  "calendar.deleted",
  "grant.created",
  "grant.updated",
  "grant.deleted",
  "grant.expired",
] as const;

export const ZWebhookCreate = z.looseObject({
  trigger_types: z.array(z.enum(WEBHOOK_TRIGGERS)).min(1),
  webhook_url: z.url(),
  description: z.string().max(500).optional(),
  notification_email_addresses: z.array(z.email()).optional(),
  compressed_delivery: z.boolean().optional(),
});

/**
 * PUT /v3/webhooks/{id}. `status`: Nylas's OpenAPI lists "active" and "pause"; its dashboard and
 * older docs call a switched-off destination "inactive", so that is accepted (and kept) too. Any
 * status but active/failing stops deliveries, which is how a test breaks the sandbox's side.
 */
const WEBHOOK_SETTABLE_STATUSES = ["active", "inactive", "pause"] as const;
export const ZWebhookUpdate = ZWebhookCreate.partial().extend({ status: z.enum(WEBHOOK_SETTABLE_STATUSES).optional() });

// Events (grant-scoped Calendar API). `when` is checked by calendar-rules.ts parseWhen.
const ZEventParticipant = z.looseObject({
  email: z.email(),
  name: z.string().max(256).optional(),
  status: z.enum(["yes", "no", "maybe", "noreply"]).optional(),
  comment: z.string().max(2000).optional(),
  phone_number: z.string().max(64).optional(),
});

/** Nylas event metadata: string values, at most 50 pairs. */
const ZEventMetadata = z.record(z.string().min(1).max(100), z.string().max(2000)).refine((m) => Object.keys(m).length <= 50, "at most 50 key-value pairs");

export const ZEventUpdate = z.looseObject({
  title: z.string().max(1024).optional(),
  description: z.string().max(8192).nullable().optional(),
  location: z.string().max(1024).nullable().optional(),
  busy: z.boolean().optional(),
  when: z.unknown().optional(),
  participants: z.array(ZEventParticipant).max(500).optional(),
  metadata: ZEventMetadata.optional(),
});

export const ZEventCreate = ZEventUpdate.extend({ when: z.unknown() });

// POST /v3/grants/{grant_id}/calendars/free-busy
export const ZFreeBusyRequest = z
  .looseObject({
    start_time: ZEpochSeconds,
    end_time: ZEpochSeconds,
    emails: z.array(z.email()).min(1, "at least one email is required").max(50, "at most 50 emails"),
    tentative_as_busy: z.boolean().optional(),
  })
  .refine((b) => b.end_time > b.start_time, { path: ["end_time"], message: "must be after start_time" });

// Sandbox control endpoints (not Nylas): /v3/sandbox/grants…
export const ZSandboxGrantConnect = z.strictObject({
  email: z.email(),
  name: z.string().trim().min(1).max(200).optional(),
  timezone: ZTimeZone.optional(),
});

export const ZSandboxGrantStatus = z.strictObject({ grant_status: z.enum(["valid", "invalid"]) });

/** Zod issues as one readable sentence for Nylas's `error.message`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
