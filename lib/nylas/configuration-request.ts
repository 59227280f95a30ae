/**
 * Pure: a role's panel → the scheduling configuration we send to Nylas (camelCase; the SDK
 * snake_cases keys on the wire). PUT replaces nested objects wholesale, so create and update send
 * the same complete body.
 */
import type { OpenHours } from "@/lib/scheduling";

export type PanelForSync = {
  availabilityMethod: "MAX_FAIRNESS" | "MAX_AVAILABILITY";
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  timezone: string;
  openHours: OpenHours[];
  minBookingNoticeMinutes: number;
  availableDaysInFuture: number;
  conferencingProvider: string | null;
  notetakerEnabled: boolean;
  notetakerName: string;
  summaryInstructions: string;
  actionItemsInstructions: string;
  members: { name: string; email: string; timezone: string }[];
};

export type RoleForSync = { title: string; slug: string };

/** Extra booking-form field; keys are lowercase snake_case so the SDK's re-casing leaves them alone. */
export const LINKEDIN_FIELD_KEY = "linkedin_url";

// Nylas's own token syntax; the sandbox also accepts the recipe's {{invitee_name}}.
export const INTERVIEW_TITLE_TEMPLATE = "Interview with ${invitee}";

export function buildConfigurationRequest(role: RoleForSync, panel: PanelForSync) {
  const conferencing = panel.conferencingProvider ? { provider: panel.conferencingProvider, autocreate: {} } : undefined;
  return {
    name: `${role.title} interview`,
    requiresSessionAuth: false,
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
      availabilityRules: {
        availabilityMethod: panel.availabilityMethod === "MAX_FAIRNESS" ? "max-fairness" : "max-availability",
        buffer: { before: panel.bufferBeforeMinutes, after: panel.bufferAfterMinutes },
        defaultOpenHours: panel.openHours,
      },
    },
    eventBooking: {
      title: INTERVIEW_TITLE_TEMPLATE,
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
      // Nylas requires conferencing for the Notetaker.
      ...(panel.notetakerEnabled && conferencing
        ? {
            notetakerSettings: {
              enabled: true,
              showUiConsentMessage: true,
              notetakerName: panel.notetakerName,
              meetingSettings: {
                videoRecording: true,
                audioRecording: true,
                transcription: true,
                summary: true,
                summarySettings: { customInstructions: panel.summaryInstructions },
                actionItems: true,
                actionItemsSettings: { customInstructions: panel.actionItemsInstructions },
              },
            },
          }
        : {}),
    },
  };
}
