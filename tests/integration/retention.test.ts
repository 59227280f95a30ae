/**
 * Retention (issue 16): the daily run deletes an application's recordings and transcripts N days
 * after a rejection or a hire — the stored files (fs and S3), the rows, the full-text index entries,
 * evidence, summaries and cited moments — asks Nylas to delete its copy, and anonymises rejected
 * candidates; the preview lists exactly that; deletion records hold no personal data; a storage
 * delete that fails is retried and dead-lettered on /settings/jobs, never skipped; the rules form
 * refuses what it must; the Nylas-copy option fires once every file is stored.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { listInterviews } from "@/lib/interviews/queries";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { enqueue, runDueJobs } from "@/lib/jobs";
import { listJobFailures } from "@/lib/jobs/queries";
import { nylasNotetakerDeleteJob, storageDeleteJob } from "@/lib/privacy/deletion-jobs";
import { deleteNylasCopyOnceStored } from "@/lib/privacy/nylas-copy";
import { anonymizeCandidate, purgeInterviewMedia } from "@/lib/privacy/purge";
import { listDeletionLog, previewRetentionAt, retentionJob, runRetention } from "@/lib/privacy/retention-run";
import { saveRetentionSettings } from "@/lib/privacy/retention-settings";
import { createFsStorage, createS3Storage, type MediaStorage } from "@/lib/storage";
import { DEFAULT_INTERVIEW_FILTERS } from "@/lib/validations/interviews";
import { listJobKinds } from "@/lib/workers";
import { S3RVER_CREDENTIALS, startS3Server, type TestS3Server } from "../support/s3-server";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, server } = setupSeededSandbox();

const NOW = new Date("2026-12-01T03:00:00.000Z");
const DAY = 24 * 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
/** A word only the seeded transcripts say, to search for. */
const SECRET_WORD = "zanzibarquokka";

let admin: { id: string; email: string };
let roleIds: string[] = [];
let counter = 0;

beforeEach(async () => {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
  admin = { id: user.id, email: user.email };
  roleIds = (await prisma.role.findMany({ orderBy: { slug: "asc" }, select: { id: true } })).map((r) => r.id);
  counter = 0;
});

async function setRules(rules: { rejected?: number | null; hired?: number | null; anonymize?: number | null; nylasCopy?: boolean }) {
  const state = await saveRetentionSettings(admin, {
    deleteMediaDaysAfterRejection: rules.rejected ?? null,
    deleteMediaDaysAfterHire: rules.hired ?? null,
    anonymizeDaysAfterRejection: rules.anonymize ?? null,
    deleteNylasCopyWhenStored: rules.nylasCopy ?? false,
  });
  expect(state.status).toBe("success");
}

type Seeded = { candidateId: string; applicationId: string; interviewId: string; notetakerId: string; keys: string[]; name: string; email: string };

