/**
 * The sandbox's calendar side of the admin settings (issue 7), through the official `nylas` SDK
 * over HTTP on real Postgres: events (the "Interview load cap reached" busy block the app places
 * and removes), how busy events shape availability on every round-robin method, free/busy, grants
 * (list by email, connect, expire, delete), and the configuration rules Nylas enforces (hosts need
 * a valid grant; the Notetaker's dependencies; buffers), and webhook subscriptions switched off
 * and on, as a health check needs.
 */
import { describe, expect, it } from "vitest";
import { WebhookTriggers } from "nylas";
import { SANDBOX_SENDER } from "@/lib/email/sender";
import { getNylas } from "@/lib/nylas/client";
import { bookSlot, nowSeconds, sandboxApi, sdkError } from "../support/notetaker-sandbox";
import { availability, MARCUS, PRIYA, SARAH } from "../support/recipe";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const LENA = "lena.fischer@northwind.example";
const ANA = { email: "ana.lee@northwind.example", name: "Ana Lee", timezone: "Europe/Berlin" };
const CAP_TITLE = "Interview load cap reached";
const DAY = 86_400;

const { prisma, server } = setupSeededSandbox();

/** The busy block the app places on an interviewer's primary calendar. */
async function createBusyEvent(email: string, startTime: number, endTime: number, extra: Record<string, unknown> = {}) {
  const res = await getNylas().events.create({
    identifier: email,
    queryParams: { calendarId: "primary" },
    requestBody: { title: CAP_TITLE, busy: true, when: { startTime, endTime }, ...extra },
  });
  return res.data;
}

const deleteEvent = (email: string, eventId: string) => getNylas().events.destroy({ identifier: email, eventId, queryParams: { calendarId: "primary" } });

async function listEventIds(email: string, window: { start: number; end: number }) {
  const res = await getNylas().events.list({ identifier: email, queryParams: { calendarId: "primary", start: String(window.start), end: String(window.end), limit: 200 } as never });
  return res.data.map((e) => e.id);
}

type TestConfiguration = {
  method: "max-fairness" | "max-availability" | "collective";
  participants?: string[];
  /** whose grant creates it (default Sarah) */
  owner?: string;
  scheduler?: Record<string, unknown>;
  buffer?: { before: number; after: number };
};

/** A 30-minute configuration hosted by `participants` (default Sarah and Marcus). */
async function createConfiguration({ method, participants = [SARAH, MARCUS], owner = SARAH, scheduler, buffer }: TestConfiguration) {
  const res = await getNylas().scheduler.configurations.create({
    identifier: owner,
    requestBody: {
      requiresSessionAuth: false,
      participants: participants.map((email) => ({ email, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } })),
      availability: { durationMinutes: 30, availabilityRules: { availabilityMethod: method, ...(buffer ? { buffer } : {}) } },
      eventBooking: { title: "Interview with ${invitee}", conferencing: { provider: "Google Meet", autocreate: {} } },
      ...(scheduler ? { scheduler } : {}),
    } as never,
  });
  return (res.data as unknown as { id: string }).id;
}

const overlaps = (slot: { startTime: number; endTime: number }, block: { start: number; end: number }) => slot.startTime < block.end && slot.endTime > block.start;

