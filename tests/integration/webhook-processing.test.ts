/**
 * The webhook-to-ATS pipeline on real Postgres with the sandbox serving the Nylas API: signed
 * booking notifications posted to the route handler, then processed by the inbox worker into
 * Candidate, Application and Interview rows. Covers out-of-order and duplicate delivery,
 * cancel-then-rebook, unknown configurations, `participants: null` (looked up through the SDK),
 * retries to DEAD and the admin retry, and the sandbox's own signed deliveries replayed byte for
 * byte into the route.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebhookTriggers } from "nylas";
import { POST } from "@/app/api/webhooks/nylas/route";
import { assertServerEnv, getEnv } from "@/lib/env";
import type { HistoryEntry } from "@/lib/interviews/booking-reducer";
import { getNylas } from "@/lib/nylas/client";
import { ensureWebhookSubscription } from "@/lib/nylas/webhook-subscription";
import { RETRY_POLICIES, runDueJobs } from "@/lib/jobs";
import { webhookDeliveryJob, type DeliveryDeps } from "@/lib/sandbox/webhook-dispatcher";
import { retryWebhookEvent, webhookProcessingJob } from "@/lib/webhooks/jobs";
import { forgetWebhookSecrets } from "@/lib/webhooks/secrets";
import { withPgClient } from "../support/database";
import { makeJobsDue } from "../support/jobs";
import { bookingEnvelope, redelivery, signedWebhookRequest, WEBHOOK_URL, type BookingEnvelope, type BookingEnvelopeInput } from "../support/nylas-webhook-fixtures";
import { startWebhookReceiver } from "../support/sandbox-server";
import { setupSeededSandbox, setupWebhookSecret } from "../support/seeded-sandbox";

const SECRET = "processing-test-webhook-secret-51d0c9";
const SARAH = { email: "sarah.kim@northwind.example", name: "Sarah Kim" };
const DANA_RAW = { email: "Dana.Chen@Example.org ", name: "Dana Chen" };
const DANA_EMAIL = "dana.chen@example.org";
const LINKEDIN = "https://www.linkedin.com/in/dana-chen";
const MEET = "https://meet.google.com/abc-defg-hij";
const DURATION = 45 * 60;
const BOOKING_TRIGGERS = [WebhookTriggers.BookingCreated, WebhookTriggers.BookingCancelled, WebhookTriggers.BookingRescheduled];

const MAX_JOB_ATTEMPTS = RETRY_POLICIES.standard.maxAttempts;
/** Runs the due "webhooks.process" jobs (one per booking or notetaker), as a worker would; returns how many. */
const processDueWebhookEvents = (opts: { limit?: number; retryBaseMs?: number } = {}) => runDueJobs(webhookProcessingJob, opts);
const dispatchDueDeliveries = (opts: { deps?: DeliveryDeps } = {}) => runDueJobs(webhookDeliveryJob, opts);

setupWebhookSecret(SECRET);
const { prisma, configurations, configurationOf } = setupSeededSandbox({ syncConfigurations: true });
type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
const receivers: Receiver[] = [];

const now = () => Math.floor(Date.now() / 1000);
/** Notification time base (a few minutes ago) and the first interview start (two days ahead, on the hour). */
let T = 0;
let S0 = 0;
let S1 = 0;

type Input = Omit<BookingEnvelopeInput, "configurationId" | "start" | "end"> & Partial<Pick<BookingEnvelopeInput, "configurationId" | "start" | "end">>;

function notification(input: Input): BookingEnvelope {
  return bookingEnvelope({
    configurationId: configurationOf["backend-engineer"]!,
    start: S0,
    end: S0 + DURATION,
    participants: [SARAH, DANA_RAW],
    location: MEET,
    guestTimezone: "Europe/Paris",
    additionalFields: { linkedin_url: LINKEDIN },
    ...input,
  });
}

/** The created / rescheduled / cancelled notifications of one booking, at t, t+10, t+20. */
function lifecycle(bookingId: string, extra: Partial<Input> = {}) {
  return {
    created: notification({ type: "booking.created", time: T, bookingId, ...extra }),
    rescheduled: notification({ type: "booking.rescheduled", time: T + 10, bookingId, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION, ...extra }),
    cancelled: notification({ type: "booking.cancelled", time: T + 20, bookingId, start: S1, end: S1 + DURATION, cancellationReason: "Accepted another offer", ...extra }),
  };
}

