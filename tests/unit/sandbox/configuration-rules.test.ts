import { describe, expect, it } from "vitest";
import { describeParticipantGrantProblem, renderTitle, resolveConfiguration } from "@/lib/sandbox/configuration-rules";
import { ZConfiguration, type TConfiguration } from "@/lib/sandbox/schemas";

const values = { inviteeName: "Dana Chen", inviteeEmail: "dana.chen@example.org", durationMinutes: 45 };

describe("renderTitle", () => {
  const cases: { name: string; template: string; expected: string }[] = [
    { name: "Nylas's ${invitee}", template: "Interview with ${invitee}", expected: "Interview with Dana Chen" },
    { name: "Nylas's ${invitee_email}", template: "Call (${invitee_email})", expected: "Call (dana.chen@example.org)" },
    { name: "Nylas's ${duration}", template: "${duration} min interview", expected: "45 min interview" },
    { name: "the recipe's {{invitee_name}}", template: "Interview with {{invitee_name}}", expected: "Interview with Dana Chen" },
    { name: "{{ invitee_name }} with spaces inside the braces", template: "Interview with {{ invitee_name }}", expected: "Interview with Dana Chen" },
    { name: "{{invitee_email}} and {{duration}}", template: "{{invitee_email}} / {{  duration }}m", expected: "dana.chen@example.org / 45m" },
    {
      name: "every occurrence of every token",
      template: "${invitee} ${invitee} {{invitee_name}} ${invitee_email} ${duration}/${duration}",
      expected: "Dana Chen Dana Chen Dana Chen dana.chen@example.org 45/45",
    },
    { name: "a template without tokens unchanged", template: "Portfolio review", expected: "Portfolio review" },
    { name: "unknown tokens unchanged", template: "${organizer} {{company}}", expected: "${organizer} {{company}}" },
  ];
  it.each(cases)("renders $name", ({ template, expected }) => {
    expect(renderTitle(template, values)).toBe(expected);
  });

  it("inserts a guest name containing `$` patterns literally", () => {
    expect(renderTitle("Interview with ${invitee}", { ...values, inviteeName: "Jo$$ie A$&B" })).toBe("Interview with Jo$$ie A$&B");
  });

  it("never re-scans an inserted name for tokens", () => {
    expect(renderTitle("Interview with {{invitee_name}}", { ...values, inviteeName: "{{invitee_email}}" })).toBe("Interview with {{invitee_email}}");
  });
});

/** A minimal valid configuration, with overrides, typed as the sandbox stores it. */
function config(overrides: Record<string, unknown> = {}): TConfiguration {
  return ZConfiguration.parse({
    participants: [{ name: "Sarah Kim", email: "sarah.kim@northwind.example", availability: { calendar_ids: ["primary"] }, booking: { calendar_id: "primary" } }],
    availability: { duration_minutes: 30 },
    event_booking: { title: "Interview with ${invitee}" },
    ...overrides,
  });
}

const resolve = (c: TConfiguration, fallbackTimezone = "America/New_York") => resolveConfiguration("cfg-1", "grant-1", c, fallbackTimezone);

