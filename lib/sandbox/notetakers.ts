import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJobKind, enqueue, type JobContext } from "@/lib/jobs";
import { SandboxApiError, invalidRequest, notFound } from "./errors";
import { resolveGrant } from "./grants";
import { data, empty, type SandboxResult } from "./http";
import { canRunNow, nextLifecycleStep, planImmediateRun, type LifecycleStep, type NotetakerOutcome } from "./notetaker-lifecycle";
import { assertMediaReady, createMediaFiles, describeMediaFiles, describeSyntheticFile, serveMediaFile, type MediaFaults } from "./notetaker-media";
import { buildNotetakerNotificationObject, resolveMeetingSettings, serializeNotetaker, toMeetingProvider, type NotetakerView } from "./notetaker-payloads";
import { chooseSampleInterview, type SampleSpeakerKey } from "./notetaker-samples";
import type { SandboxContext } from "./router";
import { describeIssues, ZNotetakerFaults, ZNotetakerRun } from "./schemas";
import { enqueueNotification } from "./webhooks";

/**
 * The sandbox's Notetaker (nylas-contract §5, DESIGN "Notetaker and media"). A booking on a
 * configuration with `scheduler.notetaker_settings.enabled` (and conferencing) gets a notetaker
 * for its event; it follows reschedules, is deleted with a cancellation, and then lives through
 * Nylas's states with the real clock ("sandbox.notetaker-step" jobs, due at each next step), or at
 * once from the control endpoint and the /sandbox console (runNotetakerNow). Every step is kept
 * for the history endpoint and sent as a signed webhook through the outbox.
 */

type Tx = Prisma.TransactionClient;
type NotetakerRow = Prisma.SandboxNotetakerGetPayload<object>;

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** 32 lowercase hex characters, like Nylas's notetaker ids. */
export function newNotetakerId(): string {
  return randomBytes(16).toString("hex");
}

function toView(row: NotetakerRow): NotetakerView {
  return {
    id: row.id,
    grantId: row.grantId,
    name: row.name,
    meetingLink: row.meetingLink,
    meetingProvider: row.meetingProvider,
    joinTime: row.joinTime,
    state: row.state,
    meetingState: row.meetingState,
    calendarId: row.calendarId,
    eventId: row.eventId,
    icalUid: row.icalUid,
    meetingSettings: row.meetingSettings as Record<string, unknown>,
  };
}

async function emit(tx: Tx, trigger: string, row: NotetakerRow, at: Date, extra: Parameters<typeof buildNotetakerNotificationObject>[2] = {}): Promise<Record<string, unknown>> {
  const object = buildNotetakerNotificationObject(trigger, toView(row), extra);
  // Delivered now even for a run's later steps: their `time` orders them for the receiver.
  await enqueueNotification(tx, { type: trigger, source: "/nylas/notetaker", grantId: null, object, now: at, deliverAt: new Date(Math.min(at.getTime(), Date.now())) });
  return object;
}

async function recordHistory(tx: Tx, row: NotetakerRow, eventType: string, at: Date, snapshot: Record<string, unknown>): Promise<void> {
  await tx.sandboxNotetakerEvent.create({
    data: { id: randomUUID(), notetakerId: row.id, eventType, state: row.state, meetingState: row.meetingState, data: snapshot as Prisma.InputJsonValue, at },
  });
}

/** In the transaction that set the notetaker's next_step_at: its step job, due then (merged with one already queued). */
async function scheduleStep(tx: Tx, notetakerId: string, at: Date | null): Promise<void> {
  if (at) await enqueue(tx, notetakerStepJob, { notetakerId }, { runAt: at });
}

// ───────────────────────────── Booking hooks (called inside the booking's transaction) ─────────────────────────────

export type BookingForNotetaker = {
  configurationName: string;
  notetakerSettings: unknown;
  conferencing: { provider: string; url: string } | null;
  hostGrantId: string;
  hostName: string;
  guestName: string;
  /** Other panel members, for a sample's second interviewer. */
  otherParticipantNames: string[];
  bookingId: string;
  eventId: string;
  calendarId: string;
  icalUid: string;
  start: Date;
  end: Date;
};

function readNotetakerSettings(value: unknown): { enabled: boolean; name: string; meetingSettings: Record<string, unknown> } {
  const settings = value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const name = typeof settings.notetaker_name === "string" && settings.notetaker_name.trim() ? settings.notetaker_name.trim().slice(0, 255) : "Nylas Notetaker";
  return { enabled: settings.enabled === true, name, meetingSettings: resolveMeetingSettings(settings.meeting_settings) };
}

