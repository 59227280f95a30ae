/**
 * Everyone's feedback on the candidate page and the decision, on real Postgres (issue 15):
 * - "Blind until you submit" in the reads (lib/feedback/queries.ts): an interviewer who has not
 *   submitted their own feedback sees none of their colleagues'; drafts are never shown to anyone
 *   else; recruiters and admins see everything submitted. The grid is built from what the viewer
 *   may see, with evidence counts from the interviews' InterviewEvidence.
 * - An interviewer's own due feedback, overdue first.
 * - The decision (lib/feedback/decide.ts): Rejected without a reason, an interviewer, and a stale
 *   or racing decision are refused with nothing written; a decision is audited (before / after).
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decideApplication, listDecisions } from "@/lib/feedback/decide";
import { getCandidateFeedback, listOwnDueFeedback, listVisibleFeedback, ownDueFeedbackCountSql, type FeedbackReader } from "@/lib/feedback/queries";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewStatus, UserRole } from "@/lib/generated/prisma/enums";
import { seedDemo } from "@/lib/seed/seed-demo";
import { demoInterviewers } from "@/prisma/demo-fixture";
import { listAuditLog } from "@/lib/settings/audit";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });

/** Feedback is read (and due) at this instant; `at(-2)` is two hours before. */
const NOW = new Date("2026-03-10T12:00:00.000Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

// The demo panel's interviewers, in the fixture's order; each gets a user account.
const [SARAH, MARCUS, PRIYA, LENA] = demoInterviewers.map((i) => i.email) as [string, string, string, string];

let users: Record<string, FeedbackReader> = {};
let interviewerIds: Record<string, string> = {};
let roleIds: Record<string, string> = {};

beforeEach(async () => {
  await seedDemo(prisma, { sandbox: false, seedPassword: "unused", now: NOW });
  roleIds = Object.fromEntries((await prisma.role.findMany({ select: { slug: true, id: true } })).map((r) => [r.slug, r.id]));
  interviewerIds = Object.fromEntries((await prisma.interviewer.findMany({ select: { email: true, id: true } })).map((i) => [i.email, i.id]));
  const accounts: [string, string, UserRole][] = [
    ...demoInterviewers.map((i): [string, string, UserRole] => [i.email, i.name, "INTERVIEWER"]),
    ["recruiter@example.com", "Rita Recruiter", "RECRUITER"],
    ["admin@example.com", "Ada Admin", "ADMIN"],
  ];
  users = {};
  for (const [email, name, role] of accounts) {
    users[email] = await prisma.user.upsert({ where: { email }, create: { email, name, role, passwordHash: "unused" }, update: {}, select: { id: true, email: true, role: true } });
  }
});

const recruiter = () => users["recruiter@example.com"]!;
const admin = () => users["admin@example.com"]!;

/** The role's next scorecard version (the demo seed may already have given it one). */
async function scorecardVersion(slug: string, competencies: { key: string; name: string }[]) {
  const roleId = roleIds[slug]!;
  const last = await prisma.scorecardVersion.findFirst({ where: { roleId }, orderBy: { version: "desc" }, select: { version: true } });
  return prisma.scorecardVersion.create({
    data: { roleId, version: (last?.version ?? 0) + 1, competencies: competencies.map((c) => ({ ...c, good: "", cues: [c.name.toLowerCase()] })), contentHash: randomUUID() },
    select: { id: true },
  });
}

async function createApplication(name: string, slug = "backend-engineer") {
  const email = `${name.toLowerCase().replaceAll(" ", ".")}@example.org`;
  const candidate = await prisma.candidate.create({ data: { name, email, emailRaw: email }, select: { id: true } });
  const application = await prisma.application.create({ data: { candidateId: candidate.id, roleId: roleIds[slug]! }, select: { id: true, updatedAt: true } });
  return { candidateId: candidate.id, applicationId: application.id, updatedAt: application.updatedAt };
}

type InterviewSeed = { interviewer: string | null; interviewerEmail?: string; startsAt: Date; status?: InterviewStatus; scorecardVersionId?: string };

async function createInterview(app: { candidateId: string; applicationId: string }, seed: InterviewSeed): Promise<string> {
  const row = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      candidateId: app.candidateId,
      applicationId: app.applicationId,
      interviewerId: seed.interviewer ? interviewerIds[seed.interviewer]! : null,
      interviewerEmail: seed.interviewerEmail ?? seed.interviewer,
      startsAt: seed.startsAt,
      endsAt: new Date(seed.startsAt.getTime() + 45 * 60_000),
      status: seed.status ?? "COMPLETED",
      scorecardVersionId: seed.scorecardVersionId ?? null,
    },
    select: { id: true },
  });
  return row.id;
}

