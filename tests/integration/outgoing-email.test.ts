/**
 * Outgoing email (DESIGN "Outgoing email", "Feedback due"), on real Postgres with the sandbox over
 * HTTP: the sandbox's messages/send and sent-message list through the real `nylas` SDK client the
 * app uses (lib/nylas); enqueueEmail and the "email.send" job, at most once per key through retries,
 * lost answers and re-runs; the recap queued once when the Notetaker's media completes the debrief
 * (the real media path) or an upload does; and the feedback reminders driven by the periodic job
 * with an injected clock. The app never reads sandbox tables; the tests do, as the oracle.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { enqueueEmail, type TOutgoingEmail } from "@/lib/email/enqueue";
import { emailSendJob } from "@/lib/email/jobs";
import { sendOutgoingEmail } from "@/lib/email/send";
import { SANDBOX_SENDER } from "@/lib/email/sender";
import { getEnv } from "@/lib/env";
import { feedbackRemindersJob } from "@/lib/feedback/jobs";
import { queueDebriefReadyEmails, recapKey } from "@/lib/feedback/notify";
import { enqueue, runDueJobs } from "@/lib/jobs";
import { retryJob } from "@/lib/jobs/store";
import { mediaDownloadJob } from "@/lib/media/jobs";
import { recordUpload } from "@/lib/media/upload";
import { getNylas } from "@/lib/nylas/client";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { createFsStorage, type MediaStorage } from "@/lib/storage";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { bookFirstSlot, DANA, runNotetaker, sandboxApi, sdkError, sleep } from "../support/notetaker-sandbox";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, server, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
const SARAH = "sarah.kim@northwind.example";
const RECRUITER = "recruiter@example.com";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let mediaDir = "";
let storage: MediaStorage;
beforeEach(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "outgoing-email-media-"));
  storage = createFsStorage({ dir: mediaDir });
});
afterEach(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

// ───────────────────────────── helpers ─────────────────────────────

const senderGrantId = async () => (await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: SANDBOX_SENDER.email } })).id;
const sentMessages = () => prisma.sandboxMessage.findMany({ orderBy: [{ date: "asc" }, { id: "asc" }] });
const setSendFaults = (faults: Record<string, unknown>) => sandboxApi(server.origin, "POST", `/v3/sandbox/grants/${SANDBOX_SENDER.email}/message-faults`, faults);
const emailByKey = (key: string) => prisma.outgoingEmail.findUniqueOrThrow({ where: { idempotencyKey: key } });
const sendJobs = () => prisma.job.findMany({ where: { kind: emailSendJob.name } });

/** Runs the email worker until nothing is due (retries after ~1 ms, waited for). */
async function sendAll(opts: { now?: Date } = {}): Promise<number> {
  let claimed = 0;
  for (let round = 0; round < 30; round++) {
    const n = await runDueJobs(emailSendJob, { retryBaseMs: 1, ...opts });
    claimed += n;
    if (n > 0) continue;
    const soon = await prisma.job.findFirst({ where: { kind: emailSendJob.name, state: "QUEUED", runAt: { lte: new Date(Date.now() + 2_000) } } });
    if (!soon) return claimed;
    await sleep(Math.max(0, soon.runAt.getTime() - Date.now()) + 5);
  }
  throw new Error("the email worker did not settle");
}

const anEmail = (key = `test:${randomUUID()}`): TOutgoingEmail => ({
  idempotencyKey: key,
  kind: "test",
  to: [{ name: "Sarah Kim", email: SARAH }],
  subject: "Hello from the portal",
  html: "<p>Hello <b>Sarah</b></p>",
  text: "Hello Sarah",
});

// ───────────────────────────── the sandbox's Messages API ─────────────────────────────

