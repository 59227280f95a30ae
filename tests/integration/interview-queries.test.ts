/**
 * The recruiter dashboard's reads on real Postgres (lib/interviews/queries.ts): the interview list
 * with every filter (role, interviewer, status, days in the viewer's timezone), its upcoming-then-
 * past order and pagination across that boundary, what an INTERVIEWER may see (the condition is in
 * the query), and a candidate's timeline with a cancelled interview and the rebooking that replaces it.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewStatus, UserRole } from "@/lib/generated/prisma/enums";
import { getCandidateTimeline, listInterviewFilterOptions, listInterviews, listPartCountsSql, type InterviewViewer } from "@/lib/interviews/queries";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { DEFAULT_INTERVIEW_FILTERS, parseInterviewFilters, type TInterviewFilters } from "@/lib/validations/interviews";
import { seedDemoRoster } from "../support/demo-roster";
import { openTestDatabase } from "../support/database";

const prisma = openTestDatabase({ resetBeforeEach: true });

/** The clock the list is read at: "upcoming" means startsAt >= NOW. */
const NOW = new Date("2026-03-10T12:00:00.000Z");
const HOUR_MS = 3_600_000;
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR_MS);

const SARAH = "sarah.kim@northwind.example";
const MARCUS = "marcus.johnson@northwind.example";
const LENA = "lena.fischer@northwind.example";
const recruiter: InterviewViewer = { email: "recruiter@example.com", role: "RECRUITER" };
const asInterviewer = (email: string, role: UserRole = "INTERVIEWER"): InterviewViewer => ({ email, role });

let roleIds: Record<string, string> = {};
let interviewerIds: Record<string, string> = {};

beforeEach(async () => {
  // Interviewers, panels and roles only (no users, no sandbox calendars).
  ({ roleIds, interviewerIds } = await seedDemoRoster(prisma, NOW));
});

async function createCandidate(name: string, email = `${name.toLowerCase().replaceAll(" ", ".")}@example.org`) {
  return prisma.candidate.create({ data: { name, email, emailRaw: email, timezone: "Europe/Paris" }, select: { id: true } });
}

async function applicationFor(candidateId: string, slug: string): Promise<string> {
  const application = await prisma.application.upsert({
    where: { candidateId_roleId: { candidateId, roleId: roleIds[slug]! } },
    create: { candidateId, roleId: roleIds[slug]! },
    update: {},
    select: { id: true },
  });
  return application.id;
}

type InterviewSeed = {
  candidateId?: string | null;
  role?: string | null;
  interviewer?: string | null;
  startsAt?: Date | null;
  status?: InterviewStatus;
  replacesInterviewId?: string;
  history?: unknown[];
  cancellationReason?: string;
  meetingUrl?: string;
  guestName?: string;
  needsLookup?: boolean;
  interviewerEmail?: string | null;
};

/** One interview row as process-booking.ts writes them; 45 minutes long. */
async function createInterview(seed: InterviewSeed): Promise<string> {
  const candidateId = seed.candidateId ?? null;
  const startsAt = seed.startsAt === undefined ? at(24) : seed.startsAt;
  const interviewerEmail = seed.interviewerEmail !== undefined ? seed.interviewerEmail : (seed.interviewer ?? null);
  const row = await prisma.interview.create({
    data: {
      bookingId: randomUUID(),
      candidateId,
      applicationId: candidateId && seed.role ? await applicationFor(candidateId, seed.role) : null,
      interviewerId: seed.interviewer ? interviewerIds[seed.interviewer]! : null,
      interviewerEmail,
      startsAt,
      endsAt: startsAt ? new Date(startsAt.getTime() + 45 * 60_000) : null,
      status: seed.status ?? "SCHEDULED",
      cancelledAt: seed.status === "CANCELLED" ? NOW : null,
      cancellationReason: seed.cancellationReason ?? null,
      meetingUrl: seed.meetingUrl ?? "https://meet.google.com/abc-defg-hij",
      guestName: seed.guestName ?? null,
      needsLookup: seed.needsLookup ?? false,
      replacesInterviewId: seed.replacesInterviewId ?? null,
      history: (seed.history ?? []) as object[],
    },
    select: { id: true },
  });
  return row.id;
}

const list = (viewer: InterviewViewer, filters: Partial<TInterviewFilters> = {}, pageSize?: number) => listInterviews(viewer, { ...DEFAULT_INTERVIEW_FILTERS, ...filters }, { now: NOW, pageSize });