describe("resolveConfiguration", () => {
  it("applies Nylas's defaults to a minimal configuration", () => {
    const effective = resolve(config());
    expect(effective).toMatchObject({
      id: "cfg-1",
      grantId: "grant-1",
      name: "Sarah Kim",
      method: "collective",
      isRoundRobin: false,
      durationMinutes: 30,
      roundTo: 15,
      intervalMinutes: 15,
      buffer: { before: 0, after: 0 },
      minBookingNoticeMinutes: 60,
      availableDaysInFuture: 30,
      timezone: "America/New_York",
      titleTemplate: "Interview with ${invitee}",
      description: "",
      conferencingProvider: null,
      bookingType: "booking",
    });
  });

  it.each([
    { method: "max-fairness", roundRobin: true },
    { method: "max-availability", roundRobin: true },
    { method: "collective", roundRobin: false },
  ] as const)("reads availability_method $method (round-robin: $roundRobin)", ({ method, roundRobin }) => {
    const effective = resolve(config({ availability: { duration_minutes: 30, availability_rules: { availability_method: method } } }));
    expect(effective.method).toBe(method);
    expect(effective.isRoundRobin).toBe(roundRobin);
  });

  it.each([
    { name: "defaults interval to round_to", availability: { duration_minutes: 30, round_to: 30 }, interval: 30, roundTo: 30 },
    { name: "keeps an explicit interval", availability: { duration_minutes: 30, round_to: 30, interval_minutes: 10 }, interval: 10, roundTo: 30 },
    { name: "defaults both to 15", availability: { duration_minutes: 60 }, interval: 15, roundTo: 15 },
  ])("$name", ({ availability, interval, roundTo }) => {
    const effective = resolve(config({ availability }));
    expect(effective.intervalMinutes).toBe(interval);
    expect(effective.roundTo).toBe(roundTo);
  });

  it("reads buffers, defaulting a missing side to 0", () => {
    expect(resolve(config({ availability: { duration_minutes: 30, availability_rules: { buffer: { after: 15 } } } })).buffer).toEqual({ before: 0, after: 15 });
    expect(resolve(config({ availability: { duration_minutes: 30, availability_rules: { buffer: { before: 5, after: 10 } } } })).buffer).toEqual({ before: 5, after: 10 });
  });

  it.each([
    { name: "an explicit notice and window", scheduler: { min_booking_notice: 120, available_days_in_future: 14 }, notice: 120, days: 14 },
    { name: "a zero notice (kept, not defaulted)", scheduler: { min_booking_notice: 0 }, notice: 0, days: 30 },
    { name: "a null notice as the default", scheduler: { min_booking_notice: null }, notice: 60, days: 30 },
    { name: "an empty scheduler block", scheduler: {}, notice: 60, days: 30 },
  ])("reads scheduler limits: $name", ({ scheduler, notice, days }) => {
    const effective = resolve(config({ scheduler }));
    expect(effective.minBookingNoticeMinutes).toBe(notice);
    expect(effective.availableDaysInFuture).toBe(days);
  });

  it("uses event_booking.timezone over the fallback, and reads conferencing and booking type", () => {
    const effective = resolve(
      config({ event_booking: { title: "T", timezone: "Europe/London", description: "D", booking_type: "organizer-confirmation", conferencing: { provider: "Zoom Meeting", autocreate: {} } } }),
    );
    expect(effective).toMatchObject({ timezone: "Europe/London", description: "D", bookingType: "organizer-confirmation", conferencingProvider: "Zoom Meeting" });
  });

  it("gives participants without open hours 9–17 Monday to Friday in their own time zone", () => {
    const effective = resolve(
      config({
        participants: [
          { email: "a@example.com", timezone: "Asia/Tokyo", availability: {} },
          { email: "b@example.com", availability: {} },
        ],
      }),
    );
    expect(effective.participants.map((p) => p.openHours)).toEqual([
      [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "Asia/Tokyo", exdates: [] }],
      [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "America/New_York", exdates: [] }],
    ]);
    expect(effective.participants.map((p) => p.timezone)).toEqual(["Asia/Tokyo", "America/New_York"]);
  });

  it("prefers a participant's own open hours over default_open_hours, which override the built-in default", () => {
    const effective = resolve(
      config({
        participants: [
          { email: "own@example.com", timezone: "Europe/Berlin", availability: { open_hours: [{ days: [2], start: "10:00", end: "12:00", exdates: ["2026-01-06"] }] } },
          { email: "default@example.com", timezone: "Europe/Berlin", availability: {} },
          { email: "empty@example.com", availability: { open_hours: [] } },
        ],
        availability: {
          duration_minutes: 30,
          availability_rules: { default_open_hours: [{ days: [1, 3], start: "8:00", end: "11:30", timezone: "UTC" }] },
        },
      }),
    );
    const [own, fallback, empty] = effective.participants;
    expect(own!.openHours).toEqual([{ days: [2], start: "10:00", end: "12:00", timezone: "Europe/Berlin", exdates: ["2026-01-06"] }]);
    expect(fallback!.openHours).toEqual([{ days: [1, 3], start: "8:00", end: "11:30", timezone: "UTC", exdates: [] }]);
    // An empty own list counts as "not set".
    expect(empty!.openHours).toEqual([{ days: [1, 3], start: "8:00", end: "11:30", timezone: "UTC", exdates: [] }]);
  });

  it("treats participants without availability or booking as notification-only, not hosts", () => {
    const effective = resolve(
      config({
        participants: [
          { email: "host@example.com", name: "Host", availability: { calendar_ids: ["cal-1", "cal-2"] } },
          { email: "booker@example.com", booking: { calendar_id: "cal-9" } },
          { email: "Watcher@Example.com", name: "Watcher" },
        ],
      }),
    );
    expect(effective.participants.map((p) => ({ email: p.email, isHost: p.isHost }))).toEqual([
      { email: "host@example.com", isHost: true },
      { email: "booker@example.com", isHost: true },
      { email: "watcher@example.com", isHost: false },
    ]);
  });

  it("normalises emails, defaults names to the email and calendars to primary", () => {
    const [p] = resolve(config({ participants: [{ email: "Sarah.Kim@Northwind.Example", booking: { calendar_id: "work" } }] })).participants;
    expect(p).toMatchObject({ email: "sarah.kim@northwind.example", name: "Sarah.Kim@Northwind.Example", calendarIds: ["primary"], bookingCalendarId: "work" });
    const [q] = resolve(config({ participants: [{ email: "x@example.com", availability: { calendar_ids: ["c1"] } }] })).participants;
    expect(q).toMatchObject({ calendarIds: ["c1"], bookingCalendarId: null });
  });

  it("names the configuration after its name, else its first participant", () => {
    expect(resolve(config({ name: "Backend Engineer interview" })).name).toBe("Backend Engineer interview");
    expect(resolve(config({ participants: [{ email: "nobody@example.com" }] })).name).toBe("nobody@example.com");
  });
});

