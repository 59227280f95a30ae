/**
 * A candidate's request, on real Postgres with the sandbox over HTTP (DESIGN "Erasure and export"):
 * a booking through the SDK, delivered by the sandbox into the real webhook route and processed;
 * then media in fs storage, transcript lines, feedback with a revision and a decision's audit entry.
 * The export's ZIP is read back by its central directory (tests/support/read-zip.ts); the erasure
 * must leave no row, file, stored notification or audit text behind, cancel the upcoming booking
 * at the sandbox (whose booking.cancelled then must not re-create anything), and stop an export in
 * progress. Who may do either (ADMIN only) is the authorization matrix's (tests/e2e).
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertServerEnv } from "@/lib/env";
import { getCandidateTimeline, listInterviews } from "@/lib/interviews/queries";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { mediaDownloadJob } from "@/lib/media/jobs";
import { enqueue, runDueJobs } from "@/lib/jobs";
import { nylasNotetakerDeleteJob, storageDeleteJob } from "@/lib/privacy/deletion-jobs";
import { eraseCandidate } from "@/lib/privacy/erasure";
import { nylasCancelBookingJob } from "@/lib/privacy/erasure-jobs";
import { CandidateErasedError, openCandidateExport } from "@/lib/privacy/export";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { recordAudit } from "@/lib/settings/audit";
import { getMediaStorage, resetMediaStorage } from "@/lib/storage";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { drainJobs } from "../support/jobs";
import { startS3Server } from "../support/s3-server";
import { bookFirstSlot, envOverride, listFiles } from "../support/notetaker-sandbox";
import { collect, readZip } from "../support/read-zip";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const GUEST = { name: "Zoë Export-Tester", email: "Zoe.Export@Example.org" };
const RECORDING = Buffer.alloc(1_500_000, 0);
for (let i = 0; i < RECORDING.length; i++) RECORDING[i] = (i * 31 + (i >> 8)) & 0xff;
const TRANSCRIPT = Buffer.from(JSON.stringify([{ speaker: "Zoë", text: "I built the billing system." }]));

const { prisma, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
let mediaDir = "";
let restoreEnv: () => void = () => undefined;

beforeEach(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "export-erasure-"));
  restoreEnv = envOverride({ MEDIA_STORAGE: "fs", MEDIA_DIR: mediaDir }, () => {
    assertServerEnv();
    resetMediaStorage();
  });
});

afterEach(async () => {
  restoreEnv();
  await rm(mediaDir, { recursive: true, force: true });
});

/** Sandbox deliveries into the real route, then the inbox worker, until nothing moves. */
const pump = () => drainJobs([webhookDeliveryJob, webhookProcessingJob]);

async function admin() {
  const user = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, role: true } });
  return user;
}

/** A booked interview with everything an export holds: files, transcript lines, action items, feedback and its revision, a decision's audit entry. */
async function bookedCandidate() {
  const { booking } = await bookFirstSlot(configurationOf["backend-engineer"]!, GUEST);
  await pump();
  const interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId }, include: { application: true } });
  const candidateId = interview.candidateId!;
  const storage = getMediaStorage();
  const files = [
    { kind: "RECORDING" as const, fileName: "recording.mp4", body: RECORDING, contentType: "video/mp4" },
    { kind: "TRANSCRIPT" as const, fileName: "transcript.json", body: TRANSCRIPT, contentType: "application/json" },
  ];
  for (const file of files) {
    const asset = await prisma.mediaAsset.create({
      data: { interviewId: interview.id, kind: file.kind, source: "UPLOAD", fileName: file.fileName, contentType: file.contentType, sourceUrl: "https://nylas.example/secret-url" },
    });
    const key = `interviews/${interview.id}/${asset.id}/${file.fileName}`;
    const put = await storage.put(
      key,
      (async function* () {
        yield new Uint8Array(file.body);
      })(),
      { contentType: file.contentType },
    );
    await prisma.mediaAsset.update({ where: { id: asset.id }, data: { status: "STORED", storageKey: key, size: put.size, sha256: put.sha256, storedAt: new Date() } });
  }
  const transcript = await prisma.mediaAsset.findFirstOrThrow({ where: { interviewId: interview.id, kind: "TRANSCRIPT" } });
  const lines = Array.from({ length: 5 }, (_, position) => ({ position, speaker: "Zoë", text: `Line ${position}: Zoë on billing` }));
  await prisma.transcriptSegment.createMany({ data: lines.map((line) => ({ ...line, interviewId: interview.id, assetId: transcript.id })) });
  // As lib/media/parsed-content.ts stores a transcript: its lines and its search document.
  await writeSearchDocument(prisma, interview.id, transcript.id, lines);
  await prisma.actionItem.create({ data: { interviewId: interview.id, position: 0, text: "Send Zoë the take-home" } });
  await prisma.interview.update({
    where: { id: interview.id },
    data: { consent: { answer: "yes", noticeText: "This interview is recorded.", policy: "ASK_FOR_CONSENT", at: 1_700_000_000 }, summaryText: "Zoë knows billing." },
  });
  const author = await prisma.user.findFirstOrThrow({ where: { role: "RECRUITER" } });
  const feedback = await prisma.feedback.create({
    data: {
      interviewId: interview.id,
      authorId: author.id,
      applicationId: interview.applicationId,
      keyTakeaways: "Strong on billing",
      revision: 1,
      submittedAt: new Date(),
      overallRecommendation: "YES",
    },
  });
  await prisma.feedbackRevision.create({ data: { feedbackId: feedback.id, number: 1, content: { keyTakeaways: "Strong on billing" } } });
  const actor = await admin();
  await prisma.$transaction((tx) =>
    recordAudit(tx, actor, { entityType: "application", entityId: interview.applicationId!, entityLabel: `${GUEST.name} · Backend engineer`, action: "stage_changed", changes: [] }),
  );
  return { interview, candidateId, bookingId: booking.bookingId };
}