async function deliver(envelope: BookingEnvelope | Record<string, unknown>): Promise<{ duplicate: boolean }> {
  const res = await POST(signedWebhookRequest(JSON.stringify(envelope), { secret: SECRET }));
  expect(res.status).toBe(200);
  return (await res.json()) as { duplicate: boolean };
}

const interviewOf = (bookingId: string) => prisma.interview.findUniqueOrThrow({ where: { bookingId } });
const eventOf = (notificationId: string) => prisma.webhookEvent.findUniqueOrThrow({ where: { notificationId } });
const historyOf = (interview: { history: unknown }) => interview.history as HistoryEntry[];
const at = (seconds: number) => new Date(seconds * 1000);

async function interviewerId(email: string): Promise<string> {
  return (await prisma.interviewer.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function roleId(slug: string): Promise<string> {
  return (await prisma.role.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Books the first offered slot through the SDK (the sandbox creates the booking and its event). */
async function bookThroughSdk(configurationId: string, guest = { name: "Dana Chen", email: "Dana.Chen@Example.org" }, extra: Record<string, unknown> = {}) {
  const nylas = getNylas();
  const t = now();
  const slots = (await nylas.scheduler.availability.get({ queryParams: { startTime: t, endTime: t + 14 * 86_400, configurationId } })).data.timeSlots;
  const slot = slots[0]!;
  const booking = (
    await nylas.scheduler.bookings.create({
      queryParams: { configurationId },
      requestBody: { startTime: slot.startTime, endTime: slot.endTime, guest, participants: [{ email: slot.emails[0]! }], ...extra },
    })
  ).data;
  return { slot, booking };
}

/** Replays a captured delivery — exact bytes and signature headers — into the route handler. */
function replay(capture: { headers: Record<string, string | string[] | undefined>; body: Buffer }): Promise<Response> {
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "x-nylas-signature", "content-encoding", "user-agent"]) {
    const value = capture.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return POST(new Request(WEBHOOK_URL, { method: "POST", headers, body: new Uint8Array(capture.body) }));
}

beforeEach(async () => {
  expect(configurations.every((o) => o.action === "created")).toBe(true);
  T = now() - 300;
  S0 = (Math.floor(now() / 3600) + 48) * 3600;
  S1 = S0 + 86_400;
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe("booking.created → Candidate, Application, Interview", () => {
  it("creates the candidate (normalised email, raw kept), the application for the role, and the scheduled interview", async () => {
    const bookingId = randomUUID();
    const created = notification({ type: "booking.created", time: T, bookingId, eventId: "evt-dana-1" });
    await deliver(created);
    expect(await processDueWebhookEvents()).toBe(1);

    const candidates = await prisma.candidate.findMany();
    expect(candidates).toHaveLength(1);
    const candidate = candidates[0]!;
    expect(candidate).toMatchObject({ email: DANA_EMAIL, name: "Dana Chen", timezone: "Europe/Paris", linkedinUrl: LINKEDIN });
    // Raw kept: the case as typed (surrounding whitespace is not part of an address).
    expect(candidate.emailRaw.trim()).toBe("Dana.Chen@Example.org");

    const applications = await prisma.application.findMany();
    expect(applications).toHaveLength(1);
    expect(applications[0]).toMatchObject({ candidateId: candidate.id, roleId: await roleId("backend-engineer"), stage: "INTERVIEWING" });

    const interviews = await prisma.interview.findMany();
    expect(interviews).toHaveLength(1);
    expect(interviews[0]).toMatchObject({
      bookingId,
      applicationId: applications[0]!.id,
      candidateId: candidate.id,
      interviewerId: await interviewerId(SARAH.email),
      interviewerEmail: SARAH.email,
      configurationId: configurationOf["backend-engineer"],
      eventId: "evt-dana-1",
      title: "Interview with Dana Chen",
      startsAt: at(S0),
      endsAt: at(S0 + DURATION),
      guestTimezone: "Europe/Paris",
      meetingUrl: MEET,
      status: "SCHEDULED",
      guestName: "Dana Chen",
      cancelledAt: null,
      needsLookup: false,
      replacesInterviewId: null,
    });
    expect(historyOf(interviews[0]!)).toEqual([{ kind: "created", at: T, startsAt: S0, endsAt: S0 + DURATION }]);

    const event = await eventOf(created.id);
    expect(event).toMatchObject({ status: "PROCESSED", attempts: 1, lastError: null });
    expect(event.processedAt).toBeInstanceOf(Date);
    expect(await processDueWebhookEvents()).toBe(0);
  });

  it("routes each role's configuration id to that role", async () => {
    const designer = notification({
      type: "booking.created",
      time: T,
      bookingId: randomUUID(),
      configurationId: configurationOf["product-designer"]!,
      participants: [{ email: "lena.fischer@northwind.example", name: "Lena Fischer" }, DANA_RAW],
    });
    await deliver(designer);
    await processDueWebhookEvents();
    const interview = await interviewOf(designer.data.object.booking_id);
    const application = await prisma.application.findUniqueOrThrow({ where: { id: interview.applicationId! } });
    expect(application.roleId).toBe(await roleId("product-designer"));
    expect(interview.interviewerId).toBe(await interviewerId("lena.fischer@northwind.example"));
  });

  it("keeps an unknown configuration id with no role: interview recorded, candidate created, no application", async () => {
    const unknownConfiguration = randomUUID();
    const created = notification({ type: "booking.created", time: T, bookingId: randomUUID(), configurationId: unknownConfiguration });
    await deliver(created);
    await processDueWebhookEvents();

    const interview = await interviewOf(created.data.object.booking_id);
    expect(interview).toMatchObject({ configurationId: unknownConfiguration, applicationId: null, status: "SCHEDULED", needsLookup: false, interviewerEmail: SARAH.email });
    expect(await prisma.job.count({ where: { kind: "assignments.explain" } })).toBe(0);
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { email: DANA_EMAIL } });
    expect(interview.candidateId).toBe(candidate.id);
    expect(await prisma.application.count()).toBe(0);
    expect((await eventOf(created.id)).status).toBe("PROCESSED");
  });
});

describe("out of order and duplicates", () => {
  it("cancel before create: ends CANCELLED", async () => {
    const bookingId = randomUUID();
    const { created, cancelled } = lifecycle(bookingId);
    await deliver(cancelled);
    expect(await processDueWebhookEvents()).toBe(1);
    expect(await interviewOf(bookingId)).toMatchObject({ status: "CANCELLED", cancelledAt: at(T + 20) });

    await deliver(created);
    expect(await processDueWebhookEvents()).toBe(1);
    const interview = await interviewOf(bookingId);
    expect(interview).toMatchObject({ status: "CANCELLED", cancelledAt: at(T + 20), cancellationReason: "Accepted another offer", needsLookup: false });
    expect(historyOf(interview).map((h) => h.kind)).toEqual(["created", "cancelled"]);
    expect(await prisma.interview.count()).toBe(1);
    expect((await prisma.webhookEvent.findMany()).map((e) => e.status)).toEqual(["PROCESSED", "PROCESSED"]);
  });

  it("rescheduled before created: RESCHEDULED with the new times and the previous ones in history", async () => {
    const bookingId = randomUUID();
    const { created, rescheduled } = lifecycle(bookingId);
    await deliver(rescheduled);
    await processDueWebhookEvents();
    expect(await interviewOf(bookingId)).toMatchObject({ status: "RESCHEDULED", startsAt: at(S1) });

    await deliver(created);
    await processDueWebhookEvents();
    const interview = await interviewOf(bookingId);
    expect(interview).toMatchObject({ status: "RESCHEDULED", startsAt: at(S1), endsAt: at(S1 + DURATION) });
    expect(historyOf(interview)).toEqual([
      { kind: "created", at: T, startsAt: S0, endsAt: S0 + DURATION },
      { kind: "rescheduled", at: T + 10, startsAt: S1, endsAt: S1 + DURATION, previousStartsAt: S0, previousEndsAt: S0 + DURATION },
    ]);
  });

  it("the whole lifecycle delivered in reverse, with duplicates, processed after each delivery: same result as in order", async () => {
    const inOrder = randomUUID();
    const reversed = randomUUID();
    for (const e of Object.values(lifecycle(inOrder))) await deliver(e);
    await processDueWebhookEvents();

    const r = lifecycle(reversed);
    for (const e of [r.cancelled, redelivery(r.rescheduled), r.rescheduled, r.created, redelivery(r.created, 3)]) {
      await deliver(e);
      await processDueWebhookEvents();
    }
    const strip = (i: Awaited<ReturnType<typeof interviewOf>>) => {
      const { id: _id, bookingId: _b, eventId: _e, createdAt: _c, updatedAt: _u, replacesInterviewId: _r, ...rest } = i;
      return rest;
    };
    const a = await interviewOf(inOrder);
    const b = await interviewOf(reversed);
    expect(b.status).toBe("CANCELLED");
    expect(b.startsAt).toEqual(at(S1));
    expect(strip(b)).toEqual(strip(a));
  });

  it("duplicates (redelivered, and reprocessed after an admin retry) leave one candidate, application and interview", async () => {
    const bookingId = randomUUID();
    const { created, rescheduled } = lifecycle(bookingId);
    expect(await deliver(created)).toMatchObject({ duplicate: false });
    expect(await deliver(created)).toMatchObject({ duplicate: true });
    expect(await deliver(redelivery(created))).toMatchObject({ duplicate: true });
    await deliver(rescheduled);
    // One job for the booking: its run applies both notifications.
    expect(await processDueWebhookEvents()).toBe(1);
    expect((await prisma.webhookEvent.findMany()).map((e) => e.status)).toEqual(["PROCESSED", "PROCESSED"]);
    const first = await interviewOf(bookingId);

    // Reprocess both events (e.g. "Retry" on /settings/webhooks): one fresh job for their booking.
    for (const e of await prisma.webhookEvent.findMany()) expect(await retryWebhookEvent(e.id)).toBe(true);
    expect(await processDueWebhookEvents()).toBe(1);

    expect(await prisma.interview.count()).toBe(1);
    expect(await prisma.candidate.count()).toBe(1);
    expect(await prisma.application.count()).toBe(1);
    const again = await interviewOf(bookingId);
    expect(again.id).toBe(first.id);
    expect({ ...again, updatedAt: null }).toEqual({ ...first, updatedAt: null });
    expect(historyOf(again).map((h) => h.kind)).toEqual(["created", "rescheduled"]);
  });

  it("three workers at once on one booking's events: one takes its job, and it leaves one interview in the final state", async () => {
    const bookingId = randomUUID();
    const { created, rescheduled, cancelled } = lifecycle(bookingId);
    for (const e of [created, rescheduled, cancelled]) await deliver(e);
    const claimed = await Promise.all([1, 2, 3].map(() => processDueWebhookEvents({ limit: 1 })));
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await prisma.interview.count()).toBe(1);
    expect(await interviewOf(bookingId)).toMatchObject({ status: "CANCELLED", startsAt: at(S1) });
    expect((await prisma.webhookEvent.findMany()).every((e) => e.status === "PROCESSED")).toBe(true);
  });

  it("two bookings by the same new candidate processed at once: one candidate, one application, two interviews", async () => {
    const first = notification({ type: "booking.created", time: T, bookingId: randomUUID() });
    const second = notification({
      type: "booking.created",
      time: T + 1,
      bookingId: randomUUID(),
      start: S1,
      end: S1 + DURATION,
      participants: [
        { email: "marcus.johnson@northwind.example", name: "Marcus Johnson" },
        { email: "DANA.CHEN@example.org", name: "Dana Chen" },
      ],
    });
    await deliver(first);
    await deliver(second);
    const claimed = await Promise.all([processDueWebhookEvents({ limit: 1 }), processDueWebhookEvents({ limit: 1 })]);
    expect(claimed[0] + claimed[1]).toBe(2);
    const events = await prisma.webhookEvent.findMany();
    expect(events.map((e) => [e.status, e.lastError])).toEqual([
      ["PROCESSED", null],
      ["PROCESSED", null],
    ]);
    expect(await prisma.candidate.count()).toBe(1);
    expect(await prisma.application.count()).toBe(1);
    expect(await prisma.interview.count()).toBe(2);
  });
});

describe("an admin's Retry while a worker holds the notification", () => {
  // The bug this closes (issue 13): Retry reset the row's attempts to 0 even while a worker held it;
  // the claim counted attempts, and the outcome write was fenced on them, so a second worker could
  // claim the same notification as "attempt 1" and both believed they held it.
  it("queues a fresh run, never a second one at once, and the held run keeps its own attempt", async () => {
    const bookingId = randomUUID();
    const { created } = lifecycle(bookingId);
    await deliver(created);
    const event = await eventOf(created.id);

    // Another session holds the booking's processing lock: the first worker's run waits inside it.
    await withPgClient(async (blocker) => {
      await blocker.query("BEGIN");
      await blocker.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`booking:${bookingId}`]);
      const first = processDueWebhookEvents();
      for (let i = 0; i < 200; i++) {
        const { rows } = await blocker.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'");
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 25));
      }

      expect(await retryWebhookEvent(event.id)).toBe(true);
      // A second worker finds the booking held: it takes nothing.
      expect(await processDueWebhookEvents()).toBe(0);

      await blocker.query("COMMIT");
      expect(await first).toBe(1);
    });
    expect(await eventOf(created.id)).toMatchObject({ status: "PROCESSED", attempts: 1 });
    // Then the fresh run the admin asked for, as a first attempt of its own.
    expect(await processDueWebhookEvents()).toBe(1);
    expect(await eventOf(created.id)).toMatchObject({ status: "PROCESSED", attempts: 1, lastError: null });
    expect(await processDueWebhookEvents()).toBe(0);
    expect(await prisma.interview.count()).toBe(1);
  });
});