describe("sandbox messages/send and the sent list (through the SDK)", () => {
  it("stores what the SDK's messages.send sends, answers Nylas's Message, and lists sent messages newest first with paging", async () => {
    const nylas = getNylas();
    const before = Math.floor(Date.now() / 1000);
    const first = await nylas.messages.send({
      identifier: SANDBOX_SENDER.email,
      requestBody: { to: [{ name: "Sarah Kim", email: SARAH }], cc: [{ email: "cc@example.com" }], replyTo: [{ email: "reply@example.com" }], subject: "First", body: "<p>One &amp; only</p>" },
    });
    expect(first.data).toMatchObject({
      grantId: await senderGrantId(),
      object: "message",
      subject: "First",
      body: "<p>One &amp; only</p>",
      snippet: "One & only",
      to: [{ name: "Sarah Kim", email: SARAH }],
      cc: [{ email: "cc@example.com" }],
      replyTo: [{ email: "reply@example.com" }],
      from: [{ name: SANDBOX_SENDER.name, email: SANDBOX_SENDER.email }],
    });
    expect(first.data.id).toMatch(/^[a-z0-9]{25}$/);
    expect(first.data.date).toBeGreaterThanOrEqual(before);
    expect(first.data.date).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    await sleep(5);
    const second = await nylas.messages.send({ identifier: await senderGrantId(), requestBody: { to: [{ email: RECRUITER }], subject: "Second", body: "<p>Two</p>" } });

    const listed = await nylas.messages.list({ identifier: SANDBOX_SENDER.email });
    expect(listed.data.map((m) => [m.id, m.subject, m.to])).toEqual([
      [second.data.id, "Second", [{ email: RECRUITER }]],
      [first.data.id, "First", [{ name: "Sarah Kim", email: SARAH }]],
    ]);
    const page1 = await nylas.messages.list({ identifier: SANDBOX_SENDER.email, queryParams: { limit: 1 } });
    expect(page1.data.map((m) => m.id)).toEqual([second.data.id]);
    const page2 = await nylas.messages.list({ identifier: SANDBOX_SENDER.email, queryParams: { limit: 1, pageToken: page1.nextCursor } });
    expect(page2.data.map((m) => m.id)).toEqual([first.data.id]);
    // Another grant sent nothing.
    expect((await nylas.messages.list({ identifier: SARAH })).data).toEqual([]);
    expect((await sentMessages()).map((m) => m.subject)).toEqual(["First", "Second"]);
  });

  it("refuses a bad message with Nylas's 400, an unknown grant with 404, a missing key with 401, an invalid grant with 401, and stores nothing", async () => {
    const nylas = getNylas();
    const send = (identifier: string, requestBody: Record<string, unknown>) => nylas.messages.send({ identifier, requestBody: requestBody as never });

    const noRecipient = await sdkError(send(SANDBOX_SENDER.email, { subject: "Hi", body: "x" }));
    expect([noRecipient.statusCode, noRecipient.type, noRecipient.message]).toEqual([400, "invalid_request_error", "Invalid message: to: is required: at least one recipient"]);
    const badEmail = await sdkError(send(SANDBOX_SENDER.email, { to: [{ email: "sarah@" }] }));
    expect([badEmail.statusCode, badEmail.type, badEmail.message]).toEqual([400, "invalid_request_error", 'Invalid message: to.0.email: "sarah@" is not a valid email address']);
    const badBcc = await sdkError(send(SANDBOX_SENDER.email, { to: [{ email: SARAH }], bcc: [{ name: "x" }] }));
    expect(badBcc.message).toBe("Invalid message: bcc.0.email: is required");
    const unknown = await sdkError(send("nobody@example.org", { to: [{ email: SARAH }] }));
    expect([unknown.statusCode, unknown.type]).toEqual([404, "not_found_error"]);

    const raw = await fetch(`${server.origin}/v3/grants/${SANDBOX_SENDER.email}/messages/send`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: [{ email: SARAH }] }),
    });
    expect(raw.status).toBe(401);
    expect((await raw.json()).error.type).toBe("unauthorized");
    expect((await fetch(`${server.origin}/v3/grants/${SANDBOX_SENDER.email}/messages`)).status).toBe(401);

    expect((await sandboxApi(server.origin, "PATCH", `/v3/sandbox/grants/${await senderGrantId()}`, { grant_status: "invalid" })).status).toBe(200);
    expect((await sdkError(send(SANDBOX_SENDER.email, { to: [{ email: SARAH }] }))).statusCode).toBe(401);
    expect(await sentMessages()).toEqual([]);
  });

  it("answers a repeated Idempotency-Key with the first answer (Idempotent-Response: true) and refuses the key with another body", async () => {
    const send = (key: string, subject: string) =>
      getNylas().messages.send({ identifier: SANDBOX_SENDER.email, requestBody: { to: [{ email: SARAH }], subject, body: "<p>x</p>" }, overrides: { headers: { "Idempotency-Key": key } } });
    const first = await send("key-1", "Once");
    const again = await send("key-1", "Once");
    expect(again.data.id).toBe(first.data.id);
    expect(first.rawHeaders?.["idempotent-response"]).toBeUndefined();
    expect(again.rawHeaders?.["idempotent-response"]).toBe("true");
    const other = await sdkError(send("key-1", "Twice"));
    expect([other.statusCode, other.type]).toEqual([409, "api.invalid_idempotent_request"]);
    const tooLong = await sdkError(send("k".repeat(257), "Once"));
    expect([tooLong.statusCode, tooLong.type]).toEqual([400, "api.invalid_idempotency_key"]);
    // Keys are per grant: the same key on another grant is another send.
    await getNylas().messages.send({ identifier: SARAH, requestBody: { to: [{ email: RECRUITER }], subject: "Once", body: "<p>x</p>" }, overrides: { headers: { "Idempotency-Key": "key-1" } } });
    expect((await sentMessages()).map((m) => m.subject)).toEqual(["Once", "Once"]);
  });
});

