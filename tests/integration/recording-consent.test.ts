/**
 * Recording consent on the live path (issue 16, DESIGN "Recording consent, retention and
 * erasure"), on real Postgres with the sandbox over HTTP: a role's policy synced into its
 * configuration, a booking through the SDK (the sandbox refuses one without the required answer),
 * the sandbox's signed deliveries into the real webhook route, the inbox worker storing the
 * consent record and the decision, and the "notetaker.cancel" job cancelling a refused Notetaker
 * in the sandbox. Media that arrives anyway is never stored and Nylas is asked to delete it; the
 * sandbox's DELETE …/notetakers/{id} removes the bot and its media and sends notetaker.deleted.
 * The app never reads sandbox tables; the tests do, as the oracle.
 */
import { NylasApiError } from "nylas";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getInterviewDebrief } from "@/lib/interviews/debrief";
import { getCandidateTimeline, listInterviews } from "@/lib/interviews/queries";
import { runDueJobs } from "@/lib/jobs";
import { mediaDownloadJob } from "@/lib/media/jobs";
import { getNylas } from "@/lib/nylas/client";
import { notetakerCancelJob } from "@/lib/privacy/consent-jobs";
import { applyInterviewerOptOut } from "@/lib/privacy/interviewer-opt-out";
import { setInterviewerRecordingOptOut } from "@/lib/privacy/recording-settings";
import { nylasNotetakerDeleteJob } from "@/lib/privacy/deletion-jobs";
import type { RecordingPolicy } from "@/lib/privacy/policy";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { signNylasBody } from "@/lib/webhooks/signature";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { DANA, offeredSlots, runNotetaker, sandboxApi, sdkError } from "../support/notetaker-sandbox";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const YES = "Yes, record this interview";
const NO = "No, do not record";
const ROLE = "backend-engineer";
const RECRUITER = { email: "recruiter@example.com", role: "RECRUITER" as const };
const NOTETAKER_ID = /^[0-9a-f]{32}$/;

const { prisma, server, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
let configurationId = "";

// ───────────────────────────── helpers ─────────────────────────────

const dispatchDueDeliveries = () => runDueJobs(webhookDeliveryJob);
const processDueWebhookEvents = () => runDueJobs(webhookProcessingJob);
const runDueCancels = () => runDueJobs(notetakerCancelJob);
const runDueNylasDeletions = () => runDueJobs(nylasNotetakerDeleteJob);

/** Sandbox deliveries into the real route, then the inbox worker, until nothing moves. */
async function pump(): Promise<void> {
  for (let round = 0; round < 30; round++) {
    const sent = await dispatchDueDeliveries();
    const processed = await processDueWebhookEvents();
    if (!sent && !processed) {
      const undelivered = await prisma.sandboxWebhookDelivery.findMany({ where: { status: { not: "delivered" } } });
      expect(undelivered.map((d) => [d.triggerType, d.lastError])).toEqual([]);
      return;
    }
  }
  throw new Error("the pipeline did not settle");
}

/** The role's own policy (null: the organisation's), synced into its configuration as an admin's change would be. */
async function setRolePolicy(policy: RecordingPolicy | null): Promise<void> {
  await prisma.role.update({ where: { slug: ROLE }, data: { recordingPolicy: policy } });
  const { syncRoleConfigurations } = await import("@/lib/nylas/sync-configurations");
  const outcome = (await syncRoleConfigurations()).find((o) => o.roleSlug === ROLE);
  expect(outcome).toMatchObject({ action: "updated", configurationId });
}

/** Books the first offered slot through the SDK (of an interviewer other than `notWith`), with this consent answer (undefined: none sent). */
async function book(answer?: string, guest = DANA, notWith?: string) {
  const slot = (await offeredSlots(configurationId)).find((s) => s.emails.some((e) => e !== notWith))!;
  const res = await getNylas().scheduler.bookings.create({
    queryParams: { configurationId },
    requestBody: {
      startTime: slot.startTime,
      endTime: slot.endTime,
      guest,
      participants: [{ email: slot.emails.find((e) => e !== notWith)! }],
      ...(answer === undefined ? {} : { additionalFields: { recording_consent: answer } }),
    },
  });
  return { slot, booking: res.data };
}

/** The sandbox's notetaker for a booking (the oracle), or null when the booking got none. */
async function sandboxNotetakerOf(bookingId: string) {
  const booking = await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: bookingId } });
  return booking.notetakerId ? prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: booking.notetakerId } }) : null;
}