type FeedbackSeed = { submitted?: boolean; recommendation?: "STRONG_NO" | "NO" | "YES" | "STRONG_YES"; takeaways?: string; competencies?: unknown[]; edited?: boolean };

async function giveFeedback(interviewId: string, author: string, app: { applicationId: string }, seed: FeedbackSeed = {}) {
  const submitted = seed.submitted ?? true;
  return prisma.feedback.create({
    data: {
      interviewId,
      authorId: users[author]!.id,
      applicationId: app.applicationId,
      overallRecommendation: submitted ? (seed.recommendation ?? "YES") : null,
      competencies: (submitted ? (seed.competencies ?? []) : []) as object[],
      keyTakeaways: submitted ? (seed.takeaways ?? `Take-aways of ${author}`) : "",
      draft: submitted ? undefined : { keyTakeaways: `Draft of ${author}`, overallRecommendation: "NO" },
      revision: submitted ? (seed.edited ? 2 : 1) : 0,
      submittedAt: submitted ? at(-1) : null,
      editedAt: seed.edited ? at(-0.5) : null,
    },
    select: { id: true },
  });
}

/** Two completed interviews (Sarah, Marcus) with submitted feedback, Priya's completed one without, Lena's draft on hers. */
async function panelApplication() {
  const app = await createApplication("Dana Chen");
  const sarahs = await createInterview(app, { interviewer: SARAH, startsAt: at(-50) });
  const marcuss = await createInterview(app, { interviewer: MARCUS, startsAt: at(-40) });
  const priyas = await createInterview(app, { interviewer: PRIYA, startsAt: at(-30) });
  const lenas = await createInterview(app, { interviewer: LENA, startsAt: at(-20) });
  await giveFeedback(sarahs, SARAH, app, { recommendation: "STRONG_YES" });
  await giveFeedback(marcuss, MARCUS, app, { recommendation: "NO" });
  await giveFeedback(lenas, LENA, app, { submitted: false });
  return { ...app, sarahs, marcuss, priyas, lenas };
}

const takeaways = (views: Awaited<ReturnType<typeof listVisibleFeedback>>) => views.flatMap((v) => v.feedback.map((f) => f.keyTakeaways));