// ───────────────────────────── enqueueEmail and email.send ─────────────────────────────

describe("enqueueEmail and the email.send job", () => {
  it("queues a key once (one row, one job), sends it once, and never sends a SENT email again", async () => {
    const email = anEmail();
    const first = await prisma.$transaction((tx) => enqueueEmail(tx, email));
    const second = await prisma.$transaction((tx) => enqueueEmail(tx, { ...email, subject: "Changed" }));
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ id: first.id, isNew: false });
    expect(await prisma.outgoingEmail.count()).toBe(1);
    expect(await sendJobs()).toHaveLength(1);

    expect(await sendAll()).toBe(1);
    const row = await emailByKey(email.idempotencyKey);
    const [message] = await sentMessages();
    expect(row).toMatchObject({ status: "SENT", messageId: message!.id, lastError: null, subject: "Hello from the portal", text: "Hello Sarah" });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(message).toMatchObject({ to: [{ name: "Sarah Kim", email: SARAH }], subject: "Hello from the portal", body: "<p>Hello <b>Sarah</b></p>", idempotencyKey: `${row.id}.0` });

    // The job runs again (a duplicate enqueue, a person's retry): a SENT email is not sent again.
    await enqueue(prisma, emailSendJob, { emailId: row.id });
    expect(await sendAll()).toBe(1);
    expect(await sentMessages()).toHaveLength(1);
    // Nor does queueing the key again.
    expect((await prisma.$transaction((tx) => enqueueEmail(tx, email))).isNew).toBe(false);
    expect(await sendJobs()).toEqual([]);
  });

  it("refuses to queue an email without a valid recipient (the caller's bug), writing nothing", async () => {
    await expect(prisma.$transaction((tx) => enqueueEmail(tx, { ...anEmail(), to: [{ email: "not-an-email" }] }))).rejects.toThrow();
    await expect(prisma.$transaction((tx) => enqueueEmail(tx, { ...anEmail(), to: [] }))).rejects.toThrow();
    expect(await prisma.outgoingEmail.count()).toBe(0);
    expect(await sendJobs()).toEqual([]);
  });

  it("retries after the sandbox's 503s with the same key, and is SENT exactly once", async () => {
    expect((await setSendFaults({ fail: { count: 2, status: 503 } })).status).toBe(200);
    const email = anEmail();
    await prisma.$transaction((tx) => enqueueEmail(tx, email));

    expect(await runDueJobs(emailSendJob, { retryBaseMs: 1 })).toBe(1);
    let row = await emailByKey(email.idempotencyKey);
    expect(row).toMatchObject({ status: "QUEUED", sendRound: 0, messageId: null });
    expect(row.lastError).toBe("Nylas: 503 internal_error: Sandbox fault: the send failed with HTTP 503; nothing was sent.");
    expect(await sentMessages()).toEqual([]);

    await sendAll();
    row = await emailByKey(email.idempotencyKey);
    const messages = await sentMessages();
    expect(messages).toHaveLength(1);
    expect(row).toMatchObject({ status: "SENT", messageId: messages[0]!.id, lastError: null, sendRound: 0 });
    expect(await sendJobs()).toEqual([]);
  });

  it("after a lost answer (sent, then 504), the retry repeats the key and Nylas answers the first send: one message", async () => {
    expect((await setSendFaults({ lose_answer: { count: 1 } })).status).toBe(200);
    const email = anEmail();
    await prisma.$transaction((tx) => enqueueEmail(tx, email));
    expect(await runDueJobs(emailSendJob, { retryBaseMs: 1 })).toBe(1);
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "QUEUED", sendRound: 0 });
    const [sent] = await sentMessages();
    expect(sent).toBeDefined();

    await sendAll();
    expect(await sentMessages()).toHaveLength(1);
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "SENT", messageId: sent!.id });
  });

  it("a worker that sent but could not record it: the job's next run sends nothing new and records the first message", async () => {
    const email = anEmail();
    const { id } = await prisma.$transaction((tx) => enqueueEmail(tx, email));
    // The handler's send, its success record lost (the worker died before completing the job).
    await sendOutgoingEmail(id, { now: new Date() });
    const [sent] = await sentMessages();
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "QUEUED", messageId: null });

    await sendAll();
    expect(await sentMessages()).toHaveLength(1);
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "SENT", messageId: sent!.id });
  });

  it("a refusal (4xx) fails at once, FAILED with the reason; a person's Retry sends it under a fresh key", async () => {
    expect((await setSendFaults({ fail: { count: 1, status: 400 } })).status).toBe(200);
    const email = anEmail();
    await prisma.$transaction((tx) => enqueueEmail(tx, email));
    expect(await sendAll()).toBe(1);
    const failed = await emailByKey(email.idempotencyKey);
    expect(failed).toMatchObject({ status: "FAILED", sendRound: 1, lastError: "400 invalid_request_error: Sandbox fault: the send failed with HTTP 400; nothing was sent." });
    const [dead] = await sendJobs();
    expect(dead).toMatchObject({ state: "DEAD", attempts: 1 });

    expect(await retryJob(dead!.id.toString(), [emailSendJob as never])).toBe("queued");
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "QUEUED", lastError: null });
    await sendAll();
    const [message] = await sentMessages();
    expect(message).toMatchObject({ idempotencyKey: `${failed.id}.1` });
    expect(await emailByKey(email.idempotencyKey)).toMatchObject({ status: "SENT", messageId: message!.id });
  });
});