describe("describeParticipantGrantProblem", () => {
  const SARAH = "sarah.kim@northwind.example";
  const MARCUS = "marcus.johnson@northwind.example";
  const host = (email: string) => ({ email, availability: { calendar_ids: ["primary"] }, booking: { calendar_id: "primary" } });
  const config = (participants: Record<string, unknown>[]) => ZConfiguration.parse({ participants, availability: { duration_minutes: 30 }, event_booking: { title: "Interview" } });
  const statuses = new Map([
    [SARAH, "valid"],
    [MARCUS, "invalid"],
  ] as const);

  it("accepts hosts with valid grants, matching emails case-insensitively", () => {
    expect(describeParticipantGrantProblem(config([host(SARAH), host("Sarah.Kim@Northwind.Example")]), statuses)).toBeNull();
  });

  it("ignores notification-only participants (no availability, no booking)", () => {
    expect(describeParticipantGrantProblem(config([host(SARAH), { email: "observer@example.org" }, { email: MARCUS }]), statuses)).toBeNull();
  });

  it("refuses a host without a grant with Nylas's message", () => {
    expect(describeParticipantGrantProblem(config([host(SARAH), host("nobody@example.org")]), statuses)).toBe("Failed to find a valid Grant for participant nobody@example.org.");
  });

  it("refuses a host whose grant is invalid, saying it must be re-authenticated", () => {
    expect(describeParticipantGrantProblem(config([{ email: MARCUS, booking: { calendar_id: "primary" } }]), statuses)).toBe(
      `Failed to find a valid Grant for participant ${MARCUS}: their grant is invalid (the connection expired) and must be re-authenticated.`,
    );
  });

  it("names the first host in participant order", () => {
    expect(describeParticipantGrantProblem(config([host("a@example.org"), host(MARCUS)]), statuses)).toBe("Failed to find a valid Grant for participant a@example.org.");
  });
});
