/**
 * Scorecards per role (issue 15, DESIGN "Scorecards and feedback"), on real Postgres with the
 * sandbox served over HTTP and reached through the `nylas` SDK:
 * - a role save versions its scorecard only when the content changes, audits it, and syncs the
 *   role's configuration, whose summary instructions then carry the competencies;
 * - an interview keeps the version it was booked with; a booking after an edit gets the new one;
 * - the evidence job runs after the Notetaker's files are downloaded and after an upload (again
 *   when an upload replaces the transcript), skips an unchanged input, and measures talk time;
 * - the debrief's read (getDebriefScorecard) shows the interview's own version and evidence, only to those who may see it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { processBooking } from "@/lib/interviews/process-booking";
import { enqueue, runDueJobs } from "@/lib/jobs";
import { mediaDownloadJob } from "@/lib/media/jobs";
import { recordUpload } from "@/lib/media/upload";
import { storeUploadedTranscript } from "@/lib/media/upload-files";
import { configurationSyncJob } from "@/lib/nylas/sync-configurations";
import type { CompetencyEvidence } from "@/lib/scorecards/evidence";
import { interviewAnalysisJob } from "@/lib/scorecards/jobs";
import { getDebriefScorecard } from "@/lib/feedback/debrief";
import type { TScorecard } from "@/lib/scorecards/scorecard";
import { SCORECARD_MARKER, stripScorecardSection } from "@/lib/scorecards/summary-instructions";
import type { TalkTime } from "@/lib/scorecards/talk-time";
import { getCurrentScorecard } from "@/lib/scorecards/versions";
import { webhookDeliveryJob } from "@/lib/sandbox/webhook-dispatcher";
import { listAuditLog } from "@/lib/settings/audit";
import { getRoleForEdit, saveRole, setRolePublished } from "@/lib/settings/roles";
import { createFsStorage, type MediaStorage } from "@/lib/storage";
import { webhookProcessingJob } from "@/lib/webhooks/jobs";
import { demoPanels } from "@/prisma/demo-fixture";
import { bookFirstSlot, DANA, runNotetaker } from "../support/notetaker-sandbox";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma, server, configurationOf } = setupSeededSandbox({ server: { webhookRoute: true }, syncConfigurations: true, webhookSubscription: true });
const ENGINEERING = demoPanels.find((p) => p.name === "Engineering panel")!;
const RECRUITER = { id: "00000000-0000-4000-8000-0000000000aa", email: "recruiter@example.com", role: "RECRUITER" as const };

let admin: { id: string; email: string };
let roleId = "";
let mediaDir = "";
let storage: MediaStorage;

beforeEach(async () => {
  admin = await prisma.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true } });
  roleId = (await prisma.role.findUniqueOrThrow({ where: { slug: "backend-engineer" }, select: { id: true } })).id;
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "scorecards-media-"));
  storage = createFsStorage({ dir: mediaDir });
});
afterEach(async () => {
  await rm(mediaDir, { recursive: true, force: true });
});

// ───────────────────────────── helpers ─────────────────────────────

/** The role's edit view, as the page loads it. */
async function editView() {
  return (await getRoleForEdit(roleId))!;
}

/** Saves the role as the form would, with `scorecard` in place of the current one. */
async function saveScorecard(scorecard: unknown) {
  const view = await editView();
  return saveRole(admin, roleId, { ...view.input, scorecard }, view.updatedAt);
}

const versionsOf = (id = roleId) => prisma.scorecardVersion.findMany({ where: { roleId: id }, orderBy: { version: "asc" } });

const MENTORING_UPDATE = { key: "mentoring", name: "Mentoring and code review", good: "Raises the people around them.", cues: ["mentoring", "onboarded", "junior engineers"] };
const ON_CALL = { name: "On-call leadership", good: "Makes on-call boring.", cues: ["pages a week", "on-call"] };

