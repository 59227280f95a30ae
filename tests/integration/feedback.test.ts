/**
 * An interviewer's feedback on an interview they ran (lib/feedback/store.ts), its read on the
 * debrief (lib/feedback/debrief.ts) and talk-time averages for /settings/load
 * (lib/load/talk-time.ts), on real Postgres with the demo seeded. The interviews carry a real
 * sandbox transcript, with the evidence and talk time the pure mappers make of it (what the
 * evidence job stores).
 *
 * Holes these close: feedback on an interview you did not run, by a recruiter or admin, on a
 * cancelled or not yet started interview; a rating of another role's competency; citing a moment
 * of another transcript; a second submission racing the first (one wins, the other writes
 * nothing); a draft landing over a submission it never saw; recruiters reading drafts.
 */
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { getDebriefScorecard } from "@/lib/feedback/debrief";
import { saveDraft, submitFeedback, type FeedbackAuthor } from "@/lib/feedback/store";
import { suggestionId } from "@/lib/feedback/stored";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewStatus } from "@/lib/generated/prisma/enums";
import { listTalkTimeAverages, talkTimeAveragesSql } from "@/lib/load/talk-time";
import { mapEvidence, type CompetencyEvidence } from "@/lib/scorecards/evidence";
import type { TCompetency } from "@/lib/scorecards/scorecard";
import { averageTalkTime, talkTime, type TalkTime } from "@/lib/scorecards/talk-time";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const { prisma } = setupSeededSandbox({ server: false });

const SARAH = "sarah.kim@northwind.example";
const MARCUS = "marcus.johnson@northwind.example";

/** The backend engineer's scorecard: the sample transcript touches the first two and not the third. */
const BACKEND_SCORECARD: TCompetency[] = [
  { key: "reliability", name: "Reliability", good: "Designs for failure.", cues: ["retries", "exponential backoff", "dead state"] },
  { key: "communication", name: "Communication", good: "Explains trade-offs clearly.", cues: ["design document", "trade-off"] },
  { key: "frontend", name: "Frontend craft", good: "Builds accessible UI.", cues: ["css grid", "screen reader"] },
];
const DESIGNER_SCORECARD: TCompetency[] = [{ key: "visual-design", name: "Visual design", good: "Strong visual hierarchy.", cues: ["typography"] }];

type SampleSegment = { speaker: string; start: number; end: number; text: string };
const SAMPLE = JSON.parse(readFileSync(path.join(process.cwd(), "lib/sandbox/samples/backend-engineer/transcript.json"), "utf8")) as { segments: SampleSegment[] };

const viewers: Record<"sarah" | "marcus" | "recruiter" | "admin", FeedbackAuthor> = {} as never;
let backendRoleId = "";
let designerRoleId = "";

async function viewer(email: string): Promise<FeedbackAuthor> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  return { id: user.id, email: user.email, role: user.role };
}

async function scorecardVersion(roleId: string, competencies: TCompetency[]): Promise<string> {
  const latest = await prisma.scorecardVersion.findFirst({ where: { roleId }, orderBy: { version: "desc" }, select: { version: true } });
  const contentHash = createHash("sha256").update(JSON.stringify(competencies)).digest("hex");
  const row = await prisma.scorecardVersion.create({ data: { roleId, version: (latest?.version ?? 0) + 1, competencies, contentHash } });
  return row.id;
}

type InterviewSetup = {
  host?: string;
  roleId?: string;
  status?: InterviewStatus;
  startsAt?: Date;
  scorecard?: TCompetency[] | null;
  /** Store the sample transcript (default true). */
  transcript?: boolean;
  /** Store the evidence and talk time the evidence job would (default true; needs the transcript). */
  evidence?: boolean;
  replaces?: string;
};

