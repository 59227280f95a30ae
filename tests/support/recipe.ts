/**
 * The product owner's recipe requests (its POST and PUT of a scheduling configuration, with the
 * seeded interviewers in place of its placeholder emails), and availability through the SDK.
 */
import { getNylas } from "@/lib/nylas/client";

export const SARAH = "sarah.kim@northwind.example";
export const MARCUS = "marcus.johnson@northwind.example";
export const PRIYA = "priya.patel@northwind.example";

/** The recipe's POST body: a 3-person max-fairness panel (it marks one participant organizer). */
export function recipeCreateBody() {
  return {
    requiresSessionAuth: false,
    participants: [
      { name: "Sarah Kim", email: SARAH, isOrganizer: true, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } },
      { name: "Marcus Johnson", email: MARCUS, isOrganizer: false, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } },
      { name: "Priya Patel", email: PRIYA, isOrganizer: false, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } },
    ],
    availability: { durationMinutes: 45, availabilityRules: { availabilityMethod: "max-fairness" } },
    eventBooking: { title: "Interview with {{invitee_name}}" },
  };
}

/** The recipe's PUT body: Google Meet conferencing and the Notetaker settings. */
export function recipeUpdateBody() {
  return {
    eventBooking: { title: "Interview with {{invitee_name}}", conferencing: { provider: "Google Meet", autocreate: {} } },
    scheduler: {
      notetakerSettings: {
        enabled: true,
        showUiConsentMessage: true,
        notetakerName: "Interview Recorder",
        meetingSettings: {
          videoRecording: true,
          audioRecording: true,
          transcription: true,
          summary: true,
          summarySettings: { customInstructions: "Focus on signals." },
          actionItems: true,
          actionItemsSettings: { customInstructions: "List follow-ups." },
        },
      },
    },
  };
}

/** Creates the recipe's configuration and applies its update; returns the configuration id. */
export async function createRecipeConfiguration(): Promise<string> {
  const nylas = getNylas();
  const created = await nylas.scheduler.configurations.create({ identifier: SARAH, requestBody: recipeCreateBody() as never });
  const id = (created.data as unknown as { id: string }).id;
  await nylas.scheduler.configurations.update({ identifier: SARAH, configurationId: id, requestBody: recipeUpdateBody() as never });
  return id;
}

export async function availability(configurationId: string, days = 14) {
  const now = Math.floor(Date.now() / 1000);
  const res = await getNylas().scheduler.availability.get({ queryParams: { startTime: now, endTime: now + days * 86400, configurationId } });
  return res.data;
}
