import { describe, expect, it } from "vitest";
import { buildConfigurationRequest, INTERVIEW_TITLE_TEMPLATE, LINKEDIN_FIELD_KEY, type PanelForSync } from "@/lib/nylas/configuration-request";
import { SCORECARD_MARKER, stripScorecardSection } from "@/lib/scorecards/summary-instructions";
import { MARCUS, PRIYA, recipeCreateBody, recipeUpdateBody, SARAH } from "@/tests/support/recipe";

const role = { title: "Backend Engineer", slug: "backend-engineer", published: true, hostedPageEnabled: false, scorecard: null };

function panel(overrides: Partial<PanelForSync> = {}): PanelForSync {
  return {
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    intervalMinutes: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "America/New_York",
    openHours: [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "America/New_York" }],
    minBookingNoticeMinutes: 120,
    availableDaysInFuture: 21,
    conferencingProvider: "Google Meet",
    eventTitle: "Interview with ${invitee}",
    notetakerEnabled: true,
    notetakerName: "Interview Recorder",
    notetakerShowConsent: true,
    notetakerVideo: true,
    notetakerAudio: true,
    notetakerTranscription: true,
    notetakerSummary: true,
    notetakerActionItems: true,
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
  ])("sends the Notetaker as disabled when $name (a PUT replaces `scheduler`, so off must be said)", ({ overrides }) => {
    const scheduler = buildConfigurationRequest(role, panel(overrides)).scheduler as Record<string, unknown>;
    expect(scheduler.notetakerSettings).toEqual({ enabled: false });
  });
});

describe("buildConfigurationRequest: what the admin edits", () => {
  it("sends the interval only when set (Nylas's default is round_to, 15 minutes)", () => {
    expect("intervalMinutes" in buildConfigurationRequest(role, panel()).availability).toBe(false);
    expect(buildConfigurationRequest(role, panel({ intervalMinutes: 30 })).availability).toMatchObject({ durationMinutes: 45, intervalMinutes: 30 });
  });

  it("sends the panel's event title as written", () => {
    expect(buildConfigurationRequest(role, panel({ eventTitle: "${duration} min: ${invitee} <${invitee_email}>" })).eventBooking.title).toBe("${duration} min: ${invitee} <${invitee_email}>");
  });

  it("open hours without a time zone are each interviewer's own", () => {
    const openHours = [{ days: [1, 3], start: "10:00", end: "16:00", exdates: [] }];
    expect(buildConfigurationRequest(role, panel({ openHours })).availability.availabilityRules.defaultOpenHours).toEqual(openHours);
  });

  it("sends what the Notetaker records and whether candidates see the consent notice", () => {
    const request = buildConfigurationRequest(role, panel({ notetakerShowConsent: false, notetakerVideo: false, notetakerTranscription: false, notetakerSummary: false, notetakerActionItems: false }));
    expect(request.scheduler.notetakerSettings).toEqual({
      enabled: true,
      showUiConsentMessage: false,
      notetakerName: "Interview Recorder",
      meetingSettings: {
        videoRecording: false,
        audioRecording: true,
        transcription: false,
        summary: false,
        summarySettings: { customInstructions: "Summarise." },
        actionItems: false,
        actionItemsSettings: { customInstructions: "List follow-ups." },
      },
    });
  });

  it("sends the role's competencies inside the summary instructions, after the panel's own", () => {
    const scorecard = { competencies: [{ key: "system-design", name: "System design", good: "Names the trade-offs.", cues: ["trade-off", "outbox"] }] };
    const settings = buildConfigurationRequest({ ...role, scorecard }, panel()).scheduler.notetakerSettings;
    const instructions = "meetingSettings" in settings ? (settings.meetingSettings?.summarySettings.customInstructions ?? "") : "";
    expect(instructions.startsWith(`Summarise.\n\n${SCORECARD_MARKER}`)).toBe(true);
    expect(instructions).toContain("### System design\nWhat good looks like: Names the trade-offs.\nListen for: trade-off; outbox");
    expect(stripScorecardSection(instructions)).toBe("Summarise.");
    // Action item instructions are the panel's alone.
    expect("meetingSettings" in settings && settings.meetingSettings?.actionItemsSettings.customInstructions).toBe("List follow-ups.");
  });
});

/**
 * Every field of `expected` at the same path in `actual` (arrays element by element); extra fields
 * in `actual` are allowed. Returns the paths that differ.
 */
function differences(expected: unknown, actual: unknown, path = "$"): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    return expected.flatMap((item, i) => differences(item, actual[i], `${path}[${i}]`));
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => differences(value, (actual as Record<string, unknown>)[key], `${path}.${key}`));
  }
  return Object.is(expected, actual) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}

describe("buildConfigurationRequest rebuilds the recipe's requests", () => {
  // The recipe's panel: Sarah, Marcus and Priya, 45 minutes, max fairness, its title, Google Meet,
  // its Notetaker name and instructions (tests/support/recipe.ts holds its two bodies).
  const recipePanel = panel({
    eventTitle: "Interview with {{invitee_name}}",
    summaryInstructions: "Focus on signals.",
    actionItemsInstructions: "List follow-ups.",
    members: [
      { name: "Sarah Kim", email: SARAH, timezone: "America/New_York" },
      { name: "Marcus Johnson", email: MARCUS, timezone: "America/Chicago" },
      { name: "Priya Patel", email: PRIYA, timezone: "Europe/London" },
    ],
  });
  const ours = buildConfigurationRequest(role, recipePanel);

  it("its POST: every field the same, except that it marks the first interviewer organizer (round robin must not)", () => {
    expect(differences(recipeCreateBody(), ours)).toEqual(["$.participants[0].isOrganizer: expected true, got false"]);
  });

  it("its PUT: every field the same (conferencing and the Notetaker's settings and instructions)", () => {
    expect(differences(recipeUpdateBody(), ours)).toEqual([]);
  });
});

describe("buildConfigurationRequest: hosted page slug", () => {
  it("sends the role's slug when the hosted page is on", () => {
    expect(buildConfigurationRequest({ ...role, hostedPageEnabled: true }, panel()).slug).toBe("backend-engineer");
  });

  it("sends slug null while the role is unpublished, whatever the option: a closed role takes no bookings there", () => {
    expect(buildConfigurationRequest({ ...role, published: false, hostedPageEnabled: true }, panel())).toHaveProperty("slug", null);
  });

  it("sends slug null when it is off, so a PUT takes an earlier hosted page down", () => {
    const request = buildConfigurationRequest(role, panel());
    expect(request).toHaveProperty("slug", null);
  });
});