describe("listInterviews", () => {
  it("returns an empty first page and says nothing exists yet", async () => {
    const result = await list(recruiter, { page: 4 });
    expect(result).toEqual({ rows: [], total: 0, page: 1, pageSize: 20, pageCount: 1, hasAnyInterviews: false, search: null });
  });

  it("lists every status by default with the columns the table shows", async () => {
    const dana = await createCandidate("Dana Chen");
    const scheduled = await createInterview({ candidateId: dana.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(2) });
    await createInterview({ candidateId: dana.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(3), status: "RESCHEDULED" });
    await createInterview({ candidateId: dana.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(4), status: "CANCELLED" });
    await createInterview({ candidateId: dana.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(-30), status: "COMPLETED" });

    const result = await list(recruiter);
    expect(result.total).toBe(4);
    expect(result.hasAnyInterviews).toBe(true);
    expect(result.rows.map((r) => r.status)).toEqual(["SCHEDULED", "RESCHEDULED", "CANCELLED", "COMPLETED"]);
    expect(result.rows[0]).toEqual({
      id: scheduled,
      bookingId: expect.any(String),
      status: "SCHEDULED",
      startsAt: at(2),
      endsAt: new Date(at(2).getTime() + 45 * 60_000),
      meetingUrl: "https://meet.google.com/abc-defg-hij",
      guestName: null,
      candidate: { id: dana.id, name: "Dana Chen", email: "dana.chen@example.org" },
      role: { title: "Backend Engineer" },
      interviewer: { name: "Sarah Kim", email: SARAH },
      interviewerEmail: SARAH,
      replacesInterviewId: null,
      needsLookup: false,
      // No notetaker on this interview: no Notetaker state, nothing to alert about.
      notetaker: null,
      alert: null,
      // Upcoming: no feedback to give yet.
      feedback: "not_due",
      snippet: null,
    });
  });

  it("orders upcoming soonest first, then past most recent first, then interviews without a time", async () => {
    const c = await createCandidate("Order Test");
    const ids = {
      pastFar: await createInterview({ candidateId: c.id, startsAt: at(-48) }),
      soon: await createInterview({ candidateId: c.id, startsAt: at(1) }),
      undated: await createInterview({ candidateId: c.id, startsAt: null, needsLookup: true }),
      later: await createInterview({ candidateId: c.id, startsAt: at(50) }),
      pastNear: await createInterview({ candidateId: c.id, startsAt: at(-1) }),
      rightNow: await createInterview({ candidateId: c.id, startsAt: NOW }),
    };
    const result = await list(recruiter);
    expect(result.rows.map((r) => r.id)).toEqual([ids.rightNow, ids.soon, ids.later, ids.pastNear, ids.pastFar, ids.undated]);
  });

  it("shows who is known and who is not: no application, no candidate, no interviewer", async () => {
    await createInterview({ candidateId: null, guestName: "Morgan Pending", needsLookup: true, interviewer: null, interviewerEmail: null });
    const unknownRole = await createCandidate("No Role");
    await createInterview({ candidateId: unknownRole.id, role: null, interviewer: null, interviewerEmail: "new.hire@northwind.example", startsAt: at(30) });
    const [pending, noRole] = (await list(recruiter)).rows;
    expect(pending).toMatchObject({ candidate: null, guestName: "Morgan Pending", needsLookup: true, role: null, interviewer: null, interviewerEmail: null });
    expect(noRole).toMatchObject({ candidate: { name: "No Role" }, role: null, interviewer: null, interviewerEmail: "new.hire@northwind.example" });
  });

  it("never returns an unsafe meeting URL", async () => {
    const c = await createCandidate("Unsafe Link");
    await createInterview({ candidateId: c.id, meetingUrl: "javascript:alert(1)" });
    expect((await list(recruiter)).rows[0]?.meetingUrl).toBeNull();
  });

  it("filters by status, role and interviewer, together", async () => {
    const a = await createCandidate("Ada Filter");
    const b = await createCandidate("Ben Filter");
    const backendSarah = await createInterview({ candidateId: a.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(5) });
    const backendMarcusCancelled = await createInterview({ candidateId: b.id, role: "backend-engineer", interviewer: MARCUS, startsAt: at(6), status: "CANCELLED" });
    const designLena = await createInterview({ candidateId: b.id, role: "product-designer", interviewer: LENA, startsAt: at(7) });
    await createInterview({ candidateId: a.id, role: null, interviewer: SARAH, startsAt: at(8) });

    const ids = async (filters: Partial<TInterviewFilters>) => (await list(recruiter, filters)).rows.map((r) => r.id);
    expect(await ids({ status: "CANCELLED" })).toEqual([backendMarcusCancelled]);
    expect(await ids({ status: "COMPLETED" })).toEqual([]);
    expect(await ids({ roleId: roleIds["backend-engineer"] })).toEqual([backendSarah, backendMarcusCancelled]);
    expect(await ids({ roleId: roleIds["product-designer"] })).toEqual([designLena]);
    expect(await ids({ interviewerId: interviewerIds[LENA] })).toEqual([designLena]);
    expect(await ids({ roleId: roleIds["backend-engineer"], interviewerId: interviewerIds[SARAH] })).toEqual([backendSarah]);
    expect(await ids({ roleId: roleIds["backend-engineer"], status: "SCHEDULED" })).toEqual([backendSarah]);

    const none = await list(recruiter, { roleId: roleIds["product-designer"], status: "CANCELLED" });
    expect(none).toMatchObject({ rows: [], total: 0, page: 1, pageCount: 1, hasAnyInterviews: true });
  });

  it("reads from / to as whole days in the viewer's timezone", async () => {
    const c = await createCandidate("Tz Filter");
    // 23:30 UTC on the 10th is 08:30 on the 11th in Tokyo and 18:30 on the 10th in New York.
    const lateUtc = await createInterview({ candidateId: c.id, startsAt: new Date("2026-03-10T23:30:00Z") });
    const earlyUtc = await createInterview({ candidateId: c.id, startsAt: new Date("2026-03-10T00:30:00Z") });

    const ids = async (query: Record<string, string>) => (await list(recruiter, parseInterviewFilters(query))).rows.map((r) => r.id).sort();
    expect(await ids({ from: "2026-03-10", to: "2026-03-10" })).toEqual([lateUtc, earlyUtc].sort());
    expect(await ids({ from: "2026-03-10", to: "2026-03-10", tz: "Asia/Tokyo" })).toEqual([earlyUtc]);
    expect(await ids({ from: "2026-03-11", to: "2026-03-11", tz: "Asia/Tokyo" })).toEqual([lateUtc]);
    // 00:30 UTC on the 10th is 19:30 on the 9th in New York.
    expect(await ids({ from: "2026-03-10", to: "2026-03-10", tz: "America/New_York" })).toEqual([lateUtc]);
    expect(await ids({ to: "2026-03-09", tz: "America/New_York" })).toEqual([earlyUtc]);
    expect(await ids({ from: "2026-03-11", tz: "Mars/Olympus_Mons" })).toEqual([]);
  });

  it("pages 20 at a time across the upcoming / past boundary and clamps a page past the end", async () => {
    const c = await createCandidate("Page Test");
    const upcoming: string[] = [];
    const past: string[] = [];
    for (let i = 1; i <= 13; i++) upcoming.push(await createInterview({ candidateId: c.id, startsAt: at(i) }));
    for (let i = 1; i <= 12; i++) past.push(await createInterview({ candidateId: c.id, startsAt: at(-i) }));
    const all = [...upcoming, ...past];

    const first = await list(recruiter, { page: 1 });
    expect(first).toMatchObject({ total: 25, page: 1, pageCount: 2, pageSize: 20 });
    expect(first.rows.map((r) => r.id)).toEqual(all.slice(0, 20));
    const second = await list(recruiter, { page: 2 });
    expect(second.rows.map((r) => r.id)).toEqual(all.slice(20));
    expect(await list(recruiter, { page: 9 })).toMatchObject({ page: 2, rows: second.rows });

    // A smaller page lands entirely inside the past half.
    const third = await list(recruiter, { page: 3 }, 10);
    expect(third.rows.map((r) => r.id)).toEqual(all.slice(20, 25));
    const middle = await list(recruiter, { page: 2 }, 10);
    expect(middle.rows.map((r) => r.id)).toEqual(all.slice(10, 20));
  });

  it("shows an interviewer only the interviews they run, whatever the filters say", async () => {
    const c = await createCandidate("Visibility Test");
    const sarahs = await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(1) });
    await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: MARCUS, startsAt: at(2) });
    // A host whose Interviewer row did not exist when the booking was processed: matched by email.
    const byEmail = await createInterview({ candidateId: c.id, interviewer: null, interviewerEmail: SARAH, startsAt: at(3) });
    await createInterview({ candidateId: null, guestName: "Pending Guest", needsLookup: true, interviewer: null, interviewerEmail: null });

    const sarah = asInterviewer(SARAH.toUpperCase());
    const mine = await list(sarah);
    expect(mine.rows.map((r) => r.id)).toEqual([sarahs, byEmail]);
    expect(mine.total).toBe(2);

    const otherInterviewer = await list(sarah, { interviewerId: interviewerIds[MARCUS] });
    expect(otherInterviewer).toMatchObject({ rows: [], total: 0, hasAnyInterviews: true });

    expect(await list(asInterviewer(LENA))).toMatchObject({ rows: [], total: 0, hasAnyInterviews: false });
    // Recruiters and admins see everything.
    expect((await list(recruiter)).total).toBe(4);
    expect((await list(asInterviewer(LENA, "ADMIN"))).total).toBe(4);
  });

  it("counts an interviewer's unfiltered list from two disjoint ranges: each interview once, in its part", async () => {
    const c = await createCandidate("Count Parts");
    const mine = [
      // Their panel member and their host email: in both ranges, counted once.
      await createInterview({ candidateId: c.id, interviewer: SARAH, startsAt: at(1) }),
      await createInterview({ candidateId: c.id, interviewer: SARAH, startsAt: at(-2), status: "COMPLETED" }),
      await createInterview({ candidateId: c.id, interviewer: SARAH, startsAt: null }),
      // Their host email only: no panel member, or another one's.
      await createInterview({ candidateId: c.id, interviewer: null, interviewerEmail: SARAH, startsAt: at(3) }),
      await createInterview({ candidateId: c.id, interviewer: MARCUS, interviewerEmail: SARAH, startsAt: at(-4) }),
      // Their panel member under another host email.
      await createInterview({ candidateId: c.id, interviewer: SARAH, interviewerEmail: "calendar.owner@northwind.example", startsAt: at(-5) }),
    ];
    await createInterview({ candidateId: c.id, interviewer: MARCUS, startsAt: at(6) });
    await createInterview({ candidateId: c.id, interviewer: null, interviewerEmail: null, startsAt: at(-7) });

    const sarah = await list(asInterviewer(SARAH));
    expect(sarah.total).toBe(6);
    expect(sarah.rows.map((r) => r.id).sort()).toEqual([...mine].sort());
    const counts = await prisma.$queryRaw<{ upcoming: number; past: number; undated: number }[]>(
      listPartCountsSql({ email: SARAH, interviewerIds: [interviewerIds[SARAH]!] }, {}, { now: NOW, feedbackDueHours: 24 }),
    );
    expect(counts).toEqual([{ upcoming: 2, past: 3, undated: 1 }]);
    // The filtered shape (one pass) agrees with it.
    expect((await list(asInterviewer(SARAH), { status: "ALL", from: "2026-01-01", to: "2026-12-31", tz: "UTC" })).total).toBe(5);

    // An interviewer with no panel member sees what their host email names.
    const newHire = "new.hire@northwind.example";
    const hosted = await createInterview({ candidateId: c.id, interviewer: null, interviewerEmail: newHire, startsAt: at(8) });
    expect((await list(asInterviewer(newHire))).rows.map((r) => r.id)).toEqual([hosted]);
  });
});