const grantIdOf = async (email: string) => (await prisma.sandboxGrant.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

// ── events ─────────────────────────────────────────────────────────────────────────────────────

describe("events", () => {
  it("creates a busy event on the primary calendar, lists, finds, updates and deletes it, in Nylas's shape", async () => {
    const nylas = getNylas();
    // Past the seeded busy events (75 days), so the window holds only this event.
    const start = nowSeconds() + 100 * DAY;
    const created = await createBusyEvent(SARAH, start, start + 2 * 3600, { description: "Weekly cap of 3 interviews reached.", metadata: { source: "load_cap" } });
    expect(created).toMatchObject({
      grantId: await grantIdOf(SARAH),
      calendarId: SARAH,
      object: "event",
      title: CAP_TITLE,
      description: "Weekly cap of 3 interviews reached.",
      busy: true,
      status: "confirmed",
      when: { object: "timespan", startTime: start, endTime: start + 2 * 3600, startTimezone: "America/New_York" },
      organizer: { email: SARAH, name: "Sarah Kim" },
      participants: [],
      metadata: { source: "load_cap" },
    });
    expect(created.id).toMatch(/^[a-z0-9]+$/);

    const window = { start: start - DAY, end: start + DAY };
    expect(await listEventIds(SARAH, window)).toEqual([created.id]);
    // The grant id works as well as the email, and the calendar's own id as well as "primary".
    const found = await nylas.events.find({ identifier: created.grantId, eventId: created.id, queryParams: { calendarId: SARAH } });
    expect(found.data).toMatchObject({ id: created.id, title: CAP_TITLE });

    const updated = await nylas.events.update({
      identifier: SARAH,
      eventId: created.id,
      queryParams: { calendarId: "primary" },
      requestBody: { title: "Blocked", when: { startTime: start + 3600, endTime: start + 3 * 3600 } },
    });
    expect(updated.data).toMatchObject({ id: created.id, title: "Blocked", busy: true, when: { startTime: start + 3600, endTime: start + 3 * 3600 } });

    const deleted = await deleteEvent(SARAH, created.id);
    expect(typeof deleted.requestId).toBe("string");
    expect(await listEventIds(SARAH, window)).toEqual([]);
    expect((await sdkError(nylas.events.find({ identifier: SARAH, eventId: created.id, queryParams: { calendarId: "primary" } }))).statusCode).toBe(404);
    expect((await sdkError(deleteEvent(SARAH, created.id))).statusCode).toBe(404);
  });

  it("refuses a missing calendar_id, a calendar of another grant and a bad `when` with a 400, writing nothing", async () => {
    const before = await prisma.sandboxEvent.count();
    const start = nowSeconds() + 100 * DAY;
    const raw = (path: string, body: unknown) => sandboxApi(server.origin, "POST", `/v3/grants/${SARAH}/events${path}`, body);

    const noCalendar = await raw("", { title: CAP_TITLE, when: { start_time: start, end_time: start + 60 } });
    expect(noCalendar.status).toBe(400);
    expect(noCalendar.body).toMatchObject({ error: { type: "invalid_request_error", message: "calendar_id is required." } });
    expect((await raw(`?calendar_id=${encodeURIComponent(MARCUS)}`, { title: CAP_TITLE, when: { start_time: start, end_time: start + 60 } })).status).toBe(404);

    const inverted = await raw("?calendar_id=primary", { title: CAP_TITLE, when: { start_time: start, end_time: start - 60 } });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.message).toBe("when.end_time must be after when.start_time.");
    const allDay = await raw("?calendar_id=primary", { title: CAP_TITLE, when: { date: "2030-01-07" } });
    expect(allDay.body.error.message).toBe('when must be a timespan {start_time, end_time}; "date" events are not supported by the sandbox.');
    const badParticipant = await raw("?calendar_id=primary", { title: CAP_TITLE, when: { start_time: start, end_time: start + 60 }, participants: [{ email: "not-an-email" }] });
    expect(badParticipant.status).toBe(400);
    expect(badParticipant.body.error.message).toMatch(/^Invalid event: participants/);

    expect(await prisma.sandboxEvent.count()).toBe(before);
  });
});

// ── busy events and availability ───────────────────────────────────────────────────────────────