describe("openCandidateExport", () => {
  it("streams candidate.json with everything held and the media files byte for byte, and audits the export without personal data", async () => {
    const { interview, candidateId } = await bookedCandidate();
    const actor = await admin();
    const archive = await openCandidateExport(actor, candidateId, { segmentPage: 2 });
    expect(archive.fileName).toBe(`candidate-${candidateId}.zip`);
    const entries = readZip(await collect(archive.body));
    expect(entries.map((e) => e.name).sort()).toEqual(["candidate.json", `media/${interview.id}/recording.mp4`, `media/${interview.id}/transcript.json`].sort());
    expect(entries.find((e) => e.name.endsWith("recording.mp4"))!.data.equals(RECORDING)).toBe(true);
    expect(entries.find((e) => e.name.endsWith("transcript.json"))!.data.equals(TRANSCRIPT)).toBe(true);

    const json = JSON.parse(entries.find((e) => e.name === "candidate.json")!.data.toString("utf8"));
    expect(json.candidate).toMatchObject({ id: candidateId, name: GUEST.name, email: GUEST.email.toLowerCase() });
    expect(json.applications).toHaveLength(1);
    expect(json.interviews).toHaveLength(1);
    const [exported] = json.interviews;
    expect(exported.bookingId).toBe(interview.bookingId);
    expect(exported.consent).toMatchObject({ answer: "yes", noticeText: "This interview is recorded." });
    expect(exported.summaryText).toBe("Zoë knows billing.");
    // Read in pages of 2: every line, in order.
    expect(exported.transcript.map((s: { text: string }) => s.text)).toEqual([0, 1, 2, 3, 4].map((p) => `Line ${p}: Zoë on billing`));
    expect(exported.actionItems.map((a: { text: string }) => a.text)).toEqual(["Send Zoë the take-home"]);
    expect(exported.feedback[0].keyTakeaways).toBe("Strong on billing");
    expect(exported.feedback[0].revisions).toHaveLength(1);
    expect(exported.mediaAssets.map((a: { size: number }) => a.size).sort()).toEqual([TRANSCRIPT.length, RECORDING.length].sort());
    // Nylas's pre-authenticated URLs are secrets, not the candidate's data.
    expect(JSON.stringify(json)).not.toContain("secret-url");
    // Entries about them written before this export (its own entry follows it).
    expect(json.auditEntries.map((a: { action: string }) => a.action)).toEqual(["stage_changed"]);

    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "candidate", entityId: candidateId, action: "exported" } });
    expect(audit).toMatchObject({ actorId: actor.id, actorEmail: actor.email, entityLabel: "Candidate data export" });
    expect(JSON.stringify(audit)).not.toMatch(/zo[eë]/i);
  });

  it("answers 404 for an unknown candidate", async () => {
    await expect(openCandidateExport(await admin(), "00000000-0000-0000-0000-000000000000")).rejects.toMatchObject({ status: 404 });
  });

  it("is stopped by an erasure while it streams: the archive never completes", async () => {
    const { candidateId } = await bookedCandidate();
    const actor = await admin();
    const archive = await openCandidateExport(actor, candidateId, { checkEveryBytes: 64 * 1024 });
    let received = 0;
    // Into the recording (after candidate.json and a few chunks).
    while (received < 300_000) {
      const next = await archive.body.next();
      expect(next.done).toBe(false);
      received += next.value!.byteLength;
    }
    expect((await eraseCandidate(actor, candidateId, GUEST.email)).status).toBe("erased");
    await expect(collect(archive.body)).rejects.toBeInstanceOf(CandidateErasedError);
  });
});

