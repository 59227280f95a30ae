/**
 * The sandbox's Notetaker through the official `nylas` SDK (grant-scoped and standalone paths) and
 * its signed webhooks (DESIGN "Notetaker and media", nylas-contract §4.6, §5): a bot per booking
 * with the configuration's meeting settings, list/find/media/cancel/leave, reschedule and cancel
 * following the booking, the whole lifecycle at once (control endpoint) or on the clock
 * ("sandbox.notetaker-step" jobs), signed expiring media URLs with ranges and digests, retention, and a
 * summary that follows the configuration's custom instructions.
 */
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NylasApiError, WebhookTriggers } from "nylas";
import { assertServerEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { syncRoleConfigurations } from "@/lib/nylas/sync-configurations";
import { runDueJobs } from "@/lib/jobs";
import { notetakerStepJob } from "@/lib/sandbox/notetakers";
import { getSampleInterview } from "@/lib/sandbox/notetaker-samples";
import { summarizeInterview } from "@/lib/sandbox/summary/summarize";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { demoPanels } from "@/prisma/demo-fixture";
import {
  bookFirstSlot,
  bookSlot,
  DANA,
  digestHex,
  envOverride,
  expireMedia,
  notetakerHistory,
  offeredSlots,
  runNotetaker,
  sandboxApi,
  sdkError,
  sha256,
  sleep,
  type Slot,
} from "../support/notetaker-sandbox";
import { startWebhookReceiver } from "../support/sandbox-server";
import { demoSummaryInstructions, setupSeededSandbox } from "../support/seeded-sandbox";

/** The clock-driven lifecycle's jobs due by `now` (default: the real clock), run as a worker would. */
const advanceDueNotetakers = (now?: Date) => runDueJobs(notetakerStepJob, { now });
const dispatchDueDeliveries = () => runDueJobs(webhookDeliveryJob);

const ENGINEERING = demoPanels.find((p) => p.name === "Engineering panel")!;
/** What the backend role's configuration sends: the panel's instructions with the role's scorecard. */
const BACKEND_INSTRUCTIONS = demoSummaryInstructions("backend-engineer");
const NOTETAKER_ID = /^[0-9a-f]{32}$/;
const RETENTION_S = 14 * 24 * 3600;
const BACKEND_SAMPLE = getSampleInterview("backend-engineer")!;
const TRIGGERS = [
  WebhookTriggers.BookingCreated,
  WebhookTriggers.BookingRescheduled,
  WebhookTriggers.BookingCancelled,
  WebhookTriggers.NotetakerCreated,
  WebhookTriggers.NotetakerUpdated,
  WebhookTriggers.NotetakerMeetingState,
  WebhookTriggers.NotetakerMedia,
  WebhookTriggers.NotetakerDeleted,
];

const { prisma, server, configurationOf } = setupSeededSandbox({ syncConfigurations: true });
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let webhookSecret = "";
let seen = 0;
let configurationId = "";

type Envelope = {
  specversion: string;
  type: string;
  source: string;
  id: string;
  time: number;
  webhook_delivery_attempt: number;
  data: { application_id: string; grant_id?: string; object: Record<string, any> };
};

/** Delivers everything due to the receiver; returns the notifications that arrived, signatures checked. */
async function drain(): Promise<Envelope[]> {
  while ((await dispatchDueDeliveries()) > 0);
  const fresh = receiver.received.slice(seen);
  seen = receiver.received.length;
  return fresh.map(({ headers, body }) => {
    expect(headers["x-nylas-signature"]).toBe(createHmac("sha256", webhookSecret).update(body).digest("hex"));
    return JSON.parse(body.toString("utf8")) as Envelope;
  });
}

const ofType = (envelopes: Envelope[], type: string) => envelopes.filter((e) => e.type === type);
/** notetaker.* notifications by `time` (a batch is sent concurrently: arrival order is not the order). */
const notetakerSteps = (envelopes: Envelope[]) =>
  envelopes
    .filter((e) => e.type.startsWith("notetaker."))
    .sort((a, b) => a.time - b.time)
    .map((e) => ({ type: e.type, state: e.data.object.state, meeting_state: e.data.object.meeting_state ?? null, time: e.time }));

async function grantOf(email: string): Promise<string> {
  return (await prisma.sandboxGrant.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** Books the first slot; returns the booking, its notetaker id and the host's grant. */
async function bookWithNotetaker(guest = DANA) {
  const { slot, booking } = await bookFirstSlot(configurationId, guest);
  const row = await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booking.bookingId } });
  expect(row.notetakerId).toMatch(NOTETAKER_ID);
  return { slot, booking, notetakerId: row.notetakerId!, host: booking.organizer, grantId: await grantOf(booking.organizer.email) };
}

/**
 * Reschedules to the first offered time at least a day later that the booking's own host can take
 * (the availability lists the next round-robin host's times; a reschedule keeps the host).
 */
async function rescheduleToAnotherDay(bookingId: string, slot: Slot, hostEmail: string): Promise<Slot> {
  const candidates = (await offeredSlots(configurationId)).filter((s) => s.startTime >= slot.startTime + 86_400);
  for (const candidate of candidates.slice(0, 40)) {
    try {
      await getNylas().scheduler.bookings.reschedule({ bookingId, queryParams: { configurationId }, requestBody: { startTime: candidate.startTime, endTime: candidate.endTime } });
      return candidate;
    } catch (error) {
      if (!(error instanceof NylasApiError) || error.statusCode === undefined || error.statusCode >= 500) throw error;
    }
  }
  throw new Error(`no later time free for ${hostEmail}`);
}

type MediaData = Record<
  "recording" | "transcript" | "summary" | "actionItems" | "thumbnail",
  { url: string; name: string; type: string; size: number; duration?: number; createdAt: number; expiresAt: number; ttl: number }
