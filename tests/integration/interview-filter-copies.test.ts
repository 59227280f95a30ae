/**
 * The interview's copies the dashboard's Role, Stage and Feedback filters read (issue 18, migration
 * 20261212000000_interview_filter_copies): application_role_id and application_stage (its
 * application's role and stage), feedback_submitted, and feedback_due_since generated from them.
 * The database keeps them in step whoever writes, so each test writes the way the application (or
 * anything else) would and then checks every interview, and every search document's copies of the
 * role and stage, against what they stand for, read the long way (a join to the applications, the feedback).
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { decideApplication } from "@/lib/feedback/decide";
import type { ApplicationStage, InterviewStatus } from "@/lib/generated/prisma/enums";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { eraseCandidate } from "@/lib/privacy/erasure";
import { seedDemoRoster } from "../support/demo-roster";
import { openTestDatabase, testDatabaseUrl } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });

const NOW = new Date("2026-03-10T12:00:00.000Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

let roleIds: Record<string, string> = {};
let authorId = "";

beforeEach(async () => {
  ({ roleIds } = await seedDemoRoster(prisma, NOW));
  authorId = (await prisma.user.create({ data: { email: `author-${randomUUID()}@example.org`, name: "Author", role: "INTERVIEWER", passwordHash: "unused" }, select: { id: true } })).id;
});

/**
 * Interviews (and search documents) whose copies differ from what they stand for, with the columns
 * that differ: [] when everything is in step.
 */
async function outOfStep(): Promise<{ id: string; columns: string[] }[]> {
  const rows = await prisma.$queryRaw<{ id: string; role: boolean; stage: boolean; submitted: boolean; due: boolean; doc: boolean }[]>`
    SELECT i.id,
           i.application_role_id IS DISTINCT FROM a.role_id AS role,
           i.application_stage IS DISTINCT FROM a.stage AS stage,
           i.feedback_submitted IS DISTINCT FROM EXISTS (SELECT 1 FROM feedback f WHERE f.interview_id = i.id AND f.submitted_at IS NOT NULL) AS submitted,
           i.feedback_due_since IS DISTINCT FROM (CASE WHEN i.status = 'COMPLETED' AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.interview_id = i.id AND f.submitted_at IS NOT NULL) THEN i.ends_at END) AS due,
           d.interview_id IS NOT NULL AND (d.application_role_id, d.application_stage) IS DISTINCT FROM (i.application_role_id, i.application_stage) AS doc
      FROM interviews i
      LEFT JOIN applications a ON a.id = i.application_id
      LEFT JOIN interview_search_documents d ON d.interview_id = i.id`;
  return rows.map(({ id, ...flags }) => ({ id, columns: Object.entries(flags).flatMap(([column, differs]) => (differs ? [column] : [])) })).filter((row) => row.columns.length > 0);
}

const copies = (id: string) => prisma.interview.findUniqueOrThrow({ where: { id }, select: { applicationRoleId: true, applicationStage: true, feedbackSubmitted: true, feedbackDueSince: true } });

async function application(role: string, stage: ApplicationStage = "INTERVIEWING") {
  const email = `${randomUUID()}@example.org`;
  const candidate = await prisma.candidate.create({ data: { name: "Copy Candidate", email, emailRaw: email }, select: { id: true } });
  return prisma.application.create({ data: { candidateId: candidate.id, roleId: roleIds[role]!, stage }, select: { id: true, candidateId: true } });
}

async function interview(applicationId: string | null, candidateId: string, status: InterviewStatus = "COMPLETED", withDocument = true) {
  const { id } = await prisma.interview.create({
    data: { bookingId: randomUUID(), candidateId, applicationId, startsAt: at(-3), endsAt: at(-2), status },
    select: { id: true },
  });
  if (withDocument) {
    const asset = await prisma.mediaAsset.create({ data: { interviewId: id, kind: "TRANSCRIPT", source: "UPLOAD", status: "STORED" }, select: { id: true } });
    await writeSearchDocument(prisma, id, asset.id, [{ speaker: null, text: "copies" }]);
  }
  return id;
}