describe("listVisibleFeedback", () => {
  it("shows recruiters and admins every submitted feedback, never a draft", async () => {
    const app = await panelApplication();
    for (const viewer of [recruiter(), admin()]) {
      const [view] = await listVisibleFeedback(viewer, { applicationId: app.applicationId });
      expect(view).toMatchObject({ applicationId: app.applicationId, canSeeOthers: true, hasOwnCompletedInterview: false, ownPending: [] });
      expect(view!.feedback.map((f) => [f.keyTakeaways, f.overallRecommendation, f.isOwn])).toEqual([
        [`Take-aways of ${SARAH}`, "STRONG_YES", false],
        [`Take-aways of ${MARCUS}`, "NO", false],
      ]);
    }
  });

  it("shows an interviewer who has not submitted none of their colleagues' feedback", async () => {
    const app = await panelApplication();
    const [view] = await listVisibleFeedback(users[PRIYA]!, { applicationId: app.applicationId });
    expect(view).toMatchObject({ canSeeOthers: false, hasOwnCompletedInterview: true, feedback: [], ownPending: [{ interviewId: app.priyas }] });
    // A draft is not a submission: Lena is as blind as Priya, and does not even see her own draft here.
    const [lenas] = await listVisibleFeedback(users[LENA]!, { candidateId: app.candidateId });
    expect(lenas).toMatchObject({ canSeeOthers: false, feedback: [], ownPending: [{ interviewId: app.lenas }] });
  });

  it("shows an interviewer their colleagues' feedback once they have submitted their own, and never a colleague's draft", async () => {
    const app = await panelApplication();
    const [sarahs] = await listVisibleFeedback(users[SARAH]!, { applicationId: app.applicationId });
    expect(sarahs).toMatchObject({ canSeeOthers: true, ownPending: [] });
    expect(sarahs!.feedback.map((f) => [f.author.id, f.isOwn])).toEqual([
      [users[SARAH]!.id, true],
      [users[MARCUS]!.id, false],
    ]);

    await giveFeedback(app.priyas, PRIYA, app, { takeaways: "Priya's view" });
    expect(takeaways(await listVisibleFeedback(users[PRIYA]!, { applicationId: app.applicationId }))).toEqual([`Take-aways of ${SARAH}`, `Take-aways of ${MARCUS}`, "Priya's view"]);
  });

  it("keeps an interviewer with one of two completed interviews submitted to their own feedback", async () => {
    const app = await panelApplication();
    const second = await createInterview(app, { interviewer: SARAH, startsAt: at(-10) });
    const [view] = await listVisibleFeedback(users[SARAH]!, { applicationId: app.applicationId });
    expect(view).toMatchObject({ canSeeOthers: false, ownPending: [{ interviewId: second }] });
    expect(takeaways([view!])).toEqual([`Take-aways of ${SARAH}`]);
    // A scheduled (or cancelled) interview of theirs does not count.
    await prisma.interview.update({ where: { id: second }, data: { status: "SCHEDULED" } });
    expect((await listVisibleFeedback(users[SARAH]!, { applicationId: app.applicationId }))[0]).toMatchObject({ canSeeOthers: true, ownPending: [] });
  });

  it("counts an interview hosted under the interviewer's email as theirs before their panel member was linked", async () => {
    const app = await createApplication("Email Host");
    const hosted = await createInterview(app, { interviewer: null, interviewerEmail: PRIYA, startsAt: at(-30) });
    const other = await createInterview(app, { interviewer: SARAH, startsAt: at(-20) });
    await giveFeedback(other, SARAH, app);
    expect((await listVisibleFeedback(users[PRIYA]!, { applicationId: app.applicationId }))[0]).toMatchObject({ canSeeOthers: false, feedback: [], ownPending: [{ interviewId: hosted }] });
    await giveFeedback(hosted, PRIYA, app);
    expect(takeaways(await listVisibleFeedback(users[PRIYA]!, { applicationId: app.applicationId }))).toEqual([`Take-aways of ${PRIYA}`, `Take-aways of ${SARAH}`]);
  });

  it("decides per application: feedback on another application of the candidate stays hidden until that one is submitted too", async () => {
    const app = await panelApplication();
    const design = await prisma.application.create({ data: { candidateId: app.candidateId, roleId: roleIds["product-designer"]! }, select: { id: true } });
    const designApp = { candidateId: app.candidateId, applicationId: design.id };
    const sarahsDesign = await createInterview(designApp, { interviewer: SARAH, startsAt: at(-5) });
    const lenasDesign = await createInterview(designApp, { interviewer: LENA, startsAt: at(-4) });
    await giveFeedback(lenasDesign, LENA, designApp, { takeaways: "Lena on design" });

    const views = await listVisibleFeedback(users[SARAH]!, { candidateId: app.candidateId });
    expect(views.map((v) => [v.applicationId, v.canSeeOthers, v.feedback.length])).toEqual([
      [app.applicationId, true, 2],
      [design.id, false, 0],
    ]);
    expect(views[1]!.ownPending).toEqual([expect.objectContaining({ interviewId: sarahsDesign })]);
    // Someone who ran none of an application's interviews sees nothing of it.
    expect((await listVisibleFeedback(users[MARCUS]!, { applicationId: design.id }))[0]).toMatchObject({ canSeeOthers: false, hasOwnCompletedInterview: false, feedback: [] });
  });

  it("answers nothing for unknown and malformed ids", async () => {
    expect(await listVisibleFeedback(recruiter(), { applicationId: randomUUID() })).toEqual([]);
    expect(await listVisibleFeedback(recruiter(), { candidateId: "not-an-id" })).toEqual([]);
  });
});