describe("a busy event removes its interviewer from availability, and deleting it restores them", () => {
  it.each([
    { method: "max-availability" as const, busy: SARAH },
    { method: "max-availability" as const, busy: MARCUS },
    { method: "max-fairness" as const, busy: SARAH },
    { method: "collective" as const, busy: MARCUS },
  ])("$method, $busy busy", async ({ method, busy }) => {
    const configurationId = await createConfiguration({ method, buffer: { before: 10, after: 5 } });
    const before = (await availability(configurationId)).timeSlots;
    const offered = before.find((s) => s.emails.includes(busy));
    expect(offered, `${busy} is offered somewhere`).toBeDefined();

    // Two hours from that slot's start.
    const block = { start: offered!.startTime, end: offered!.startTime + 2 * 3600 };
    const event = await createBusyEvent(busy, block.start, block.end);
    const during = (await availability(configurationId)).timeSlots;
    const overlapping = during.filter((s) => overlaps(s, block));
    for (const slot of overlapping) expect(slot.emails, `slot at ${slot.startTime}`).not.toContain(busy);
    // Slots away from the block are untouched.
    const away = (slots: typeof before) => slots.filter((s) => !overlaps(s, { start: block.start - 3600, end: block.end + 3600 }));
    expect(away(during)).toEqual(away(before));
    if (method === "max-availability") {
      // The other member still takes the overlapping times they are free at.
      const other = busy === SARAH ? MARCUS : SARAH;
      for (const slot of overlapping) expect(slot.emails).toEqual([other]);
    }

    await deleteEvent(busy, event.id);
    expect((await availability(configurationId)).timeSlots).toEqual(before);
  });

  it("holds on every configuration the interviewer is on, and a booking cannot take the blocked time", async () => {
    const fairness = await createConfiguration({ method: "max-fairness", participants: [PRIYA, SARAH] });
    const any = await createConfiguration({ method: "max-availability", participants: [LENA, PRIYA] });
    const offered = (await availability(any)).timeSlots.find((s) => s.emails.includes(PRIYA))!;
    const block = { start: offered.startTime, end: offered.endTime };
    const slotsBefore = { fairness: (await availability(fairness)).timeSlots, any: (await availability(any)).timeSlots };
    const event = await createBusyEvent(PRIYA, block.start, block.end);

    for (const id of [fairness, any]) {
      for (const slot of (await availability(id)).timeSlots.filter((s) => overlaps(s, block))) expect(slot.emails).not.toContain(PRIYA);
    }
    // Asking for Priya at that time is refused as Nylas refuses a taken slot.
    const refused = await sdkError(bookSlot(any, { startTime: offered.startTime, endTime: offered.endTime, emails: [PRIYA] }));
    expect(refused.statusCode).toBe(409);
    expect(refused.message).toMatch(/^The selected timeslot is unavailable/);

    await deleteEvent(PRIYA, event.id);
    expect((await availability(fairness)).timeSlots).toEqual(slotsBefore.fairness);
    expect((await availability(any)).timeSlots).toEqual(slotsBefore.any);
  });

  it("a free (busy: false) event blocks nothing", async () => {
    const configurationId = await createConfiguration({ method: "max-availability" });
    const before = (await availability(configurationId)).timeSlots;
    const offered = before.find((s) => s.emails.includes(SARAH))!;
    await createBusyEvent(SARAH, offered.startTime, offered.startTime + 2 * 3600, { busy: false, title: "Focus time (free)" });
    expect((await availability(configurationId)).timeSlots).toEqual(before);
  });
});

// ── free/busy ──────────────────────────────────────────────────────────────────────────────────

describe("free/busy", () => {
  it("answers per email, in the order asked: busy slots merged and clipped to the window, or an error entry", async () => {
    const start = nowSeconds() + 100 * DAY;
    const window = { start, end: start + 8 * 3600 };
    await createBusyEvent(SARAH, start - 3600, start + 3600); // clipped at the window's start
    await createBusyEvent(SARAH, start + 3 * 3600, start + 4 * 3600);
    await createBusyEvent(SARAH, start + 3.5 * 3600, start + 5 * 3600); // overlaps the previous one
    await createBusyEvent(SARAH, start + 6 * 3600, start + 7 * 3600, { busy: false }); // free time
    await sandboxApi(server.origin, "PATCH", `/v3/sandbox/grants/${await grantIdOf(LENA)}`, { grant_status: "invalid" });

    const emails = [SARAH, "nobody@example.org", MARCUS, LENA];
    const res = await getNylas().calendars.getFreeBusy({ identifier: SARAH, requestBody: { startTime: window.start, endTime: window.end, emails } });
    expect(res.data).toEqual([
      {
        email: SARAH,
        object: "free_busy",
        timeSlots: [
          { startTime: start, endTime: start + 3600, status: "busy", object: "time_slot" },
          { startTime: start + 3 * 3600, endTime: start + 5 * 3600, status: "busy", object: "time_slot" },
        ],
      },
      { email: "nobody@example.org", object: "error", error: "Unable to find a calendar for nobody@example.org: it has no connected grant in the sandbox." },
      { email: MARCUS, object: "free_busy", timeSlots: [] },
      { email: LENA, object: "error", error: `Unable to read the calendar of ${LENA}: its grant is invalid and must be re-authenticated.` },
    ]);
  });

  it("counts the interviewer's live bookings (without buffers) as busy, not cancelled ones", async () => {
    const configurationId = await createConfiguration({ method: "max-availability", participants: [MARCUS], buffer: { before: 15, after: 15 } });
    const slot = (await availability(configurationId)).timeSlots[0]!;
    const ask = async () => {
      const res = await getNylas().calendars.getFreeBusy({ identifier: MARCUS, requestBody: { startTime: slot.startTime - 3600, endTime: slot.endTime + 3600, emails: [MARCUS] } });
      return (res.data[0] as { timeSlots: { startTime: number; endTime: number }[] }).timeSlots;
    };
    const before = await ask();
    expect(before.some((t) => t.startTime < slot.endTime && t.endTime > slot.startTime)).toBe(false);

    const booking = await bookSlot(configurationId, slot);
    expect((await ask()).filter((t) => t.startTime < slot.endTime && t.endTime > slot.startTime)).toEqual([
      expect.objectContaining({ startTime: slot.startTime, endTime: slot.endTime, status: "busy" }),
    ]);

    await getNylas().scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Withdrew" } });
    expect(await ask()).toEqual(before);
  });

  it("refuses a window that ends before it starts, and no emails, with a 400", async () => {
    const start = nowSeconds();
    const inverted = await sandboxApi(server.origin, "POST", `/v3/grants/${SARAH}/calendars/free-busy`, { start_time: start, end_time: start - 60, emails: [SARAH] });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error).toMatchObject({ type: "invalid_request_error" });
    expect(inverted.body.error.message).toMatch(/^Invalid free\/busy request: end_time/);
    const none = await sandboxApi(server.origin, "POST", `/v3/grants/${SARAH}/calendars/free-busy`, { start_time: start, end_time: start + 60, emails: [] });
    expect(none.status).toBe(400);
  });
});