/** A candidate with one decided application, one recorded interview (files in `storage`), its transcript, evidence and cited feedback. */
async function seedCandidate(storage: MediaStorage, setup: { stage: ApplicationStage; decidedAt: Date | null; roleIndex?: number; candidateId?: string }): Promise<Seeded> {
  counter += 1;
  const name = `Dana Quellington ${counter}`;
  const email = `dana.quellington.${counter}@example.org`;
  const candidateId =
    setup.candidateId ?? (await prisma.candidate.create({ data: { name, email, emailRaw: email.toUpperCase(), linkedinUrl: "https://linkedin.example/dana", timezone: "Europe/Paris" } })).id;
  const roleId = roleIds[setup.roleIndex ?? 0]!;
  const application = await prisma.application.create({
    data: { candidateId, roleId, stage: setup.stage, decidedAt: setup.decidedAt, rejectionReason: setup.stage === "REJECTED" ? `${name} was vague` : null },
  });
  const notetakerId = `nt-retention-${counter}-${Date.now()}`;
  const interview = await prisma.interview.create({
    data: {
      bookingId: `booking-retention-${counter}-${Date.now()}`,
      applicationId: application.id,
      candidateId,
      title: `Interview with ${name}`,
      guestName: name,
      guestEmail: email,
      cancellationReason: `${name} asked to move it`,
      history: [{ kind: "rescheduled", at: NOW.toISOString(), reason: `${name} had a conflict` }],
      startsAt: daysAgo(200),
      endsAt: daysAgo(200),
      status: "COMPLETED",
      notetakerId,
      summaryText: `${name} talked about ${SECRET_WORD}.`,
      talkTime: { interviewerShare: 0.4 },
    },
  });
  const keys: string[] = [];
  for (const kind of ["RECORDING", "TRANSCRIPT"] as const) {
    const key = `interviews/${interview.id}/${kind.toLowerCase()}-${counter}.bin`;
    const stored = await storage.put(key, Readable.from([Buffer.from(`${kind} of ${name}`)]), { contentType: "application/octet-stream" });
    keys.push(key);
    const asset = await prisma.mediaAsset.create({
      data: { interviewId: interview.id, kind, source: "NOTETAKER", status: "STORED", notetakerId, storageKey: key, size: BigInt(stored.size), sha256: stored.sha256, storedAt: NOW },
    });
    if (kind === "TRANSCRIPT") {
      const lines = [0, 1, 2].map((position) => ({ position, speaker: name, text: `Line ${position}: I love ${SECRET_WORD} retries.` }));
      await prisma.transcriptSegment.createMany({ data: lines.map((line) => ({ ...line, interviewId: interview.id, assetId: asset.id })) });
      // As lib/media/parsed-content.ts stores a transcript: its lines and its search document.
      await writeSearchDocument(prisma, interview.id, asset.id, lines);
    }
  }
  await prisma.actionItem.create({ data: { interviewId: interview.id, position: 0, text: `Send ${name} the offer` } });
  const version = await prisma.scorecardVersion.create({ data: { roleId, version: 100 + counter, competencies: [], contentHash: `hash-${counter}` } });
  await prisma.interviewEvidence.create({
    data: { interviewId: interview.id, scorecardVersionId: version.id, competencies: [{ key: "reliability", evidence: [{ text: SECRET_WORD }] }], coveredCount: 1, inputHash: "x" },
  });
  const competencies = [{ key: "reliability", rating: "YES", notes: `${name} designs for failure`, citedMoments: [0, 2], droppedSuggestions: ["moment:1"] }];
  await prisma.feedback.create({
    data: {
      interviewId: interview.id,
      authorId: admin.id,
      applicationId: application.id,
      overallRecommendation: "YES",
      competencies,
      keyTakeaways: `${name} is strong`,
      draft: { competencies, keyTakeaways: `${name} draft`, overallRecommendation: "YES" },
      revision: 1,
      submittedAt: NOW,
      revisions: { create: { number: 1, content: { competencies, keyTakeaways: `${name} is strong`, overallRecommendation: "YES" } } },
    },
  });
  await prisma.auditLog.create({
    data: {
      actorId: admin.id,
      actorEmail: admin.email,
      entityType: "application",
      entityId: application.id,
      entityLabel: `${name} · Role`,
      action: "stage_changed",
      changes: [
        { field: "stage", label: "Stage", before: "INTERVIEWING", after: setup.stage },
        { field: "rejectionReason", label: "Rejection reason", before: null, after: `${name} was vague` },
      ],
    },
  });
  await prisma.webhookEvent.create({ data: { notificationId: `n-${counter}-${Date.now()}`, type: "booking.created", bookingId: interview.bookingId, payload: { guest: { name, email } } } });
  return { candidateId, applicationId: application.id, interviewId: interview.id, notetakerId, keys, name, email };
}

async function transcriptSearch(word: string): Promise<string[]> {
  const list = await listInterviews({ email: admin.email, role: "ADMIN" }, { ...DEFAULT_INTERVIEW_FILTERS, q: word }, { now: NOW });
  return list.rows.map((r) => r.id);
}