describe("cancel, then rebook with the same email", () => {
  it("links the new interview to the cancelled one", async () => {
    const a = lifecycle(randomUUID());
    const rebooked = notification({
      type: "booking.created",
      time: T + 30,
      bookingId: randomUUID(),
      start: S1 + 86_400,
      end: S1 + 86_400 + DURATION,
      participants: [SARAH, { email: "DANA.CHEN@example.org", name: "Dana Chen" }],
    });
    for (const e of [a.created, a.cancelled, rebooked]) await deliver(e);
    // Two bookings, two jobs, processed concurrently (a worker runs 4 at a time): none may fail, e.g. on a deadlock.
    expect(await processDueWebhookEvents()).toBe(2);
    expect((await prisma.webhookEvent.findMany({ select: { status: true, lastError: true } })).map((e) => [e.status, e.lastError])).toEqual([
      ["PROCESSED", null],
      ["PROCESSED", null],
      ["PROCESSED", null],
    ]);

    const cancelledInterview = await interviewOf(a.created.data.object.booking_id);
    const newInterview = await interviewOf(rebooked.data.object.booking_id);
    expect(cancelledInterview).toMatchObject({ status: "CANCELLED", replacesInterviewId: null });
    expect(newInterview).toMatchObject({ status: "SCHEDULED", replacesInterviewId: cancelledInterview.id, startsAt: at(S1 + 86_400) });
    expect(newInterview.candidateId).toBe(cancelledInterview.candidateId);
    expect(newInterview.applicationId).toBe(cancelledInterview.applicationId);
    expect(await prisma.candidate.count()).toBe(1);
    expect(await prisma.application.count()).toBe(1);
    expect(await prisma.interview.count()).toBe(2);
  });

  it("links them also when the cancellation is processed after the rebooking", async () => {
    const a = lifecycle(randomUUID());
    const rebooked = notification({ type: "booking.created", time: T + 30, bookingId: randomUUID(), start: S1 + 86_400, end: S1 + 86_400 + DURATION });
    await deliver(a.created);
    await deliver(rebooked);
    await processDueWebhookEvents();
    expect((await interviewOf(rebooked.data.object.booking_id)).replacesInterviewId).toBeNull();

    await deliver(a.cancelled); // delivered late
    await processDueWebhookEvents();
    const cancelledInterview = await interviewOf(a.created.data.object.booking_id);
    expect(cancelledInterview.status).toBe("CANCELLED");
    expect((await interviewOf(rebooked.data.object.booking_id)).replacesInterviewId).toBe(cancelledInterview.id);
  });
});