describe("listInterviews: stage and feedback filters", () => {
  async function createUser(email: string, role: UserRole = "INTERVIEWER") {
    return prisma.user.create({ data: { email, name: email.split("@")[0]!, role, passwordHash: "unused" }, select: { id: true } });
  }

  async function giveFeedback(interviewId: string, authorId: string, submitted: boolean) {
    await prisma.feedback.create({
      data: {
        interviewId,
        authorId,
        overallRecommendation: submitted ? "YES" : null,
        keyTakeaways: submitted ? "Solid." : "",
        draft: submitted ? undefined : { keyTakeaways: "half-written" },
        revision: submitted ? 1 : 0,
        submittedAt: submitted ? at(-1) : null,
      },
    });
  }

  it("filters by the application's stage, with the other filters", async () => {
    const rejected = await createCandidate("Stage Rejected");
    const offered = await createCandidate("Stage Offer");
    const r1 = await createInterview({ candidateId: rejected.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(-5), status: "COMPLETED" });
    const r2 = await createInterview({ candidateId: rejected.id, role: "product-designer", interviewer: LENA, startsAt: at(-6), status: "COMPLETED" });
    await createInterview({ candidateId: offered.id, role: "backend-engineer", interviewer: MARCUS, startsAt: at(-7), status: "COMPLETED" });
    // No application (a configuration no role owns): never matches a stage.
    await createInterview({ candidateId: rejected.id, startsAt: at(-8) });
    await prisma.application.update({ where: { candidateId_roleId: { candidateId: rejected.id, roleId: roleIds["backend-engineer"]! } }, data: { stage: "REJECTED" } });
    await prisma.application.update({ where: { candidateId_roleId: { candidateId: rejected.id, roleId: roleIds["product-designer"]! } }, data: { stage: "REJECTED" } });
    await prisma.application.update({ where: { candidateId_roleId: { candidateId: offered.id, roleId: roleIds["backend-engineer"]! } }, data: { stage: "OFFER" } });

    const ids = async (filters: Partial<TInterviewFilters>, viewer: InterviewViewer = recruiter) => (await list(viewer, filters)).rows.map((r) => r.id);
    expect(await ids({ stage: "REJECTED" })).toEqual([r1, r2]);
    expect(await ids(parseInterviewFilters({ stage: "rejected", role: roleIds["backend-engineer"] }))).toEqual([r1]);
    expect(await ids({ stage: "OFFER" })).toHaveLength(1);
    expect(await list(recruiter, { stage: "HIRED" })).toMatchObject({ rows: [], total: 0, hasAnyInterviews: true });
    // An interviewer: still only their own interviews.
    expect(await ids({ stage: "REJECTED" }, asInterviewer(SARAH))).toEqual([r1]);
    expect(await ids({ stage: "OFFER" }, asInterviewer(SARAH))).toEqual([]);
  });

  it("finds completed interviews waiting for feedback: due (overdue included), overdue after the due hours, and badges each row", async () => {
    const sarah = await createUser(SARAH);
    const marcus = await createUser(MARCUS);
    const c = await createCandidate("Feedback Filter");
    const interview = (startsAt: Date, status: InterviewStatus = "COMPLETED", interviewer = SARAH) => createInterview({ candidateId: c.id, role: "backend-engineer", interviewer, startsAt, status });
    // 45 minutes long: ended 1h15 ago, then 29h15 ago.
    const recent = await interview(at(-2));
    const old = await interview(at(-30));
    const submitted = await interview(at(-31));
    await giveFeedback(submitted, sarah.id, true);
    // A draft is not feedback: still overdue.
    const drafted = await interview(at(-32), "COMPLETED", MARCUS);
    await giveFeedback(drafted, marcus.id, false);
    // Not completed, or not ended yet: nothing due.
    const scheduledPast = await interview(at(-33), "SCHEDULED");
    const cancelled = await interview(at(-34), "CANCELLED");
    const running = await interview(at(-0.5));

    const statuses = Object.fromEntries((await list(recruiter, {}, 50)).rows.map((r) => [r.id, r.feedback]));
    expect(statuses).toEqual({
      [recent]: "due",
      [old]: "overdue",
      [submitted]: "submitted",
      [drafted]: "overdue",
      [scheduledPast]: "not_due",
      [cancelled]: "not_due",
      [running]: "not_due",
    });

    const ids = async (filters: Partial<TInterviewFilters>, viewer: InterviewViewer = recruiter, feedbackDueHours?: number) =>
      (await listInterviews(viewer, { ...DEFAULT_INTERVIEW_FILTERS, ...filters }, { now: NOW, feedbackDueHours })).rows.map((r) => r.id);
    expect(await ids(parseInterviewFilters({ feedback: "due" }))).toEqual([recent, old, drafted]);
    expect(await ids(parseInterviewFilters({ feedback: "overdue" }))).toEqual([old, drafted]);
    // FEEDBACK_DUE_HOURS=48: 29 hours is not overdue yet.
    expect(await ids({ feedback: "OVERDUE" }, recruiter, 48)).toEqual([]);
    expect(await ids({ feedback: "DUE" }, recruiter, 48)).toEqual([recent, old, drafted]);
    // With the other filters, and for an interviewer (their own only).
    expect(await ids({ feedback: "OVERDUE", interviewerId: interviewerIds[MARCUS] })).toEqual([drafted]);
    expect(await ids({ feedback: "DUE" }, asInterviewer(SARAH))).toEqual([recent, old]);
    expect(await ids({ feedback: "DUE", stage: "REJECTED" })).toEqual([]);
  });

  it("counts each part of the list (upcoming, past, undated) as the filters select, and pages through exactly those interviews", async () => {
    const sarah = await createUser(SARAH);
    const a = await createCandidate("Count A");
    const b = await createCandidate("Count B");
    const seeds: InterviewSeed[] = [
      { candidateId: a.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(5), status: "SCHEDULED" },
      { candidateId: a.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(-3), status: "COMPLETED" },
      { candidateId: a.id, role: "backend-engineer", interviewer: MARCUS, startsAt: at(-40), status: "COMPLETED" },
      { candidateId: a.id, role: "backend-engineer", interviewer: SARAH, startsAt: null, status: "SCHEDULED" },
      { candidateId: b.id, role: "product-designer", interviewer: LENA, startsAt: at(30), status: "RESCHEDULED" },
      { candidateId: b.id, role: "product-designer", interviewer: SARAH, startsAt: at(-50), status: "COMPLETED" },
      { candidateId: b.id, role: "product-designer", interviewer: null, interviewerEmail: SARAH, startsAt: null, status: "CANCELLED" },
      { candidateId: b.id, startsAt: at(-2), status: "COMPLETED", interviewer: LENA },
    ];
    const ids: string[] = [];
    for (const seed of seeds) ids.push(await createInterview(seed));
    await giveFeedback(ids[1]!, sarah.id, true);
    await prisma.application.update({ where: { candidateId_roleId: { candidateId: b.id, roleId: roleIds["product-designer"]! } }, data: { stage: "OFFER" } });

    const filterSets: Partial<TInterviewFilters>[] = [
      {},
      { roleId: roleIds["backend-engineer"] },
      { roleId: roleIds["product-designer"] },
      { stage: "OFFER" },
      { stage: "APPLIED" },
      { feedback: "DUE" },
      { feedback: "OVERDUE" },
      { status: "COMPLETED", roleId: roleIds["backend-engineer"] },
      { interviewerId: interviewerIds[SARAH], stage: "APPLIED" },
    ];
    for (const viewer of [recruiter, asInterviewer(SARAH)]) {
      for (const filters of filterSets) {
        const whole = await list(viewer, filters, 100);
        // Two at a time: every page cut across the parts, no interview twice or missing.
        const paged: string[] = [];
        for (let page = 1; page <= Math.ceil(whole.total / 2) + 1; page++) paged.push(...(await list(viewer, { ...filters, page }, 2)).rows.map((r) => r.id));
        expect(new Set(paged).size, JSON.stringify({ viewer, filters })).toBe(whole.total);
        expect(
          whole.rows.map((r) => r.id),
          JSON.stringify({ viewer, filters }),
        ).toEqual([...new Set(paged)].slice(0, whole.total));
      }
    }
    // The totals themselves, by hand.
    const total = async (filters: Partial<TInterviewFilters>, viewer: InterviewViewer = recruiter) => (await list(viewer, filters)).total;
    expect(await total({})).toBe(8);
    expect(await total({ roleId: roleIds["backend-engineer"] })).toBe(4);
    expect(await total({ stage: "OFFER" })).toBe(3);
    expect(await total({ feedback: "DUE" })).toBe(3);
    expect(await total({ feedback: "OVERDUE" })).toBe(2);
    expect(await total({}, asInterviewer(SARAH))).toBe(5);
    expect(await total({ stage: "OFFER" }, asInterviewer(SARAH))).toBe(2);
  });
});