/** An interview of a new candidate, run by `host`, with the sample transcript, its evidence and talk time. */
async function interview(setup: InterviewSetup = {}) {
  const hostEmail = setup.host ?? SARAH;
  const host = await prisma.interviewer.findUniqueOrThrow({ where: { email: hostEmail } });
  const roleId = setup.roleId ?? backendRoleId;
  const candidate = await prisma.candidate.create({ data: { email: `${randomUUID()}@example.org`, emailRaw: "x@example.org", name: "Dana Chen" } });
  const application = await prisma.application.create({ data: { candidateId: candidate.id, roleId } });
  const competencies = setup.scorecard === undefined ? BACKEND_SCORECARD : setup.scorecard;
  const versionId = competencies ? await scorecardVersion(roleId, competencies) : null;
  const startsAt = setup.startsAt ?? new Date(Date.now() - 2 * 3_600_000);
  const status = setup.status ?? "COMPLETED";
  const row = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      applicationId: application.id,
      candidateId: candidate.id,
      interviewerId: host.id,
      interviewerEmail: host.email,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 45 * 60_000),
      status,
      completedAt: status === "COMPLETED" ? new Date() : null,
      cancelledAt: status === "CANCELLED" ? new Date() : null,
      scorecardVersionId: versionId,
      replacesInterviewId: setup.replaces ?? null,
    },
  });
  let evidence: CompetencyEvidence[] = [];
  let talk: TalkTime | null = null;
  if (setup.transcript ?? true) {
    const asset = await prisma.mediaAsset.create({ data: { interviewId: row.id, kind: "TRANSCRIPT", source: "NOTETAKER", status: "STORED", storedAt: new Date() } });
    const speakerName = (s: string) => (s === "interviewer" ? host.name : "Dana Chen");
    const segments = SAMPLE.segments.map((s, position) => ({ position, speaker: speakerName(s.speaker), startMs: s.start, endMs: s.end, text: s.text }));
    await prisma.transcriptSegment.createMany({ data: segments.map((s) => ({ ...s, interviewId: row.id, assetId: asset.id })) });
    if ((setup.evidence ?? true) && competencies && versionId) {
      evidence = mapEvidence({ scorecard: { competencies }, segments, summary: null, actionItems: [], ignoreSpeakers: [host.name] });
      talk = talkTime(segments, { interviewerSpeakers: [host.name] });
      await prisma.interviewEvidence.create({
        data: { interviewId: row.id, scorecardVersionId: versionId, competencies: evidence, coveredCount: evidence.filter((c) => c.covered).length, inputHash: "test" },
      });
      await prisma.interview.update({ where: { id: row.id }, data: { talkTime: talk } });
    }
  }
  return { id: row.id, evidence, talk, interviewerId: host.id };
}

/** A complete submission for the backend scorecard, citing `moment` for reliability. */
function submission(overrides: { overall?: string; moment?: number; dropped?: string[]; takeaways?: string } = {}) {
  return {
    competencies: [
      {
        key: "reliability",
        rating: "STRONG_YES",
        notes: "Retries with backoff, then a dead state.",
        citedMoments: overrides.moment === undefined ? [] : [overrides.moment],
        droppedSuggestions: overrides.dropped ?? [],
      },
      { key: "communication", rating: "YES", notes: "" },
      { key: "frontend", rating: "NO", notes: "Not discussed." },
    ],
    overallRecommendation: overrides.overall ?? "YES",
    keyTakeaways: overrides.takeaways ?? "Solid backend engineer.",
  };
}

const feedbackRow = (interviewId: string, author: FeedbackAuthor) => prisma.feedback.findUnique({ where: { interviewId_authorId: { interviewId, authorId: author.id } } });
const revisionCount = () => prisma.feedbackRevision.count();

/** The AppError a call throws (fails the test when it throws something else, or nothing). */
async function appError(call: Promise<unknown>): Promise<AppError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeEach(async () => {
  viewers.sarah = await viewer(SARAH);
  viewers.marcus = await viewer(MARCUS);
  viewers.recruiter = await viewer("recruiter@example.com");
  viewers.admin = await viewer("admin@example.com");
  backendRoleId = (await prisma.role.findUniqueOrThrow({ where: { slug: "backend-engineer" } })).id;
  designerRoleId = (await prisma.role.findUniqueOrThrow({ where: { slug: "product-designer" } })).id;
});