describe("getCandidateFeedback", () => {
  it("builds the grid from the scorecard versions, the evidence and the feedback the viewer may see", async () => {
    const v1 = await scorecardVersion("backend-engineer", [
      { key: "system-design", name: "System design" },
      { key: "sql", name: "SQL" },
    ]);
    const v2 = await scorecardVersion("backend-engineer", [
      { key: "system-design", name: "Systems & trade-offs" },
      { key: "testing", name: "Testing" },
    ]);
    const app = await createApplication("Grid Gale");
    const sarahs = await createInterview(app, { interviewer: SARAH, startsAt: at(-50), scorecardVersionId: v1.id });
    const marcuss = await createInterview(app, { interviewer: MARCUS, startsAt: at(-40), scorecardVersionId: v2.id });
    await createInterview(app, { interviewer: PRIYA, startsAt: at(-30), scorecardVersionId: v2.id, status: "CANCELLED" });
    await prisma.interviewEvidence.create({
      data: {
        interviewId: sarahs,
        scorecardVersionId: v1.id,
        coveredCount: 1,
        inputHash: "x",
        competencies: [
          {
            key: "system-design",
            name: "System design",
            covered: true,
            evidence: [
              { kind: "moment", segmentPosition: 3, speaker: "Gale", startMs: 1_000, quote: "shard by tenant", cue: "sharding", matched: ["shard"] },
              { kind: "summary", sentenceIndex: 0, quote: "Discussed sharding.", cue: "sharding", matched: ["shard"] },
            ],
          },
          { key: "sql", name: "SQL", covered: false, evidence: [] },
        ],
      },
    });
    await giveFeedback(sarahs, SARAH, app, {
      recommendation: "STRONG_YES",
      competencies: [
        { key: "system-design", rating: "STRONG_YES", notes: "Clear trade-offs.", citedMoments: [3, 8], droppedSuggestions: [] },
        { key: "sql", rating: "YES", notes: "", citedMoments: [], droppedSuggestions: [] },
      ],
    });
    await giveFeedback(marcuss, MARCUS, app, { recommendation: "NO", competencies: [{ key: "system-design", rating: "NO", notes: "", citedMoments: [], droppedSuggestions: [] }] });

    const [view] = await getCandidateFeedback(recruiter(), app.candidateId);
    expect(view!.feedback.find((f) => f.isOwn === false && f.author.id === users[SARAH]!.id)!.competencies[0]).toEqual({
      key: "system-design",
      rating: "STRONG_YES",
      notes: "Clear trade-offs.",
      citedMoments: [3, 8],
    });
    const grid = view!.grid!;
    expect(grid.columns.map((c) => [c.label, c.recommendation])).toEqual([
      ["Sarah Kim", "STRONG_YES"],
      ["Marcus Johnson", "NO"],
    ]);
    expect(grid.rows.map((r) => [r.name, r.cells])).toEqual([
      // Named as the newest version names it; moment 3 was found by the job, moment 8 is Sarah's own.
      [
        "Systems & trade-offs",
        [
          { rating: "STRONG_YES", evidenceCount: 3 },
          { rating: "NO", evidenceCount: 0 },
        ],
      ],
      ["Testing", [null, { rating: null, evidenceCount: 0 }]],
      ["SQL", [{ rating: "YES", evidenceCount: 0 }, null]],
    ]);
    expect(grid.notCovered).toEqual([{ key: "testing", name: "Testing" }]);

    // Marcus has submitted: he sees Sarah's column too. Priya (cancelled only) sees no grid.
    expect((await getCandidateFeedback(users[MARCUS]!, app.candidateId))[0]!.grid!.columns).toHaveLength(2);
    expect((await getCandidateFeedback(users[PRIYA]!, app.candidateId))[0]).toMatchObject({ grid: null, feedback: [], hasOwnCompletedInterview: false });
  });

  it("gives an interviewer who has not submitted no grid", async () => {
    const app = await panelApplication();
    expect((await getCandidateFeedback(users[PRIYA]!, app.candidateId))[0]).toMatchObject({ grid: null, feedback: [], canSeeOthers: false });
  });
});

