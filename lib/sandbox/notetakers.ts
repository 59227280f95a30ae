import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJobKind, enqueue, type JobContext } from "@/lib/jobs";
import { SandboxApiError, notFound } from "./errors";
import { resolveGrant } from "./grants";
import { canRunNow, nextLifecycleStep, planImmediateRun, type LifecycleStep, type NotetakerOutcome } from "./notetaker-lifecycle";
import { createMediaFiles, describeSyntheticFile } from "./notetaker-media";
import { buildNotetakerNotificationObject, resolveMeetingSettings, toMeetingProvider, type NotetakerView } from "./notetaker-payloads";
import { chooseSampleInterview, type SampleSpeakerKey } from "./notetaker-samples";
import { enqueueNotification } from "./webhooks";

/**
 * The sandbox's Notetaker (nylas-contract §5, DESIGN "Notetaker and media"). A booking on a
 * configuration with `scheduler.notetaker_settings.enabled` (and conferencing) gets a notetaker
 * for its event; it follows reschedules, is deleted with a cancellation, and then lives through
 * Nylas's states with the real clock ("sandbox.notetaker-step" jobs, due at each next step), or at
 * once from the control endpoint and the /sandbox console (runNotetakerNow). Every step is kept
 * for the history endpoint and sent as a signed webhook through the outbox. Its HTTP endpoints
 * are lib/sandbox/notetaker-endpoints.ts.
 */

type Tx = Prisma.TransactionClient;
type NotetakerRow = Prisma.SandboxNotetakerGetPayload<object>;

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** 32 lowercase hex characters, like Nylas's notetaker ids. */
function newNotetakerId(): string {
  return randomBytes(16).toString("hex");
}

export function toView(row: NotetakerRow): NotetakerView {
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

type BookingForNotetaker = {
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
  // Its media goes with it: the media endpoint and the file URLs answer 404 / 410 from now on.
  await tx.sandboxNotetakerFile.deleteMany({ where: { notetakerId: row.id } });
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
      {
        id: row.id,
        sampleId: row.sampleId,
        speakers: row.speakers as Partial<Record<SampleSpeakerKey, string>>,
        meetingSettings: row.meetingSettings as Record<string, unknown>,
        syntheticRecordingBytes: row.syntheticRecordingBytes,
      },
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

type TNotetakerStepJob = { notetakerId: string };

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
export async function loadLiveNotetaker(id: string, grantIdentifier?: string, tx?: Tx): Promise<NotetakerRow> {
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

/** Cancels a notetaker that has not joined yet (notetaker.deleted); 409 once it has. */
export async function cancelNotetakerBeforeJoin(id: string, grantIdentifier: string | undefined, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await loadLiveNotetaker(id, grantIdentifier, tx);
    if (!canRunNow(row.state)) throw new SandboxApiError(409, "invalid_request_error", `A notetaker in state ${row.state} cannot be cancelled.`);
    await deleteNotetaker(tx, row, now);
  }, TX_OPTIONS);
}

/**
 * DELETE …/notetakers/{id}: removes a notetaker in any state — from the meeting if it is there —
 * with all of its media (nylas-contract §5), and sends notetaker.deleted. 404 when it is gone already.
 */
export async function deleteNotetakerAndMedia(id: string, grantIdentifier: string | undefined, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await loadLiveNotetaker(id, grantIdentifier, tx);
    await deleteNotetaker(tx, row, await stepTime(tx, id, now));
  }, TX_OPTIONS);
}

/** Asks an attending notetaker to leave: 200 when it leaves now, 202 when it is already leaving; 409 when it is not in the meeting. */
export async function leaveMeeting(id: string, grantIdentifier: string | undefined, now: Date): Promise<200 | 202> {
  return db.$transaction(async (tx) => {
    const current = await loadLiveNotetaker(id, grantIdentifier, tx);
    if (current.state === "disconnected" || current.state === "worker_finished") return 202;
    if (current.state !== "attending") throw new SandboxApiError(409, "invalid_request_error", "The notetaker is not in the meeting.");
    const at = await stepTime(tx, id, now);
    const left = await takeStep(tx, current, { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "disconnected", meetingState: "api_request", at });
    const next = nextLifecycleStep({ ...lifecycleOf(left), leaveTime: at })?.at ?? null;
    await tx.sandboxNotetaker.update({ where: { id }, data: { leaveTime: at, nextStepAt: next } });
    await scheduleStep(tx, id, next);
    return 200;
  }, TX_OPTIONS);
}