describe("saveDraft", () => {
  it("creates the feedback row on the first save, keeps later edits, and the draft comes back on the debrief", async () => {
    const { id } = await interview();
    const first = await saveDraft(viewers.sarah, id, { competencies: [{ key: "reliability", rating: "YES" }] });
    expect(first).toMatchObject({ ok: true, revision: 0 });
    const second = await saveDraft(
      viewers.sarah,
      id,
      { competencies: [{ key: "reliability", rating: "STRONG_YES", notes: "Backoff and jitter.", citedMoments: [14] }], keyTakeaways: "Strong" },
      { basedOnRevision: 0 },
    );
    expect(second.ok).toBe(true);

    const row = await feedbackRow(id, viewers.sarah);
    expect(row).toMatchObject({ revision: 0, submittedAt: null, overallRecommendation: null });
    expect(row?.draftSavedAt).toBeInstanceOf(Date);
    const debrief = await getDebriefScorecard(viewers.sarah, id);
    expect(debrief?.own?.draft).toEqual({
      competencies: [{ key: "reliability", rating: "STRONG_YES", notes: "Backoff and jitter.", citedMoments: [14], droppedSuggestions: [] }],
      keyTakeaways: "Strong",
    });
    expect(debrief?.own?.submitted).toBeNull();
    // Recruiters never read drafts.
    expect((await getDebriefScorecard(viewers.recruiter, id))?.submitted).toEqual([]);
  });

  it("refuses a draft that cites a moment of no transcript line, or drops something that was never suggested", async () => {
    const { id } = await interview();
    const moment = await saveDraft(viewers.sarah, id, { competencies: [{ key: "reliability", citedMoments: [SAMPLE.segments.length + 5] }] });
    expect(moment).toEqual({ ok: false, fieldErrors: { "competencies.reliability.citedMoments": "That is not a moment of this interview's transcript." } });
    const dropped = await saveDraft(viewers.sarah, id, { competencies: [{ key: "frontend", droppedSuggestions: ["moment:1"] }] });
    expect(dropped).toEqual({ ok: false, fieldErrors: { "competencies.frontend.droppedSuggestions": "That is not a suggestion for this competency." } });
    const other = await saveDraft(viewers.sarah, id, { competencies: [{ key: "visual-design", rating: "YES" }] });
    expect(other).toEqual({ ok: false, fieldErrors: { "competencies.visual-design": "This competency is not on this interview's scorecard." } });
    expect(await feedbackRow(id, viewers.sarah)).toBeNull();
  });

  it("refuses (409) a draft based on a revision that a submission has since replaced, and keeps the submission", async () => {
    const { id } = await interview();
    expect((await submitFeedback(viewers.sarah, id, submission(), 0)).ok).toBe(true);
    const error = await appError(saveDraft(viewers.sarah, id, { keyTakeaways: "typed in a stale tab" }, { basedOnRevision: 0 }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/submitted meanwhile/);
    expect(await feedbackRow(id, viewers.sarah)).toMatchObject({ draft: null, revision: 1, keyTakeaways: "Solid backend engineer." });
  });
});

describe("submitFeedback", () => {
  it("submits, then an edit bumps the revision, marks it edited and keeps the history; the draft is cleared each time", async () => {
    const { id, evidence } = await interview();
    const reliability = evidence.find((c) => c.key === "reliability")!;
    expect(reliability.covered).toBe(true);
    const suggested = reliability.evidence[0]!;
    await saveDraft(viewers.sarah, id, { keyTakeaways: "draft" });

    const first = await submitFeedback(viewers.sarah, id, submission({ moment: 3, dropped: [suggestionId(suggested)] }), 0);
    expect(first).toMatchObject({ ok: true, revision: 1, editedAt: null });
    let row = await feedbackRow(id, viewers.sarah);
    expect(row).toMatchObject({ revision: 1, overallRecommendation: "YES", keyTakeaways: "Solid backend engineer.", draft: null, draftSavedAt: null, editedAt: null });
    expect(row?.submittedAt).toBeInstanceOf(Date);
    expect(row?.scorecardVersionId).toBeTruthy();
    const firstSubmittedAt = row!.submittedAt!;

    const later = new Date(Date.now() + 60_000);
    const edit = await submitFeedback(viewers.sarah, id, submission({ overall: "STRONG_YES", takeaways: "Hire: <b>strong</b> on reliability." }), 1, later);
    expect(edit).toMatchObject({ ok: true, revision: 2, editedAt: later });
    row = await feedbackRow(id, viewers.sarah);
    expect(row).toMatchObject({ revision: 2, overallRecommendation: "STRONG_YES", editedAt: later });
    expect(row?.submittedAt).toEqual(firstSubmittedAt);

    const revisions = await prisma.feedbackRevision.findMany({ where: { feedbackId: row!.id }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, (r.content as { overallRecommendation: string }).overallRecommendation])).toEqual([
      [1, "YES"],
      [2, "STRONG_YES"],
    ]);

    // The debrief: Sarah's own feedback with its history; recruiters and admins read the same, submitted.
    const own = (await getDebriefScorecard(viewers.sarah, id))!.own!;
    expect(own).toMatchObject({ revision: 2, draft: null, closedMessage: null });
    expect(own.submitted?.history.map((h) => h.overallRecommendation)).toEqual(["YES", "STRONG_YES"]);
    expect(own.submitted?.history[0]?.competencies[0]).toMatchObject({ key: "reliability", citedMoments: [3], droppedSuggestions: [suggestionId(suggested)] });
    for (const staff of [viewers.recruiter, viewers.admin]) {
      const seen = (await getDebriefScorecard(staff, id))!;
      expect(seen.own).toBeNull();
      expect(seen.submitted).toHaveLength(1);
      expect(seen.submitted[0]).toMatchObject({ author: { name: "Sarah Kim" }, overallRecommendation: "STRONG_YES", keyTakeaways: "Hire: <b>strong</b> on reliability.", revision: 2 });
    }

    // A draft typed after the submission stays Sarah's: recruiters keep reading the submitted feedback.
    await saveDraft(viewers.sarah, id, { ...submission(), overallRecommendation: "NO" }, { basedOnRevision: 2 });
    expect((await getDebriefScorecard(viewers.recruiter, id))!.submitted[0]?.overallRecommendation).toBe("STRONG_YES");
    expect((await getDebriefScorecard(viewers.sarah, id))!.own?.draft?.overallRecommendation).toBe("NO");
  });

  it("of two submissions racing from the same revision, one wins and the other gets a conflict with nothing written", async () => {
    const { id } = await interview();
    const outcomes = await Promise.allSettled([submitFeedback(viewers.sarah, id, submission({ overall: "YES" }), 0), submitFeedback(viewers.sarah, id, submission({ overall: "NO" }), 0)]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(AppError);
    expect((lost[0]!.reason as AppError).status).toBe(409);

    const winner = outcomes[0]!.status === "fulfilled" ? "YES" : "NO";
    expect(await feedbackRow(id, viewers.sarah)).toMatchObject({ revision: 1, overallRecommendation: winner });
    expect(await revisionCount()).toBe(1);

    // A late submission from revision 0 is the same conflict.
    const stale = await appError(submitFeedback(viewers.sarah, id, submission({ overall: "STRONG_NO" }), 0));
    expect(stale.status).toBe(409);
    expect(await feedbackRow(id, viewers.sarah)).toMatchObject({ revision: 1, overallRecommendation: winner });
    expect(await revisionCount()).toBe(1);
  });

  it("refuses a cancelled interview, and one that has not started yet, writing nothing", async () => {
    const cancelled = await interview({ status: "CANCELLED" });
    const error = await appError(submitFeedback(viewers.sarah, cancelled.id, submission(), 0));
    expect([error.status, error.message]).toEqual([409, "This interview was cancelled: it takes no feedback."]);
    expect((await appError(saveDraft(viewers.sarah, cancelled.id, {}))).status).toBe(409);

    const upcoming = await interview({ status: "SCHEDULED", startsAt: new Date(Date.now() + 86_400_000), transcript: false });
    expect((await appError(submitFeedback(viewers.sarah, upcoming.id, submission(), 0))).message).toBe("Feedback opens when the interview starts.");
    expect(await prisma.feedback.count()).toBe(0);
    expect((await getDebriefScorecard(viewers.sarah, upcoming.id))?.own?.closedMessage).toBe("Feedback opens when the interview starts.");

    // Started but not (yet) known to be completed: open.
    const started = await interview({ status: "SCHEDULED", startsAt: new Date(Date.now() - 60_000) });
    expect((await submitFeedback(viewers.sarah, started.id, submission(), 0)).ok).toBe(true);
  });

  it("refuses a competency of another role's scorecard, a rating outside the scale and a missing rating, as field errors", async () => {
    const { id } = await interview();
    await scorecardVersion(designerRoleId, DESIGNER_SCORECARD);
    const foreign = submission();
    foreign.competencies.push({ key: "visual-design", rating: "YES", notes: "" });
    expect(await submitFeedback(viewers.sarah, id, foreign, 0)).toEqual({ ok: false, fieldErrors: { "competencies.visual-design.rating": "This competency is not on this interview's scorecard." } });

    const offScale = submission();
    offScale.competencies[0]!.rating = "MAYBE";
    const result = await submitFeedback(viewers.sarah, id, offScale, 0);
    expect(result.ok).toBe(false);
    expect(Object.keys((result as { fieldErrors: object }).fieldErrors)).toEqual(["competencies.reliability.rating"]);

    const missing = submission();
    missing.competencies.pop();
    expect(await submitFeedback(viewers.sarah, id, { ...missing, overallRecommendation: undefined }, 0)).toEqual({
      ok: false,
      fieldErrors: { overallRecommendation: "Choose an overall recommendation.", "competencies.frontend.rating": "Rate this competency." },
    });
    expect(await prisma.feedback.count()).toBe(0);
    expect(await revisionCount()).toBe(0);
  });

  it("refuses an interview you did not run (403), an unknown one (404), and recruiters and admins (403)", async () => {
    const { id } = await interview();
    const notYours = await appError(submitFeedback(viewers.marcus, id, submission(), 0));
    expect([notYours.status, notYours.message]).toEqual([403, "You can give feedback only on interviews you ran."]);
    expect((await appError(saveDraft(viewers.marcus, id, {}))).status).toBe(403);
    expect((await appError(submitFeedback(viewers.sarah, randomUUID(), submission(), 0))).status).toBe(404);
    expect((await appError(submitFeedback(viewers.sarah, "not-an-id", submission(), 0))).status).toBe(404);
    for (const staff of [viewers.recruiter, viewers.admin]) {
      const error = await appError(submitFeedback(staff, id, submission(), 0));
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/^Only the interviewer who ran this interview/);
      expect((await appError(saveDraft(staff, id, {}))).status).toBe(403);
    }
    expect(await prisma.feedback.count()).toBe(0);
  });

  it("accepts a role without a scorecard with only the overall recommendation and take-aways", async () => {
    const { id } = await interview({ scorecard: null });
    expect(await submitFeedback(viewers.sarah, id, { overallRecommendation: "NO", keyTakeaways: "Not for this role." }, 0)).toMatchObject({ ok: true, revision: 1 });
    const debrief = await getDebriefScorecard(viewers.sarah, id);
    expect(debrief?.scorecard).toBeNull();
    expect(debrief?.own?.submitted).toMatchObject({ overallRecommendation: "NO", competencies: [] });
  });

  it("gives a rebooked interview no feedback of the interview it replaces", async () => {
    const original = await interview();
    expect((await submitFeedback(viewers.sarah, original.id, submission(), 0)).ok).toBe(true);
    const rebooked = await interview({ replaces: original.id, status: "SCHEDULED", startsAt: new Date(Date.now() - 60_000) });
    const own = (await getDebriefScorecard(viewers.sarah, rebooked.id))!.own!;
    expect(own).toMatchObject({ revision: 0, draft: null, submitted: null });
    expect(await prisma.feedback.count({ where: { interviewId: rebooked.id } })).toBe(0);
  });
});