describe("listInterviewFilterOptions", () => {
  it("lists every role and interviewer by name", async () => {
    const options = await listInterviewFilterOptions();
    expect(options.roles.map((r) => r.title)).toEqual([...options.roles.map((r) => r.title)].sort((a, b) => a.localeCompare(b)));
    expect(options.roles.map((r) => r.id).sort()).toEqual(Object.values(roleIds).sort());
    expect(options.interviewers.map((i) => i.name)).toEqual(["Lena Fischer", "Marcus Johnson", "Priya Patel", "Sarah Kim"]);
    expect(options.interviewers[0]).toEqual({ id: interviewerIds[LENA], name: "Lena Fischer" });
  });
});

describe("getCandidateTimeline", () => {
  const T = Math.floor(NOW.getTime() / 1000) - 3_600;
  const S0 = Math.floor(at(24).getTime() / 1000);
  const S1 = Math.floor(at(48).getTime() / 1000);

  /** Dana: a backend interview rescheduled then cancelled, its rebooking, and a design interview. */
  async function seedDana() {
    const dana = await prisma.candidate.create({
      data: { name: "Dana Chen", email: "dana.chen@example.org", emailRaw: "Dana.Chen@Example.org", timezone: "Europe/Paris", linkedinUrl: "https://www.linkedin.com/in/dana-chen" },
      select: { id: true },
    });
    const cancelled = await createInterview({
      candidateId: dana.id,
      role: "backend-engineer",
      interviewer: SARAH,
      startsAt: new Date(S1 * 1000),
      status: "CANCELLED",
      cancellationReason: "Moving house that week",
      history: [
        { kind: "created", at: T, startsAt: S0, endsAt: S0 + 2_700 },
        { kind: "rescheduled", at: T + 10, startsAt: S1, endsAt: S1 + 2_700, previousStartsAt: S0, previousEndsAt: S0 + 2_700 },
        { kind: "cancelled", at: T + 20, startsAt: S1, endsAt: S1 + 2_700, reason: "Moving house that week" },
        { kind: "unknown-kind", at: T + 30 },
      ],
    });
    const rebooked = await createInterview({
      candidateId: dana.id,
      role: "backend-engineer",
      interviewer: MARCUS,
      startsAt: at(72),
      replacesInterviewId: cancelled,
      history: [{ kind: "created", at: T + 40, startsAt: S1 + 86_400, endsAt: S1 + 86_400 + 2_700 }],
    });
    const design = await createInterview({ candidateId: dana.id, role: "product-designer", interviewer: LENA, startsAt: at(-24), status: "COMPLETED" });
    // Someone else's interview never shows up on Dana's page.
    const other = await createCandidate("Other Person");
    await createInterview({ candidateId: other.id, role: "backend-engineer", interviewer: SARAH });
    return { danaId: dana.id, cancelled, rebooked, design };
  }

  it("returns the person, their applications and every interview, newest first, with the rebooking links", async () => {
    const { danaId, cancelled, rebooked, design } = await seedDana();
    const timeline = await getCandidateTimeline(recruiter, danaId);
    expect(timeline).not.toBeNull();
    expect(timeline!.candidate).toEqual({
      id: danaId,
      name: "Dana Chen",
      email: "dana.chen@example.org",
      timezone: "Europe/Paris",
      linkedinUrl: "https://www.linkedin.com/in/dana-chen",
      createdAt: expect.any(Date),
    });
    expect(timeline!.applications.map((a) => [a.role.title, a.stage])).toEqual([
      ["Backend Engineer", "INTERVIEWING"],
      ["Product Designer", "INTERVIEWING"],
    ]);
    expect(timeline!.interviews.map((i) => i.id)).toEqual([rebooked, cancelled, design]);

    const [newer, old, designInterview] = timeline!.interviews;
    expect(newer).toMatchObject({ status: "SCHEDULED", role: { title: "Backend Engineer" }, interviewer: { name: "Marcus Johnson" }, replacedBy: [] });
    expect(newer!.replaces).toEqual({ id: cancelled, status: "CANCELLED", startsAt: new Date(S1 * 1000), cancelledAt: NOW });
    expect(old).toMatchObject({ status: "CANCELLED", cancellationReason: "Moving house that week", replaces: null });
    expect(old!.replacedBy).toEqual([{ id: rebooked, status: "SCHEDULED", startsAt: at(72), cancelledAt: null }]);
    expect(old!.history).toEqual([
      { kind: "created", at: T, startsAt: S0, endsAt: S0 + 2_700, previousStartsAt: null, previousEndsAt: null, reason: null },
      { kind: "rescheduled", at: T + 10, startsAt: S1, endsAt: S1 + 2_700, previousStartsAt: S0, previousEndsAt: S0 + 2_700, reason: null },
      { kind: "cancelled", at: T + 20, startsAt: S1, endsAt: S1 + 2_700, previousStartsAt: null, previousEndsAt: null, reason: "Moving house that week" },
    ]);
    expect(designInterview).toMatchObject({ status: "COMPLETED", role: { title: "Product Designer" }, interviewer: { name: "Lena Fischer" } });
  });

  it("is null for unknown and malformed ids", async () => {
    await seedDana();
    expect(await getCandidateTimeline(recruiter, randomUUID())).toBeNull();
    expect(await getCandidateTimeline(recruiter, "not-a-uuid")).toBeNull();
    expect(await getCandidateTimeline(recruiter, "")).toBeNull();
  });

  it("shows an interviewer only candidates they interviewed, then with every interview of that person", async () => {
    const { danaId } = await seedDana();
    const forLena = await getCandidateTimeline(asInterviewer(LENA), danaId);
    expect(forLena?.interviews).toHaveLength(3);
    expect((await getCandidateTimeline(asInterviewer(MARCUS), danaId))?.candidate.id).toBe(danaId);
    expect(await getCandidateTimeline(asInterviewer("priya.patel@northwind.example"), danaId)).toBeNull();
    expect(await getCandidateTimeline(asInterviewer("nobody@example.com"), danaId)).toBeNull();
  });

  it("shows an interviewer the summaries and action items of their own interviews only (and links only those debriefs)", async () => {
    const { danaId } = await seedDana();
    const interviews = await prisma.interview.findMany({ where: { candidateId: danaId }, select: { id: true, interviewerEmail: true } });
    for (const interview of interviews) {
      await prisma.interview.update({ where: { id: interview.id }, data: { summaryText: `Summary by ${interview.interviewerEmail}` } });
      await prisma.actionItem.create({ data: { interviewId: interview.id, position: 0, text: `Follow up for ${interview.interviewerEmail}` } });
    }
    const forMarcus = (await getCandidateTimeline(asInterviewer(MARCUS), danaId))!;
    for (const interview of forMarcus.interviews) {
      const own = interviews.find((i) => i.id === interview.id)!.interviewerEmail === MARCUS;
      expect(interview.canOpenDebrief).toBe(own);
      expect(interview.summaryText).toBe(own ? `Summary by ${MARCUS}` : null);
      expect(interview.actionItems.map((a) => a.text)).toEqual(own ? [`Follow up for ${MARCUS}`] : []);
    }
    expect(forMarcus.interviews.some((i) => i.canOpenDebrief)).toBe(true);
    const forRecruiter = (await getCandidateTimeline(recruiter, danaId))!;
    expect(forRecruiter.interviews.every((i) => i.canOpenDebrief && i.summaryText?.startsWith("Summary by "))).toBe(true);
  });
});