describe("participants: null", () => {
  it("looks a real sandbox booking's participants up through the SDK and resolves guest and interviewer", async () => {
    const configurationId = configurationOf["backend-engineer"]!;
    const { slot, booking } = await bookThroughSdk(configurationId);
    const created = notification({
      type: "booking.created",
      time: now(),
      bookingId: booking.bookingId,
      configurationId,
      eventId: booking.eventId,
      start: slot.startTime,
      end: slot.endTime,
      title: booking.title,
      participants: null,
      additionalFields: null,
    });
    await deliver(created);
    expect(await processDueWebhookEvents()).toBe(1);

    expect(await eventOf(created.id)).toMatchObject({ status: "PROCESSED", attempts: 1, lastError: null });
    const interview = await interviewOf(booking.bookingId);
    expect(interview).toMatchObject({
      needsLookup: false,
      interviewerEmail: booking.organizer.email,
      interviewerId: await interviewerId(booking.organizer.email),
      guestName: "Dana Chen",
      startsAt: at(slot.startTime),
      status: "SCHEDULED",
    });
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: interview.candidateId! } });
    expect(candidate.email).toBe(DANA_EMAIL);
    expect(await prisma.application.count()).toBe(1);
  });

  it("finds the event through the booking when the payload has no event_id either", async () => {
    const configurationId = configurationOf["backend-engineer"]!;
    const { slot, booking } = await bookThroughSdk(configurationId, { name: "Alex Doe", email: "alex.doe@example.org" });
    const created = notification({ type: "booking.created", time: now(), bookingId: booking.bookingId, configurationId, start: slot.startTime, end: slot.endTime, participants: null });
    delete (created.data.object.booking_info as Record<string, unknown>).event_id;
    await deliver(created);
    await processDueWebhookEvents();
    expect((await eventOf(created.id)).status).toBe("PROCESSED");
    const interview = await interviewOf(booking.bookingId);
    expect(interview).toMatchObject({ needsLookup: false, guestEmail: "alex.doe@example.org", interviewerEmail: booking.organizer.email });
  });

  it("saves what the payload has when the booking cannot be looked up, retries with backoff, dead-letters, and can be retried", async () => {
    const bookingId = randomUUID(); // not in the sandbox
    const created = notification({ type: "booking.created", time: T, bookingId, participants: null, title: "Interview with Dana Chen", additionalFields: null });
    await deliver(created);
    const before = Date.now();
    expect(await processDueWebhookEvents()).toBe(1);

    const interview = await interviewOf(bookingId);
    expect(interview).toMatchObject({
      guestName: "Dana Chen",
      meetingUrl: MEET,
      needsLookup: true,
      status: "SCHEDULED",
      startsAt: at(S0),
      candidateId: null,
      applicationId: null,
      interviewerId: null,
      configurationId: configurationOf["backend-engineer"],
    });
    let event = await eventOf(created.id);
    expect(event).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(event.lastError).toMatch(/lookup/i);
    // First retry after ~10 s.
    expect(event.nextAttemptAt.getTime() - before).toBeGreaterThanOrEqual(9_000);
    expect(event.nextAttemptAt.getTime() - before).toBeLessThan(15_000);
    expect(await processDueWebhookEvents()).toBe(0); // not due yet

    // Time passes; retry with no backoff until the last attempt.
    expect(await makeJobsDue(webhookProcessingJob)).toBe(1);
    let rounds = 0;
    while ((await eventOf(created.id)).status === "PENDING" && rounds < 20) {
      expect(await processDueWebhookEvents({ retryBaseMs: 0 })).toBe(1);
      rounds++;
    }
    expect(rounds).toBe(MAX_JOB_ATTEMPTS - 1);
    event = await eventOf(created.id);
    expect(event).toMatchObject({ status: "DEAD", attempts: MAX_JOB_ATTEMPTS });
    expect(event.lastError).toMatch(/lookup/i);
    expect(await processDueWebhookEvents({ retryBaseMs: 0 })).toBe(0);
    expect(await prisma.interview.count()).toBe(1);

    expect(await retryWebhookEvent(event.id)).toBe(true);
    event = await eventOf(created.id);
    expect(event).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(event.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await retryWebhookEvent(randomUUID())).toBe(false);
  });

  it("completes once a later notification brings the participants: its arrival makes the waiting retry due at once", async () => {
    const bookingId = randomUUID();
    const created = notification({ type: "booking.created", time: T, bookingId, participants: null });
    await deliver(created);
    await processDueWebhookEvents();
    expect((await interviewOf(bookingId)).needsLookup).toBe(true);

    const rescheduled = notification({ type: "booking.rescheduled", time: T + 10, bookingId, start: S1, end: S1 + DURATION, oldStart: S0, oldEnd: S0 + DURATION });
    await deliver(rescheduled);
    // The booking's job was waiting ~10 s to retry; the new notification merged into it, due now.
    expect(await processDueWebhookEvents()).toBe(1);
    const interview = await interviewOf(bookingId);
    expect(interview).toMatchObject({ needsLookup: false, status: "RESCHEDULED", interviewerEmail: SARAH.email });
    expect(interview.candidateId).not.toBeNull();
    expect((await eventOf(rescheduled.id)).status).toBe("PROCESSED");
    expect(await eventOf(created.id)).toMatchObject({ status: "PROCESSED", attempts: 2, lastError: null });
    expect(await prisma.job.count({ where: { kind: webhookProcessingJob.name } })).toBe(0);
  });
});