// ───────────────────────────── recap ─────────────────────────────

/** Sandbox deliveries into the real route, then the inbox worker, until nothing moves. */
async function pump(): Promise<void> {
  for (let round = 0; round < 30; round++) {
    const moved = (await runDueJobs(webhookDeliveryJob)) + (await runDueJobs(webhookProcessingJob));
    if (!moved) return;
  }
  throw new Error("the pipeline did not settle");
}

/** Only these kinds' downloads are due; the others wait (so the files are stored in a chosen order). */
async function downloadOnly(interviewId: string, kinds: string[]): Promise<void> {
  const assets = await prisma.mediaAsset.findMany({ where: { interviewId } });
  for (const asset of assets) {
    await prisma.job.updateMany({
      where: { kind: mediaDownloadJob.name, dedupKey: asset.id, state: "QUEUED" },
      data: { runAt: kinds.includes(asset.kind) ? new Date(Date.now() - 1_000) : new Date("2999-01-01") },
    });
  }
  while ((await runDueJobs(mediaDownloadJob, { deps: { storage }, retryBaseMs: 1 })) > 0);
}

const recapRows = (interviewId: string) => prisma.outgoingEmail.findMany({ where: { interviewId, kind: "recap" }, orderBy: { idempotencyKey: "asc" } });