describe("listInterviews: transcript search (q)", () => {
  /** A transcript on an interview, as the media pipeline stores it (an asset, its lines and its search document). */
  async function addTranscript(interviewId: string, lines: [speaker: string, text: string][]) {
    const asset = await prisma.mediaAsset.create({ data: { interviewId, kind: "TRANSCRIPT", source: "UPLOAD", status: "STORED", storedAt: NOW }, select: { id: true } });
    await prisma.transcriptSegment.createMany({
      data: lines.map(([speaker, text], position) => ({ interviewId, assetId: asset.id, position, speaker, startMs: position * 1000, endMs: position * 1000 + 900, text })),
    });
    await writeSearchDocument(
      prisma,
      interviewId,
      asset.id,
      lines.map(([speaker, text]) => ({ speaker, text })),
    );
  }

  it("finds the interviews whose transcript says the words (stemmed, any case, phrases, exclusions), within what the viewer may see", async () => {
    const c = await createCandidate("Search Test");
    const kafka = await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(2) });
    const postgres = await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: MARCUS, startsAt: at(3) });
    await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(4) }); // no transcript
    await addTranscript(kafka, [
      ["Sarah Kim", "Tell me about the consumers."],
      ["Search Test", "We partitioned the Kafka topics by carrier, and retried idempotently."],
    ]);
    await addTranscript(postgres, [
      ["Marcus Johnson", "And the database?"],
      ["Search Test", "A Postgres table with a unique key on the event id."],
    ]);

    const ids = async (viewer: InterviewViewer, q: string) => (await list(viewer, { q })).rows.map((r) => r.id);
    expect(await ids(recruiter, "KAFKA")).toEqual([kafka]);
    expect(await ids(recruiter, "partitions")).toEqual([kafka]); // stemmed: partitioned
    expect(await ids(recruiter, '"unique key"')).toEqual([postgres]);
    expect(await ids(recruiter, "carrier -kafka")).toEqual([]);
    expect(await ids(recruiter, "marcus")).toEqual([postgres]); // speakers count
    expect(await ids(recruiter, "zeppelin")).toEqual([]);
    expect((await list(recruiter, { q: "zeppelin" })).hasAnyInterviews).toBe(true);
    // An interviewer: only within their own interviews.
    expect(await ids(asInterviewer(MARCUS), "kafka")).toEqual([]);
    expect(await ids(asInterviewer(MARCUS), "postgres")).toEqual([postgres]);
    // Hostile text is just words.
    expect(await ids(recruiter, "'; DROP TABLE interviews; --")).toEqual([]);
    expect(await prisma.interview.count()).toBe(3);
  });
});

