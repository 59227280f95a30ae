/**
 * Schemas for the admin settings forms (/settings/panels/*, /settings/roles/*): what a form sends
 * and the state a save answers with. Pure (no db, no next/*): the forms (client components), the
 * server actions, lib/settings and unit tests share them.
 *
 * The rules are Nylas's where Nylas has one (buffers 0–120 in steps of 5; the Notetaker's
 * transcription needs audio and video, its summary and action items need transcription; the
 * Notetaker needs conferencing), so a form the app accepts is one Nylas accepts.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { normalizeTimeZone } from "@/lib/interviews/date-range";
import { ZRecordingPolicyOverride } from "@/lib/privacy/policy";
import { ZScorecard } from "@/lib/scorecards/scorecard";
import { zId } from "@/lib/validations/ids";

export const AVAILABILITY_METHODS = ["MAX_FAIRNESS", "MAX_AVAILABILITY"] as const;
export type TAvailabilityMethod = (typeof AVAILABILITY_METHODS)[number];

/** Nylas's autocreate providers (nylas-contract §1 event_booking.conferencing). */
export const CONFERENCING_PROVIDERS = ["Google Meet", "Microsoft Teams", "Zoom Meeting"] as const;
export type TConferencingProvider = (typeof CONFERENCING_PROVIDERS)[number];

/** The tokens Nylas replaces in an event title. */
export const TITLE_TOKENS = ["${invitee}", "${invitee_email}", "${duration}"] as const;

/** Monday first, as the form lists them; values are Nylas's (0 = Sunday). */
export const WEEKDAYS = [
  { day: 1, label: "Monday" },
  { day: 2, label: "Tuesday" },
  { day: 3, label: "Wednesday" },
  { day: 4, label: "Thursday" },
  { day: 5, label: "Friday" },
  { day: 6, label: "Saturday" },
  { day: 0, label: "Sunday" },
] as const;

export const INSTRUCTIONS_MAX = 1_500;
export const CONSENT_MESSAGE_MAX = 500;
export const PANEL_MEMBERS_MAX = 20;

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$|^24:00$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Strips control characters (tabs and newlines survive where `multiline`) and trims. */
function cleanText(multiline: boolean) {
  return (value: unknown) => {
    if (typeof value !== "string") return value;
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    const stripped = multiline ? value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "") : value.replace(/[\u0000-\u001F\u007F]/g, " ");
    return stripped.trim();
  };
}

const text = (label: string, max: number, { min = 1, multiline = false } = {}) =>
  z.preprocess(
    cleanText(multiline),
    z
      .string({ error: `${label} is required.` })
      .min(min, min === 1 ? `${label} is required.` : `${label} must be at least ${min} characters.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters.`),
  );