describe("the recap when the debrief is ready", () => {
  it("is queued once, by the download that completes summary and action items, to the interviewer and each recruiter", async () => {
    const { booking } = await bookFirstSlot(configurationOf["backend-engineer"]!, DANA);
    await pump();
    const booked = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId }, include: { interviewer: true, application: { include: { role: true } } } });
    expect((await runNotetaker(server.origin, booked.notetakerId!)).status).toBe(200);
    await pump();

    await downloadOnly(booked.id, ["SUMMARY", "RECORDING"]);
    expect(await recapRows(booked.id)).toEqual([]);
    await downloadOnly(booked.id, ["ACTION_ITEMS"]);
    const recruiter = await prisma.user.findUniqueOrThrow({ where: { email: RECRUITER } });
    const rows = await recapRows(booked.id);
    expect(rows.map((r) => [r.idempotencyKey, r.to])).toEqual([
      [recapKey(booked.id), [{ name: booked.interviewer!.name, email: booked.interviewer!.email }]],
      [recapKey(booked.id, recruiter.id), [{ name: recruiter.name, email: RECRUITER }]],
    ]);
    // The rest of the files, and a second call, queue nothing more.
    await downloadOnly(booked.id, ["TRANSCRIPT", "THUMBNAIL"]);
    expect(await prisma.$transaction((tx) => queueDebriefReadyEmails(tx, booked.id))).toBe(0);
    expect(await recapRows(booked.id)).toHaveLength(2);
    expect(await prisma.mediaAsset.count({ where: { interviewId: booked.id, status: "STORED" } })).toBe(5);

    await sendAll();
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: booked.id }, include: { actionItems: { orderBy: { position: "asc" } } } });
    const toInterviewer = (await sentMessages()).find((m) => JSON.stringify(m.to).includes(booked.interviewer!.email))!;
    expect(toInterviewer.subject).toBe(`Debrief ready: ${DANA.name}, ${booked.application!.role.title}`);
    const debriefUrl = `${getEnv().APP_URL}/dashboard/interviews/${booked.id}`;
    expect(toInterviewer.body).toContain(`href="${debriefUrl}#feedback"`);
    // The summary and the action items, in the plain-text alternative kept with the email.
    const recap = await emailByKey(recapKey(booked.id));
    expect(recap.text).toContain(interview.summaryText!.trim().slice(0, 60));
    expect(recap.text).toContain(`- ${interview.actionItems[0]!.text}`);
    expect(recap.html).toBe(toInterviewer.body);
    const toRecruiter = (await sentMessages()).find((m) => JSON.stringify(m.to).includes(RECRUITER))!;
    expect(toRecruiter.body).toContain(`href="${debriefUrl}"`);
    expect(toRecruiter.body).not.toContain("#feedback");
    expect((await recapRows(booked.id)).map((r) => r.status)).toEqual(["SENT", "SENT"]);
    expect(recap.text).toContain(`Add your feedback: ${debriefUrl}#feedback`);
  });

  it("an uploaded transcript completes a debrief that has no summary: the recap says so", async () => {
    const { interviewId } = await completedInterviewRow({ endsAt: new Date(Date.now() - HOUR), status: "SCHEDULED" });
    const uploader = await prisma.user.findUniqueOrThrow({ where: { email: RECRUITER } });
    const assetId = randomUUID();
    const stored = await storage.put(`interviews/${interviewId}/${assetId}/t.vtt`, new Blob(["WEBVTT\n\n00:00.000 --> 00:02.000\n<v Sarah>Hi</v>\n"]).stream(), { contentType: "text/vtt" });
    await recordUpload(
      {
        interviewId,
        uploadedById: uploader.id,
        files: [
          {
            kind: "TRANSCRIPT",
            assetId,
            key: stored.key,
            size: stored.size,
            sha256: stored.sha256,
            fileName: "t.vtt",
            contentType: "text/vtt",
            parsed: { kind: "TRANSCRIPT", segments: [{ speaker: "Sarah", startMs: 0, endMs: 2_000, text: "Hi" }] },
          },
        ],
      },
      storage,
    );
    const rows = await recapRows(interviewId);
    expect(rows.map((r) => r.idempotencyKey)).toEqual([recapKey(interviewId), recapKey(interviewId, uploader.id)]);
    expect(rows[0]!.text).toContain("No summary was produced for this interview.");
  });
});