// ── grants ─────────────────────────────────────────────────────────────────────────────────────

describe("grants", () => {
  it("lists by email (case-insensitively), with limit and offset", async () => {
    const nylas = getNylas();
    const bySarah = await nylas.grants.list({ queryParams: { email: SARAH.toUpperCase() } });
    expect(bySarah.data).toHaveLength(1);
    expect(bySarah.data[0]).toMatchObject({ id: await grantIdOf(SARAH), email: SARAH, grantStatus: "valid", provider: "google" });
    expect((await nylas.grants.list({ queryParams: { email: "nobody@example.org" } })).data).toEqual([]);

    const first = (await nylas.grants.list({ queryParams: { limit: 3 } })).data.map((g) => g.email);
    const rest = (await nylas.grants.list({ queryParams: { limit: 3, offset: 3 } })).data.map((g) => g.email);
    expect(first).toHaveLength(3);
    expect([...first, ...rest].sort()).toEqual([LENA, MARCUS, PRIYA, SANDBOX_SENDER.email, SARAH]);

    const bad = await sandboxApi(server.origin, "GET", "/v3/grants?limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("limit must be an integer of at least 1.");
  });

  it("connects a calendar (a valid grant with a primary calendar), idempotently", async () => {
    const nylas = getNylas();
    const res = await sandboxApi(server.origin, "POST", "/v3/sandbox/grants", ANA);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ email: ANA.email, name: ANA.name, grant_status: "valid", provider: "google" });
    const id = res.body.data.id as string;

    expect((await nylas.grants.find({ grantId: id })).data).toMatchObject({ id, email: ANA.email, grantStatus: "valid" });
    expect((await nylas.calendars.list({ identifier: id })).data).toEqual([expect.objectContaining({ id: ANA.email, isPrimary: true, timezone: ANA.timezone })]);
    expect((await nylas.grants.list({ queryParams: { email: ANA.email } })).data.map((g) => g.id)).toEqual([id]);
    // A configuration may now name them.
    await createConfiguration({ method: "max-availability", participants: [ANA.email] });

    const again = await sandboxApi(server.origin, "POST", "/v3/sandbox/grants", { email: ANA.email.toUpperCase() });
    expect(again.body.data).toMatchObject({ id, name: ANA.name });
    expect(await prisma.sandboxCalendar.count({ where: { grantId: id } })).toBe(1);

    const bad = await sandboxApi(server.origin, "POST", "/v3/sandbox/grants", { email: "not-an-email", timezone: "Mars/Olympus" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^Invalid grant: /);
  });

  it("an invalid grant: listed as such, no free slots, refused for configurations and calendar calls; connecting again restores it", async () => {
    const nylas = getNylas();
    const configurationId = await createConfiguration({ method: "max-availability" });
    const before = (await availability(configurationId)).timeSlots;
    const sarahGrant = await grantIdOf(SARAH);

    const patched = await sandboxApi(server.origin, "PATCH", `/v3/sandbox/grants/${sarahGrant}`, { grant_status: "invalid" });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ id: sarahGrant, grant_status: "invalid", provider: "google" });
    expect((await nylas.grants.find({ grantId: sarahGrant })).data.grantStatus).toBe("invalid");
    expect((await nylas.grants.list({ queryParams: { grantStatus: "invalid" } as never })).data.map((g) => g.email)).toEqual([SARAH]);

    const during = (await availability(configurationId)).timeSlots;
    expect(during.length).toBeGreaterThan(0);
    for (const slot of during) expect(slot.emails).toEqual([MARCUS]);
    expect((await sdkError(nylas.events.list({ identifier: SARAH, queryParams: { calendarId: "primary" } }))).statusCode).toBe(401);
    // Sarah's grant can no longer create configurations (401); Marcus's can, but not naming her (400).
    expect((await sdkError(createConfiguration({ method: "max-fairness", participants: [MARCUS] }))).statusCode).toBe(401);
    const refused = await sdkError(createConfiguration({ method: "max-fairness", owner: MARCUS }));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toBe(`Failed to find a valid Grant for participant ${SARAH}: their grant is invalid (the connection expired) and must be re-authenticated.`);

    const reconnected = await sandboxApi(server.origin, "POST", "/v3/sandbox/grants", { email: SARAH });
    expect(reconnected.body.data).toMatchObject({ id: sarahGrant, grant_status: "valid" });
    expect((await availability(configurationId)).timeSlots).toEqual(before);

    const bad = await sandboxApi(server.origin, "PATCH", `/v3/sandbox/grants/${sarahGrant}`, { grant_status: "expired" });
    expect(bad.status).toBe(400);
  });

  it("deletes a grant with its calendar and events; the email can connect again and gets the same id", async () => {
    const nylas = getNylas();
    const grantId = await grantIdOf(MARCUS);
    await createBusyEvent(MARCUS, nowSeconds() + 100 * DAY, nowSeconds() + 100 * DAY + 3600);
    await nylas.grants.destroy({ grantId });
    expect((await sdkError(nylas.grants.find({ grantId }))).statusCode).toBe(404);
    expect(await prisma.sandboxCalendar.count({ where: { grantId } })).toBe(0);
    expect(await prisma.sandboxEvent.count({ where: { grantId } })).toBe(0);
    expect((await nylas.grants.list({ queryParams: { email: MARCUS } })).data).toEqual([]);

    const back = await sandboxApi(server.origin, "POST", "/v3/sandbox/grants", { email: MARCUS, name: "Marcus Johnson" });
    expect(back.body.data).toMatchObject({ id: grantId, grant_status: "valid" });
  });
});