>;
const downloadMedia = async (notetakerId: string, identifier?: string) =>
  (await getNylas().notetakers.downloadMedia({ notetakerId, ...(identifier ? { identifier } : {}) })).data as unknown as MediaData;

beforeEach(async () => {
  configurationId = configurationOf["backend-engineer"]!;
  receiver = await startWebhookReceiver();
  seen = 0;
  const created = (await getNylas().webhooks.create({ requestBody: { webhookUrl: receiver.url, triggerTypes: TRIGGERS, description: "notetaker test" } })).data;
  webhookSecret = created.webhookSecret;
});
afterEach(async () => {
  await receiver.close();
});

// ───────────────────────────── A notetaker per booking ─────────────────────────────

describe("a booking on a configuration with the Notetaker enabled", () => {
  it("gets a notetaker: named in booking.created and on the event, notetaker.created (scheduled) with the configuration's settings", async () => {
    const { slot, booking, notetakerId, host, grantId } = await bookWithNotetaker();
    const delivered = await drain();
    expect(delivered.map((e) => e.type).sort()).toEqual(["booking.created", "notetaker.created"]);

    const [bookingCreated] = ofType(delivered, "booking.created");
    expect(bookingCreated!.data.object.booking_info.notetaker_id).toBe(notetakerId);

    const expectedSettings = {
      video_recording: true,
      audio_recording: true,
      transcription: true,
      summary: true,
      summary_settings: { custom_instructions: BACKEND_INSTRUCTIONS },
      action_items: true,
      action_items_settings: { custom_instructions: ENGINEERING.actionItemsInstructions },
      leave_after_silence_seconds: 300,
    };
    const [created] = ofType(delivered, "notetaker.created");
    expect(created!.source).toBe("/nylas/notetaker");
    const event = (await getNylas().events.find({ identifier: grantId, eventId: booking.eventId, queryParams: { calendarId: "primary" } })).data as unknown as Record<string, any>;
    expect(created!.data.object).toEqual({
      id: notetakerId,
      grant_id: grantId,
      object: "notetaker",
      name: "Interview Recorder",
      meeting_link: event.conferencing.details.url,
      meeting_provider: "Google Meet",
      join_time: slot.startTime,
      event: { ical_uid: event.icalUid, event_id: booking.eventId, master_event_id: null },
      meeting_settings: expectedSettings,
      state: "scheduled",
      status: "scheduled",
    });
    expect(created!.time).toBe(bookingCreated!.time);

    // The event carries the notetaker (the SDK camelCases keys, values untouched).
    expect(event.notetaker).toEqual({
      id: notetakerId,
      name: "Interview Recorder",
      meetingSettings: {
        videoRecording: true,
        audioRecording: true,
        transcription: true,
        summary: true,
        summarySettings: { customInstructions: BACKEND_INSTRUCTIONS },
        actionItems: true,
        actionItemsSettings: { customInstructions: ENGINEERING.actionItemsInstructions },
        leaveAfterSilenceSeconds: 300,
      },
    });
    expect(event.location).toBe(event.conferencing.details.url);

    // find: grant-scoped (by id and by email) and standalone answer the same object.
    const nylas = getNylas();
    const byGrant = (await nylas.notetakers.find({ identifier: grantId, notetakerId })).data;
    const byEmail = (await nylas.notetakers.find({ identifier: host.email, notetakerId })).data;
    const standalone = (await nylas.notetakers.find({ notetakerId })).data;
    expect(byEmail).toEqual(byGrant);
    expect(standalone).toEqual(byGrant);
    expect(byGrant).toMatchObject({ id: notetakerId, grantId, object: "notetaker", state: "scheduled", joinTime: slot.startTime, eventId: booking.eventId, meetingProvider: "Google Meet" });
  });

  it("gets no notetaker when the configuration has no Notetaker settings", async () => {
    const nylas = getNylas();
    const sarah = "sarah.kim@northwind.example";
    const created = await nylas.scheduler.configurations.create({
      identifier: sarah,
      requestBody: {
        requiresSessionAuth: false,
        participants: [{ name: "Sarah Kim", email: sarah, isOrganizer: true, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } }],
        availability: { durationMinutes: 30 },
        eventBooking: { title: "Plain call", conferencing: { provider: "Google Meet", autocreate: {} } },
      } as never,
    });
    const plainId = (created.data as unknown as { id: string }).id;
    const { booking } = await bookFirstSlot(plainId);
    const delivered = await drain();
    expect(delivered.map((e) => e.type)).toEqual(["booking.created"]);
    expect("notetaker_id" in delivered[0]!.data.object.booking_info).toBe(false);
    expect(await prisma.sandboxNotetaker.count()).toBe(0);
    const event = (await nylas.events.find({ identifier: sarah, eventId: booking.eventId, queryParams: { calendarId: "primary" } })).data as unknown as Record<string, unknown>;
    expect("notetaker" in event).toBe(false);
  });
});

// ───────────────────────────── list / find / media before it is ready ─────────────────────────────