const interviewOf = (bookingId: string) => prisma.interview.findUniqueOrThrow({ where: { bookingId } });

async function debriefOf(interviewId: string) {
  const result = await getInterviewDebrief(RECRUITER, interviewId, new Date(Date.now() + 30 * 24 * 3600_000));
  if (result.kind !== "ok") throw new Error(`debrief: ${result.kind}`);
  return result.debrief;
}

type Captured = { type: string; envelope: Record<string, any> };
/** Takes the due sandbox deliveries without sending them (to deliver them altered, as Nylas might have sent them). */
async function captureDeliveries(): Promise<Captured[]> {
  const captured: Captured[] = [];
  const fetchImpl = (async (_input: string | URL | Request, init?: RequestInit) => {
    const envelope = JSON.parse(Buffer.from(init?.body as Uint8Array).toString("utf8")) as Record<string, any>;
    captured.push({ type: envelope.type as string, envelope });
    return new Response(null, { status: 200 });
  }) as typeof fetch;
  while ((await runDueJobs(webhookDeliveryJob, { deps: { fetchImpl } })) > 0);
  return captured;
}

/** Posts a notification to the real route, signed with the app's subscription secret (as Nylas would). */
async function postSigned(envelope: Record<string, unknown>): Promise<void> {
  const secret = (await prisma.webhookSubscription.findFirstOrThrow()).secret;
  const body = Buffer.from(JSON.stringify(envelope));
  const res = await fetch(`${server.origin}/api/webhooks/nylas`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-nylas-signature": signNylasBody(body, secret) },
    body: new Uint8Array(body),
  });
  expect(res.status).toBe(200);
}

/** Books with a valid answer, then delivers the booking's notifications with `additional_fields` replaced. */
async function bookWithAlteredFields(additionalFields: unknown) {
  const { booking } = await book(NO);
  const captured = await captureDeliveries();
  for (const { envelope, type } of captured) {
    if (type === "booking.created") envelope.data.object.booking_info.additional_fields = additionalFields;
    await postSigned(envelope);
  }
  await pump();
  return booking;
}

/**
 * Reschedules to the first offered time at least a day later that the booking's own host can take
 * (the availability lists the next round-robin host's times; a reschedule keeps the host).
 */
async function rescheduleToAnotherDay(bookingId: string, after: number) {
  for (const slot of (await offeredSlots(configurationId)).filter((s) => s.startTime >= after + 86_400).slice(0, 40)) {
    try {
      await getNylas().scheduler.bookings.reschedule({ bookingId, queryParams: { configurationId }, requestBody: { startTime: slot.startTime, endTime: slot.endTime } });
      return slot;
    } catch (error) {
      if (!(error instanceof NylasApiError) || error.statusCode === undefined || error.statusCode >= 500) throw error;
    }
  }
  throw new Error("no later time free for the host");
}

/** The queued "notetaker.cancel" jobs' notetaker ids. */
const queuedCancels = async () => (await prisma.job.findMany({ where: { kind: notetakerCancelJob.name, state: "QUEUED" } })).map((j) => j.dedupKey);

/** Cancels what is queued, then delivers and processes what follows (notetaker.deleted). */
async function cancelAndSettle(): Promise<number> {
  const ran = await runDueCancels();
  await pump();
  return ran;
}

/** A declined interview: consent record, reason, a cancelled sandbox notetaker, no alert anywhere. */
async function expectNotRecorded(bookingId: string, reason: string, answer: "YES" | "NO" | null, policy: RecordingPolicy) {
  const interview = await interviewOf(bookingId);
  expect(interview).toMatchObject({ recordingPolicy: policy, notRecordedReason: reason });
  expect(interview.consent).toMatchObject({ answer, policy });
  return interview;
}

beforeEach(() => {
  configurationId = configurationOf[ROLE]!;
});
afterEach(() => {
  vi.restoreAllMocks();
});

// ───────────────────────────── Ask for consent ─────────────────────────────