describe("other inbox rows", () => {
  it("keeps a notetaker notification whose interview is not known yet for a retry (lib/notetaker links it later)", async () => {
    const body = {
      specversion: "1.0",
      type: "notetaker.media",
      source: "/nylas/notetaker",
      id: randomUUID(),
      time: now(),
      webhook_delivery_attempt: 1,
      data: { application_id: "app", object: { id: "0123456789abcdef0123456789abcdef", grant_id: "g-1", object: "notetaker", state: "processing", status: "processing" } },
    };
    await deliver(body);
    expect(await processDueWebhookEvents()).toBe(1);
    const row = await eventOf(body.id);
    expect(row.status).toBe("PENDING");
    expect(row.lastError).toMatch(/no interview is linked to this notetaker yet/);
  });

  it("dead-letters a booking notification without booking_id at once, with a clear error (no retry can add it)", async () => {
    const broken = notification({ type: "booking.created", time: T, bookingId: randomUUID() });
    delete (broken.data.object as Partial<BookingEnvelope["data"]["object"]>).booking_id;
    await deliver(broken);
    expect(await processDueWebhookEvents()).toBe(1);
    const event = await eventOf(broken.id);
    expect(event).toMatchObject({ status: "DEAD", attempts: 1 });
    expect(event.lastError).toMatch(/booking_id/);
    expect(await prisma.interview.count()).toBe(0);
  });
});