async function expectMediaGone(seeded: Seeded) {
  const where = { interviewId: seeded.interviewId };
  expect(await prisma.mediaAsset.count({ where })).toBe(0);
  expect(await prisma.transcriptSegment.count({ where })).toBe(0);
  expect(await prisma.interviewSearchDocument.count({ where })).toBe(0);
  expect(await prisma.actionItem.count({ where })).toBe(0);
  expect(await prisma.interviewEvidence.count({ where })).toBe(0);
  const interview = await prisma.interview.findUniqueOrThrow({ where: { id: seeded.interviewId } });
  expect(interview.summaryText).toBeNull();
  expect(interview.talkTime).toBeNull();
  expect(interview.mediaDeletedAt).not.toBeNull();
  const feedback = await prisma.feedback.findFirstOrThrow({ where, include: { revisions: true } });
  expect(JSON.stringify([feedback.competencies, feedback.draft, feedback.revisions.map((r) => r.content)])).not.toMatch(/citedMoments":\[\d|droppedSuggestions":\["/);
  expect(await transcriptSearch(SECRET_WORD)).not.toContain(seeded.interviewId);
}

/** Runs the queued deletions: the files with `storage`; Nylas's copy once each, against the sandbox. */
async function runDeletionJobs(storage: MediaStorage) {
  while ((await runDueJobs(storageDeleteJob, { deps: { storage } })) > 0);
  await runDueJobs(nylasNotetakerDeleteJob);
}

/** Nylas was asked to delete these notetakers (DELETE /v3/notetakers/{id}; no grant in these fixtures). */
function expectNylasAskedToDelete(notetakerIds: string[]) {
  const deletes = server.requests.filter((r) => r.method === "DELETE").map((r) => r.path);
  for (const id of notetakerIds) expect(deletes).toContain(`/v3/notetakers/${id}`);
}

async function expectNoPersonalData(seeded: Seeded) {
  const records = await prisma.deletionRecord.findMany();
  const text = JSON.stringify(records);
  expect(text).not.toContain(seeded.name);
  expect(text).not.toContain(seeded.email);
  expect(text).not.toContain("Quellington");
}

function describeRun(label: string, makeStorage: () => Promise<{ storage: MediaStorage; listKeys: () => Promise<string[]>; close: () => Promise<void> }>) {
  describe(`a retention run on ${label}`, () => {
    let env: Awaited<ReturnType<typeof makeStorage>>;
    beforeAll(async () => {
      env = await makeStorage();
    });
    afterAll(async () => {
      await env.close();
    });

    it("deletes due media (files, rows, search hits, citations), asks Nylas to delete its copy, keeps what is not due, and records counts only", async () => {
      await setRules({ rejected: 30, hired: 90 });
      const rejectedDue = await seedCandidate(env.storage, { stage: "REJECTED", decidedAt: daysAgo(31) });
      const hiredDue = await seedCandidate(env.storage, { stage: "HIRED", decidedAt: daysAgo(90) });
      const rejectedNotYet = await seedCandidate(env.storage, { stage: "REJECTED", decidedAt: daysAgo(29) });
      const open = await seedCandidate(env.storage, { stage: "INTERVIEWING", decidedAt: null });
      expect(await transcriptSearch(SECRET_WORD)).toHaveLength(4);

      const preview = await previewRetentionAt({ deleteMediaDaysAfterRejection: 30, deleteMediaDaysAfterHire: 90, anonymizeDaysAfterRejection: null }, NOW);
      expect(preview.interviews.map((i) => i.interviewId).sort()).toEqual([rejectedDue.interviewId, hiredDue.interviewId].sort());
      expect(preview.totals).toEqual({ interviews: 2, recordings: 2, transcripts: 2, candidates: 0 });
      expect(preview.interviews.find((i) => i.interviewId === hiredDue.interviewId)).toMatchObject({ rule: "media_after_hire", candidateName: hiredDue.name, recordings: 1, transcripts: 1 });

      const result = await runRetention(NOW);
      expect(result).toMatchObject({ interviews: 2, candidates: 0, files: 4, segments: 6 });
      await expectMediaGone(rejectedDue);
      await expectMediaGone(hiredDue);
      expect((await transcriptSearch(SECRET_WORD)).sort()).toEqual([rejectedNotYet.interviewId, open.interviewId].sort());

      // The files go with the storage jobs queued in the same transactions; Nylas's copy too.
      const queuedNylas = await prisma.job.findMany({ where: { kind: nylasNotetakerDeleteJob.name } });
      expect(queuedNylas.map((j) => (j.payload as { notetakerId: string }).notetakerId).sort()).toEqual([rejectedDue.notetakerId, hiredDue.notetakerId].sort());
      await runDeletionJobs(env.storage);
      expect(await prisma.job.count({ where: { kind: storageDeleteJob.name } })).toBe(0);
      expectNylasAskedToDelete([rejectedDue.notetakerId, hiredDue.notetakerId]);
      const left = await env.listKeys();
      for (const key of [...rejectedDue.keys, ...hiredDue.keys]) expect(left).not.toContain(key);
      for (const key of [...rejectedNotYet.keys, ...open.keys]) expect(left).toContain(key);

      const log = await listDeletionLog();
      expect(log.map((r) => [r.kind, r.subjectId, r.rule]).sort()).toEqual(
        [
          ["media", rejectedDue.interviewId, "media_after_rejection"],
          ["media", hiredDue.interviewId, "media_after_hire"],
        ].sort(),
      );
      expect(log[0]!.counts).toMatchObject({ files: 2, recordings: 1, transcripts: 1, segments: 3, searchDocuments: 1, actionItems: 1, evidence: 1, feedback: 1 });
      await expectNoPersonalData(rejectedDue);
      expect((await prisma.privacySettings.findUniqueOrThrow({ where: { id: 1 } })).lastRetentionRunAt).toEqual(NOW);

      // A second run finds nothing, records nothing.
      expect(await runRetention(NOW)).toMatchObject({ interviews: 0, candidates: 0 });
      expect(await prisma.deletionRecord.count()).toBe(2);
    });
  });
}

describeRun("the filesystem", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "retention-fs-"));
  const storage = createFsStorage({ dir });
  return {
    storage,
    listKeys: async () => {
      const keys: string[] = [];
      const walk = async (at: string, prefix: string): Promise<void> => {
        for (const entry of await readdir(at, { withFileTypes: true }).catch(() => [])) {
          if (entry.isDirectory()) await walk(path.join(at, entry.name), `${prefix}${entry.name}/`);
          else keys.push(`${prefix}${entry.name}`);
        }
      };
      await walk(dir, "");
      return keys;
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
});

describeRun("S3 (s3rver)", async () => {
  const server: TestS3Server = await startS3Server();
  const client = new S3Client({ region: "us-east-1", endpoint: server.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  const storage = createS3Storage({ bucket: server.bucket, region: "us-east-1", forcePathStyle: true, client });
  return {
    storage,
    listKeys: async () => ((await client.send(new ListObjectsV2Command({ Bucket: server.bucket }))).Contents ?? []).map((o) => o.Key!),
    close: async () => {
      client.destroy();
      await server.close();
    },
  };
});

describe("anonymisation", () => {
  let dir: string;
  let storage: MediaStorage;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "retention-anon-"));
    storage = createFsStorage({ dir });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("anonymises a rejected candidate once every application is due: name, email, free text, audit labels, stored notifications and media", async () => {
    await setRules({ anonymize: 60 });
    const due = await seedCandidate(storage, { stage: "REJECTED", decidedAt: daysAgo(60) });
    const blocked = await seedCandidate(storage, { stage: "REJECTED", decidedAt: daysAgo(100) });
    // The blocked candidate has another application still open: not anonymised yet.
    await seedCandidate(storage, { stage: "INTERVIEWING", decidedAt: null, roleIndex: 1, candidateId: blocked.candidateId });

    const preview = await previewRetentionAt({ deleteMediaDaysAfterRejection: null, deleteMediaDaysAfterHire: null, anonymizeDaysAfterRejection: 60 }, NOW);
    expect(preview.candidates).toEqual([{ candidateId: due.candidateId, candidateName: due.name, rule: "anonymize_after_rejection", applications: 1 }]);
    expect(preview.interviews.map((i) => i.interviewId)).toEqual([due.interviewId]);

    expect(await runRetention(NOW)).toMatchObject({ candidates: 1, interviews: 1 });
    const candidate = await prisma.candidate.findUniqueOrThrow({ where: { id: due.candidateId } });
    expect(candidate).toMatchObject({ name: "Anonymized candidate #1", email: "anonymized-1@invalid", emailRaw: "anonymized-1@invalid", linkedinUrl: null, timezone: null, anonymousNumber: 1 });
    const interview = await prisma.interview.findUniqueOrThrow({ where: { id: due.interviewId } });
    expect(interview).toMatchObject({ guestName: null, guestEmail: null, cancellationReason: null, title: null });
    expect(interview.history).toEqual([{ kind: "rescheduled", at: NOW.toISOString() }]);
    expect((await prisma.application.findUniqueOrThrow({ where: { id: due.applicationId } })).rejectionReason).toBeNull();
    const feedback = await prisma.feedback.findFirstOrThrow({ where: { interviewId: due.interviewId }, include: { revisions: true } });
    expect(feedback.keyTakeaways).toBe("");
    expect(JSON.stringify([feedback.competencies, feedback.draft, feedback.revisions])).not.toContain("Quellington");
    expect(feedback.overallRecommendation).toBe("YES");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: due.applicationId } });
    expect(audit.entityLabel).toBe("Anonymized candidate #1");
    expect(audit.changes).toEqual([
      { field: "stage", label: "Stage", before: "INTERVIEWING", after: "REJECTED" },
      { field: "rejectionReason", label: "Rejection reason", before: null, after: null },
    ]);
    expect(await prisma.webhookEvent.count({ where: { bookingId: interview.bookingId } })).toBe(0);
    await expectMediaGone(due);

    // The whole database holds nothing of theirs any more (bar the job queue's storage keys).
    const dump = JSON.stringify(
      await Promise.all([
        prisma.candidate.findMany(),
        prisma.interview.findMany(),
        prisma.feedback.findMany(),
        prisma.auditLog.findMany(),
        prisma.webhookEvent.findMany(),
        prisma.deletionRecord.findMany(),
      ]),
    );
    expect(dump).not.toContain(due.name);
    expect(dump).not.toContain(due.email);
    await expectNoPersonalData(due);

    // Still blocked: untouched.
    expect((await prisma.candidate.findUniqueOrThrow({ where: { id: blocked.candidateId } })).anonymizedAt).toBeNull();
    // Idempotent: the next one gets #2, the anonymised one stays #1.
    expect(await anonymizeCandidate(due.candidateId, { rule: "anonymize_after_rejection" })).toBeNull();
    expect((await anonymizeCandidate(blocked.candidateId, { actor: admin }))?.number).toBe(2);
  });

  it("numbers candidates anonymised at the same time one after the other", async () => {
    const seeded: Seeded[] = [];
    for (let i = 0; i < 4; i++) seeded.push(await seedCandidate(storage, { stage: "REJECTED", decidedAt: daysAgo(100) }));
    const numbers = await Promise.all(seeded.map((s) => anonymizeCandidate(s.candidateId, { rule: "anonymize_after_rejection" }).then((r) => r?.number)));
    expect([...numbers].sort()).toEqual([1, 2, 3, 4]);
  });
});