describe("an interview's copies of its application's role and stage", () => {
  it("are taken when the interview is written, follow the application's stage and role, and follow a move to another application", async () => {
    const backend = await application("backend-engineer", "INTERVIEWING");
    const id = await interview(backend.id, backend.candidateId);
    expect(await copies(id)).toMatchObject({ applicationRoleId: roleIds["backend-engineer"], applicationStage: "INTERVIEWING" });

    // A decision (the application's stage), as lib/feedback/decide.ts writes it.
    await prisma.application.update({ where: { id: backend.id }, data: { stage: "OFFER" } });
    expect(await copies(id)).toMatchObject({ applicationStage: "OFFER" });
    // The role too, by raw SQL (nothing in the application moves an application to another role).
    await prisma.$executeRaw`UPDATE applications SET role_id = ${roleIds["product-designer"]!}::uuid WHERE id = ${backend.id}::uuid`;
    expect(await copies(id)).toMatchObject({ applicationRoleId: roleIds["product-designer"], applicationStage: "OFFER" });

    // Moved to another application, then to none.
    const other = await application("backend-engineer", "REJECTED");
    await prisma.interview.update({ where: { id }, data: { applicationId: other.id } });
    expect(await copies(id)).toMatchObject({ applicationRoleId: roleIds["backend-engineer"], applicationStage: "REJECTED" });
    await prisma.interview.update({ where: { id }, data: { applicationId: null } });
    expect(await copies(id)).toMatchObject({ applicationRoleId: null, applicationStage: null });
    expect(await outOfStep()).toEqual([]);
  });

  it("cannot be written over: a write of the copies themselves takes the application's values again", async () => {
    const app = await application("backend-engineer", "DEBRIEF");
    const id = await interview(app.id, app.candidateId);
    await prisma.$executeRaw`UPDATE interviews SET application_stage = 'HIRED', application_role_id = ${randomUUID()}::uuid WHERE id = ${id}::uuid`;
    expect(await copies(id)).toMatchObject({ applicationRoleId: roleIds["backend-engineer"], applicationStage: "DEBRIEF" });
    // Inserted with wrong copies: the same.
    const inserted = await prisma.interview.create({
      data: { bookingId: randomUUID(), candidateId: app.candidateId, applicationId: app.id, applicationStage: "HIRED", applicationRoleId: randomUUID() },
      select: { id: true },
    });
    expect(await copies(inserted.id)).toMatchObject({ applicationRoleId: roleIds["backend-engineer"], applicationStage: "DEBRIEF" });
    expect(await outOfStep()).toEqual([]);
  });

  it("a stage change reaches every interview of the application, and the dashboard's Stage filter with it", async () => {
    const app = await application("backend-engineer", "INTERVIEWING");
    const ids = [await interview(app.id, app.candidateId), await interview(app.id, app.candidateId, "SCHEDULED", false), await interview(app.id, app.candidateId, "CANCELLED")];
    const bystander = await application("backend-engineer", "INTERVIEWING");
    const untouched = await interview(bystander.id, bystander.candidateId);
    await prisma.application.update({ where: { id: app.id }, data: { stage: "HIRED" } });
    const hired = await prisma.interview.findMany({ where: { applicationStage: "HIRED" }, select: { id: true }, orderBy: { id: "asc" } });
    expect(hired.map((row) => row.id)).toEqual([...ids].sort());
    expect(await copies(untouched)).toMatchObject({ applicationStage: "INTERVIEWING" });
    expect(await outOfStep()).toEqual([]);
  });
});

describe("an interview's feedback mark and feedback_due_since", () => {
  it("follow completion, the feedback's submission, its withdrawal and deletion", async () => {
    const app = await application("backend-engineer");
    const id = await interview(app.id, app.candidateId, "SCHEDULED");
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: null });

    await prisma.interview.update({ where: { id }, data: { status: "COMPLETED" } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: at(-2) });

    // A draft is not feedback.
    const draft = await prisma.feedback.create({ data: { interviewId: id, authorId, applicationId: app.id }, select: { id: true } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: at(-2) });
    await prisma.feedback.update({ where: { id: draft.id }, data: { submittedAt: NOW, revision: 1 } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: true, feedbackDueSince: null });
    // Edited after submission: still submitted.
    await prisma.feedback.update({ where: { id: draft.id }, data: { editedAt: NOW, keyTakeaways: "Edited." } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: true });

    // Withdrawn (raw SQL), then submitted again, then deleted.
    await prisma.$executeRaw`UPDATE feedback SET submitted_at = NULL WHERE id = ${draft.id}::uuid`;
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: at(-2) });
    await prisma.feedback.update({ where: { id: draft.id }, data: { submittedAt: NOW } });
    await prisma.feedback.delete({ where: { id: draft.id } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: at(-2) });

    // Submitted when inserted; cancelled after: nothing is due from a cancelled interview.
    await prisma.feedback.create({ data: { interviewId: id, authorId, applicationId: app.id, submittedAt: NOW, revision: 1 } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: true, feedbackDueSince: null });
    await prisma.interview.update({ where: { id }, data: { status: "CANCELLED" } });
    expect(await copies(id)).toMatchObject({ feedbackSubmitted: true, feedbackDueSince: null });
    expect(await outOfStep()).toEqual([]);
  });

  it("feedback moved to another interview unmarks the first and marks the second", async () => {
    const app = await application("backend-engineer");
    const [first, second] = [await interview(app.id, app.candidateId), await interview(app.id, app.candidateId)];
    const { id } = await prisma.feedback.create({ data: { interviewId: first, authorId, applicationId: app.id, submittedAt: NOW, revision: 1 }, select: { id: true } });
    await prisma.$executeRaw`UPDATE feedback SET interview_id = ${second}::uuid WHERE id = ${id}::uuid`;
    expect(await copies(first)).toMatchObject({ feedbackSubmitted: false, feedbackDueSince: at(-2) });
    expect(await copies(second)).toMatchObject({ feedbackSubmitted: true, feedbackDueSince: null });
    expect(await outOfStep()).toEqual([]);
  });

  it("deleting an interview, a candidate or an application with submitted feedback deletes it all, without an error from the mark", async () => {
    const app = await application("backend-engineer");
    const id = await interview(app.id, app.candidateId);
    await prisma.feedback.create({ data: { interviewId: id, authorId, applicationId: app.id, submittedAt: NOW, revision: 1 } });
    await prisma.interview.delete({ where: { id } });
    expect(await prisma.feedback.count()).toBe(0);

    const other = await application("product-designer");
    const otherInterview = await interview(other.id, other.candidateId);
    await prisma.feedback.create({ data: { interviewId: otherInterview, authorId, applicationId: other.id, submittedAt: NOW, revision: 1 } });
    await prisma.candidate.delete({ where: { id: other.candidateId } });
    expect(await prisma.interview.count()).toBe(0);
    expect(await prisma.feedback.count()).toBe(0);
  });
});