describe("Ask for consent", () => {
  beforeEach(async () => {
    await setRolePolicy("ASK_FOR_CONSENT");
  });

  it("serves the required radio_button question with its options, and refuses a booking without an answer (Nylas's 400)", async () => {
    const settings = await sandboxApi(server.origin, "GET", `/v3/scheduling/ui-settings?configuration_id=${configurationId}`);
    expect(settings.status).toBe(200);
    // The handler's time, for the careers bench (Resource Timing's serverTiming).
    expect(settings.headers.get("server-timing")).toMatch(/^app;dur=\d+\.\d$/);
    const fields = settings.body.data.scheduler.additional_fields as Record<string, unknown>;
    expect(Object.keys(fields)).toEqual(["linkedin_url", "recording_consent"]);
    // "No" selected when the form opens: a recording needs the candidate to choose "Yes".
    expect(fields.recording_consent).toEqual({ label: "Recording consent", type: "radio_button", required: true, order: 2, options: [YES, NO], default: NO });

    for (const answer of [undefined, "", "   "]) {
      const error = await sdkError(book(answer));
      expect(error.statusCode).toBe(400);
      expect(error.message).toContain('additional_fields.recording_consent is required: "Recording consent" must be answered.');
    }
    expect(await prisma.sandboxBooking.count()).toBe(0);
  });

  it('"No, do not record": the consent record and candidate_declined on the interview, its Notetaker cancelled in the sandbox, no alert', async () => {
    const { booking } = await book(NO);
    const notetaker = await sandboxNotetakerOf(booking.bookingId);
    expect(notetaker).toMatchObject({ state: "scheduled", deletedAt: null });
    // The answer travels in the booking's webhook, as Nylas sends it.
    const [created] = (await captureDeliveries()).filter((c) => c.type === "booking.created");
    expect(created!.envelope.data.object.booking_info.additional_fields).toEqual({ recording_consent: NO });
    await postSigned(created!.envelope);
    await pump();

    const interview = await expectNotRecorded(booking.bookingId, "candidate_declined", "NO", "ASK_FOR_CONSENT");
    const { panel } = await prisma.role.findUniqueOrThrow({ where: { slug: ROLE }, select: { panel: { select: { notetakerConsentMessage: true } } } });
    expect(interview.consent).toEqual({
      answer: "NO",
      policy: "ASK_FOR_CONSENT",
      noticeText: `${panel.notetakerConsentMessage}\nRecording consent: "${YES}" or "${NO}".`,
      at: new Date(created!.envelope.time * 1000).toISOString(),
    });
    expect(interview.notetakerId).toBe(notetaker!.id);
    expect(await queuedCancels()).toEqual([notetaker!.id]);

    expect(await cancelAndSettle()).toBe(1);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetaker!.id } })).deletedAt).toBeInstanceOf(Date);
    const history = await sandboxApi(server.origin, "GET", `/v3/notetakers/${notetaker!.id}/history`);
    expect(history.status).toBe(404);
    // Its notetaker.deleted arrived and is on the interview's timeline; nothing else changed.
    const after = await interviewOf(booking.bookingId);
    expect(after).toMatchObject({ notetakerState: "deleted", notRecordedReason: "candidate_declined", status: "SCHEDULED" });
    expect(await queuedCancels()).toEqual([]);

    // Long after its end: no missing-media alert, and the pages say why.
    const debrief = await debriefOf(interview.id);
    expect(debrief).toMatchObject({ alert: null, notRecordedMessage: "Not recorded: the candidate declined", isAwaitingNotetaker: false });
    expect(debrief.consent).toMatchObject({ answer: "NO", policy: "ASK_FOR_CONSENT" });
    const list = await listInterviews(RECRUITER, {}, { now: new Date(Date.now() + 30 * 24 * 3600_000) });
    expect(list.rows.map((r) => [r.id, r.alert, r.notetaker])).toEqual([[interview.id, null, { label: "Not recorded", tone: "neutral" }]]);
    const timeline = await getCandidateTimeline(RECRUITER, interview.candidateId!);
    expect(timeline?.interviews.map((i) => i.notRecordedMessage)).toEqual(["Not recorded: the candidate declined"]);
  });

  it('"Yes, record this interview": recorded — the Notetaker stays and its media is downloaded', async () => {
    const { booking } = await book(YES);
    await pump();
    const interview = await interviewOf(booking.bookingId);
    expect(interview).toMatchObject({ recordingPolicy: "ASK_FOR_CONSENT", notRecordedReason: null });
    expect(interview.consent).toMatchObject({ answer: "YES" });
    expect(await queuedCancels()).toEqual([]);

    expect((await runNotetaker(server.origin, interview.notetakerId!)).status).toBe(200);
    await pump();
    expect(await prisma.mediaAsset.count({ where: { interviewId: interview.id } })).toBe(5);
    expect(await prisma.job.count({ where: { kind: mediaDownloadJob.name, state: "QUEUED" } })).toBe(5);
    expect((await debriefOf(interview.id)).notRecordedMessage).toBeNull();
  });

  it("no answer in the notification: treated as a no (candidate_no_answer), the Notetaker cancelled, the problem logged", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const booking = await bookWithAlteredFields({ linkedin_url: "https://www.linkedin.com/in/dana" });
    await expectNotRecorded(booking.bookingId, "candidate_no_answer", null, "ASK_FOR_CONSENT");
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining("The booking has no recording consent answer.")]);
    expect(await cancelAndSettle()).toBe(1);
    expect((await sandboxNotetakerOf(booking.bookingId))!.deletedAt).toBeInstanceOf(Date);
    expect((await debriefOf((await interviewOf(booking.bookingId)).id)).notRecordedMessage).toBe("Not recorded: the candidate declined");
  });

  it("an answer that is neither option: treated as no answer (not recorded) and logged, without echoing it", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const booking = await bookWithAlteredFields({ recording_consent: "<img src=x onerror=alert(1)> maybe later" });
    await expectNotRecorded(booking.bookingId, "candidate_no_answer", null, "ASK_FOR_CONSENT");
    const logged = warn.mock.calls.map((c) => String(c[0]));
    expect(logged).toEqual([expect.stringMatching(/neither "Yes, record this interview" nor "No, do not record".*not recorded/)]);
    expect(logged[0]).not.toContain("onerror");
    expect(await cancelAndSettle()).toBe(1);
    expect((await sandboxNotetakerOf(booking.bookingId))!.deletedAt).toBeInstanceOf(Date);
  });

  it("a reschedule keeps the answer (and when it was given)", async () => {
    const { booking, slot } = await book(NO);
    await pump();
    const before = await interviewOf(booking.bookingId);
    const later = await rescheduleToAnotherDay(booking.bookingId, slot.startTime);
    await pump();
    const after = await interviewOf(booking.bookingId);
    expect(after.status).toBe("RESCHEDULED");
    expect(after.startsAt?.getTime()).toBe(later.startTime * 1000);
    expect(after.consent).toEqual(before.consent);
    expect(after.notRecordedReason).toBe("candidate_declined");
  });

  it("media arriving for a declined interview is never stored: no media_assets, Nylas asked to delete its copy, the deletion recorded", async () => {
    const { booking } = await book(NO);
    await pump();
    const interview = await interviewOf(booking.bookingId);
    // The cancel has not run yet (Nylas slow, or the bot already in the meeting): the interview happens.
    expect((await runNotetaker(server.origin, interview.notetakerId!)).status).toBe(200);
    await pump();
    expect(await prisma.mediaAsset.count()).toBe(0);
    expect(await prisma.job.count({ where: { kind: mediaDownloadJob.name } })).toBe(0);
    const records = await prisma.deletionRecord.findMany();
    expect(records.map((r) => ({ kind: r.kind, subjectType: r.subjectType, subjectId: r.subjectId, actorId: r.actorId }))).toEqual([
      { kind: "declined_media", subjectType: "interview", subjectId: interview.id, actorId: null },
    ]);
    expect(records[0]!.counts).toMatchObject({ notetakers: 1, files: 5 });

    const grant = (await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: interview.notetakerId! } })).grantId!;
    expect((await sandboxApi(server.origin, "GET", `/v3/grants/${grant}/notetakers/${interview.notetakerId}/media`)).status).toBe(200);
    expect(await runDueNylasDeletions()).toBe(1);
    expect(await prisma.sandboxNotetakerFile.count({ where: { notetakerId: interview.notetakerId! } })).toBe(0);
    expect((await sandboxApi(server.origin, "GET", `/v3/grants/${grant}/notetakers/${interview.notetakerId}/media`)).status).toBe(404);
    await runDueCancels(); // whatever was queued finds nothing left to cancel (404 is done)
    await pump();
    const after = await interviewOf(booking.bookingId);
    expect(after).toMatchObject({ notetakerState: "deleted", notRecordedReason: "candidate_declined" });
    expect(await prisma.mediaAsset.count()).toBe(0);
    expect(await prisma.deletionRecord.count()).toBe(1);
    expect(await prisma.job.count({ where: { state: { in: ["QUEUED", "RUNNING"] }, kind: { in: [notetakerCancelJob.name, nylasNotetakerDeleteJob.name, mediaDownloadJob.name] } } })).toBe(0);
    expect((await debriefOf(interview.id)).alert).toBeNull();
  });
});