describe("listOwnDueFeedback", () => {
  it("lists the interviewer's completed interviews still waiting for their feedback, overdue first", async () => {
    const app = await panelApplication();
    const recent = await createInterview(app, { interviewer: PRIYA, startsAt: at(-3) });
    await createInterview(app, { interviewer: PRIYA, startsAt: at(-100), status: "CANCELLED" });
    await createInterview(app, { interviewer: PRIYA, startsAt: at(5), status: "SCHEDULED" });
    const due = await listOwnDueFeedback(users[PRIYA]!, { now: NOW, dueHours: 24 });
    expect(due.total).toBe(2);
    expect(due.rows.map((r) => [r.interviewId, r.status])).toEqual([
      [app.priyas, "overdue"],
      [recent, "due"],
    ]);
    expect(due.rows[0]).toMatchObject({ candidate: { id: app.candidateId, name: "Dana Chen" }, role: { title: "Backend Engineer" } });

    // Sarah submitted hers; Lena only drafted (still due); recruiters run no interviews.
    expect(await listOwnDueFeedback(users[SARAH]!, { now: NOW })).toEqual({ rows: [], total: 0 });
    expect((await listOwnDueFeedback(users[LENA]!, { now: NOW })).rows.map((r) => r.interviewId)).toEqual([app.lenas]);
    expect(await listOwnDueFeedback(recruiter(), { now: NOW })).toEqual({ rows: [], total: 0 });
  });

  it("counts an interview that is theirs only by host email, and one that is theirs both ways, once each", async () => {
    const app = await panelApplication();
    // Booked before Priya's panel member existed: no interviewer, her email as host.
    const byEmail = await createInterview(app, { interviewer: null, interviewerEmail: PRIYA, startsAt: at(-5) });
    const submitted = await createInterview(app, { interviewer: null, interviewerEmail: PRIYA, startsAt: at(-6) });
    await giveFeedback(submitted, PRIYA, app);
    // Marcus's interview hosted from another address is not hers.
    await createInterview(app, { interviewer: MARCUS, interviewerEmail: "marcus.other@northwind.example", startsAt: at(-7) });
    const due = await listOwnDueFeedback(users[PRIYA]!, { now: NOW, dueHours: 24 });
    expect(due.rows.map((r) => r.interviewId).sort()).toEqual([app.priyas, byEmail].sort());
    expect(due.total).toBe(2);
    // Cut at the limit: the longest-waiting, whichever way it is theirs; the total is all of them.
    for (const limit of [1, 2]) expect(await listOwnDueFeedback(users[PRIYA]!, { now: NOW, dueHours: 24, limit })).toEqual({ rows: due.rows.slice(0, limit), total: 2 });
    expect(due.total).toBe(
      await prisma.interview.count({
        where: {
          OR: [{ interviewer: { email: PRIYA } }, { interviewerEmail: PRIYA }],
          status: "COMPLETED",
          endsAt: { lte: NOW },
          feedback: { none: { authorId: users[PRIYA]!.id, submittedAt: { not: null } } },
        },
      }),
    );
  });

  it("lists a host's interviews when they have no panel member, and takes a scope already resolved as the same viewer", async () => {
    const app = await panelApplication();
    const hosted = await createInterview(app, { interviewer: null, interviewerEmail: "guest.host@northwind.example", startsAt: at(-4) });
    // Hosted under an address that has no panel member: their scope has no ids, only the email.
    const host = { id: users[PRIYA]!.id, email: "Guest.Host@northwind.example", role: "INTERVIEWER" as const };
    const due = await listOwnDueFeedback(host, { now: NOW, dueHours: 24 });
    expect(due).toMatchObject({ total: 1, rows: [{ interviewId: hosted, status: "due", candidate: { id: app.candidateId } }] });
    expect(await listOwnDueFeedback(host, { now: NOW, dueHours: 24, scope: { email: "guest.host@northwind.example", interviewerIds: [] } })).toEqual(due);
    // A scope given is used as given (the dashboard resolves it once): null is someone who runs none.
    expect(await listOwnDueFeedback(users[PRIYA]!, { now: NOW, scope: null })).toEqual({ rows: [], total: 0 });
    const priyas = await listOwnDueFeedback(users[PRIYA]!, { now: NOW, dueHours: 24 });
    expect(priyas.total).toBe(1);
    expect(await listOwnDueFeedback(users[PRIYA]!, { now: NOW, dueHours: 24, scope: { email: PRIYA, interviewerIds: [interviewerIds[PRIYA]!] } })).toEqual(priyas);
  });

  it("counts from the partial indexes of interviews waiting for feedback, index-only, without scanning interviews or reading feedback (a scan costs ~500 ms at 300,000)", async () => {
    const app = await panelApplication();
    await createInterview(app, { interviewer: PRIYA, startsAt: at(-3) });
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interviews");
    const scope = { email: PRIYA, interviewerIds: [interviewerIds[PRIYA]!] };
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${ownDueFeedbackCountSql(scope, NOW)}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Only Scan using interviews_due_feedback_interviewer_id_idx on interviews/);
    expect(plan).toMatch(/Index Only Scan using interviews_due_feedback_interviewer_email_idx on interviews/);
    expect(plan).not.toMatch(/ on feedback\b/);
    expect(plan).not.toMatch(/Seq Scan on interviews/);
  });
});