/**
 * A notetaker for a new booking's event, when the configuration enables one and has
 * conferencing (Nylas requires it). Emits notetaker.created. Returns the event's `notetaker`.
 */
export async function createNotetakerForBooking(tx: Tx, booking: BookingForNotetaker, now: Date): Promise<{ id: string; name: string; meeting_settings: Record<string, unknown> } | null> {
  const settings = readNotetakerSettings(booking.notetakerSettings);
  if (!settings.enabled || !booking.conferencing) return null;
  const id = newNotetakerId();
  const sample = chooseSampleInterview(booking.configurationName, id);
  const speakers: Partial<Record<SampleSpeakerKey, string>> = {
    interviewer: booking.hostName,
    candidate: booking.guestName,
    second_interviewer: booking.otherParticipantNames[0] ?? "Second interviewer",
  };
  const row = await tx.sandboxNotetaker.create({
    data: {
      id,
      grantId: booking.hostGrantId,
      bookingId: booking.bookingId,
      eventId: booking.eventId,
      calendarId: booking.calendarId,
      icalUid: booking.icalUid,
      name: settings.name,
      meetingLink: booking.conferencing.url,
      meetingProvider: toMeetingProvider(booking.conferencing.provider),
      joinTime: booking.start,
      leaveTime: booking.end,
      state: "scheduled",
      meetingSettings: settings.meetingSettings as Prisma.InputJsonValue,
      sampleId: sample.id,
      speakers,
      nextStepAt: booking.start,
      createdAt: now,
    },
  });
  const snapshot = await emit(tx, "notetaker.created", row, now);
  await recordHistory(tx, row, "notetaker.created", now, snapshot);
  await scheduleStep(tx, id, row.nextStepAt);
  return { id, name: settings.name, meeting_settings: settings.meetingSettings };
}

/** A reschedule moves a scheduled notetaker's join time (notetaker.updated, sent only while scheduled). */
export async function rescheduleNotetaker(tx: Tx, notetakerId: string, start: Date, end: Date, now: Date): Promise<void> {
  const existing = await lockNotetaker(tx, notetakerId);
  if (!existing || existing.deletedAt || existing.state !== "scheduled") return;
  const row = await tx.sandboxNotetaker.update({ where: { id: notetakerId }, data: { joinTime: start, leaveTime: end, nextStepAt: start } });
  const snapshot = await emit(tx, "notetaker.updated", row, now);
  await recordHistory(tx, row, "notetaker.updated", now, snapshot);
  await scheduleStep(tx, notetakerId, start);
}

async function deleteNotetaker(tx: Tx, row: NotetakerRow, now: Date): Promise<void> {
  const deleted = await tx.sandboxNotetaker.update({ where: { id: row.id }, data: { deletedAt: now, nextStepAt: null } });
  const snapshot = await emit(tx, "notetaker.deleted", deleted, now);
  await recordHistory(tx, deleted, "notetaker.deleted", now, snapshot);
}

/** Cancelling the booking cancels a bot that has not joined yet (notetaker.deleted). */
export async function cancelNotetakerForBooking(tx: Tx, notetakerId: string, now: Date): Promise<void> {
  const row = await lockNotetaker(tx, notetakerId);
  if (!row || row.deletedAt || !canRunNow(row.state)) return;
  await deleteNotetaker(tx, row, now);
}

// ───────────────────────────── The lifecycle ─────────────────────────────

/** Applies one step: state, history, webhook; media files when it becomes available; files gone at media_deleted. */
async function takeStep(tx: Tx, row: NotetakerRow, step: LifecycleStep, synthetic?: { size: number; sha256: string }): Promise<NotetakerRow> {
  const data: Prisma.SandboxNotetakerUpdateInput = { state: step.state, meetingState: step.meetingState };
  let media;
  if (step.state === "available") {
    media = await createMediaFiles(
      tx,
      { id: row.id, sampleId: row.sampleId, speakers: row.speakers as Partial<Record<SampleSpeakerKey, string>>, meetingSettings: row.meetingSettings as Record<string, unknown>, syntheticRecordingBytes: row.syntheticRecordingBytes },
      step.at,
      synthetic,
    );
    data.mediaCreatedAt = step.at;
    data.mediaExpiresAt = new Date(media.retained_until * 1000);
  }
  if (step.state === "media_deleted") await tx.sandboxNotetakerFile.deleteMany({ where: { notetakerId: row.id } });
  if (step.state === "disconnected") data.leaveTime = step.at < row.leaveTime ? step.at : row.leaveTime;
  const updated = await tx.sandboxNotetaker.update({ where: { id: row.id }, data });
  const snapshot = step.trigger
    ? await emit(tx, step.trigger, updated, step.at, { meetingState: step.meetingState, media })
    : buildNotetakerNotificationObject("notetaker.meeting_state", toView(updated), { meetingState: step.meetingState });
  await recordHistory(tx, updated, step.historyType, step.at, snapshot);
  return updated;
}