// ───────────────────────────── Inform only, Never record, opt-out ─────────────────────────────

describe("the other policies", () => {
  it("Inform only (the default): recorded without a question, with the notice on record", async () => {
    const { booking } = await book();
    await pump();
    const interview = await interviewOf(booking.bookingId);
    const { panel } = await prisma.role.findUniqueOrThrow({ where: { slug: ROLE }, select: { panel: { select: { notetakerConsentMessage: true } } } });
    expect(interview).toMatchObject({ recordingPolicy: "INFORM_ONLY", notRecordedReason: null });
    expect(interview.consent).toMatchObject({ answer: null, policy: "INFORM_ONLY", noticeText: panel.notetakerConsentMessage });
    expect(interview.notetakerId).toMatch(NOTETAKER_ID);
    expect(await queuedCancels()).toEqual([]);
    expect((await runNotetaker(server.origin, interview.notetakerId!)).status).toBe(200);
    await pump();
    expect(await prisma.mediaAsset.count({ where: { interviewId: interview.id } })).toBe(5);
  });

  it("Never record: the configuration books no Notetaker (notetaker_settings.enabled false), the interview says so", async () => {
    await setRolePolicy("NEVER_RECORD");
    const { booking } = await book();
    expect(await sandboxNotetakerOf(booking.bookingId)).toBeNull();
    expect(await prisma.sandboxNotetaker.count()).toBe(0);
    await pump();
    const interview = await expectNotRecorded(booking.bookingId, "never_record", null, "NEVER_RECORD");
    expect(interview.notetakerId).toBeNull();
    expect(await queuedCancels()).toEqual([]);
    expect((await debriefOf(interview.id)).notRecordedMessage).toBe("Not recorded: the role's policy is never to record");
  });

  it("Never record: a booking that still reports a notetaker (the configuration not yet synced) gets it cancelled", async () => {
    const { booking } = await book();
    const notetaker = await sandboxNotetakerOf(booking.bookingId);
    expect(notetaker?.id).toMatch(NOTETAKER_ID);
    // The role switched before its booking was processed; the configuration still had a Notetaker.
    await prisma.role.update({ where: { slug: ROLE }, data: { recordingPolicy: "NEVER_RECORD" } });
    await pump();
    await expectNotRecorded(booking.bookingId, "never_record", null, "NEVER_RECORD");
    expect(await queuedCancels()).toEqual([notetaker!.id]);
    expect(await cancelAndSettle()).toBe(1);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetaker!.id } })).deletedAt).toBeInstanceOf(Date);
  });

  it("a notetaker reported only by its own notifications (linked by its event) is cancelled too", async () => {
    await setRolePolicy("ASK_FOR_CONSENT");
    const { booking } = await book(NO);
    const notetaker = await sandboxNotetakerOf(booking.bookingId);
    const captured = await captureDeliveries();
    // The booking's notification names no notetaker: the bot is known from notetaker.created alone.
    const created = captured.find((c) => c.type === "booking.created")!;
    delete created.envelope.data.object.booking_info.notetaker_id;
    await postSigned(created.envelope);
    await pump();
    expect((await interviewOf(booking.bookingId)).notetakerId).toBeNull();
    expect(await queuedCancels()).toEqual([]);
    for (const c of captured.filter((c) => c.type.startsWith("notetaker."))) await postSigned(c.envelope);
    await pump();
    expect((await interviewOf(booking.bookingId)).notetakerId).toBe(notetaker!.id);
    expect(await queuedCancels()).toEqual([notetaker!.id]);
    expect(await cancelAndSettle()).toBe(1);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetaker!.id } })).deletedAt).toBeInstanceOf(Date);
  });

  it("an interviewer who opted out of being recorded: not recorded, the Notetaker cancelled, whatever the policy", async () => {
    await prisma.interviewer.updateMany({ data: { recordingOptOut: true } });
    const { booking } = await book();
    await pump();
    const interview = await expectNotRecorded(booking.bookingId, "interviewer_opted_out", null, "INFORM_ONLY");
    expect(await cancelAndSettle()).toBe(1);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: interview.notetakerId! } })).deletedAt).toBeInstanceOf(Date);
    expect((await debriefOf(interview.id)).notRecordedMessage).toBe("Not recorded: the interviewer opted out of being recorded");
  });
});