// ───────────────────────────── reminders ─────────────────────────────

/** A completed interview of Dana for the backend role, run by Sarah, ended at `endsAt`. */
async function completedInterviewRow({ endsAt, status = "COMPLETED" }: { endsAt: Date; status?: "COMPLETED" | "SCHEDULED" }) {
  const role = await prisma.role.findUniqueOrThrow({ where: { slug: "backend-engineer" } });
  const interviewer = await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH } });
  const candidate = await prisma.candidate.upsert({ where: { email: DANA.email }, create: { email: DANA.email, emailRaw: DANA.email, name: DANA.name }, update: {} });
  const application = await prisma.application.upsert({
    where: { candidateId_roleId: { candidateId: candidate.id, roleId: role.id } },
    create: { candidateId: candidate.id, roleId: role.id },
    update: {},
  });
  const interview = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      applicationId: application.id,
      candidateId: candidate.id,
      interviewerId: interviewer.id,
      interviewerEmail: SARAH,
      startsAt: new Date(endsAt.getTime() - HOUR),
      endsAt,
      status,
      completedAt: status === "COMPLETED" ? endsAt : null,
    },
  });
  return { interviewId: interview.id, applicationId: application.id, role };
}

/** The periodic job, run as its schedule would, at `now` (the injected clock). */
async function runReminders(now: Date): Promise<void> {
  await enqueue(prisma, feedbackRemindersJob, {});
  expect(await runDueJobs(feedbackRemindersJob, { now })).toBe(1);
}

const reminderRows = (interviewId: string) => prisma.outgoingEmail.findMany({ where: { interviewId, kind: "reminder" }, orderBy: { createdAt: "asc" } });
const remindersSent = async (interviewId: string) => (await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).feedbackRemindersSent;

async function submitFeedback(interviewId: string, applicationId: string): Promise<void> {
  const author = await prisma.user.findUniqueOrThrow({ where: { email: SARAH } });
  await prisma.feedback.create({ data: { interviewId, authorId: author.id, applicationId, overallRecommendation: "YES", keyTakeaways: "Solid", revision: 1, submittedAt: new Date() } });
}