describe("notetakers.list, find, downloadMedia", () => {
  it("lists with state (old and new names), join_time range and limit + page_token paging; media is 404 until ready", async () => {
    // One booking per day, on three days (max-fairness offers the next host's times after each booking).
    const slots: Slot[] = [];
    const ids: string[] = [];
    const hosts: string[] = [];
    const dayOf = (s: Slot) => new Date(s.startTime * 1000).toISOString().slice(0, 10);
    for (let i = 0; i < 3; i++) {
      const after = slots.at(-1);
      const slot = (await offeredSlots(configurationId)).find((s) => !after || (dayOf(s) !== dayOf(after) && s.startTime > after.startTime))!;
      slots.push(slot);
      const booking = await bookSlot(configurationId, slot);
      ids.push((await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booking.bookingId } })).notetakerId!);
      hosts.push(booking.organizer.email);
    }
    const nylas = getNylas();
    const listIds = async (queryParams: Record<string, unknown> = {}, identifier?: string) =>
      (await nylas.notetakers.list({ ...(identifier ? { identifier } : {}), queryParams: queryParams as never })).data.map((n) => n.id);

    // Standalone: every notetaker, oldest first.
    expect(await listIds()).toEqual(ids);
    // Grant-scoped: only that grant's.
    for (const email of new Set(hosts)) {
      expect(await listIds({}, await grantOf(email))).toEqual(ids.filter((_, i) => hosts[i] === email));
    }

    // Media before it is ready: 404 on both paths.
    const grant0 = await grantOf(hosts[0]!);
    expect((await sdkError(nylas.notetakers.downloadMedia({ notetakerId: ids[0]! }))).statusCode).toBe(404);
    expect((await sdkError(nylas.notetakers.downloadMedia({ identifier: grant0, notetakerId: ids[0]! }))).statusCode).toBe(404);

    // Run the second one; filter by state, current name and the SDK's older one.
    expect((await runNotetaker(server.origin, ids[1]!)).status).toBe(200);
    expect(await listIds({ state: "media_available" })).toEqual([ids[1]]);
    expect(await listIds({ state: "available" })).toEqual([ids[1]]);
    expect(await listIds({ state: "scheduled" })).toEqual([ids[0], ids[2]]);
    expect(await listIds({ state: "failed_entry" })).toEqual([]);

    // join_time range, inclusive.
    expect(await listIds({ joinTimeStart: slots[1]!.startTime, joinTimeEnd: slots[1]!.startTime })).toEqual([ids[1]]);
    expect(await listIds({ joinTimeStart: slots[1]!.startTime })).toEqual([ids[1], ids[2]]);
    expect(await listIds({ joinTimeEnd: slots[1]!.startTime - 1 })).toEqual([ids[0]]);
    expect(await listIds({ orderBy: "join_time", orderDirection: "desc" })).toEqual([...ids].reverse());

    // limit + page_token.
    const first = await nylas.notetakers.list({ queryParams: { limit: 2 } });
    expect(first.data.map((n) => n.id)).toEqual(ids.slice(0, 2));
    expect(first.nextCursor).toBeTruthy();
    const second = await nylas.notetakers.list({ queryParams: { limit: 2, pageToken: first.nextCursor } });
    expect(second.data.map((n) => n.id)).toEqual([ids[2]]);
    expect(second.nextCursor ?? null).toBeNull();
    expect((await sandboxApi(server.origin, "GET", `/v3/notetakers?limit=2&page_token=${first.nextCursor}`)).body.prev_cursor).toBeTruthy();
    expect((await sandboxApi(server.origin, "GET", "/v3/notetakers?page_token=bm9wZQ")).status).toBe(400);
    expect((await sandboxApi(server.origin, "GET", "/v3/notetakers?join_time_start=yesterday")).status).toBe(400);

    // find: unknown id, malformed id, and another grant's notetaker are all 404.
    expect((await sdkError(nylas.notetakers.find({ notetakerId: "0".repeat(32) }))).statusCode).toBe(404);
    expect((await sdkError(nylas.notetakers.find({ notetakerId: "not-an-id" }))).statusCode).toBe(404);
    const otherEmail = ["sarah.kim@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example"].find((e) => e !== hosts[0])!;
    expect((await sdkError(nylas.notetakers.find({ identifier: await grantOf(otherEmail), notetakerId: ids[0]! }))).statusCode).toBe(404);
    // Without the API key: 401.
    expect((await fetch(`${server.origin}/v3/notetakers/${ids[0]}`)).status).toBe(401);
  });
});

// ───────────────────────────── The notetaker follows its booking ─────────────────────────────

describe("the notetaker follows its booking", () => {
  it("reschedule moves join_time (notetaker.updated while scheduled); cancel deletes it (notetaker.deleted, then 404)", async () => {
    const { slot, booking, notetakerId, host, grantId } = await bookWithNotetaker();
    await drain();
    const nylas = getNylas();

    // Another day on which the same host is free (a reschedule keeps the host).
    const later = await rescheduleToAnotherDay(booking.bookingId, slot, host.email);
    let delivered = await drain();
    expect(delivered.map((e) => e.type).sort()).toEqual(["booking.rescheduled", "notetaker.updated"]);
    expect(ofType(delivered, "booking.rescheduled")[0]!.data.object.booking_info.notetaker_id).toBe(notetakerId);
    const updated = ofType(delivered, "notetaker.updated")[0]!.data.object;
    expect(updated).toMatchObject({ id: notetakerId, state: "scheduled", join_time: later.startTime, event: { event_id: booking.eventId } });
    expect((await nylas.notetakers.find({ identifier: grantId, notetakerId })).data.joinTime).toBe(later.startTime);

    await nylas.scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Withdrew" } });
    delivered = await drain();
    expect(delivered.map((e) => e.type).sort()).toEqual(["booking.cancelled", "notetaker.deleted"]);
    const deleted = ofType(delivered, "notetaker.deleted")[0]!.data.object;
    // Only the identity (nylas-contract §4.6).
    expect(deleted).toEqual({ id: notetakerId, grant_id: grantId, object: "notetaker", event: { ical_uid: expect.any(String), event_id: booking.eventId, master_event_id: null } });

    expect((await sdkError(nylas.notetakers.find({ notetakerId }))).statusCode).toBe(404);
    expect((await sdkError(nylas.notetakers.find({ identifier: grantId, notetakerId }))).statusCode).toBe(404);
    expect((await sdkError(nylas.notetakers.downloadMedia({ notetakerId }))).statusCode).toBe(404);
    expect((await nylas.notetakers.list({})).data).toEqual([]);
    expect((await runNotetaker(server.origin, notetakerId)).status).toBe(404);
  });

  it("cancel through the notetakers API (standalone) deletes a scheduled one; a second cancel is 404", async () => {
    const { notetakerId } = await bookWithNotetaker();
    await drain();
    const nylas = getNylas();
    await nylas.notetakers.cancel({ notetakerId });
    const delivered = await drain();
    expect(delivered.map((e) => [e.type, e.data.object.id])).toEqual([["notetaker.deleted", notetakerId]]);
    expect((await sdkError(nylas.notetakers.cancel({ notetakerId }))).statusCode).toBe(404);
  });
});