describe("listInterviews: the counts read indexes (300,000 interviews: a seq scan of the table costs 150-400 ms)", () => {
  /** The plan of the list's count for `filters`, the table scan priced out (a few test rows would always be scanned). */
  async function countPlan(filters: Partial<TInterviewFilters>): Promise<string> {
    return prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${listPartCountsSql(null, filters, { now: NOW, feedbackDueHours: 24 })}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
  }

  it("answers role, stage and feedback from the interview's own indexed columns, index-only, and nothing by scanning interviews", async () => {
    const c = await createCandidate("Plan Candidate");
    for (const [hours, status] of [
      [-30, "COMPLETED"],
      [-3, "COMPLETED"],
      [5, "SCHEDULED"],
    ] as const)
      await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(hours), status });
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interviews");

    const role = await countPlan({ roleId: roleIds["backend-engineer"] });
    expect(role).toMatch(/Index Only Scan using interviews_application_role_id_starts_at_idx on interviews/);
    const stage = await countPlan({ stage: "INTERVIEWING" });
    expect(stage).toMatch(/Index Only Scan using interviews_application_stage_starts_at_idx on interviews/);
    const feedback = await countPlan({ feedback: "OVERDUE" });
    expect(feedback).toMatch(/Index Only Scan using interviews_feedback_due_since_idx on interviews/);
    // No join: neither the applications nor the feedback are read.
    for (const plan of [role, stage, feedback]) expect(plan).not.toMatch(/ on (applications|feedback)\b/);
    const combined = await countPlan({ roleId: roleIds["backend-engineer"], interviewerId: interviewerIds[SARAH], status: "COMPLETED", from: "2026-03-01", to: "2026-03-10", tz: "Europe/Paris" });
    // Which index serves the combination depends on the rows (at 300,000 it is
    // interviews_interviewer_status_starts_at_role_idx, index-only); any index will do here.
    for (const plan of [role, stage, feedback, combined]) expect(plan).not.toMatch(/Seq Scan on (interviews|feedback)/);
  });

  it("counts an interviewer's unfiltered list with two index-only ranges, not one pass over an OR", async () => {
    const c = await createCandidate("Plan Interviewer");
    for (const hours of [-30, -3, 5]) await createInterview({ candidateId: c.id, role: "backend-engineer", interviewer: SARAH, startsAt: at(hours) });
    await prisma.$executeRawUnsafe("VACUUM ANALYZE interviews");
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
      const sql = listPartCountsSql({ email: SARAH, interviewerIds: [interviewerIds[SARAH]!] }, {}, { now: NOW, feedbackDueHours: 24 });
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`);
      return rows.map((row) => row["QUERY PLAN"]).join("\n");
    });
    // The host-email range tells the panel member's interviews apart inside its index (which
    // index the panel-member range takes depends on the rows: a few test rows price them alike).
    expect(plan).toMatch(/Index Only Scan using interviews_interviewer_email_starts_at_interviewer_id_idx on interviews \w+ .*\n\s+Index Cond: \(\(interviewer_email = /);
    expect(plan).not.toMatch(/Seq Scan|Bitmap|OR \(interviewer_email =/);
  });
});