describe("decideApplication", () => {
  const decision = (app: { applicationId: string; updatedAt: Date }, fields: Record<string, unknown>) => ({
    applicationId: app.applicationId,
    expectedUpdatedAt: app.updatedAt.toISOString(),
    ...fields,
  });

  async function stateOf(applicationId: string) {
    const application = await prisma.application.findUniqueOrThrow({ where: { id: applicationId }, select: { stage: true, rejectionReason: true, decidedAt: true, updatedAt: true } });
    const audit = await prisma.auditLog.count({ where: { entityType: "application", entityId: applicationId } });
    return { ...application, audit };
  }

  it("refuses Rejected without a reason, with the error on the reason field, and writes nothing", async () => {
    const app = await createApplication("No Reason");
    for (const rejectionReason of [undefined, "", "   \n "]) {
      const state = await decideApplication(recruiter(), decision(app, { stage: "REJECTED", rejectionReason }));
      expect(state).toMatchObject({ status: "error", fieldErrors: { rejectionReason: expect.stringMatching(/rejection reason/i) } });
    }
    expect(await stateOf(app.applicationId)).toMatchObject({ stage: "INTERVIEWING", rejectionReason: null, decidedAt: null, updatedAt: app.updatedAt, audit: 0 });
  });

  it("refuses an interviewer, even one who ran the interview, and writes nothing", async () => {
    const app = await createApplication("Interviewer Decides");
    await createInterview(app, { interviewer: SARAH, startsAt: at(-5) });
    await expect(decideApplication(users[SARAH]!, decision(app, { stage: "HIRED" }))).rejects.toSatisfy((error) => error instanceof AppError && error.status === 403);
    expect(await stateOf(app.applicationId)).toMatchObject({ stage: "INTERVIEWING", audit: 0 });
  });

  it("saves the stage and reason with decidedAt, and audits who changed what from what", async () => {
    const app = await createApplication("Decided Dee");
    const state = await decideApplication(recruiter(), decision(app, { stage: "REJECTED", rejectionReason: "  Not enough <b>depth</b> in system design.  " }), NOW);
    expect(state).toEqual({ status: "success", message: "Decision saved: Rejected.", stage: "REJECTED", candidateId: app.candidateId });
    const saved = await stateOf(app.applicationId);
    expect(saved).toMatchObject({ stage: "REJECTED", rejectionReason: "Not enough <b>depth</b> in system design.", decidedAt: NOW, audit: 1 });

    const { rows } = await listAuditLog({ entityType: "application", entityId: app.applicationId, page: 1 });
    expect(rows[0]).toMatchObject({ action: "stage_changed", actorEmail: "recruiter@example.com", entityLabel: "Decided Dee · Backend Engineer" });
    expect(rows[0]!.changes).toEqual([
      { field: "stage", label: "Stage", before: "INTERVIEWING", after: "REJECTED" },
      { field: "rejectionReason", label: "Rejection reason", before: null, after: "Not enough <b>depth</b> in system design." },
    ]);

    // Moving on from Rejected drops the reason; saving the same stage again writes nothing.
    const offer = await decideApplication(admin(), decision({ ...app, updatedAt: saved.updatedAt }, { stage: "OFFER", rejectionReason: "ignored" }));
    expect(offer).toMatchObject({ status: "success", stage: "OFFER" });
    const after = await stateOf(app.applicationId);
    expect(after).toMatchObject({ stage: "OFFER", rejectionReason: null, audit: 2 });
    expect(await decideApplication(admin(), decision({ ...app, updatedAt: after.updatedAt }, { stage: "OFFER" }))).toMatchObject({
      status: "success",
      message: expect.stringMatching(/^Nothing to save/),
    });
    expect((await stateOf(app.applicationId)).audit).toBe(2);

    const decisions = (await listDecisions([app.applicationId])).get(app.applicationId)!;
    expect(decisions.map((d) => [d.stage, d.previousStage, d.rejectionReason])).toEqual([
      ["OFFER", "REJECTED", null],
      ["REJECTED", "INTERVIEWING", "Not enough <b>depth</b> in system design."],
    ]);
    expect(decisions.map((d) => d.decidedBy)).toEqual(["Ada Admin", "Rita Recruiter"]);
  });

  it("refuses a decision made on a stale page, naming the stage someone else chose", async () => {
    const app = await createApplication("Stale Sam");
    expect(await decideApplication(admin(), decision(app, { stage: "DEBRIEF" }))).toMatchObject({ status: "success" });
    const stale = await decideApplication(recruiter(), decision(app, { stage: "HIRED" }));
    expect(stale).toMatchObject({ status: "error", message: expect.stringContaining("its stage is now Debrief") });
    expect(await stateOf(app.applicationId)).toMatchObject({ stage: "DEBRIEF", audit: 1 });
  });

  it("lets only one of two decisions racing from the same page through", async () => {
    const app = await createApplication("Race Rae");
    const results = await Promise.all([
      decideApplication(recruiter(), decision(app, { stage: "OFFER" })),
      decideApplication(admin(), decision(app, { stage: "REJECTED", rejectionReason: "Role filled." })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["error", "success"]);
    const winner = results.find((r) => r.status === "success")!;
    expect(await stateOf(app.applicationId)).toMatchObject({ stage: winner.status === "success" ? winner.stage : null, audit: 1 });
  });

  it("refuses ids and stages that are not ones, and an application that does not exist", async () => {
    const app = await createApplication("Bad Input");
    expect(await decideApplication(recruiter(), decision(app, { stage: "APPLIED" }))).toMatchObject({ status: "error", fieldErrors: { stage: expect.any(String) } });
    expect(await decideApplication(recruiter(), decision(app, { stage: "HIRED", expectedUpdatedAt: "yesterday" }))).toMatchObject({
      status: "error",
      fieldErrors: { expectedUpdatedAt: expect.any(String) },
    });
    expect(await decideApplication(recruiter(), { ...decision(app, { stage: "HIRED" }), applicationId: "1 OR 1=1" })).toMatchObject({ status: "error", message: "That is not an application." });
    expect(await decideApplication(recruiter(), { ...decision(app, { stage: "HIRED" }), applicationId: randomUUID() })).toMatchObject({
      status: "error",
      message: expect.stringContaining("no longer exists"),
    });
    expect(await stateOf(app.applicationId)).toMatchObject({ stage: "INTERVIEWING", audit: 0 });
  });
});