// ───────────────────────────── "Run interview now" ─────────────────────────────

describe("POST /v3/sandbox/notetakers/{id}/run", () => {
  it("completed: every webhook in order with strictly increasing time, the history, and the media (sizes, digests, real speakers)", async () => {
    const { notetakerId, host, grantId } = await bookWithNotetaker();
    const [created] = ofType(await drain(), "notetaker.created");

    const run = await runNotetaker(server.origin, notetakerId);
    expect(run.status).toBe(200);
    expect(run.body.request_id).toEqual(expect.any(String));
    expect(run.body.data).toMatchObject({ id: notetakerId, state: "available", status: "available", object: "notetaker" });

    const delivered = await drain();
    expect(delivered.every((e) => e.type.startsWith("notetaker."))).toBe(true);
    const steps = notetakerSteps(delivered);
    expect(steps.map(({ time: _t, ...s }) => s)).toEqual([
      { type: "notetaker.meeting_state", state: "connecting", meeting_state: "waiting_for_entry" },
      { type: "notetaker.meeting_state", state: "attending", meeting_state: "recording_active" },
      { type: "notetaker.meeting_state", state: "disconnected", meeting_state: "meeting_ended" },
      { type: "notetaker.media", state: "processing", meeting_state: null },
      { type: "notetaker.media", state: "available", meeting_state: null },
    ]);
    const times = steps.map((s) => s.time);
    for (let i = 1; i < times.length; i++) expect(times[i]!).toBeGreaterThan(times[i - 1]!);
    expect(times[0]!).toBeGreaterThanOrEqual(created!.time);
    // Every notification carries the identity, the event and the settings; state and the legacy status agree.
    for (const e of delivered) {
      expect(e.data.object).toMatchObject({ id: notetakerId, grant_id: grantId, object: "notetaker", status: e.data.object.state });
      expect(e.data.object.meeting_settings.summary_settings.custom_instructions).toBe(BACKEND_INSTRUCTIONS);
    }
    expect(new Set(delivered.map((e) => e.id)).size).toBe(delivered.length);

    // notetaker.media available: URLs, duration (a string), format, retention.
    const available = delivered.find((e) => e.data.object.state === "available")!;
    const media = available.data.object.media as Record<string, unknown>;
    expect(Object.keys(media).sort()).toEqual(["action_items", "recording", "recording_duration", "recording_file_format", "retained_until", "summary", "thumbnail", "transcript"]);
    expect(media.recording_duration).toBe(String(Math.round(BACKEND_SAMPLE.durationMs / 1000)));
    expect(media.recording_file_format).toBe("mp4");
    expect(media.retained_until).toBe(available.time + RETENTION_S);
    for (const kind of ["recording", "transcript", "summary", "action_items", "thumbnail"]) {
      expect(media[kind]).toMatch(new RegExp(`^${server.origin}/v3/sandbox/media/${notetakerId}/${kind}/[^?]+\\?expires=\\d+&signature=[0-9a-f]{64}$`));
    }
    expect("media" in delivered.find((e) => e.data.object.state === "processing")!.data.object).toBe(false);

    // The history: every step, including worker_finished (history only).
    const history = await notetakerHistory(server.origin, notetakerId, grantId);
    expect(history.status).toBe(200);
    const events = history.body.data.events;
    expect(events.map((e) => [e.event_type, e.data.state, e.data.meeting_state ?? null])).toEqual([
      ["notetaker.created", "scheduled", null],
      ["notetaker.meeting_state", "connecting", "waiting_for_entry"],
      ["notetaker.meeting_state", "attending", "recording_active"],
      ["notetaker.meeting_state", "disconnected", "meeting_ended"],
      ["notetaker.meeting_state", "worker_finished", "worker_finished"],
      ["notetaker.media", "processing", null],
      ["notetaker.media", "available", null],
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i]!.created_at).toBeGreaterThanOrEqual(events[i - 1]!.created_at);
    expect(events.filter((e) => e.event_type !== "notetaker.created" && e.data.state !== "worker_finished").map((e) => e.created_at)).toEqual(times);
    expect((await notetakerHistory(server.origin, notetakerId)).body.data).toEqual(history.body.data);

    // The media endpoint (grant-scoped and standalone): every file with size, ttl and expires_at.
    const files = await downloadMedia(notetakerId, grantId);
    const standalone = await downloadMedia(notetakerId);
    expect(Object.keys(files).sort()).toEqual(["actionItems", "recording", "summary", "thumbnail", "transcript"]);
    expect(Object.keys(standalone).sort()).toEqual(Object.keys(files).sort());
    const sandboxFiles = await prisma.sandboxNotetakerFile.findMany({ where: { notetakerId } });
    const facts = (kind: string) => sandboxFiles.find((f) => f.kind === kind)!;
    const recordingBytes = await readFile(BACKEND_SAMPLE.files.mp4);
    const expectedTypes = { recording: "video/mp4", transcript: "application/json", summary: "application/json", actionItems: "application/json", thumbnail: "image/png" } as const;
    for (const [key, kind] of [
      ["recording", "recording"],
      ["transcript", "transcript"],
      ["summary", "summary"],
      ["actionItems", "action_items"],
      ["thumbnail", "thumbnail"],
    ] as const) {
      const file = files[key];
      expect(file).toMatchObject({ type: expectedTypes[key], size: Number(facts(kind).size), ttl: 3600, expiresAt: media.retained_until });
      expect(file.url).toContain(`/v3/sandbox/media/${notetakerId}/${kind}/`);
      const res = await fetch(file.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe(expectedTypes[key]);
      expect(res.headers.get("accept-ranges")).toBe("bytes");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(file.size);
      expect(Number(res.headers.get("content-length"))).toBe(file.size);
      expect(sha256(bytes)).toBe(digestHex(res.headers.get("content-digest")));
      expect(sha256(bytes)).toBe(facts(kind).sha256);
      if (key === "recording") {
        expect(sha256(bytes)).toBe(sha256(recordingBytes));
        expect(file).toMatchObject({ name: "meeting_recording.mp4", duration: Math.round(BACKEND_SAMPLE.durationMs / 1000) });
      }
      if (key === "transcript") {
        const transcript = JSON.parse(bytes.toString("utf8"));
        expect(transcript.object).toBe("transcript");
        expect(transcript.type).toBe("speaker_labelled");
        expect(transcript.transcript).toHaveLength(BACKEND_SAMPLE.segments.length);
        // The real participants' names, in the sample's speaker roles.
        expect(new Set(transcript.transcript.map((s: { speaker: string }) => s.speaker))).toEqual(new Set([host.name, DANA.name]));
        expect(transcript.transcript[0]).toEqual({
          speaker: BACKEND_SAMPLE.segments[0]!.speaker === "interviewer" ? host.name : DANA.name,
          start: BACKEND_SAMPLE.segments[0]!.start,
          end: BACKEND_SAMPLE.segments[0]!.end,
          text: BACKEND_SAMPLE.segments[0]!.text,
        });
        expect(JSON.stringify(transcript)).not.toMatch(/"speaker":"(interviewer|candidate)"/);
      }
    }

    // A second run, a leave and a cancel after the run: 409.
    expect((await runNotetaker(server.origin, notetakerId)).status).toBe(409);
    expect((await sdkError(getNylas().notetakers.leave({ notetakerId }))).statusCode).toBe(409);
    expect((await sdkError(getNylas().notetakers.cancel({ identifier: grantId, notetakerId }))).statusCode).toBe(409);
    expect(await drain()).toEqual([]);
  });

  it("failed_entry: connecting, then failed_entry (admission_timeout); no media (404)", async () => {
    const { notetakerId, grantId } = await bookWithNotetaker();
    await drain();
    const run = await runNotetaker(server.origin, notetakerId, "failed_entry");
    expect(run.status).toBe(200);
    expect(run.body.data.state).toBe("failed_entry");
    const steps = notetakerSteps(await drain());
    expect(steps.map(({ time: _t, ...s }) => s)).toEqual([
      { type: "notetaker.meeting_state", state: "connecting", meeting_state: "waiting_for_entry" },
      { type: "notetaker.meeting_state", state: "failed_entry", meeting_state: "admission_timeout" },
    ]);
    expect(steps[1]!.time).toBeGreaterThan(steps[0]!.time);
    const nylas = getNylas();
    expect((await nylas.notetakers.find({ identifier: grantId, notetakerId })).data.state).toBe("failed_entry");
    expect((await sdkError(nylas.notetakers.downloadMedia({ identifier: grantId, notetakerId }))).statusCode).toBe(404);
    expect(await prisma.sandboxNotetakerFile.count({ where: { notetakerId } })).toBe(0);
    expect((await runNotetaker(server.origin, notetakerId)).status).toBe(409);
    // Not attending, and past the lobby: neither leave nor cancel.
    expect((await sdkError(nylas.notetakers.leave({ notetakerId }))).statusCode).toBe(409);
    expect((await sdkError(nylas.notetakers.cancel({ notetakerId }))).statusCode).toBe(409);
  });

  it("refuses a bad outcome (400), an unknown notetaker (404) and a call without the API key (401)", async () => {
    const { notetakerId } = await bookWithNotetaker();
    expect((await sandboxApi(server.origin, "POST", `/v3/sandbox/notetakers/${notetakerId}/run`, { outcome: "exploded" })).status).toBe(400);
    expect((await runNotetaker(server.origin, "f".repeat(32))).status).toBe(404);
    const res = await fetch(`${server.origin}/v3/sandbox/notetakers/${notetakerId}/run`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(401);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetakerId } })).state).toBe("scheduled");
  });
});