describe("once the interview has taken place", () => {
  it("its decision stands: a later booking notification and an opt-out do not un-record what was recorded", async () => {
    const { booking, slot } = await book();
    await pump();
    const interview = await interviewOf(booking.bookingId);
    expect((await runNotetaker(server.origin, interview.notetakerId!)).status).toBe(200);
    await pump();
    expect(await interviewOf(booking.bookingId)).toMatchObject({ status: "COMPLETED", notRecordedReason: null });
    await prisma.interviewer.updateMany({ data: { recordingOptOut: true } });
    await rescheduleToAnotherDay(booking.bookingId, slot.startTime);
    await pump();
    const after = await interviewOf(booking.bookingId);
    expect(after).toMatchObject({ status: "COMPLETED", notRecordedReason: null });
    expect(after.consent).toEqual(interview.consent);
    expect(await queuedCancels()).toEqual([]);
    expect(await prisma.mediaAsset.count({ where: { interviewId: interview.id } })).toBe(5);
  });
});

describe("applyInterviewerOptOut", () => {
  it("an opt-out saved after the booking (the panel page's save): the upcoming interview is not recorded and its Notetaker cancelled; others are left alone", async () => {
    const { booking } = await book();
    const other = await book(undefined, { name: "Sam Okafor", email: "sam.okafor@example.org" }, booking.organizer.email);
    await pump();
    const interview = await interviewOf(booking.bookingId);
    const otherInterview = await interviewOf(other.booking.bookingId);
    expect(otherInterview.interviewerId).not.toBe(interview.interviewerId);
    expect(interview.notRecordedReason).toBeNull();
    const admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
    expect(await setInterviewerRecordingOptOut(admin, interview.interviewerId!, true)).toMatchObject({ status: "success" });
    expect((await interviewOf(booking.bookingId)).notRecordedReason).toBe("interviewer_opted_out");
    expect((await interviewOf(other.booking.bookingId)).notRecordedReason).toBeNull();
    expect(await queuedCancels()).toEqual([interview.notetakerId]);
    await cancelAndSettle();
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: interview.notetakerId! } })).deletedAt).toBeInstanceOf(Date);
    // Applying it again changes nothing.
    expect(await prisma.$transaction((tx) => applyInterviewerOptOut(tx, interview.interviewerId!))).toBe(0);
  });
});

