/**
 * Pure: a role's panel → the scheduling configuration we send to Nylas (camelCase; the SDK
 * snake_cases keys on the wire). PUT replaces nested objects wholesale, so create and update send
 * the same complete body, every field the admin controls included.
 */
import type { PanelNotetakerColumns } from "@/lib/notetaker/settings";
import type { TScorecard } from "@/lib/scorecards/scorecard";
import { scorecardSummaryInstructions } from "@/lib/scorecards/summary-instructions";
import type { StoredOpenHours } from "@/lib/settings/open-hours";

export type PanelForSync = Omit<PanelNotetakerColumns, "notetakerConsentMessage"> & {
  availabilityMethod: "MAX_FAIRNESS" | "MAX_AVAILABILITY";
  durationMinutes: number;
  /** null: Nylas's default step (round_to, 15 minutes) */
  intervalMinutes: number | null;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  timezone: string;
  openHours: StoredOpenHours[];
  minBookingNoticeMinutes: number;
  availableDaysInFuture: number;
  eventTitle: string;
  members: { name: string; email: string; timezone: string }[];
};

/**
 * `scorecard`: the role's current scorecard (null: none), sent inside the summary instructions.
 * `hostedPageEnabled`: publish Nylas's hosted scheduling page for the role's slug (book.nylas.com/<slug>).
 */
export type RoleForSync = { title: string; slug: string; published: boolean; hostedPageEnabled: boolean; scorecard: TScorecard | null };

/** The Notetaker's summary instructions: the panel's own, with the role's competencies appended (issue 15). */
export function summaryInstructionsFor(role: Pick<RoleForSync, "scorecard">, panel: Pick<PanelForSync, "summaryInstructions">): string {
  return role.scorecard ? scorecardSummaryInstructions(panel.summaryInstructions, role.scorecard) : panel.summaryInstructions;
}

/** Extra booking-form field; keys are lowercase snake_case so the SDK's re-casing leaves them alone. */
export const LINKEDIN_FIELD_KEY = "linkedin_url";

// Nylas's own token syntax (the default for new panels); the sandbox also accepts the recipe's {{invitee_name}}.
export const INTERVIEW_TITLE_TEMPLATE = "Interview with ${invitee}";

export function buildConfigurationRequest(role: RoleForSync, panel: PanelForSync) {
  const conferencing = panel.conferencingProvider ? { provider: panel.conferencingProvider, autocreate: {} } : undefined;
  return {
    name: `${role.title} interview`,
    requiresSessionAuth: false,
    // A public configuration with a slug gets Nylas's hosted page; null takes the page down (a PUT
    // replaces top-level fields, so the slug is always sent).
    // Only while the role is published: closing a role closes its hosted page too.
    slug: role.published && role.hostedPageEnabled ? role.slug : null,
    participants: panel.members.map((m) => ({
      name: m.name,
      email: m.email,
      timezone: m.timezone,
      // Round-robin configurations must not name an organizer.
      isOrganizer: false,
      availability: { calendarIds: ["primary"] },
      booking: { calendarId: "primary" },
    })),
    availability: {
      durationMinutes: panel.durationMinutes,
      ...(panel.intervalMinutes !== null ? { intervalMinutes: panel.intervalMinutes } : {}),
      availabilityRules: {
        availabilityMethod: panel.availabilityMethod === "MAX_FAIRNESS" ? "max-fairness" : "max-availability",
        buffer: { before: panel.bufferBeforeMinutes, after: panel.bufferAfterMinutes },
        defaultOpenHours: panel.openHours,
      },
    },
    eventBooking: {
      title: panel.eventTitle,
      description: `Interview for the ${role.title} role.`,
      timezone: panel.timezone,
      bookingType: "booking",
      ...(conferencing ? { conferencing } : {}),
    },
    scheduler: {
      availableDaysInFuture: panel.availableDaysInFuture,
      minBookingNotice: panel.minBookingNoticeMinutes,
      additionalFields: {
        [LINKEDIN_FIELD_KEY]: { label: "LinkedIn or portfolio URL (optional)", type: "text", required: false, order: 1 },
      },
      // Nylas requires conferencing for the Notetaker. Sent whole either way: a PUT replaces
      // `scheduler`, so turning the Notetaker off must say so.
      notetakerSettings:
        panel.notetakerEnabled && conferencing
          ? {
              enabled: true,
              showUiConsentMessage: panel.notetakerShowConsent,
              notetakerName: panel.notetakerName,
              meetingSettings: {
                videoRecording: panel.notetakerVideo,
                audioRecording: panel.notetakerAudio,
                transcription: panel.notetakerTranscription,
                summary: panel.notetakerSummary,
                // The role's scorecard rides along, so Nylas's summary is organised by its competencies.
                summarySettings: { customInstructions: summaryInstructionsFor(role, panel) },
                actionItems: panel.notetakerActionItems,
                actionItemsSettings: { customInstructions: panel.actionItemsInstructions },
              },
            }
          : { enabled: false },
    },
  };
}

/** The panel columns buildConfigurationRequest reads (a Prisma select). */
export const PANEL_SYNC_SELECT = {
  availabilityMethod: true,
  durationMinutes: true,
  intervalMinutes: true,
  bufferBeforeMinutes: true,
  bufferAfterMinutes: true,
  timezone: true,
  openHours: true,
  minBookingNoticeMinutes: true,
  availableDaysInFuture: true,
  conferencingProvider: true,
  eventTitle: true,
  notetakerEnabled: true,
  notetakerName: true,
  notetakerShowConsent: true,
  notetakerVideo: true,
  notetakerAudio: true,
  notetakerTranscription: true,
  notetakerSummary: true,
  notetakerActionItems: true,
  summaryInstructions: true,
  actionItemsInstructions: true,
  members: { orderBy: { position: "asc" }, select: { interviewer: { select: { name: true, email: true, timezone: true } } } },
} as const;