describe("end to end: the sandbox's real signed deliveries replayed into the route", () => {
  it("accepts what the sandbox sends to a subscriber (secret stored) and builds the interview: booked, rescheduled, cancelled", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = (await getNylas().webhooks.create({ requestBody: { webhookUrl: receiver.url, triggerTypes: BOOKING_TRIGGERS, description: "capture" } })).data;
    await prisma.webhookSubscription.create({ data: { apiUri: getEnv().nylasApiUri, webhookId: created.id, webhookUrl: receiver.url, secret: created.webhookSecret } });
    expect(created.webhookSecret).not.toBe(SECRET);

    const configurationId = configurationOf["backend-engineer"]!;
    const { slot, booking } = await bookThroughSdk(
      configurationId,
      { name: "Dana Chen", email: "Dana.Chen@Example.org" },
      {
        timezone: "Europe/Paris",
        additionalFields: { linkedin_url: LINKEDIN },
      },
    );
    const nylas = getNylas();
    const options = (
      await nylas.scheduler.availability.get({
        queryParams: { startTime: slot.startTime, endTime: slot.startTime + 14 * 86_400, configurationId, bookingId: booking.bookingId },
      })
    ).data;
    const target = options.timeSlots.find((s) => s.startTime >= slot.startTime + 86_400)!;
    await nylas.scheduler.bookings.reschedule({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { startTime: target.startTime, endTime: target.endTime } });
    await nylas.scheduler.bookings.destroy({ bookingId: booking.bookingId, queryParams: { configurationId }, requestBody: { cancellationReason: "Accepted another offer" } });

    expect(await dispatchDueDeliveries()).toBe(3);
    expect(receiver.received).toHaveLength(3);
    const types = receiver.received.map((c) => (JSON.parse(c.body.toString("utf8")) as { type: string }).type);
    expect([...types].sort()).toEqual(["booking.cancelled", "booking.created", "booking.rescheduled"]);

    // Replayed in reverse order, one of them twice.
    for (const capture of [...receiver.received].reverse()) expect((await replay(capture)).status).toBe(200);
    const again = await replay(receiver.received[0]!);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true });
    expect(await prisma.webhookEvent.count()).toBe(3);

    expect(await processDueWebhookEvents()).toBe(1);
    const interview = await interviewOf(booking.bookingId);
    expect(interview).toMatchObject({
      status: "CANCELLED",
      startsAt: at(target.startTime),
      endsAt: at(target.endTime),
      eventId: booking.eventId,
      configurationId,
      interviewerEmail: booking.organizer.email,
      interviewerId: await interviewerId(booking.organizer.email),
      cancellationReason: "Accepted another offer",
      guestTimezone: "Europe/Paris",
      needsLookup: false,
    });
    expect(interview.meetingUrl).toMatch(/^http/);
    expect(historyOf(interview).map((h) => h.kind)).toEqual(["created", "rescheduled", "cancelled"]);
    expect(historyOf(interview)[1]).toMatchObject({ previousStartsAt: slot.startTime, previousEndsAt: slot.endTime });
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: interview.candidateId! } });
    expect(candidate).toMatchObject({ email: DANA_EMAIL, emailRaw: "Dana.Chen@Example.org", linkedinUrl: LINKEDIN, timezone: "Europe/Paris" });
    expect((await prisma.application.findUniqueOrThrow({ where: { id: interview.applicationId! } })).roleId).toBe(await roleId("backend-engineer"));
  });

  it("accepts a compressed (gzip) sandbox delivery signed over the compressed bytes", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const created = (await getNylas().webhooks.create({ requestBody: { webhookUrl: receiver.url, triggerTypes: BOOKING_TRIGGERS, compressedDelivery: true } as never })).data;
    await prisma.webhookSubscription.create({ data: { apiUri: getEnv().nylasApiUri, webhookId: created.id, webhookUrl: receiver.url, secret: created.webhookSecret } });
    const { booking } = await bookThroughSdk(configurationOf["backend-engineer"]!);
    expect(await dispatchDueDeliveries()).toBe(1);
    const [capture] = receiver.received;
    expect(capture!.headers["content-encoding"]).toBe("gzip");

    const res = await replay(capture!);
    expect(res.status).toBe(200);
    await processDueWebhookEvents();
    expect(await interviewOf(booking.bookingId)).toMatchObject({ status: "SCHEDULED", needsLookup: false });
  });

  it("accepts the app's own subscription (ensureWebhookSubscription) with NYLAS_WEBHOOK_SECRET unset", async () => {
    delete process.env.NYLAS_WEBHOOK_SECRET;
    assertServerEnv();
    try {
      await ensureWebhookSubscription();
      const { booking } = await bookThroughSdk(configurationOf["backend-engineer"]!);
      // Capture the delivery the dispatcher would send to APP_URL/api/webhooks/nylas.
      const sent: { headers: Record<string, string>; body: Buffer }[] = [];
      const fetchImpl = (async (_input: string | URL | Request, init?: RequestInit) => {
        sent.push({ headers: Object.fromEntries(new Headers(init?.headers)), body: Buffer.from(init?.body as Uint8Array) });
        return new Response(null, { status: 200 });
      }) as typeof fetch;
      // booking.created, and notetaker.created (the panel has the Notetaker on).
      expect(await dispatchDueDeliveries({ deps: { fetchImpl } })).toBe(2);
      const bookingCreated = sent.find((s) => (JSON.parse(s.body.toString("utf8")) as { type: string }).type === "booking.created")!;

      forgetWebhookSecrets();
      for (const delivery of sent) expect((await replay(delivery)).status).toBe(200);
      // A forged copy is still refused.
      const forged = { ...bookingCreated, body: Buffer.from(bookingCreated.body.toString("utf8").replace("Dana Chen", "Eve Mallory")) };
      expect((await replay(forged)).status).toBe(401);

      await processDueWebhookEvents();
      expect(await interviewOf(booking.bookingId)).toMatchObject({ status: "SCHEDULED", guestName: "Dana Chen", needsLookup: false });
    } finally {
      process.env.NYLAS_WEBHOOK_SECRET = SECRET;
      assertServerEnv();
      forgetWebhookSecrets();
    }
  });
});