describe("getDebriefScorecard", () => {
  it("shows the scorecard's evidence once mapped, 'mapping' while the transcript waits for it, 'waiting' before any transcript", async () => {
    const mapped = await interview();
    const ready = (await getDebriefScorecard(viewers.recruiter, mapped.id))!;
    expect(ready.scorecard?.competencies.map((c) => c.key)).toEqual(["reliability", "communication", "frontend"]);
    expect(ready.evidence.status).toBe("ready");
    const competencies = ready.evidence.status === "ready" ? ready.evidence.competencies : [];
    expect(competencies.map((c) => c.covered)).toEqual([true, true, false]);
    expect(competencies[0]?.evidence[0]).toMatchObject({ kind: "moment", speaker: "Dana Chen" });
    expect(ready.talkTime).toEqual(mapped.talk);
    expect(ready.talkTime?.speakers.map((s) => s.speaker).sort()).toEqual(["Dana Chen", "Sarah Kim"]);

    expect((await getDebriefScorecard(viewers.sarah, (await interview({ evidence: false })).id))?.evidence).toEqual({ status: "mapping" });
    const upcoming = await interview({ status: "SCHEDULED", startsAt: new Date(Date.now() + 3_600_000), transcript: false });
    expect((await getDebriefScorecard(viewers.sarah, upcoming.id))?.evidence).toEqual({ status: "waiting" });
    // Not Marcus's to see.
    expect(await getDebriefScorecard(viewers.marcus, mapped.id)).toBeNull();
  });
});