/**
 * A decision now locks its application and then (the stage passing to the copies) its interviews;
 * these run it against the writers that lock an interview and an application, interleaved the way
 * that deadlocked before the lock orders were aligned (PostgreSQL would abort one with "deadlock
 * detected" after deadlock_timeout). A second connection plays the other side step by step.
 */
describe("lock order with a decision", () => {
  async function otherSession(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    await client.query("BEGIN");
    return client;
  }

  /** Resolves once a session other than `except` waits for a row lock (the writer under test reached it). */
  async function untilWaitingForLock(except: pg.Client): Promise<void> {
    const { rows } = await except.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    for (let attempt = 0; attempt < 200; attempt++) {
      const waiting = await prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND pid <> ${rows[0]!.pid} AND datname = current_database()`;
      if (waiting[0]!.n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error("the writer under test never waited for a lock");
  }

  async function recruiter() {
    const email = `recruiter-${randomUUID()}@example.org`;
    const { id } = await prisma.user.create({ data: { email, name: "Recruiter", role: "RECRUITER", passwordHash: "unused" }, select: { id: true } });
    return { id, email, role: "RECRUITER" as const };
  }

  it("a decision while a first feedback submission holds the interview: both complete", async () => {
    const app = await application("backend-engineer", "DEBRIEF");
    const id = await interview(app.id, app.candidateId);
    const { updatedAt } = await prisma.application.findUniqueOrThrow({ where: { id: app.id }, select: { updatedAt: true } });
    const submission = await otherSession();
    try {
      // submitFeedback: the interview first…
      await submission.query("SELECT id FROM interviews WHERE id = $1 FOR NO KEY UPDATE", [id]);
      // …meanwhile the decision locks the application and waits for that interview…
      const decision = decideApplication(await recruiter(), { applicationId: app.id, stage: "OFFER", rejectionReason: "", expectedUpdatedAt: updatedAt.toISOString() });
      await untilWaitingForLock(submission);
      // …and the feedback row, inserted now, checks its application (a key-share lock).
      await submission.query("INSERT INTO feedback (id, interview_id, author_id, application_id, updated_at) VALUES ($1, $2, $3, $4, now())", [randomUUID(), id, authorId, app.id]);
      await submission.query("UPDATE feedback SET submitted_at = now(), revision = 1 WHERE interview_id = $1", [id]);
      await submission.query("COMMIT");
      expect((await decision).status).toBe("success");
    } finally {
      await submission.end();
    }
    expect(await copies(id)).toMatchObject({ applicationStage: "OFFER", feedbackSubmitted: true, feedbackDueSince: null });
    expect(await outOfStep()).toEqual([]);
  });

  it("erasure while a decision holds the application: the decision completes, then the erasure", async () => {
    const app = await application("backend-engineer", "DEBRIEF");
    await interview(app.id, app.candidateId);
    await interview(app.id, app.candidateId);
    const { email } = await prisma.candidate.findUniqueOrThrow({ where: { id: app.candidateId }, select: { email: true } });
    const decision = await otherSession();
    try {
      // decideApplication: the application first…
      await decision.query("SELECT id FROM applications WHERE id = $1 FOR NO KEY UPDATE", [app.id]);
      // …meanwhile erasure starts…
      const erasure = eraseCandidate(await recruiter(), app.candidateId, email);
      await untilWaitingForLock(decision);
      // …and the decision's stage goes to the interviews (which erasure must not be holding).
      await decision.query("UPDATE applications SET stage = 'REJECTED', rejection_reason = 'Timing' WHERE id = $1", [app.id]);
      await decision.query("COMMIT");
      expect((await erasure).status).toBe("erased");
    } finally {
      await decision.end();
    }
    expect(await prisma.interview.count()).toBe(0);
  });
});