/** The time of the notetaker's latest recorded step (its history), or null. */
async function lastStepAt(tx: Tx, id: string): Promise<Date | null> {
  const last = await tx.sandboxNotetakerEvent.findFirst({ where: { notetakerId: id }, orderBy: { at: "desc" }, select: { at: true } });
  return last?.at ?? null;
}

/** `now`, or just after the latest recorded step if that is later: a notetaker's webhook times only ever increase. */
async function stepTime(tx: Tx, id: string, now: Date): Promise<Date> {
  const last = await lastStepAt(tx, id);
  return last && last.getTime() >= now.getTime() ? new Date(last.getTime() + 1000) : now;
}

function lifecycleOf(row: NotetakerRow) {
  return { state: row.state, outcome: row.outcome as NotetakerOutcome, joinTime: row.joinTime, leaveTime: row.leaveTime, mediaExpiresAt: row.mediaExpiresAt };
}

/**
 * The clock-driven lifecycle (the "sandbox.notetaker-step" handler): takes every step of the
 * notetaker that is due by `ctx.now`, under its row lock (so a run-now or a cancel never races it),
 * and enqueues the job again for its next step. Fenced on the job's claim.
 */
async function advanceNotetaker(id: string, ctx: JobContext<never>): Promise<void> {
  const now = ctx.now;
  await ctx.transaction(async (tx) => {
    let row = await lockNotetaker(tx, id);
    if (!row || row.deletedAt || !row.nextStepAt) return;
    for (let step = nextLifecycleStep(lifecycleOf(row)); step && step.at <= now; step = nextLifecycleStep(lifecycleOf(row))) {
      row = await takeStep(tx, row, step);
    }
    const next = nextLifecycleStep(lifecycleOf(row))?.at ?? null;
    await tx.sandboxNotetaker.update({ where: { id }, data: { nextStepAt: next } });
    await scheduleStep(tx, id, next);
  }, TX_OPTIONS);
}

export type TNotetakerStepJob = { notetakerId: string };

export const notetakerStepJob = defineJobKind<TNotetakerStepJob>({
  name: "sandbox.notetaker-step",
  title: "Sandbox: move each Notetaker through its lifecycle",
  concurrency: 2,
  retry: "standard",
  serialKey: (p) => p.notetakerId,
  dedupKey: (p) => p.notetakerId,
  run: ({ notetakerId }, ctx) => advanceNotetaker(notetakerId, ctx),
});

/**
 * A live (not deleted) notetaker, optionally of a grant; 404 otherwise. With `tx`, its row is
 * locked for the rest of that transaction, so a step (run, leave, cancel, the clock) never races another.
 */
async function loadLiveNotetaker(id: string, grantIdentifier?: string, tx?: Tx): Promise<NotetakerRow> {
  if (!/^[0-9a-f]{32}$/.test(id)) throw notFound(`Notetaker not found: ${id}`);
  if (tx) await tx.$queryRaw`SELECT id FROM sandbox_notetakers WHERE id = ${id} FOR UPDATE`;
  const row = await (tx ?? db).sandboxNotetaker.findUnique({ where: { id } });
  if (!row || row.deletedAt) throw notFound(`Notetaker not found: ${id}`);
  if (grantIdentifier !== undefined) {
    const grant = await resolveGrant(grantIdentifier);
    if (row.grantId !== grant.id) throw notFound(`Notetaker not found: ${id}`);
  }
  return row;
}

/** The row of a notetaker a booking names, locked, or null when it is gone. */
async function lockNotetaker(tx: Tx, id: string): Promise<NotetakerRow | null> {
  await tx.$queryRaw`SELECT id FROM sandbox_notetakers WHERE id = ${id} FOR UPDATE`;
  return tx.sandboxNotetaker.findUnique({ where: { id } });
}

/**
 * "Run interview now" / "Fail entry" (the /sandbox console and POST /v3/sandbox/notetakers/{id}/run):
 * the whole rest of the lifecycle at once, every webhook in order with increasing `time`.
 */