describe("after the interview ran", () => {
  it("a reschedule or a cancellation of the booking no longer touches the notetaker (notetaker.updated only while scheduled)", async () => {
    const { slot, booking, notetakerId, host } = await bookWithNotetaker();
    await runNotetaker(server.origin, notetakerId);
    await drain();
    await rescheduleToAnotherDay(booking.bookingId, slot, host.email);
    expect((await drain()).map((e) => e.type)).toEqual(["booking.rescheduled"]);
    const found = (await getNylas().notetakers.find({ notetakerId })).data;
    expect(found).toMatchObject({ state: "available", joinTime: slot.startTime });
    await getNylas().scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "" } });
    expect((await drain()).map((e) => e.type)).toEqual(["booking.cancelled"]);
    expect(Object.keys(await downloadMedia(notetakerId)).sort()).toEqual(["actionItems", "recording", "summary", "thumbnail", "transcript"]);
  });
});

describe("what the meeting settings turn off is not produced", () => {
  it("video off → an MP3 recording and no thumbnail; transcript, summary and action items off → no such files", async () => {
    const nylas = getNylas();
    const sarah = "sarah.kim@northwind.example";
    const created = await nylas.scheduler.configurations.create({
      identifier: sarah,
      requestBody: {
        name: "Backend Engineer phone screen",
        requiresSessionAuth: false,
        participants: [{ name: "Sarah Kim", email: sarah, isOrganizer: true, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } }],
        availability: { durationMinutes: 30 },
        eventBooking: { title: "Phone screen", conferencing: { provider: "Zoom Meeting", autocreate: {} } },
        scheduler: {
          notetakerSettings: {
            enabled: true,
            notetakerName: "Audio Recorder",
            // Nylas's transcript needs video as well as audio: an audio-only Notetaker records only.
            meetingSettings: { videoRecording: false, audioRecording: true, transcription: false, summary: false, actionItems: false },
          },
        },
      } as never,
    });
    const audioConfiguration = (created.data as unknown as { id: string }).id;
    const { booking } = await bookFirstSlot(audioConfiguration);
    const notetakerId = (await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booking.bookingId } })).notetakerId!;
    const [createdEvent] = ofType(await drain(), "notetaker.created");
    expect(createdEvent!.data.object).toMatchObject({
      name: "Audio Recorder",
      meeting_provider: "Zoom Meeting",
      meeting_settings: { video_recording: false, summary: false, action_items: false, leave_after_silence_seconds: 300 },
    });

    await runNotetaker(server.origin, notetakerId);
    const available = (await drain()).find((e) => e.data.object.state === "available")!;
    const media = available.data.object.media as Record<string, unknown>;
    expect(Object.keys(media).sort()).toEqual(["recording", "recording_duration", "recording_file_format", "retained_until"]);
    expect(media.recording_file_format).toBe("mp3");
    const files = await downloadMedia(notetakerId);
    expect(Object.keys(files).sort()).toEqual(["recording"]);
    expect(files.recording).toMatchObject({ name: "meeting_recording.mp3", type: "audio/mpeg" });
    const res = await fetch(files.recording.url);
    expect(res.headers.get("content-type")).toBe("audio/mpeg");
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(files.recording.size);
    expect(sha256(bytes)).toBe(digestHex(res.headers.get("content-digest")));
  });
});