describe("feedback reminders", () => {
  // In the future, so the periodic job and the sends are due at every injected time.
  const endsAt = new Date(Date.now() + 2 * DAY);
  const at = (ms: number) => new Date(endsAt.getTime() + ms);

  it("none before 1 hour, #1 at 1 hour, none again the same day, #2 a day later (overdue), none after submission", async () => {
    const { interviewId, applicationId, role } = await completedInterviewRow({ endsAt });
    await runReminders(at(HOUR - 60_000));
    expect(await reminderRows(interviewId)).toEqual([]);

    await runReminders(at(HOUR));
    await runReminders(at(HOUR + 60_000)); // the next minute's run: nothing new
    expect((await reminderRows(interviewId)).map((r) => [r.idempotencyKey, r.subject, r.to])).toEqual([
      [`reminder:${interviewId}:1`, `Feedback due: ${DANA.name}, ${role.title}`, [{ name: "Sarah Kim", email: SARAH }]],
    ]);
    expect(await remindersSent(interviewId)).toBe(1);
    await sendAll({ now: at(HOUR + 60_000) });
    const [message] = await sentMessages();
    expect(message).toMatchObject({ subject: `Feedback due: ${DANA.name}, ${role.title}`, to: [{ name: "Sarah Kim", email: SARAH }] });
    expect(message!.body).toContain(`href="${getEnv().APP_URL}/dashboard/interviews/${interviewId}#feedback"`);

    await runReminders(at(DAY + HOUR - 60_000));
    expect(await reminderRows(interviewId)).toHaveLength(1);
    await runReminders(at(DAY + HOUR));
    const rows = await reminderRows(interviewId);
    expect(rows.map((r) => [r.idempotencyKey, r.subject])).toEqual([
      [`reminder:${interviewId}:1`, `Feedback due: ${DANA.name}, ${role.title}`],
      [`reminder:${interviewId}:2`, `Feedback overdue: ${DANA.name}, ${role.title}`],
    ]);

    await submitFeedback(interviewId, applicationId);
    await runReminders(at(2 * DAY + HOUR));
    expect(await reminderRows(interviewId)).toHaveLength(2);
    expect(await remindersSent(interviewId)).toBe(2);
  });

  it("at most 10, one a day; a second run of the same minute queues nothing", async () => {
    const { interviewId } = await completedInterviewRow({ endsAt });
    for (let day = 0; day < 12; day++) {
      await runReminders(at(HOUR + day * DAY));
      await runReminders(at(HOUR + day * DAY + 30_000));
    }
    const rows = await reminderRows(interviewId);
    expect(rows.map((r) => r.idempotencyKey)).toEqual(Array.from({ length: 10 }, (_, i) => `reminder:${interviewId}:${i + 1}`));
    expect(rows.at(-1)!.text).toContain("This is the last reminder.");
    expect(await remindersSent(interviewId)).toBe(10);
    expect(await sendJobs()).toHaveLength(10);
  });

  it("after downtime, sends the latest reminder due rather than a burst of the missed ones", async () => {
    const { interviewId } = await completedInterviewRow({ endsAt });
    await runReminders(at(3 * DAY + 2 * HOUR));
    expect((await reminderRows(interviewId)).map((r) => r.idempotencyKey)).toEqual([`reminder:${interviewId}:4`]);
    expect(await remindersSent(interviewId)).toBe(4);
  });

  it("none for a cancelled interview, one not yet completed, or one that ended before the reminders' span", async () => {
    const cancelled = await completedInterviewRow({ endsAt });
    await prisma.interview.update({ where: { id: cancelled.interviewId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const scheduled = await completedInterviewRow({ endsAt, status: "SCHEDULED" });
    const old = await completedInterviewRow({ endsAt: new Date(endsAt.getTime() - 12 * DAY) });
    await runReminders(at(HOUR));
    expect(await prisma.outgoingEmail.findMany({ where: { kind: "reminder" } })).toEqual([]);
    for (const { interviewId } of [cancelled, scheduled, old]) expect(await remindersSent(interviewId)).toBe(0);
  });

  it("a queued reminder is dropped at send time when the feedback was submitted or the interview cancelled meanwhile", async () => {
    const submitted = await completedInterviewRow({ endsAt });
    const cancelled = await completedInterviewRow({ endsAt });
    await runReminders(at(HOUR));
    expect(await prisma.outgoingEmail.count({ where: { kind: "reminder" } })).toBe(2);

    await submitFeedback(submitted.interviewId, submitted.applicationId);
    await prisma.interview.update({ where: { id: cancelled.interviewId }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await sendAll({ now: at(HOUR + 60_000) });
    expect(await sentMessages()).toEqual([]);
    expect((await reminderRows(submitted.interviewId)).map((r) => [r.status, r.lastError])).toEqual([["FAILED", "Not sent: the interviewer has submitted their feedback."]]);
    expect((await reminderRows(cancelled.interviewId)).map((r) => [r.status, r.lastError])).toEqual([["FAILED", "Not sent: the interview was cancelled."]]);
  });
});