describe("retention rules and failures", () => {
  it("refuses negative, fractional, absurd and non-numeric days, field by field, and saves nothing", async () => {
    const state = await saveRetentionSettings(admin, {
      deleteMediaDaysAfterRejection: "-5",
      deleteMediaDaysAfterHire: "99999999",
      anonymizeDaysAfterRejection: "1e3",
      deleteNylasCopyWhenStored: false,
    });
    expect(state.status).toBe("error");
    if (state.status !== "error") return;
    expect(state.fieldErrors).toEqual({
      deleteMediaDaysAfterRejection: "The number of days cannot be negative.",
      deleteMediaDaysAfterHire: "At most 3650 days (10 years).",
      anonymizeDaysAfterRejection: "Enter a number of days, or leave it empty to turn the rule off.",
    });
    expect(await prisma.privacySettings.count()).toBe(0);
    expect((await saveRetentionSettings(admin, { deleteMediaDaysAfterRejection: "0", deleteNylasCopyWhenStored: "yes" })).status).toBe("error");
    expect(await prisma.auditLog.count({ where: { entityType: "privacy" } })).toBe(0);

    await setRules({ rejected: 30 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "privacy" } });
    expect(audit).toMatchObject({ actorEmail: admin.email, action: "updated" });
    expect(audit.changes).toEqual([{ field: "deleteMediaDaysAfterRejection", label: "Delete recordings and transcripts after rejection (days)", before: null, after: 30 }]);
  });

  it("is due at exactly N days after the decision (inclusive), by the same rule logic the run uses", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "retention-edge-"));
    const seeded = await seedCandidate(createFsStorage({ dir }), { stage: "REJECTED", decidedAt: daysAgo(30) });
    const rules = { deleteMediaDaysAfterRejection: 30, deleteMediaDaysAfterHire: null, anonymizeDaysAfterRejection: 30 };
    const before = await previewRetentionAt(rules, new Date(NOW.getTime() - 1));
    expect(before.totals).toEqual({ interviews: 0, recordings: 0, transcripts: 0, candidates: 0 });
    const at = await previewRetentionAt(rules, NOW);
    expect(at.interviews.map((i) => [i.interviewId, i.rule])).toEqual([[seeded.interviewId, "media_after_rejection"]]);
    expect(at.candidates.map((c) => [c.candidateId, c.rule])).toEqual([[seeded.candidateId, "anonymize_after_rejection"]]);
    // A page of one candidate at a time walks to the same answer.
    await seedCandidate(createFsStorage({ dir }), { stage: "HIRED", decidedAt: daysAgo(5) });
    await seedCandidate(createFsStorage({ dir }), { stage: "REJECTED", decidedAt: daysAgo(31) });
    const paged = await previewRetentionAt(rules, NOW, { pageSize: 1 });
    const whole = await previewRetentionAt(rules, NOW);
    const byId = <T extends { candidateId: string }>(rows: T[]) => [...rows].sort((a, b) => a.candidateId.localeCompare(b.candidateId));
    expect(byId(paged.interviews)).toEqual(byId(whole.interviews));
    expect(byId(paged.candidates)).toEqual(byId(whole.candidates));
    expect(whole.totals).toEqual({ interviews: 2, recordings: 2, transcripts: 2, candidates: 2 });
    await rm(dir, { recursive: true, force: true });
  });

  it("runs as the daily privacy.retention job, registered with the workers", async () => {
    expect(listJobKinds({ NYLAS_MODE: "sandbox" }).map((k) => k.name)).toContain("privacy.retention");
    expect(retentionJob.schedule).toBe("0 0 3 * * *");
    const dir = await mkdtemp(path.join(tmpdir(), "retention-job-"));
    await setRules({ hired: 10 });
    const seeded = await seedCandidate(createFsStorage({ dir }), { stage: "HIRED", decidedAt: new Date(Date.now() - 11 * DAY) });
    await enqueue(prisma, retentionJob, { scheduledFor: new Date().toISOString() });
    expect(await runDueJobs(retentionJob)).toBe(1);
    expect(await prisma.mediaAsset.count({ where: { interviewId: seeded.interviewId } })).toBe(0);
    expect((await prisma.privacySettings.findUniqueOrThrow({ where: { id: 1 } })).lastRetentionRunAt).not.toBeNull();
    await rm(dir, { recursive: true, force: true });
  });

  it("retries a storage delete that fails and shows it failed, then dead, on the job list — never skipped", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "retention-fail-"));
    const real = createFsStorage({ dir });
    const seeded = await seedCandidate(real, { stage: "REJECTED", decidedAt: daysAgo(40) });
    expect(await purgeInterviewMedia(seeded.interviewId, { rule: "media_after_rejection" }, { now: NOW })).not.toBeNull();
    const failing: MediaStorage = { ...real, kind: "fs", delete: () => Promise.reject(new Error("disk is read-only")) };
    let attempts = 0;
    for (; attempts < 10; attempts++) {
      if ((await runDueJobs(storageDeleteJob, { deps: { storage: failing }, retryBaseMs: 1 })) === 0) break;
      await prisma.job.updateMany({ where: { kind: storageDeleteJob.name, state: "QUEUED" }, data: { runAt: new Date() } });
    }
    const [failure] = await listJobFailures({ kind: storageDeleteJob.name });
    expect(failure).toMatchObject({ state: "DEAD", attempts: 6, lastError: "Could not delete a stored file: disk is read-only" });
    // Still there: the files wait for a person's Retry.
    for (const key of seeded.keys) expect(await real.stat(key)).not.toBeNull();
    await rm(dir, { recursive: true, force: true });
  });

  it("asks Nylas to delete its copy once every file of the notetaker is stored and verified, when the option is on — once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "retention-copy-"));
    const seeded = await seedCandidate(createFsStorage({ dir }), { stage: "HIRED", decidedAt: daysAgo(1) });
    const call = () => prisma.$transaction((tx) => deleteNylasCopyOnceStored(tx, { interviewId: seeded.interviewId, notetakerId: seeded.notetakerId, grantId: null }));
    await setRules({ nylasCopy: false });
    expect(await call()).toBe(false);
    await setRules({ nylasCopy: true });
    await prisma.mediaAsset.updateMany({ where: { interviewId: seeded.interviewId, kind: "RECORDING" }, data: { status: "DOWNLOADING", storedAt: null } });
    expect(await call()).toBe(false);
    await prisma.mediaAsset.updateMany({ where: { interviewId: seeded.interviewId, kind: "RECORDING" }, data: { status: "STORED", storedAt: NOW } });
    expect(await call()).toBe(true);
    expect(await call()).toBe(false);
    expect(await prisma.job.count({ where: { kind: nylasNotetakerDeleteJob.name } })).toBe(1);
    expect(await prisma.deletionRecord.findMany({ select: { kind: true, subjectId: true } })).toEqual([{ kind: "nylas_copy", subjectId: seeded.interviewId }]);
    await runDueJobs(nylasNotetakerDeleteJob);
    expectNylasAskedToDelete([seeded.notetakerId]);
    await rm(dir, { recursive: true, force: true });
  });
});