// ── configuration rules ────────────────────────────────────────────────────────────────────────

describe("configurations Nylas refuses", () => {
  it("a host without a grant: 400 naming the participant, nothing written", async () => {
    const refused = await sdkError(createConfiguration({ method: "max-availability", participants: [SARAH, "nobody@northwind.example"] }));
    expect(refused.statusCode).toBe(400);
    expect(refused.type).toBe("invalid_request_error");
    expect(refused.message).toBe("Failed to find a valid Grant for participant nobody@northwind.example.");
    expect(await prisma.sandboxConfiguration.count()).toBe(0);
  });

  const PATH = "Invalid configuration: scheduler.notetaker_settings.meeting_settings";
  it.each([
    {
      name: "a transcript without video",
      meetingSettings: { videoRecording: false, audioRecording: true, transcription: true, summary: false, actionItems: false },
      message: `${PATH}.transcription requires audio_recording and video_recording: the transcript is made from the recording.`,
    },
    {
      name: "a transcript without audio",
      meetingSettings: { videoRecording: true, audioRecording: false },
      message: `${PATH}.transcription requires audio_recording and video_recording: the transcript is made from the recording.`,
    },
    {
      name: "a summary without a transcript",
      meetingSettings: { transcription: false, summary: true, actionItems: false },
      message: `${PATH}.summary requires transcription: it is made from the transcript.`,
    },
    {
      name: "action items without a transcript",
      meetingSettings: { transcription: false, summary: false },
      message: `${PATH}.action_items requires transcription: it is made from the transcript.`,
    },
  ])("the Notetaker: $name (create and update)", async ({ meetingSettings, message }) => {
    const scheduler = { notetakerSettings: { enabled: true, meetingSettings } };
    const refused = await sdkError(createConfiguration({ method: "max-fairness", scheduler }));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toBe(message);
    expect(await prisma.sandboxConfiguration.count()).toBe(0);

    const id = await createConfiguration({ method: "max-fairness", scheduler: { notetakerSettings: { enabled: true } } });
    const stored = await prisma.sandboxConfiguration.findUniqueOrThrow({ where: { id }, select: { data: true } });
    const update = await sdkError(getNylas().scheduler.configurations.update({ identifier: SARAH, configurationId: id, requestBody: { scheduler } as never }));
    expect(update.message).toBe(message);
    expect((await prisma.sandboxConfiguration.findUniqueOrThrow({ where: { id }, select: { data: true } })).data).toEqual(stored.data);
  });

  it("accepts an audio-only Notetaker without transcript, summary or action items", async () => {
    const meetingSettings = { videoRecording: false, audioRecording: true, transcription: false, summary: false, actionItems: false };
    const id = await createConfiguration({ method: "max-fairness", scheduler: { notetakerSettings: { enabled: true, meetingSettings } } });
    const found = (await getNylas().scheduler.configurations.find({ identifier: SARAH, configurationId: id })).data as unknown as { scheduler: Record<string, any> };
    expect(found.scheduler.notetakerSettings.meetingSettings).toMatchObject(meetingSettings);
  });

  it.each([
    { buffer: { before: 7, after: 0 }, message: /^Invalid configuration: availability\.availability_rules\.buffer\.before/ },
    { buffer: { before: 0, after: 125 }, message: /^Invalid configuration: availability\.availability_rules\.buffer\.after/ },
  ])("buffers outside 0–120 in steps of 5: $buffer", async ({ buffer, message }) => {
    const refused = await sdkError(createConfiguration({ method: "max-fairness", buffer }));
    expect(refused.statusCode).toBe(400);
    expect(refused.message).toMatch(message);
  });
});