describe("eraseCandidate", () => {
  it("removes every row, stored notification, file and audit text, cancels the upcoming booking at Nylas, and keeps counts only", async () => {
    const { interview, candidateId, bookingId } = await bookedCandidate();
    const actor = await admin();
    expect(await prisma.webhookEvent.count({ where: { bookingId } })).toBeGreaterThan(0);
    expect(await listFiles(mediaDir)).toHaveLength(2);

    const viewer = { ...actor, role: "ADMIN" as const };
    expect((await listInterviews(viewer, { q: "billing" })).rows.map((r) => r.id)).toEqual([interview.id]);

    const result = await eraseCandidate(actor, candidateId, `  ${GUEST.email.toUpperCase()} `);
    expect(result).toEqual({ status: "erased", counts: expect.objectContaining({ applications: 1, interviews: 1, files: 2, bookingsCancelled: 1, feedback: 1, segments: 5, searchDocuments: 1 }) });

    // Rows: gone (cascade), and nothing that names them is left.
    expect(await prisma.candidate.count({ where: { id: candidateId } })).toBe(0);
    expect(await prisma.interview.count({ where: { id: interview.id } })).toBe(0);
    expect(await prisma.application.count({ where: { candidateId } })).toBe(0);
    expect(await prisma.transcriptSegment.count({ where: { interviewId: interview.id } })).toBe(0);
    expect(await prisma.interviewSearchDocument.count()).toBe(0);
    expect(await prisma.feedback.count()).toBe(0);
    expect(await prisma.feedbackRevision.count()).toBe(0);
    expect(await prisma.mediaAsset.count()).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { bookingId } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { entityType: "application" } })).toBe(0);
    expect(await getCandidateTimeline(viewer, candidateId)).toBeNull();
    expect((await listInterviews(viewer, { q: "billing" })).total).toBe(0);
    expect((await listInterviews(viewer, {})).total).toBe(0);

    // The queued work: files, Nylas's copy (when a notetaker was booked), the booking's cancellation.
    const queued = await prisma.job.findMany({ where: { kind: { in: [storageDeleteJob.name, nylasNotetakerDeleteJob.name, nylasCancelBookingJob.name] } }, select: { kind: true, payload: true } });
    expect(queued.map((j) => j.kind)).toEqual(expect.arrayContaining([storageDeleteJob.name, nylasCancelBookingJob.name]));
    expect(queued.find((j) => j.kind === nylasCancelBookingJob.name)!.payload).toEqual({ bookingId, configurationId: interview.configurationId });
    if (interview.notetakerId) expect(queued.find((j) => j.kind === nylasNotetakerDeleteJob.name)!.payload).toEqual({ notetakerId: interview.notetakerId, grantId: interview.notetakerGrantId });
    expect(JSON.stringify(queued)).not.toMatch(/zo[eë]/i);
    await drainJobs([storageDeleteJob, nylasCancelBookingJob]);
    await runDueJobs(nylasNotetakerDeleteJob);
    expect(await listFiles(mediaDir)).toEqual([]);
    expect((await prisma.sandboxBooking.findUniqueOrThrow({ where: { id: bookingId } })).status).toBe("cancelled");

    // The booking.cancelled Nylas sends back is delivered (200) but neither stored nor applied.
    await pump();
    const delivered = await prisma.sandboxWebhookDelivery.findMany({ where: { triggerType: "booking.cancelled" } });
    expect(delivered.map((d) => d.status)).toContain("delivered");
    expect(await prisma.webhookEvent.count({ where: { bookingId } })).toBe(0);
    expect(await prisma.candidate.count()).toBe(0);
    expect(await prisma.interview.count()).toBe(0);

    // Who erased whom (by id) and how much — never their name or email.
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "candidate", action: "erased" } });
    expect(audit).toMatchObject({ entityId: candidateId, entityLabel: "Erased candidate", actorEmail: actor.email });
    const record = await prisma.deletionRecord.findFirstOrThrow({ where: { kind: "erasure" } });
    expect(record).toMatchObject({ subjectType: "candidate", subjectId: candidateId, actorId: actor.id, rule: null });
    for (const text of [JSON.stringify(audit), JSON.stringify(record)]) {
      expect(text).not.toMatch(/zo[eë]/i);
      expect(text).not.toContain("example.org");
      expect(text).not.toContain("billing");
    }
  });

  it("never applies a notification of an erased booking that was stored anyway (one racing the erasure)", async () => {
    const { candidateId, bookingId } = await bookedCandidate();
    const stored = await prisma.webhookEvent.findMany({ where: { bookingId } });
    expect((await eraseCandidate(await admin(), candidateId, GUEST.email)).status).toBe("erased");
    // As if ingested just before the erasure committed: put back, PENDING, with its job.
    await prisma.webhookEvent.createMany({ data: stored.map(({ id: _id, ...row }) => ({ ...row, payload: row.payload as object, status: "PENDING" as const })) });
    await enqueue(prisma, webhookProcessingJob, { subject: "booking", id: bookingId });
    await drainJobs([webhookProcessingJob]);
    expect(await prisma.candidate.count()).toBe(0);
    expect(await prisma.interview.count()).toBe(0);
    expect(await prisma.webhookEvent.count({ where: { bookingId } })).toBe(0);
  });

  it("deletes a file whose download finishes after the erasure", async () => {
    const { interview, candidateId } = await bookedCandidate();
    const asset = await prisma.mediaAsset.create({
      data: {
        interviewId: interview.id,
        kind: "THUMBNAIL",
        source: "NOTETAKER",
        fileName: "thumbnail.png",
        sourceUrl: "https://media.example/thumbnail.png",
        sourceUrlExpiresAt: new Date(Date.now() + 3_600_000),
        expectedSize: 4,
      },
    });
    await enqueue(prisma, mediaDownloadJob, { assetId: asset.id });
    // The body arrives only once the erasure has committed.
    let release: () => void = () => undefined;
    const erased = new Promise<void>((resolve) => (release = resolve));
    const fetchImpl = (async () =>
      new Response(
        new ReadableStream({
          async pull(controller) {
            await erased;
            controller.enqueue(new Uint8Array([1, 2, 3, 4]));
            controller.close();
          },
        }),
        { status: 200, headers: { "content-length": "4" } },
      )) as unknown as typeof fetch;
    const downloading = runDueJobs(mediaDownloadJob, { deps: { storage: getMediaStorage(), fetchImpl } });
    await expect.poll(async () => (await prisma.mediaAsset.findUnique({ where: { id: asset.id } }))?.status).toBe("DOWNLOADING");
    expect((await eraseCandidate(await admin(), candidateId, GUEST.email)).status).toBe("erased");
    release();
    await downloading;
    await drainJobs([storageDeleteJob]);
    expect(await listFiles(mediaDir)).toEqual([]);
  });

  it("refuses an email that is not the candidate's and deletes nothing", async () => {
    const { candidateId } = await bookedCandidate();
    expect(await eraseCandidate(await admin(), candidateId, "someone.else@example.org")).toEqual({ status: "mismatch" });
    expect(await eraseCandidate(await admin(), candidateId, "")).toEqual({ status: "mismatch" });
    expect(await prisma.candidate.count({ where: { id: candidateId } })).toBe(1);
    expect(await prisma.job.count({ where: { kind: { in: [storageDeleteJob.name, nylasCancelBookingJob.name] } } })).toBe(0);
    expect(await prisma.deletionRecord.count()).toBe(0);
  });

  it("answers not_found for a candidate already erased (a second click)", async () => {
    const { candidateId } = await bookedCandidate();
    expect((await eraseCandidate(await admin(), candidateId, GUEST.email)).status).toBe("erased");
    expect(await eraseCandidate(await admin(), candidateId, GUEST.email)).toEqual({ status: "not_found" });
  });
});

describe("on S3 storage", () => {
  it("exports the files from the bucket, and the erasure deletes them there", async () => {
    const s3 = await startS3Server();
    const restore = envOverride(
      { MEDIA_STORAGE: "s3", S3_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint, S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true", AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" },
      () => {
        assertServerEnv();
        resetMediaStorage();
      },
    );
    try {
      const { interview, candidateId } = await bookedCandidate();
      expect(getMediaStorage().kind).toBe("s3");
      const keys = (await prisma.mediaAsset.findMany({ where: { interviewId: interview.id } })).map((a) => a.storageKey!);
      const actor = await admin();
      const entries = readZip(await collect((await openCandidateExport(actor, candidateId)).body));
      expect(entries.find((e) => e.name === `media/${interview.id}/recording.mp4`)!.data.equals(RECORDING)).toBe(true);

      expect((await eraseCandidate(actor, candidateId, GUEST.email)).status).toBe("erased");
      await drainJobs([storageDeleteJob]);
      for (const key of keys) expect(await getMediaStorage().stat(key)).toBeNull();
      expect(await listFiles(mediaDir)).toEqual([]);
    } finally {
      restore();
      await s3.close();
    }
  });
});