async function withAddedCompetency(): Promise<TScorecard> {
  const current = (await getCurrentScorecard(prisma, roleId))!;
  return { competencies: [...current.competencies, { key: "", ...ON_CALL }] };
}

/** Runs the role syncs until none is due. */
async function drainSyncs() {
  for (let i = 0; i < 20; i++) if ((await runDueJobs(configurationSyncJob, { limit: 50 })) === 0) return;
}

/** The summary instructions the sandbox stores for the role's configuration (read over HTTP, as Nylas answers). */
async function storedSummaryInstructions(): Promise<string> {
  const row = await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId } });
  const res = await fetch(`${server.origin}/v3/grants/${row.grantId}/scheduling/configurations/${row.configurationId}`, { headers: { authorization: `Bearer ${getEnv().nylasApiKey}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { scheduler: { notetaker_settings: { meeting_settings: { summary_settings: { custom_instructions: string } } } } } };
  return body.data.scheduler.notetaker_settings.meeting_settings.summary_settings.custom_instructions;
}

/** Sandbox deliveries into the real webhook route, then the inbox worker, until nothing moves. */
async function pump(): Promise<void> {
  for (let round = 0; round < 30; round++) {
    const sent = await runDueJobs(webhookDeliveryJob);
    const processed = await runDueJobs(webhookProcessingJob);
    if (!sent && !processed) return;
  }
  throw new Error("the pipeline did not settle");
}

/** Books the backend role through the SDK and processes the booking. */
async function book(guest = DANA) {
  const { booking } = await bookFirstSlot(configurationOf["backend-engineer"]!, guest);
  await pump();
  const interview = await prisma.interview.findUniqueOrThrow({ where: { bookingId: booking.bookingId } });
  return { bookingId: booking.bookingId, host: booking.organizer as { name: string; email: string }, interview };
}

/** Runs the interview's Notetaker and downloads every file into storage. */
async function runAndDownload(notetakerId: string) {
  expect((await runNotetaker(server.origin, notetakerId)).status).toBe(200);
  await pump();
  for (let i = 0; i < 20; i++) if ((await runDueJobs(mediaDownloadJob, { deps: { storage } })) === 0) break;
}

const analysisJobs = (interviewId: string) => prisma.job.findMany({ where: { kind: interviewAnalysisJob.name, dedupKey: interviewId } });
const runAnalysis = () => runDueJobs(interviewAnalysisJob);
const evidenceOf = (interviewId: string) => prisma.interviewEvidence.findUnique({ where: { interviewId } });
const coverage = (competencies: unknown) => Object.fromEntries((competencies as CompetencyEvidence[]).map((c) => [c.key, c.covered]));

/** Uploads a WebVTT transcript as a recruiter would (stored, parsed, recorded). */
async function uploadTranscript(interviewId: string, cues: Array<[speaker: string, text: string]>) {
  const vtt = ["WEBVTT", "", ...cues.map(([speaker, text], i) => `00:00:${String(i * 5).padStart(2, "0")}.000 --> 00:00:${String(i * 5 + 4).padStart(2, "0")}.000\n<v ${speaker}>${text}`)].join(
    "\n\n",
  );
  const file = await storeUploadedTranscript(storage, interviewId, Readable.from([Buffer.from(vtt)]), "interview.vtt", "text/vtt");
  const recruiter = await prisma.user.findFirstOrThrow({ where: { role: "RECRUITER" }, select: { id: true } });
  await recordUpload({ interviewId, uploadedById: recruiter.id, files: [file] }, storage);
}

// ───────────────────────────── versions ─────────────────────────────

describe("saving a role's scorecard", () => {
  it("starts the demo role at version 1, and adds no version for a save that changes nothing", async () => {
    const view = await editView();
    expect(view.scorecardVersion).toMatchObject({ version: 1, createdByEmail: null });
    expect(view.input.scorecard?.competencies.map((c) => c.key)).toEqual(["system-design", "reliability", "data-modelling", "operations", "mentoring"]);

    // Re-sent as the form sends it: untrimmed, a blank and a duplicate cue, keys as loaded.
    const sent = { competencies: view.input.scorecard!.competencies.map((c) => ({ ...c, name: ` ${c.name} `, cues: [...c.cues, "", c.cues[0]!.toUpperCase()] })) };
    const state = await saveScorecard(sent);
    expect(state).toMatchObject({ status: "success", message: "No changes to save." });
    expect(await versionsOf()).toHaveLength(1);
    expect((await listAuditLog({ entityType: "role", entityId: roleId, page: 1 })).total).toBe(0);
  });

  it("adds version 2 for an edit, audits it and syncs the configuration, whose summary instructions carry the competencies", async () => {
    const state = await saveScorecard(await withAddedCompetency());
    expect(state).toMatchObject({ status: "success", message: "Saved. New bookings use scorecard version 2. Syncing with Nylas…" });

    const versions = await versionsOf();
    expect(versions.map((v) => [v.version, v.createdById])).toEqual([
      [1, null],
      [2, admin.id],
    ]);
    expect(versions[1]!.contentHash).not.toBe(versions[0]!.contentHash);
    const stored = versions[1]!.competencies as TScorecard["competencies"];
    // A new competency's key comes from its name, once.
    expect(stored.at(-1)).toEqual({ key: "on-call-leadership", ...ON_CALL });
    expect((await editView()).scorecardVersion).toMatchObject({ version: 2, createdByEmail: admin.email });

    // Audited in the role's entry: the list of names, the new competency, and the version.
    const { rows } = await listAuditLog({ entityType: "role", entityId: roleId, page: 1 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "updated", actorEmail: admin.email, entityLabel: "Backend Engineer" });
    const fields = Object.fromEntries(rows[0]!.changes.map((c) => [c.field, c]));
    expect(Object.keys(fields).sort()).toEqual(["scorecard", "scorecard.on-call-leadership", "scorecardVersion"]);
    expect(fields.scorecard!.after).toEqual([...(versions[0]!.competencies as { name: string }[]).map((c) => c.name), "On-call leadership"]);
    expect(fields["scorecard.on-call-leadership"]).toMatchObject({
      label: "Competency: On-call leadership",
      before: null,
      after: "On-call leadership\nWhat good looks like: Makes on-call boring.\nListen for: pages a week; on-call",
    });
    expect(fields.scorecardVersion).toMatchObject({ label: "Scorecard version", before: 1, after: 2 });

    // The save queued the role's sync; once it ran, Nylas holds the competencies in the instructions.
    expect((await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId } })).syncStatus).toBe("PENDING");
    await drainSyncs();
    expect((await prisma.roleConfiguration.findFirstOrThrow({ where: { roleId } })).syncStatus).toBe("SYNCED");
    const instructions = await storedSummaryInstructions();
    expect(stripScorecardSection(instructions)).toBe(ENGINEERING.summaryInstructions);
    expect(instructions).toContain(SCORECARD_MARKER);
    expect(instructions).toContain("### On-call leadership\nWhat good looks like: Makes on-call boring.\nListen for: pages a week; on-call");
    expect(instructions).toContain("### System design");
  });

  it("records an edit of one competency under its key, so a rename reads as a change of that competency", async () => {
    const current = (await getCurrentScorecard(prisma, roleId))!;
    const edited = { competencies: current.competencies.map((c) => (c.key === "mentoring" ? MENTORING_UPDATE : c)) };
    expect(await saveScorecard(edited)).toMatchObject({ status: "success" });
    const { rows } = await listAuditLog({ entityType: "role", entityId: roleId, page: 1 });
    const fields = Object.fromEntries(rows[0]!.changes.map((c) => [c.field, c]));
    expect(Object.keys(fields).sort()).toEqual(["scorecard.mentoring", "scorecardVersion"]);
    expect(String(fields["scorecard.mentoring"]!.after)).toContain("Listen for: mentoring; onboarded; junior engineers");
  });

  it("refuses an invalid scorecard with each error at its field, and writes nothing", async () => {
    const current = (await getCurrentScorecard(prisma, roleId))!;
    const state = await saveScorecard({ competencies: [...current.competencies, { name: "System design", good: "", cues: ["x"] }] });
    expect(state).toMatchObject({ status: "error", message: "Some fields need attention." });
    expect(state.status === "error" && state.fieldErrors).toEqual({
      "scorecard.competencies.5.name": "Already on this scorecard (competency 1).",
      "scorecard.competencies.5.cues.0": "A cue must be at least 2 characters.",
    });
    expect(await versionsOf()).toHaveLength(1);
    expect((await listAuditLog({ entityType: "role", entityId: roleId, page: 1 })).total).toBe(0);
  });

  it("removes the scorecard when every competency is removed (a version with none), and Nylas gets the panel's instructions alone", async () => {
    expect(await saveScorecard({ competencies: [] })).toMatchObject({ status: "success", message: "Saved. The scorecard was removed: new bookings have none. Syncing with Nylas…" });
    expect((await versionsOf()).map((v) => [v.version, (v.competencies as unknown[]).length])).toEqual([
      [1, 5],
      [2, 0],
    ]);
    expect(await getCurrentScorecard(prisma, roleId)).toBeNull();
    expect((await editView()).input.scorecard).toBeNull();
    await drainSyncs();
    expect(await storedSummaryInstructions()).toBe(ENGINEERING.summaryInstructions);
    // Saving "none" again changes nothing.
    expect(await saveScorecard(null)).toMatchObject({ status: "success", message: "No changes to save." });
  });

  it("keeps the scorecard when a role is published or unpublished from the list (no scorecard in the input)", async () => {
    expect(await setRolePublished(admin, roleId, false)).toMatchObject({ status: "success" });
    expect(await versionsOf()).toHaveLength(1);
    expect((await getCurrentScorecard(prisma, roleId))?.competencies).toHaveLength(5);
    const { rows } = await listAuditLog({ entityType: "role", entityId: roleId, page: 1 });
    expect(rows[0]!.changes.map((c) => c.field)).toEqual(["published"]);
  });

  it("gives a new role created with a scorecard its version 1, in the creation's audit entry", async () => {
    const view = await editView();
    const input = { ...view.input, title: "Staff Engineer", slug: "staff-engineer", published: false, scorecard: { competencies: [{ name: "Technical strategy", good: "", cues: ["roadmap"] }] } };
    const state = await saveRole(admin, null, input, null);
    expect(state).toMatchObject({ status: "success" });
    const id = state.status === "success" ? state.id : "";
    expect((await versionsOf(id)).map((v) => [v.version, v.competencies])).toEqual([[1, [{ key: "technical-strategy", name: "Technical strategy", good: "", cues: ["roadmap"] }]]]);
    const { rows } = await listAuditLog({ entityType: "role", entityId: id, page: 1 });
    expect(rows[0]!.action).toBe("created");
    expect(rows[0]!.changes.find((c) => c.field === "scorecardVersion")).toMatchObject({ before: null, after: 1 });

    // A role created without one has none, and no version.
    const bare = await saveRole(admin, null, { ...input, title: "Bare", slug: "bare", scorecard: null }, null);
    expect(await versionsOf(bare.status === "success" ? bare.id : "")).toEqual([]);
  });
});

// ───────────────────────────── bookings keep their version ─────────────────────────────

describe("an interview's scorecard version", () => {
  it("is the one its booking was made with: an edit afterwards leaves it there, and the next booking gets the new one", async () => {
    const [v1] = await versionsOf();
    const before = await book();
    expect(before.interview.scorecardVersionId).toBe(v1!.id);

    expect(await saveScorecard(await withAddedCompetency())).toMatchObject({ status: "success" });
    const v2 = (await versionsOf())[1]!;
    // Processed again (a late notification, a reschedule): still version 1.
    await processBooking(before.bookingId);
    expect((await prisma.interview.findUniqueOrThrow({ where: { id: before.interview.id } })).scorecardVersionId).toBe(v1!.id);

    const after = await book({ name: "Sam Lee", email: "sam.lee@example.org" });
    expect(after.interview.scorecardVersionId).toBe(v2.id);
  });

  it("is none for a booking made while the role has no scorecard", async () => {
    await saveScorecard({ competencies: [] });
    const { interview } = await book();
    expect(interview.scorecardVersionId).toBeNull();
  });
});

// ───────────────────────────── the evidence job ─────────────────────────────

describe("the evidence job", () => {
  it("runs once the Notetaker's files are stored: evidence per competency, what nobody touched Not covered, and talk time", async () => {
    const { interview, host } = await book();
    expect(await analysisJobs(interview.id)).toEqual([]);
    await runAndDownload(interview.notetakerId!);
    // Queued by the downloads' own transactions (transcript, summary, action items: one job).
    expect((await analysisJobs(interview.id)).map((j) => j.state)).toEqual(["QUEUED"]);
    expect(await runAnalysis()).toBe(1);

    const evidence = (await evidenceOf(interview.id))!;
    expect(evidence.scorecardVersionId).toBe(interview.scorecardVersionId);
    expect(coverage(evidence.competencies)).toEqual({ "system-design": true, reliability: true, "data-modelling": true, operations: true, mentoring: false });
    expect(evidence.coveredCount).toBe(4);
    const moments = (evidence.competencies as CompetencyEvidence[]).flatMap((c) => c.evidence.filter((e) => e.kind === "moment"));
    // The candidate's words, never the interviewer's questions.
    expect(new Set(moments.map((m) => m.kind === "moment" && m.speaker))).toEqual(new Set([DANA.name]));
    const segment = await prisma.transcriptSegment.findFirstOrThrow({ where: { interviewId: interview.id, text: { contains: "exponential backoff" } } });
    expect(moments).toContainEqual(expect.objectContaining({ kind: "moment", segmentPosition: segment.position, startMs: segment.startMs, cue: "exponential backoff" }));

    // Talk time: the host is the interviewer speaker.
    const talk = (await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).talkTime as TalkTime;
    expect(talk.basis).toBe("time");
    expect(talk.speakers.map((s) => s.speaker).sort()).toEqual([DANA.name, host.name].sort());
    expect(talk.interviewerShare).toBeGreaterThan(0.2);
    expect(talk.interviewerShare).toBeLessThan(0.6);
    expect(talk.questionsAsked).toBeGreaterThan(3);

    // Run again on the same input: nothing is rewritten.
    expect(await runAnalysis()).toBe(0);
    await enqueue(prisma, interviewAnalysisJob, { interviewId: interview.id });
    expect(await runAnalysis()).toBe(1);
    expect((await evidenceOf(interview.id))!.computedAt).toEqual(evidence.computedAt);
  });

  it("runs after an upload, and again when an upload replaces the transcript", async () => {
    const { interview, host } = await book();
    await uploadTranscript(interview.id, [
      [host.name, "How did you handle retries?"],
      [DANA.name, "We retried with exponential backoff, and a unique index made duplicates harmless."],
    ]);
    expect((await analysisJobs(interview.id)).map((j) => j.state)).toEqual(["QUEUED"]);
    await runAnalysis();
    const first = (await evidenceOf(interview.id))!;
    expect(coverage(first.competencies)).toMatchObject({ reliability: true, "data-modelling": true, mentoring: false, operations: false });
    expect(((await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).talkTime as TalkTime).questionsAsked).toBe(1);

    await uploadTranscript(interview.id, [
      [host.name, "Tell me about mentoring."],
      [DANA.name, "I onboarded two junior engineers and did a lot of code review with them."],
    ]);
    await runAnalysis();
    const second = (await evidenceOf(interview.id))!;
    expect(second.inputHash).not.toBe(first.inputHash);
    expect(coverage(second.competencies)).toMatchObject({ reliability: false, "data-modelling": false, mentoring: true });
    expect(second.computedAt.getTime()).toBeGreaterThanOrEqual(first.computedAt.getTime());
  });

  it("measures talk time only for an interview without a scorecard", async () => {
    await saveScorecard({ competencies: [] });
    const { interview, host } = await book();
    await uploadTranscript(interview.id, [
      [host.name, "What did you build?"],
      [DANA.name, "A shipment event pipeline."],
    ]);
    await runAnalysis();
    expect(await evidenceOf(interview.id)).toBeNull();
    expect(((await prisma.interview.findUniqueOrThrow({ where: { id: interview.id } })).talkTime as TalkTime).speakers).toHaveLength(2);
    expect(await getDebriefScorecard(RECRUITER, interview.id)).toMatchObject({ scorecard: null, talkTime: { basis: "time" } });
  });
});

// ───────────────────────────── reading it ─────────────────────────────

describe("the debrief's read of it (getDebriefScorecard)", () => {
  it("shows the interview's own version and its evidence, Not covered ones too, to those who may see the interview", async () => {
    const { interview, host } = await book();
    // Before any transcript: the version's competencies, nothing to map yet.
    const pending = (await getDebriefScorecard(RECRUITER, interview.id))!;
    expect(pending.scorecard).toMatchObject({ version: 1 });
    expect(pending.scorecard!.competencies.map((c) => c.key)).toEqual(["system-design", "reliability", "data-modelling", "operations", "mentoring"]);
    expect(pending.evidence).toEqual({ status: "waiting" });

    await uploadTranscript(interview.id, [[DANA.name, "We retried with exponential backoff."]]);
    expect((await getDebriefScorecard(RECRUITER, interview.id))!.evidence).toEqual({ status: "mapping" });
    await runAnalysis();
    // A later edit of the role does not change what this interview is scored against.
    await saveScorecard(await withAddedCompetency());
    const view = (await getDebriefScorecard(RECRUITER, interview.id))!;
    expect(view.scorecard!.competencies.map((c) => c.key)).toEqual(["system-design", "reliability", "data-modelling", "operations", "mentoring"]);
    if (view.evidence.status !== "ready") throw new Error(`evidence ${view.evidence.status}`);
    expect(view.evidence.competencies.map((c) => [c.key, c.covered])).toEqual([
      ["system-design", false],
      ["reliability", true],
      ["data-modelling", false],
      ["operations", false],
      ["mentoring", false],
    ]);
    expect(view.evidence.competencies.find((c) => c.key === "reliability")).toMatchObject({
      name: "Reliability and failure handling",
      evidence: [expect.objectContaining({ cue: "exponential backoff" })],
    });
    expect(view.talkTime?.speakers.map((s) => s.speaker)).toEqual([DANA.name]);

    // The interviewer who ran it sees it; another interviewer, a malformed id or an unknown one: nothing.
    const hostUser = await prisma.user.findUniqueOrThrow({ where: { email: host.email }, select: { id: true } });
    expect(await getDebriefScorecard({ id: hostUser.id, email: host.email, role: "INTERVIEWER" }, interview.id)).not.toBeNull();
    const other = ["sarah.kim@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example"].find((e) => e !== host.email)!;
    expect(await getDebriefScorecard({ id: hostUser.id, email: other, role: "INTERVIEWER" }, interview.id)).toBeNull();
    expect(await getDebriefScorecard(RECRUITER, "not-an-id")).toBeNull();
    expect(await getDebriefScorecard(RECRUITER, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