// ── webhook subscriptions switched off and on ──────────────────────────────────────────────────

describe("PUT /v3/webhooks/{id}", () => {
  it("sets the status (inactive, pause, active) and the triggers; only an active subscription gets deliveries", async () => {
    const nylas = getNylas();
    const created = (await nylas.webhooks.create({ requestBody: { webhookUrl: "https://receiver.example/hooks", triggerTypes: [WebhookTriggers.BookingCreated, WebhookTriggers.BookingCancelled] } }))
      .data;
    const configurationId = await createConfiguration({ method: "max-availability" });
    const deliveries = () => prisma.sandboxWebhookDelivery.count({ where: { webhookId: created.id } });

    for (const status of ["inactive", "pause"]) {
      const res = await sandboxApi(server.origin, "PUT", `/v3/webhooks/${created.id}`, { status });
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ id: created.id, status });
      expect(res.body.data.webhook_secret).toBeUndefined();
      expect((await nylas.webhooks.find({ webhookId: created.id })).data.status).toBe(status);
    }
    await bookSlot(configurationId, (await availability(configurationId)).timeSlots[0]!);
    expect(await deliveries()).toBe(0);

    const changed = await nylas.webhooks.update({ webhookId: created.id, requestBody: { status: "active", triggerTypes: [WebhookTriggers.BookingCreated] } as never });
    expect(changed.data).toMatchObject({ status: "active", triggerTypes: ["booking.created"] });
    await bookSlot(configurationId, (await availability(configurationId)).timeSlots[0]!, { name: "Eli Park", email: "eli.park@example.org" });
    expect(await deliveries()).toBe(1);

    const bad = await sandboxApi(server.origin, "PUT", `/v3/webhooks/${created.id}`, { status: "failed" });
    expect(bad.status).toBe(400);
    expect((await sandboxApi(server.origin, "PUT", `/v3/webhooks/${created.id}`, { trigger_types: [] })).status).toBe(400);
  });
});