// ───────────────────────────── The sandbox's Notetaker deletion ─────────────────────────────

describe("sandbox: DELETE …/notetakers/{id} and …/cancel", () => {
  it("DELETE removes the bot and its media in any state, answers {request_id}, and notetaker.deleted reaches the app (timeline, never re-downloaded)", async () => {
    const { booking } = await book();
    await pump();
    const interview = await interviewOf(booking.bookingId);
    const id = interview.notetakerId!;
    const grant = (await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id } })).grantId!;
    expect((await runNotetaker(server.origin, id)).status).toBe(200);
    await pump();
    // Its media announced: one download each, waiting for the media worker.
    expect(await prisma.mediaAsset.count({ where: { interviewId: interview.id, status: "PENDING" } })).toBe(5);
    // The media's URLs (from the media endpoint) work until the deletion.
    const media = await sandboxApi(server.origin, "GET", `/v3/grants/${grant}/notetakers/${id}/media`);
    expect(media.status).toBe(200);
    const recordingUrl = media.body.data.recording.url as string;
    expect((await fetch(recordingUrl, { method: "HEAD" })).status).toBe(200);

    const deleted = await sandboxApi(server.origin, "DELETE", `/v3/grants/${grant}/notetakers/${id}`);
    expect(deleted.status).toBe(200);
    expect(Object.keys(deleted.body)).toEqual(["request_id"]);
    expect(deleted.body.request_id).toBe(deleted.headers.get("x-request-id"));
    expect((await sandboxApi(server.origin, "GET", `/v3/grants/${grant}/notetakers/${id}/media`)).status).toBe(404);
    expect((await fetch(recordingUrl, { method: "HEAD" })).status).toBe(410);
    expect((await sandboxApi(server.origin, "DELETE", `/v3/grants/${grant}/notetakers/${id}`)).status).toBe(404);
    expect((await sandboxApi(server.origin, "DELETE", `/v3/notetakers/${id}`)).status).toBe(404);

    const captured = await captureDeliveries();
    const deletedNotices = captured.filter((c) => c.type === "notetaker.deleted");
    expect(deletedNotices.map((c) => c.envelope.data.object)).toEqual([{ id, grant_id: grant, object: "notetaker", event: expect.objectContaining({ event_id: interview.eventId }) }]);
    for (const c of captured) await postSigned(c.envelope);
    await pump();
    const after = await interviewOf(booking.bookingId);
    expect(after.notetakerState).toBe("deleted");
    expect((after.notetakerTimeline as { state: string }[]).at(-1)?.state).toBe("deleted");
    // The files it announced before the deletion are never fetched: they are gone.
    const assets = await prisma.mediaAsset.findMany({ where: { interviewId: interview.id } });
    expect(assets.map((a) => [a.status, a.lastError])).toEqual(Array(5).fill(["FAILED", "The Notetaker and its media were deleted at Nylas before this file could be stored."]));
    server.requests.length = 0;
    await runDueJobs(mediaDownloadJob);
    expect(server.requests.filter((r) => r.path.startsWith("/v3/sandbox/media/") || r.path.endsWith("/media"))).toEqual([]);
    expect((await prisma.mediaAsset.findMany({ where: { interviewId: interview.id } })).map((a) => a.status)).toEqual(Array(5).fill("FAILED"));
  });

  it("DELETE on the standalone path, before it joins", async () => {
    const { booking } = await book();
    const notetaker = (await sandboxNotetakerOf(booking.bookingId))!;
    const deleted = await sandboxApi(server.origin, "DELETE", `/v3/notetakers/${notetaker.id}`);
    expect(deleted.status).toBe(200);
    expect((await prisma.sandboxNotetaker.findUniqueOrThrow({ where: { id: notetaker.id } })).deletedAt).toBeInstanceOf(Date);
    expect((await captureDeliveries()).map((c) => c.type).sort()).toEqual(["booking.created", "notetaker.created", "notetaker.deleted"]);
  });

  it("cancel works for a scheduled notetaker ({request_id}, notetaker.deleted) and is refused (409) once it has run", async () => {
    const { booking } = await book();
    const notetaker = (await sandboxNotetakerOf(booking.bookingId))!;
    const cancelled = await sandboxApi(server.origin, "DELETE", `/v3/grants/${notetaker.grantId}/notetakers/${notetaker.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(Object.keys(cancelled.body)).toEqual(["request_id"]);
    expect((await captureDeliveries()).map((c) => c.type).sort()).toEqual(["booking.created", "notetaker.created", "notetaker.deleted"]);

    const other = await book(undefined, { name: "Sam Okafor", email: "sam.okafor@example.org" });
    const ran = (await sandboxNotetakerOf(other.booking.bookingId))!;
    expect((await runNotetaker(server.origin, ran.id)).status).toBe(200);
    expect((await sandboxApi(server.origin, "DELETE", `/v3/notetakers/${ran.id}/cancel`)).status).toBe(409);
  });
});