export async function runNotetakerNow(id: string, outcome: NotetakerOutcome, options: { recordingBytes?: number; now?: Date } = {}): Promise<NotetakerRow> {
  const now = options.now ?? new Date();
  const synthetic = options.recordingBytes ? await describeSyntheticFile(id, options.recordingBytes) : undefined;
  const row = await db.$transaction(async (tx) => {
    let current = await loadLiveNotetaker(id, undefined, tx);
    if (!canRunNow(current.state)) {
      throw new SandboxApiError(409, "invalid_request_error", `This notetaker has already run (state: ${current.state}).`);
    }
    current = await tx.sandboxNotetaker.update({
      where: { id },
      data: { outcome, ...(options.recordingBytes ? { syntheticRecordingBytes: BigInt(options.recordingBytes) } : {}) },
    });
    // The run ends now (its webhooks, media URLs and files are not from the future), its steps a
    // second apart, and after anything already recorded (a notetaker created this very second).
    const count = planImmediateRun(lifecycleOf(current), now).length;
    const last = await lastStepAt(tx, id);
    const start = Math.max(now.getTime() - Math.max(0, count - 1) * 1000, (last?.getTime() ?? 0) + 1000);
    for (const step of planImmediateRun(lifecycleOf(current), new Date(start))) current = await takeStep(tx, current, step, synthetic);
    const next = nextLifecycleStep(lifecycleOf(current))?.at ?? null;
    await scheduleStep(tx, id, next);
    return tx.sandboxNotetaker.update({ where: { id }, data: { nextStepAt: next } });
  }, TX_OPTIONS);
  return row;
}

/** Ends the media's retention now: files deleted, notetaker.media `media_deleted` (tests, the console). */
export async function expireNotetakerMedia(id: string, now = new Date()): Promise<NotetakerRow> {
  const row = await db.$transaction(async (tx) => {
    const current = await loadLiveNotetaker(id, undefined, tx);
    if (current.state !== "available") throw new SandboxApiError(409, "invalid_request_error", "Only available media can be expired.");
    const at = await stepTime(tx, id, now);
    await takeStep(tx, current, { trigger: "notetaker.media", historyType: "notetaker.media", state: "media_deleted", meetingState: null, at });
    return tx.sandboxNotetaker.update({ where: { id }, data: { mediaExpiresAt: at, nextStepAt: null } });
  }, TX_OPTIONS);
  return row;
}

// ───────────────────────────── Nylas API: /v3/grants/{grant}/notetakers…, /v3/notetakers… ─────────────────────────────

const STATE_FILTER_ALIASES: Record<string, string> = { media_processing: "processing", media_available: "available" };

// GET …/notetakers
export async function listNotetakers(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = ctx.params.grant ? await resolveGrant(ctx.params.grant) : null;
  const rawLimit = Number(ctx.query.get("limit") ?? 50);
  const limit = Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 200) : 50;
  // next_cursor and prev_cursor are both offsets; either token takes you there.
  const token = ctx.query.get("page_token") ?? ctx.query.get("prev_page_token");
  const offset = token ? Number(Buffer.from(token, "base64url").toString("utf8")) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidRequest("Invalid page_token.");
  const stateParam = ctx.query.get("state");
  const state = stateParam ? (STATE_FILTER_ALIASES[stateParam] ?? stateParam) : null;
  const epoch = (key: string) => {
    const raw = ctx.query.get(key);
    if (raw === null) return undefined;
    if (!/^\d+$/.test(raw)) throw invalidRequest(`${key} must be Unix seconds.`);
    return new Date(Number(raw) * 1000);
  };
  const joinStart = epoch("join_time_start");
  const joinEnd = epoch("join_time_end");
  const orderBy = ctx.query.get("order_by") ?? "created_at";
  if (!["name", "join_time", "created_at"].includes(orderBy)) throw invalidRequest("order_by must be name, join_time or created_at.");
  const direction = ctx.query.get("order_direction") === "desc" ? "desc" : "asc";
  const field = orderBy === "join_time" ? "joinTime" : orderBy === "name" ? "name" : "createdAt";

  const rows = await db.sandboxNotetaker.findMany({
    where: {
      deletedAt: null,
      ...(grant ? { grantId: grant.id } : {}),
      ...(state ? { state } : {}),
      ...(joinStart || joinEnd ? { joinTime: { ...(joinStart ? { gte: joinStart } : {}), ...(joinEnd ? { lte: joinEnd } : {}) } } : {}),
    },
    orderBy: [{ [field]: direction }, { id: "asc" }],
    skip: offset,
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? Buffer.from(String(offset + limit)).toString("base64url") : null;
  const prev = offset > 0 ? Buffer.from(String(Math.max(0, offset - limit))).toString("base64url") : null;
  return { status: 200, body: { data: page.map((r) => serializeNotetaker(toView(r))), next_cursor: next, prev_cursor: prev } };
}

// GET …/notetakers/{id}
export async function findNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  return data(serializeNotetaker(toView(await loadLiveNotetaker(ctx.params.id!, ctx.params.grant))));
}