// ───────────────────────────── leave ─────────────────────────────

describe("leave", () => {
  it("is 409 while scheduled; while attending it leaves (200, disconnected with api_request), 202 while already leaving, and the media follows", async () => {
    const { notetakerId, grantId } = await bookWithNotetaker();
    await drain();
    const nylas = getNylas();
    expect((await sdkError(nylas.notetakers.leave({ identifier: grantId, notetakerId }))).statusCode).toBe(409);

    // As if the interview had started a minute ago (leave acts on the real clock).
    const join = new Date(Date.now() - 60_000);
    await prisma.sandboxNotetaker.update({ where: { id: notetakerId }, data: { joinTime: join, leaveTime: new Date(join.getTime() + 45 * 60_000), nextStepAt: join } });
    await prisma.job.updateMany({ where: { kind: notetakerStepJob.name, dedupKey: notetakerId }, data: { runAt: join } });
    expect(await advanceDueNotetakers()).toBe(1); // connecting, then attending
    expect(notetakerSteps(await drain()).map((s) => s.state)).toEqual(["connecting", "attending"]);
    expect((await sdkError(nylas.notetakers.cancel({ notetakerId }))).statusCode).toBe(409);
    const left = await nylas.notetakers.leave({ identifier: grantId, notetakerId });
    expect(left.data).toEqual({ id: notetakerId, message: "Notetaker is leaving meeting." });
    const steps = notetakerSteps(await drain());
    expect(steps.map(({ time: _t, ...s }) => s)).toEqual([{ type: "notetaker.meeting_state", state: "disconnected", meeting_state: "api_request" }]);
    // Already leaving: 202 (the SDK resolves), nothing new happens.
    expect((await sandboxApi(server.origin, "POST", `/v3/notetakers/${notetakerId}/leave`)).status).toBe(202);
    expect(notetakerSteps(await drain())).toEqual([]);
    // The processing now runs from the time it left (now), not from the meeting's end.
    expect(await advanceDueNotetakers(new Date(Date.now() + 60_000))).toBe(1);
    expect(notetakerSteps(await drain()).map((s) => s.state)).toEqual(["processing", "available"]);
  });
});

// ───────────────────────────── Media URLs ─────────────────────────────