describe("listTalkTimeAverages", () => {
  it("averages each interviewer's completed interviews in the window exactly as averageTalkTime does", async () => {
    const sarahOne = await interview();
    const sarahTwo = await interview();
    const marcus = await interview({ host: MARCUS });
    // A plain-text transcript: shares by words, no longest monologue; it counts for share and questions only.
    const words: TalkTime = {
      basis: "words",
      speakers: [{ speaker: "Sarah Kim", ms: null, words: 10, share: 0.25 }],
      interviewerShare: 0.25,
      longestMonologue: null,
      questionsAsked: 7,
      totalMs: null,
    };
    const sarahWords = await interview({ evidence: false });
    await prisma.interview.update({ where: { id: sarahWords.id }, data: { talkTime: words } });
    // Not counted: cancelled, not completed, older than the window.
    for (const setup of [{ status: "CANCELLED" as const }, { status: "SCHEDULED" as const }, { startsAt: new Date(Date.now() - 200 * 86_400_000) }]) {
      const other = await interview(setup);
      await prisma.interview.update({ where: { id: other.id }, data: { talkTime: { ...words, interviewerShare: 0.99, questionsAsked: 99 } } });
    }

    const averages = await listTalkTimeAverages();
    const expected = averageTalkTime([
      { interviewerId: sarahOne.interviewerId, talkTime: sarahOne.talk! },
      { interviewerId: sarahTwo.interviewerId, talkTime: sarahTwo.talk! },
      { interviewerId: sarahWords.interviewerId, talkTime: words },
      { interviewerId: marcus.interviewerId, talkTime: marcus.talk! },
    ]);
    expect(averages.map(({ name: _name, ...figures }) => figures).sort((a, b) => (a.interviewerId < b.interviewerId ? -1 : 1))).toEqual(
      expected.map((e) => ({
        ...e,
        interviewerShare: expect.closeTo(e.interviewerShare!, 9),
        questionsAsked: expect.closeTo(e.questionsAsked, 9),
        longestMonologueMs: expect.closeTo(e.longestMonologueMs!, 6),
      })),
    );
    expect(averages.map((a) => [a.name, a.interviews])).toEqual([
      ["Marcus Johnson", 1],
      ["Sarah Kim", 3],
    ]);
  });

  it("reads the figures index-only from the partial index that carries them (the JSON of 25,000 interviews costs ~75 ms at 300,000)", async () => {
    await interview();
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interviews");
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${talkTimeAveragesSql(new Date(Date.now() - 90 * 86_400_000))}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Only Scan using interviews_talk_time_figures_idx on interviews/);
  });
});
