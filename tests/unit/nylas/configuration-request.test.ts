import { describe, expect, it } from "vitest";
import { buildConfigurationRequest, INTERVIEW_TITLE_TEMPLATE, LINKEDIN_FIELD_KEY, type PanelForSync } from "@/lib/nylas/configuration-request";

const role = { title: "Backend Engineer", slug: "backend-engineer" };

function panel(overrides: Partial<PanelForSync> = {}): PanelForSync {
  return {
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "America/New_York",
    openHours: [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "America/New_York" }],
    minBookingNoticeMinutes: 120,
    availableDaysInFuture: 21,
    conferencingProvider: "Google Meet",
    notetakerEnabled: true,
    notetakerName: "Interview Recorder",
    summaryInstructions: "Summarise.",
    actionItemsInstructions: "List follow-ups.",
    members: [
      { name: "Sarah Kim", email: "sarah.kim@northwind.example", timezone: "America/New_York" },
      { name: "Priya Patel", email: "priya.patel@northwind.example", timezone: "Europe/London" },
    ],
    ...overrides,
  };
}

describe("buildConfigurationRequest", () => {
  it.each([
    { method: "MAX_FAIRNESS", wire: "max-fairness" },
    { method: "MAX_AVAILABILITY", wire: "max-availability" },
  ] as const)("maps $method to Nylas's $wire", ({ method, wire }) => {
    expect(buildConfigurationRequest(role, panel({ availabilityMethod: method })).availability.availabilityRules.availabilityMethod).toBe(wire);
  });

  it("lists every member in panel order, none as organizer (round-robin forbids one), each booking onto its primary calendar", () => {
    const request = buildConfigurationRequest(role, panel());
    expect(request.participants).toEqual([
      { name: "Sarah Kim", email: "sarah.kim@northwind.example", timezone: "America/New_York", isOrganizer: false, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } },
      { name: "Priya Patel", email: "priya.patel@northwind.example", timezone: "Europe/London", isOrganizer: false, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } },
    ]);
  });

  it("titles events with Nylas's ${invitee} token and names the configuration after the role", () => {
    const request = buildConfigurationRequest(role, panel());
    expect(INTERVIEW_TITLE_TEMPLATE).toBe("Interview with ${invitee}");
    expect(request.eventBooking.title).toBe("Interview with ${invitee}");
    expect(request.name).toBe("Backend Engineer interview");
    expect(request.eventBooking.description).toBe("Interview for the Backend Engineer role.");
    expect(request.requiresSessionAuth).toBe(false);
  });

  it("carries duration, buffers, open hours, time zone and booking limits", () => {
    const request = buildConfigurationRequest(role, panel({ durationMinutes: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 10 }));
    expect(request.availability).toEqual({
      durationMinutes: 30,
      availabilityRules: {
        availabilityMethod: "max-fairness",
        buffer: { before: 5, after: 10 },
        defaultOpenHours: [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "America/New_York" }],
      },
    });
    expect(request.eventBooking).toMatchObject({ timezone: "America/New_York", bookingType: "booking" });
    expect(request.scheduler).toMatchObject({ availableDaysInFuture: 21, minBookingNotice: 120 });
  });

  it("adds an optional linkedin_url booking-form field with a lowercase snake_case key", () => {
    const fields = buildConfigurationRequest(role, panel()).scheduler.additionalFields;
    expect(LINKEDIN_FIELD_KEY).toBe("linkedin_url");
    expect(Object.keys(fields)).toEqual(["linkedin_url"]);
    expect(fields.linkedin_url).toMatchObject({ type: "text", required: false });
  });

  it("requests auto-created conferencing when the panel has a provider", () => {
    expect(buildConfigurationRequest(role, panel({ conferencingProvider: "Zoom Meeting" })).eventBooking).toMatchObject({
      conferencing: { provider: "Zoom Meeting", autocreate: {} },
    });
  });

  it("sends no conferencing key when the panel has no provider", () => {
    expect("conferencing" in buildConfigurationRequest(role, panel({ conferencingProvider: null })).eventBooking).toBe(false);
  });

  it("sends Notetaker settings with the panel's name and instructions when enabled with conferencing", () => {
    const scheduler = buildConfigurationRequest(role, panel()).scheduler as Record<string, unknown>;
    expect(scheduler.notetakerSettings).toEqual({
      enabled: true,
      showUiConsentMessage: true,
      notetakerName: "Interview Recorder",
      meetingSettings: {
        videoRecording: true,
        audioRecording: true,
        transcription: true,
        summary: true,
        summarySettings: { customInstructions: "Summarise." },
        actionItems: true,
        actionItemsSettings: { customInstructions: "List follow-ups." },
      },
    });
  });

  it.each([
    { name: "the Notetaker is enabled but there is no conferencing (Nylas requires it)", overrides: { notetakerEnabled: true, conferencingProvider: null } },
    { name: "the Notetaker is disabled", overrides: { notetakerEnabled: false, conferencingProvider: "Google Meet" } },
  ])("sends no Notetaker settings when $name", ({ overrides }) => {
    const scheduler = buildConfigurationRequest(role, panel(overrides)).scheduler as Record<string, unknown>;
    expect("notetakerSettings" in scheduler).toBe(false);
  });
});