describe("media URLs", () => {
  it("expire after SANDBOX_MEDIA_URL_TTL_S (403); the media endpoint hands out fresh ones that work", async () => {
    const restore = envOverride({ SANDBOX_MEDIA_URL_TTL_S: "1" }, assertServerEnv);
    try {
      const { notetakerId } = await bookWithNotetaker();
      await runNotetaker(server.origin, notetakerId);
      const old = await downloadMedia(notetakerId);
      expect(old.transcript.ttl).toBe(1);
      expect((await fetch(old.transcript.url)).status).toBe(200);
      await sleep(2_100);
      const expired = await fetch(old.transcript.url);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { error: { message: string } }).error.message).toMatch(/expired/i);

      const fresh = await downloadMedia(notetakerId);
      expect(fresh.transcript.url).not.toBe(old.transcript.url);
      const res = await fetch(fresh.transcript.url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.length).toBe(fresh.transcript.size);
      expect(sha256(bytes)).toBe(digestHex(res.headers.get("content-digest")));
    } finally {
      restore();
    }
  });

  it("refuses a tampered signature, another file's signature or a moved expiry (403); honours Range (206) and refuses bytes=size- (416)", async () => {
    const { notetakerId } = await bookWithNotetaker();
    await runNotetaker(server.origin, notetakerId);
    const files = await downloadMedia(notetakerId);
    const url = new URL(files.recording.url);
    const signature = url.searchParams.get("signature")!;

    const tampered = new URL(url);
    tampered.searchParams.set("signature", `${signature[0] === "a" ? "b" : "a"}${signature.slice(1)}`);
    expect((await fetch(tampered)).status).toBe(403);
    const moved = new URL(url);
    moved.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await fetch(moved)).status).toBe(403);
    const otherKind = new URL(files.transcript.url);
    otherKind.searchParams.set("signature", signature);
    otherKind.searchParams.set("expires", url.searchParams.get("expires")!);
    expect((await fetch(otherKind)).status).toBe(403);
    const unsigned = new URL(url);
    unsigned.search = "";
    expect((await fetch(unsigned)).status).toBe(403);

    const full = Buffer.from(await (await fetch(url)).arrayBuffer());
    const size = files.recording.size;
    expect(full.length).toBe(size);

    const partial = await fetch(url, { headers: { range: "bytes=0-99" } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe(`bytes 0-99/${size}`);
    expect(partial.headers.get("content-digest")).toBeNull();
    expect(Buffer.from(await partial.arrayBuffer()).equals(full.subarray(0, 100))).toBe(true);

    const middle = await fetch(url, { headers: { range: `bytes=${size - 1000}-${size + 50}` } });
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes ${size - 1000}-${size - 1}/${size}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(full.subarray(size - 1000))).toBe(true);

    const suffix = await fetch(url, { headers: { range: "bytes=-10" } });
    expect(suffix.status).toBe(206);
    expect(Buffer.from(await suffix.arrayBuffer()).equals(full.subarray(size - 10))).toBe(true);

    const beyond = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${size}`);

    const head = await fetch(url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(size);
    expect(digestHex(head.headers.get("content-digest"))).toBe(sha256(full));
  });
});

// ───────────────────────────── Retention ─────────────────────────────

describe("retention", () => {
  it("expire-media: files answer 410, the media endpoint 410 (SDK statusCode 410), notetaker.media media_deleted is delivered", async () => {
    const { notetakerId, grantId } = await bookWithNotetaker();
    await runNotetaker(server.origin, notetakerId);
    const files = await downloadMedia(notetakerId, grantId);
    await drain();

    const expired = await expireMedia(server.origin, notetakerId);
    expect(expired.status).toBe(200);
    expect(expired.body.data).toMatchObject({ id: notetakerId, state: "media_deleted" });

    for (const file of Object.values(files)) expect((await fetch(file.url)).status).toBe(410);
    const nylas = getNylas();
    const error = await sdkError(nylas.notetakers.downloadMedia({ identifier: grantId, notetakerId }));
    expect(error.statusCode).toBe(410);
    expect((await sdkError(nylas.notetakers.downloadMedia({ notetakerId }))).statusCode).toBe(410);

    const delivered = await drain();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.type).toBe("notetaker.media");
    expect(delivered[0]!.data.object).toMatchObject({ id: notetakerId, state: "media_deleted", status: "media_deleted" });
    expect("media" in delivered[0]!.data.object).toBe(false);

    expect((await nylas.notetakers.find({ notetakerId })).data.state).toBe("media_deleted");
    expect(await prisma.sandboxNotetakerFile.count({ where: { notetakerId } })).toBe(0);
    expect((await expireMedia(server.origin, notetakerId)).status).toBe(409);
  });

  it("expire-media right after a run: media_deleted is stamped after available (in `time` and in the history)", async () => {
    // Receivers order a notetaker's notifications by `time` (the app's reducer does): a media_deleted
    // stamped before available would leave the media looking available.
    const { notetakerId } = await bookWithNotetaker();
    await runNotetaker(server.origin, notetakerId);
    const availableTime = (await drain()).find((e) => e.data.object.state === "available")!.time;
    expect((await expireMedia(server.origin, notetakerId)).status).toBe(200);
    const [deleted] = await drain();
    expect(deleted!.data.object.state).toBe("media_deleted");
    const history = (await notetakerHistory(server.origin, notetakerId)).body.data.events;
    expect(history.map((e) => e.data.state).slice(-3)).toEqual(["processing", "available", "media_deleted"]);
    expect(deleted!.time).toBeGreaterThan(availableTime);
  });

  it("expire-media before the media exists is 409", async () => {
    const { notetakerId } = await bookWithNotetaker();
    expect((await expireMedia(server.origin, notetakerId)).status).toBe(409);
  });
});

// ───────────────────────────── The clock ─────────────────────────────

describe("the clock-driven lifecycle (sandbox.notetaker-step jobs)", () => {
  it("walks scheduled → connecting → attending → disconnected → processing → available, one batch per call, at the scheduled times", async () => {
    const { slot, notetakerId } = await bookWithNotetaker();
    await drain();
    const join = slot.startTime;
    const end = slot.endTime;
    const at = (seconds: number) => new Date(seconds * 1000);
    const state = async () => (await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetakerId } })).state;

    expect(await advanceDueNotetakers(at(join - 1))).toBe(0);
    expect(await advanceDueNotetakers(new Date())).toBe(0);
    expect(await drain()).toEqual([]);
    expect(await state()).toBe("scheduled");

    const walk: [number, { type: string; state: string; meeting_state: string | null; time: number }[]][] = [
      [join, [{ type: "notetaker.meeting_state", state: "connecting", meeting_state: "waiting_for_entry", time: join }]],
      [join + 30, [{ type: "notetaker.meeting_state", state: "attending", meeting_state: "recording_active", time: join + 30 }]],
      [end, [{ type: "notetaker.meeting_state", state: "disconnected", meeting_state: "meeting_ended", time: end }]],
      [
        end + 60,
        [
          { type: "notetaker.media", state: "processing", meeting_state: null, time: end + 5 },
          { type: "notetaker.media", state: "available", meeting_state: null, time: end + 50 },
        ],
      ],
    ];
    for (const [now, expected] of walk) {
      expect(await advanceDueNotetakers(at(now))).toBe(1);
      expect(notetakerSteps(await drain())).toEqual(expected);
      expect(await state()).toBe(expected.at(-1)!.state);
      // Nothing more is due at the same instant.
      expect(await advanceDueNotetakers(at(now))).toBe(0);
    }

    const history = (await notetakerHistory(server.origin, notetakerId)).body.data.events;
    expect(history.map((e) => [e.data.state, e.created_at])).toEqual([
      ["scheduled", expect.any(Number)],
      ["connecting", join],
      ["attending", join + 30],
      ["disconnected", end],
      ["worker_finished", end + 2],
      ["processing", end + 5],
      ["available", end + 50],
    ]);
    // Media made at end + 50 s, kept 14 days: the next step is their deletion.
    const row = await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetakerId } });
    expect(row.mediaExpiresAt).toEqual(at(end + 50 + RETENTION_S));
    expect(row.nextStepAt).toEqual(at(end + 50 + RETENTION_S));
    expect(await advanceDueNotetakers(at(end + 50 + RETENTION_S))).toBe(1);
    expect(notetakerSteps(await drain())).toEqual([{ type: "notetaker.media", state: "media_deleted", meeting_state: null, time: end + 50 + RETENTION_S }]);
  });

  it("failed_entry on the clock: the lobby gives up 10 minutes after join", async () => {
    const { slot, notetakerId } = await bookWithNotetaker();
    await drain();
    await prisma.sandboxNotetaker.update({ where: { id: notetakerId }, data: { outcome: "failed_entry" } });
    const join = slot.startTime;
    expect(await advanceDueNotetakers(new Date(join * 1000 + 30_000))).toBe(1);
    expect(notetakerSteps(await drain()).map((s) => s.state)).toEqual(["connecting"]);
    expect(await advanceDueNotetakers(new Date((join + 599) * 1000))).toBe(0);
    expect(await advanceDueNotetakers(new Date((join + 600) * 1000))).toBe(1);
    expect(notetakerSteps(await drain())).toEqual([{ type: "notetaker.meeting_state", state: "failed_entry", meeting_state: "admission_timeout", time: join + 600 }]);
  });
});

// ───────────────────────────── Instructions steer the summary ─────────────────────────────

describe("summary and action items follow the configuration's custom instructions", () => {
  async function runAndRead(guest: { name: string; email: string }, slot?: Slot) {
    const booked = slot ? { booking: await bookSlot(configurationId, slot, guest) } : await bookFirstSlot(configurationId, guest);
    const notetakerId = (await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: booked.booking.bookingId } })).notetakerId!;
    await runNotetaker(server.origin, notetakerId);
    const files = await downloadMedia(notetakerId);
    const read = async (url: string) => JSON.parse(Buffer.from(await (await fetch(url)).arrayBuffer()).toString("utf8")) as unknown;
    const transcript = (await read(files.transcript.url)) as { transcript: { speaker: string; start: number; end: number; text: string }[] };
    return { host: booked.booking.organizer, summary: (await read(files.summary.url)) as string, actionItems: (await read(files.actionItems.url)) as string[], transcript };
  }

  it("a changed summary instruction (PUT through the SDK by the app's sync) changes the next booking's summary, deterministically", async () => {
    const before = await runAndRead(DANA);
    const expectedBefore = summarizeInterview({
      segments: before.transcript.transcript,
      summaryInstructions: BACKEND_INSTRUCTIONS,
      actionItemsInstructions: ENGINEERING.actionItemsInstructions,
    });
    expect(before.summary).toBe(expectedBefore.summary);
    expect(before.actionItems).toEqual(expectedBefore.actionItems);
    expect(before.summary).toContain("Any concerns:");
    expect(before.summary).not.toMatch(/^Kafka:/m);

    // An admin edits the panel; the app's sync PUTs the configuration through the SDK.
    const instruction = "Focus on how the candidate used Kafka.";
    await prisma.panel.update({ where: { name: ENGINEERING.name }, data: { summaryInstructions: instruction } });
    const synced = await syncRoleConfigurations();
    expect(synced.find((o) => o.roleSlug === "backend-engineer")).toMatchObject({ action: "updated", configurationId });
    const grant = (await prisma.roleConfiguration.findFirstOrThrow({ where: { configurationId } })).grantId!;
    const config = (await getNylas().scheduler.configurations.find({ identifier: grant, configurationId })).data as unknown as Record<string, any>;
    expect(config.scheduler.notetakerSettings.meetingSettings.summarySettings.customInstructions).toBe(demoSummaryInstructions("backend-engineer", instruction));

    const after = await runAndRead({ name: "Sam Lee", email: "sam.lee@example.org" });
    const expectedAfter = summarizeInterview({
      segments: after.transcript.transcript,
      summaryInstructions: demoSummaryInstructions("backend-engineer", instruction),
      actionItemsInstructions: ENGINEERING.actionItemsInstructions,
    });
    expect(after.summary).toBe(expectedAfter.summary);
    expect(after.actionItems).toEqual(expectedAfter.actionItems);
    expect(after.summary).not.toBe(before.summary);
    // The instruction is the facet: its paragraph quotes what was said about Kafka.
    const facet = after.summary.split("\n\n").find((p) => p.startsWith("How the candidate used Kafka: "));
    expect(facet).toBeDefined();
    expect(facet).toMatch(/“[^”]*\bKafka\b[^”]*” \(Sam Lee, \d+:\d\d\)/);
    expect(after.summary).not.toContain("Any concerns:");
    expect(after.summary.startsWith(`Summary of a `)).toBe(true);
    expect(after.summary).toContain(`between ${after.host.name} and Sam Lee`);
  });
});