// DELETE …/notetakers/{id}/cancel — only before it has joined.
export async function cancelNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  await db.$transaction(async (tx) => {
    const row = await loadLiveNotetaker(ctx.params.id!, ctx.params.grant, tx);
    if (!canRunNow(row.state)) throw new SandboxApiError(409, "invalid_request_error", `A notetaker in state ${row.state} cannot be cancelled.`);
    await deleteNotetaker(tx, row, ctx.now);
  }, TX_OPTIONS);
  return empty();
}

// POST …/notetakers/{id}/leave — 200 while attending, 202 when it is already leaving; 409 when it is not in the meeting.
export async function leaveNotetaker(ctx: SandboxContext): Promise<SandboxResult> {
  const id = ctx.params.id!;
  const status = await db.$transaction(async (tx) => {
    const current = await loadLiveNotetaker(id, ctx.params.grant, tx);
    if (current.state === "disconnected" || current.state === "worker_finished") return 202;
    if (current.state !== "attending") throw new SandboxApiError(409, "invalid_request_error", "The notetaker is not in the meeting.");
    const at = await stepTime(tx, id, ctx.now);
    const left = await takeStep(tx, current, { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "disconnected", meetingState: "api_request", at });
    const next = nextLifecycleStep({ ...lifecycleOf(left), leaveTime: at })?.at ?? null;
    await tx.sandboxNotetaker.update({ where: { id }, data: { leaveTime: at, nextStepAt: next } });
    await scheduleStep(tx, id, next);
    return 200;
  }, TX_OPTIONS);
  return data({ id, message: "Notetaker is leaving meeting." }, status);
}

// GET …/notetakers/{id}/media — 404 before the media is ready, 410 after retention; fresh URLs.
export async function getNotetakerMedia(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await loadLiveNotetaker(ctx.params.id!, ctx.params.grant);
  assertMediaReady(row.state, row.mediaExpiresAt, ctx.now);
  return data(await describeMediaFiles(row.id, ctx.now, row.mediaExpiresAt!));
}

// GET …/notetakers/{id}/history
export async function getNotetakerHistory(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await loadLiveNotetaker(ctx.params.id!, ctx.params.grant);
  const events = await db.sandboxNotetakerEvent.findMany({ where: { notetakerId: row.id }, orderBy: [{ at: "asc" }, { createdAt: "asc" }] });
  return data({
    events: events.map((e) => ({ created_at: Math.floor(e.at.getTime() / 1000), event_type: e.eventType, data: e.data })),
  });
}

// ───────────────────────────── Sandbox-only control endpoints ─────────────────────────────

// POST /v3/sandbox/notetakers/{id}/run — {"outcome": "completed" | "failed_entry", "recording_bytes"?: n}
export async function runNotetakerEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZNotetakerRun.safeParse(ctx.body ?? {});
  if (!parsed.success) throw invalidRequest(`Invalid run: ${describeIssues(parsed.error)}`);
  const row = await runNotetakerNow(ctx.params.id!, parsed.data.outcome, { recordingBytes: parsed.data.recording_bytes, now: ctx.now });
  return data(serializeNotetaker(toView(row)));
}

// POST /v3/sandbox/notetakers/{id}/faults — media download faults for tests (see MediaFaults).
export async function setNotetakerFaults(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZNotetakerFaults.safeParse(ctx.body ?? {});
  if (!parsed.success) throw invalidRequest(`Invalid faults: ${describeIssues(parsed.error)}`);
  const row = await loadLiveNotetaker(ctx.params.id!);
  const faults: MediaFaults = parsed.data;
  await db.sandboxNotetaker.update({ where: { id: row.id }, data: { faults: faults as Prisma.InputJsonValue } });
  return data({ id: row.id, faults });
}

// POST /v3/sandbox/notetakers/{id}/expire-media — retention ends now.
export async function expireNotetakerMediaEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await expireNotetakerMedia(ctx.params.id!, ctx.now);
  return data(serializeNotetaker(toView(row)));
}

// GET /v3/sandbox/media/{id}/{kind}/{name}?expires&signature — the pre-authenticated file URL.
export async function serveMediaFileEndpoint(ctx: SandboxContext): Promise<Response> {
  return serveMediaFile({ method: ctx.method, headers: ctx.headers }, { id: ctx.params.id!, kind: ctx.params.kind! }, ctx.query, ctx.now);
}