/** A whole number from a number or a numeric string ("" → the empty message). */
const wholeNumber = (label: string, min: number, max: number, step = 1) =>
  z.preprocess(
    (value) => (typeof value === "string" ? (value.trim() === "" ? undefined : Number(value.trim())) : value),
    z
      .number({ error: `Enter ${label.toLowerCase()}.` })
      .int(`${label} must be a whole number.`)
      .min(min, `${label} must be at least ${min}.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .refine((n) => n % step === 0, `${label} must be a multiple of ${step}.`),
  );

const ZTimeZone = z.preprocess(
  (value) => (typeof value === "string" ? (normalizeTimeZone(value) ?? value) : value),
  z.string().refine((value) => normalizeTimeZone(value) !== null, "Choose a time zone."),
);

const ZEmail = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
  z.string({ error: "Email is required." }).min(1, "Email is required.").max(254, "Email is too long.").regex(EMAIL, "Enter an email address like ana@example.com."),
);

/** A member: an existing interviewer (by id) or a new one. Name and time zone may be edited. */
export const ZPanelMemberInput = z.object({
  interviewerId: zId().nullable().default(null),
  name: text("Name", 100),
  email: ZEmail,
  timezone: ZTimeZone,
});
export type TPanelMemberInput = z.infer<typeof ZPanelMemberInput>;

export const ZOpenHoursDay = z.object({
  day: z.number().int().min(0).max(6),
  enabled: z.boolean(),
  start: z.string().regex(TIME, "Use HH:MM."),
  end: z.string().regex(TIME, "Use HH:MM."),
});
export type TOpenHoursDay = z.infer<typeof ZOpenHoursDay>;

export const ZOpenHoursInput = z.object({
  /** "" = each interviewer's own time zone. */
  timezone: z.union([z.literal(""), ZTimeZone]),
  days: z.array(ZOpenHoursDay).length(7),
});
export type TOpenHoursInput = z.infer<typeof ZOpenHoursInput>;

export const ZNotetakerInput = z.object({
  enabled: z.boolean(),
  name: text("Notetaker name", 255),
  showConsent: z.boolean(),
  consentMessage: text("Consent message", CONSENT_MESSAGE_MAX, { min: 0, multiline: true }),
  videoRecording: z.boolean(),
  audioRecording: z.boolean(),
  transcription: z.boolean(),
  summary: z.boolean(),
  actionItems: z.boolean(),
  summaryInstructions: text("Summary instructions", INSTRUCTIONS_MAX, { min: 0, multiline: true }),
  actionItemsInstructions: text("Action item instructions", INSTRUCTIONS_MAX, { min: 0, multiline: true }),
});
export type TNotetakerInput = z.infer<typeof ZNotetakerInput>;

export const ZPanelInput = z
  .object({
    name: text("Panel name", 100),
    members: z.array(ZPanelMemberInput).min(1, "Add at least one interviewer.").max(PANEL_MEMBERS_MAX, `A panel has at most ${PANEL_MEMBERS_MAX} interviewers.`),
    availabilityMethod: z.enum(AVAILABILITY_METHODS, { error: "Choose a round-robin method." }),
    durationMinutes: wholeNumber("Duration", 5, 480, 5),
    /** null: Nylas's default step (15 minutes). */
    intervalMinutes: z.preprocess((v) => (v === "" || v === undefined ? null : v), wholeNumber("Interval", 5, 240, 5).nullable()),
    bufferBeforeMinutes: wholeNumber("Buffer before", 0, 120, 5),
    bufferAfterMinutes: wholeNumber("Buffer after", 0, 120, 5),
    timezone: ZTimeZone,
    openHours: ZOpenHoursInput,
    minBookingNoticeMinutes: wholeNumber("Minimum booking notice", 0, 43_200),
    availableDaysInFuture: wholeNumber("Days in future", 1, 365),
    conferencingProvider: z.enum(CONFERENCING_PROVIDERS).nullable(),
    eventTitle: text("Event title", 255),
    notetaker: ZNotetakerInput,
  })
  .superRefine((panel, ctx) => {
    const seen = new Map<string, number>();
    panel.members.forEach((member, index) => {
      const first = seen.get(member.email);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["members", index, "email"], message: `Already on this panel (row ${first + 1}).` });
      else seen.set(member.email, index);
    });
    panel.openHours.days.forEach((day, index) => {
      // Only when both times are well formed: a malformed one has its own error.
      if (day.enabled && isTime(day.start) && isTime(day.end) && minutesOf(day.end) <= minutesOf(day.start)) {
        ctx.addIssue({ code: "custom", path: ["openHours", "days", index, "end"], message: "Must be after the start." });
      }
    });
    if (new Set(panel.openHours.days.map((d) => d.day)).size !== 7) ctx.addIssue({ code: "custom", path: ["openHours"], message: "List every weekday once." });
    if (!panel.openHours.days.some((d) => d.enabled)) ctx.addIssue({ code: "custom", path: ["openHours"], message: "Open at least one day." });
    for (const token of panel.eventTitle.match(/\$\{[^}]*\}?/g) ?? []) {
      if (!(TITLE_TOKENS as readonly string[]).includes(token)) {
        ctx.addIssue({ code: "custom", path: ["eventTitle"], message: `Unknown placeholder ${token}: use ${TITLE_TOKENS.join(", ")}.` });
        break;
      }
    }
    const n = panel.notetaker;
    if (n.enabled) {
      if (!panel.conferencingProvider)
        ctx.addIssue({ code: "custom", path: ["conferencingProvider"], message: "The Notetaker joins a video call: choose a conferencing provider, or turn the Notetaker off." });
      if (n.transcription && !(n.audioRecording && n.videoRecording))
        ctx.addIssue({ code: "custom", path: ["notetaker", "transcription"], message: "A transcript needs both audio and video recording (Nylas's rule)." });
      if ((n.summary || n.actionItems) && !n.transcription)
        ctx.addIssue({ code: "custom", path: ["notetaker", n.summary ? "summary" : "actionItems"], message: "Summaries and action items are made from the transcript: turn transcription on." });
      if (!n.videoRecording && !n.audioRecording) ctx.addIssue({ code: "custom", path: ["notetaker", "audioRecording"], message: "Record audio, video or both, or turn the Notetaker off." });
      if (n.showConsent && n.consentMessage === "") ctx.addIssue({ code: "custom", path: ["notetaker", "consentMessage"], message: "Write the notice candidates see, or stop showing it." });
    }
  });
export type TPanelInput = z.infer<typeof ZPanelInput>;

/**
 * The role form's scorecard: ZScorecard, or null for none (a form with no competencies, so an
 * admin can remove a scorecard). Errors keep ZScorecard's paths under "scorecard"
 * ("scorecard.competencies.2.cues.0").
 */
export const ZRoleScorecardInput = z.preprocess((value) => {
  if (value === null) return null;
  const competencies = value && typeof value === "object" ? (value as { competencies?: unknown }).competencies : undefined;
  return Array.isArray(competencies) && competencies.length === 0 ? null : value;
}, ZScorecard.nullable());

export const ZRoleInput = z.object({
  title: text("Title", 120),
  slug: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toLowerCase() : value),
    z.string().min(1, "Slug is required.").max(80, "Slug must be at most 80 characters.").regex(SLUG, "Use lowercase letters, digits and single hyphens, like backend-engineer."),
  ),
  team: text("Team", 80),
  location: text("Location", 120),
  employment: text("Employment type", 60),
  summary: text("Summary", 300),
  description: text("Description", 20_000, { multiline: true }),
  panelId: zId("Choose a panel."),
  published: z.boolean(),
  /** Publish a Nylas-hosted scheduling page for the role's slug. Left out: stays as it is. */
  hostedPageEnabled: z.boolean().optional(),
  /** The role's own recording policy; null (or "") follows the organisation default. Left out: stays as it is. */
  recordingPolicy: ZRecordingPolicyOverride.optional(),
  /** Left out: the role's scorecard stays as it is (publishing from the roles list). */
  scorecard: ZRoleScorecardInput.optional(),
});
export type TRoleInput = z.infer<typeof ZRoleInput>;

/** How the role's fields are named on its form, in its error summary and in the audit log. */
export const ROLE_FIELD_LABELS = {
  title: "Title",
  slug: "Slug",
  team: "Team",
  location: "Location",
  employment: "Employment type",
  summary: "Summary",
  description: "Description",
  panel: "Panel",
  published: "Published",
  hostedPageEnabled: "Hosted booking page",
  recordingPolicy: "Recording policy",
} as const;

/** What a save answers (lib/actions/state.ts): on success, the saved record's id. */
export type TSaveState = TActionState<{ id: string }>;

const isTime = (value: unknown): value is string => typeof value === "string" && TIME.test(value);

function minutesOf(time: string): number {
  const [h, m] = time.split(":").map(Number);
  return h! * 60 + m!;
}

/** A slug from a title: "Senior Backend Engineer (Go)" → "senior-backend-engineer-go". */
export function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

/** The event title as a candidate's calendar shows it, for the form's live preview. */
export function previewEventTitle(template: string, sample: { name: string; email: string; durationMinutes: number }): string {
  return template.replaceAll("${invitee}", sample.name).replaceAll("${invitee_email}", sample.email).replaceAll("${duration}", String(sample.durationMinutes));
}
