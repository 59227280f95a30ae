/**
 * The weekly load cap (lib/load/caps.ts) through the real `nylas` SDK against the sandbox over
 * HTTP, on real Postgres: reaching the cap puts exactly one busy "Interview load cap reached" event
 * on the interviewer's primary calendar through the Events API, and the sandbox's availability
 * stops offering them; a cancellation under the cap removes it; concurrent reconciles create one;
 * a lost write is recovered, not duplicated; a Nylas failure is retried by the worker's tick; the
 * admin's cap change is audited and reconciled; the server action refuses non-admins. Also the
 * load report's counts per interviewer and week.
 */
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";

// Before the action: stands in for the session and Next.js (who is signed in is set per test).
import { session } from "../support/action-session";

const { setWeeklyCapAction } = await import("@/app/settings/load/actions");
const { getEnv } = await import("@/lib/env");
const { LOAD_CAP_BLOCK_TITLE, buildLoadCapMetadata } = await import("@/lib/load/cap-rules");
const { listInterviewersOutOfStep, reconcileLoadCaps, sdkLoadCapCalendar, LoadCapReconcileError } = await import("@/lib/load/caps");
const { loadCapReconcileJob, loadCapSafetyNetJob } = await import("@/lib/load/jobs");
const { enqueue, runDueJobs } = await import("@/lib/jobs");
const { drainJobs, makeJobsDue } = await import("../support/jobs");
const { getLoadReport } = await import("@/lib/load/queries");
const { getWeekAtOffset, getWeekContaining } = await import("@/lib/load/week");
const { saveWeeklyCap } = await import("@/lib/load/weekly-cap");
const { getNylas } = await import("@/lib/nylas/client");
const { MARCUS, PRIYA, SARAH } = await import("../support/recipe");
const { setupSeededSandbox } = await import("../support/seeded-sandbox");

const { prisma, server } = setupSeededSandbox();
let sarahId: string;
const SARAH_TZ = "America/New_York";

// ── helpers ──────────────

/** A max-availability configuration over the engineering panel: every free member is offered, so who is offered is observable. */
async function createMaxAvailabilityConfiguration(): Promise<string> {
  const participants = [SARAH, MARCUS, PRIYA].map((email) => ({ name: email.split("@")[0]!, email, availability: { calendarIds: ["primary"] }, booking: { calendarId: "primary" } }));
  const created = await getNylas().scheduler.configurations.create({
    identifier: SARAH,
    requestBody: {
      requiresSessionAuth: false,
      participants,
      availability: { durationMinutes: 30, availabilityRules: { availabilityMethod: "max-availability" } },
      eventBooking: { title: "Interview with ${invitee}" },
    } as never,
  });
  return (created.data as unknown as { id: string }).id;
}

/** Emails the sandbox offers (any slot) between `from` and `to`. */
async function offeredEmails(configurationId: string, from: Date, to: Date): Promise<Set<string>> {
  const res = await getNylas().scheduler.availability.get({
    queryParams: { configurationId, startTime: Math.floor(from.getTime() / 1000), endTime: Math.floor(to.getTime() / 1000) },
  });
  return new Set(res.data.timeSlots.flatMap((slot) => slot.emails));
}

/** The cap blocks on Sarah's primary calendar, read back through the SDK's Events API. */
async function sarahBlocks() {
  const res = await getNylas().events.list({ identifier: SARAH, queryParams: { calendarId: "primary", limit: 200 } });
  return res.data.filter((e) => e.title === LOAD_CAP_BLOCK_TITLE);
}

async function addInterview(interviewerId: string, startsAt: Date, status: "SCHEDULED" | "CANCELLED" = "SCHEDULED") {
  return prisma.interview.create({
    data: { bookingId: randomUUID(), interviewerId, startsAt, endsAt: new Date(startsAt.getTime() + 45 * 60_000), status },
    select: { id: true },
  });
}

/** Next week (Sarah's zone), Tuesday 15:00 UTC: wholly ahead, so the block covers the whole week whatever today is. */
function nextWeek() {
  const week = getWeekAtOffset(new Date(), SARAH_TZ, 1);
  return { week, tuesday: new Date(week.start.getTime() + 86_400_000 + 11 * 3_600_000) };
}

const eventRequests = (method: string) => server.requests.filter((r) => r.method === method && /^\/v3\/grants\/[^/]+\/events$/.test(r.path));

beforeEach(async () => {
  sarahId = (await prisma.interviewer.findUniqueOrThrow({ where: { email: SARAH }, select: { id: true } })).id;
  session.userId = null;
  session.revalidated.length = 0;
});

describe("reaching the cap", () => {
  it("puts exactly one busy block on the interviewer's primary calendar through the Events API, and availability stops offering them", async () => {
    const configurationId = await createMaxAvailabilityConfiguration();
    const { week, tuesday } = nextWeek();
    expect(await offeredEmails(configurationId, week.start, week.end)).toContain(SARAH);

    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 2 } });
    await addInterview(sarahId, tuesday);
    // Under the cap: nothing on the calendar, no call to Nylas at all.
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })).map((o) => o.action)).toEqual(["none"]);
    expect(eventRequests("POST")).toHaveLength(0);

    await addInterview(sarahId, new Date(tuesday.getTime() + 86_400_000));
    const [outcome] = await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] });
    expect(outcome).toMatchObject({ action: "created", count: 2, weeklyCap: 2, weekKey: week.key });
    expect(eventRequests("POST")).toHaveLength(1);

    const blocks = await sarahBlocks();
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ busy: true, participants: [], metadata: buildLoadCapMetadata(sarahId, week.key) });
    expect(blocks[0]!.when).toMatchObject({ startTime: week.start.getTime() / 1000, endTime: week.end.getTime() / 1000 });
    const stored = await prisma.loadCapBlock.findMany();
    expect(stored).toEqual([expect.objectContaining({ interviewerId: sarahId, apiUri: getEnv().nylasApiUri, weekStart: week.start, weekEnd: week.end, eventId: blocks[0]!.id })]);

    const offered = await offeredEmails(configurationId, week.start, week.end);
    expect(offered).not.toContain(SARAH);
    expect([...offered].some((email) => email === MARCUS || email === PRIYA)).toBe(true);
    // The week after is not blocked.
    const after = getWeekAtOffset(week.start, SARAH_TZ, 1);
    expect(await offeredEmails(configurationId, after.start, after.end)).toContain(SARAH);

    // Reconciling again keeps the one block.
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })).map((o) => o.action)).toEqual(["kept"]);
    expect(await sarahBlocks()).toHaveLength(1);
  });

  it("blocks the current week from now to its end only", async () => {
    const now = new Date();
    const week = getWeekContaining(now, SARAH_TZ);
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, new Date(Math.max(week.start.getTime(), now.getTime() - 3_600_000)));
    const [outcome] = await reconcileLoadCaps(sarahId, { weeksOf: [now], now });
    expect(outcome!.action).toBe("created");
    const [block] = await sarahBlocks();
    expect(block!.when).toMatchObject({ startTime: Math.floor(now.getTime() / 1000), endTime: week.end.getTime() / 1000 });
  });

  it("counts interviews from every panel and ignores cancelled ones and other weeks", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 2 } });
    await addInterview(sarahId, tuesday);
    await addInterview(sarahId, new Date(tuesday.getTime() + 3_600_000), "CANCELLED");
    await addInterview(sarahId, new Date(tuesday.getTime() + 7 * 86_400_000));
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] }))[0]).toMatchObject({ action: "none", count: 1 });
    expect(await sarahBlocks()).toHaveLength(0);
  });
});

describe("falling under the cap", () => {
  it("a cancellation that brings them under the cap deletes the block through the SDK, and they are offered again", async () => {
    const configurationId = await createMaxAvailabilityConfiguration();
    const { week, tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    const interview = await addInterview(sarahId, tuesday);
    await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] });
    const [block] = await sarahBlocks();
    expect(block).toBeDefined();

    await prisma.interview.update({ where: { id: interview.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })).map((o) => o.action)).toEqual(["removed"]);
    expect(server.requests.some((r) => r.method === "DELETE" && r.path.endsWith(`/events/${block!.id}`))).toBe(true);
    expect(await sarahBlocks()).toHaveLength(0);
    expect(await prisma.loadCapBlock.count()).toBe(0);
    expect(await offeredEmails(configurationId, week.start, week.end)).toContain(SARAH);
  });

  it("a block someone already deleted by hand is forgotten without an error", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] });
    const [block] = await sarahBlocks();
    await getNylas().events.destroy({ identifier: SARAH, eventId: block!.id, queryParams: { calendarId: "primary" } });
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: null } });
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })).map((o) => o.action)).toEqual(["removed"]);
    expect(await prisma.loadCapBlock.count()).toBe(0);
  });
});

describe("never two blocks", () => {
  it("concurrent reconciles of one week create one block", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    const results = await Promise.all(Array.from({ length: 6 }, () => reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })));
    expect(
      results
        .flat()
        .map((o) => o.action)
        .sort(),
    ).toEqual(["created", "kept", "kept", "kept", "kept", "kept"]);
    expect(await sarahBlocks()).toHaveLength(1);
    expect(eventRequests("POST")).toHaveLength(1);
    expect(await prisma.loadCapBlock.count()).toBe(1);
  });

  it("a block created at Nylas but never stored (a crash) is found and kept, not created again", async () => {
    const { week, tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    const orphan = await getNylas().events.create({
      identifier: SARAH,
      queryParams: { calendarId: "primary" },
      requestBody: {
        title: LOAD_CAP_BLOCK_TITLE,
        busy: true,
        when: { startTime: week.start.getTime() / 1000, endTime: week.end.getTime() / 1000 },
        metadata: buildLoadCapMetadata(sarahId, week.key),
      },
    });
    server.requests.length = 0;
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] })).map((o) => o.action)).toEqual(["created"]);
    expect(eventRequests("POST")).toHaveLength(0);
    expect(await sarahBlocks()).toHaveLength(1);
    expect((await prisma.loadCapBlock.findFirstOrThrow()).eventId).toBe(orphan.data.id);
  });
});

describe("retries", () => {
  it("when Nylas fails, the interviewer's reconcile job is retried on the calendar policy and places the block once Nylas is back", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    const down = { ...sdkLoadCapCalendar, createBlock: async () => Promise.reject(new Error("connect ECONNREFUSED")) };

    const error = await reconcileLoadCaps(sarahId, { weeksOf: [tuesday], calendar: down }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadCapReconcileError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
    expect(await prisma.loadCapBlock.count()).toBe(0);

    // The job fails while Nylas is down, and waits (2 s, then doubling) before its next attempt…
    await enqueue(prisma, loadCapReconcileJob, { interviewerId: sarahId });
    const before = Date.now();
    expect(await runDueJobs(loadCapReconcileJob, { deps: { calendar: down } })).toBe(1);
    const job = await prisma.job.findFirstOrThrow({ where: { kind: loadCapReconcileJob.name } });
    expect(job).toMatchObject({ state: "QUEUED", attempts: 1 });
    expect(job.lastError).toMatch(/ECONNREFUSED/);
    expect(job.runAt.getTime() - before).toBeGreaterThanOrEqual(1_500);
    expect(job.runAt.getTime() - before).toBeLessThan(5_000);
    const calls = { count: 0 };
    const counting = { ...sdkLoadCapCalendar, createBlock: async (...args: Parameters<typeof sdkLoadCapCalendar.createBlock>) => (calls.count++, sdkLoadCapCalendar.createBlock(...args)) };
    expect(await runDueJobs(loadCapReconcileJob, { deps: { calendar: counting } })).toBe(0);
    expect(calls.count).toBe(0);
    // …and once the pause is over and Nylas is back, it places the one block.
    await makeJobsDue(loadCapReconcileJob);
    expect(await runDueJobs(loadCapReconcileJob, { deps: { calendar: counting } })).toBe(1);
    expect(calls.count).toBe(1);
    expect(await sarahBlocks()).toHaveLength(1);
    // Nothing left to do: no job, and the safety net finds nobody out of step.
    expect(await prisma.job.count({ where: { kind: loadCapReconcileJob.name } })).toBe(0);
    expect(await listInterviewersOutOfStep()).toEqual([]);
  });

  it("the safety net finds a block whose interviewer fell under the cap while it could not be deleted, and its job removes it", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    const interview = await addInterview(sarahId, tuesday);
    await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] });
    await prisma.interview.update({ where: { id: interview.id }, data: { status: "CANCELLED" } });
    const down = { ...sdkLoadCapCalendar, deleteBlock: async () => Promise.reject(new Error("503 api_error: Service unavailable")) };
    await expect(reconcileLoadCaps(sarahId, { weeksOf: [tuesday], calendar: down })).rejects.toThrow(LoadCapReconcileError);
    expect(await prisma.loadCapBlock.count()).toBe(1);

    expect(await listInterviewersOutOfStep()).toEqual([sarahId]);
    await enqueue(prisma, loadCapSafetyNetJob, {});
    expect(await drainJobs([loadCapSafetyNetJob, loadCapReconcileJob])).toBe(2);
    expect(await sarahBlocks()).toHaveLength(0);
    expect(await prisma.loadCapBlock.count()).toBe(0);
  });

  it("an interviewer without a connected calendar gets no block and nothing is stored", async () => {
    const { tuesday } = nextWeek();
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    const noGrant = { ...sdkLoadCapCalendar, findGrantId: async () => null };
    expect((await reconcileLoadCaps(sarahId, { weeksOf: [tuesday], calendar: noGrant })).map((o) => o.action)).toEqual(["no_grant"]);
    expect(await prisma.loadCapBlock.count()).toBe(0);
  });
});

describe("changing the cap", () => {
  const admin = async () => prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" }, select: { id: true, email: true } });

  it("saving a cap writes the audit entry (before and after) and places the block; removing it deletes the block", async () => {
    const { tuesday } = nextWeek();
    await addInterview(sarahId, tuesday);
    const actor = await admin();

    const saved = await saveWeeklyCap(actor, { interviewerId: sarahId, weeklyCap: "1" });
    expect(saved).toMatchObject({ status: "success", weeklyCap: 1 });
    expect(saved.status === "success" && saved.message).toBe("Saved: Sarah Kim's weekly cap is 1 interview. They have reached it in 1 upcoming week: those weeks are blocked too.");
    expect(await sarahBlocks()).toHaveLength(1);

    const removed = await saveWeeklyCap(actor, { interviewerId: sarahId, weeklyCap: "" });
    expect(removed.status === "success" && removed.message).toBe("Saved: no weekly cap for Sarah Kim. They are under the cap again: the block was removed from 1 week.");
    expect(await sarahBlocks()).toHaveLength(0);

    const audit = await prisma.auditLog.findMany({ orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => ({ actor: a.actorEmail, type: a.entityType, id: a.entityId, label: a.entityLabel, action: a.action, changes: a.changes }))).toEqual([
      { actor: "admin@example.com", type: "interviewer", id: sarahId, label: "Sarah Kim", action: "cap_changed", changes: [{ field: "weeklyCap", label: "Weekly cap", before: null, after: 1 }] },
      { actor: "admin@example.com", type: "interviewer", id: sarahId, label: "Sarah Kim", action: "cap_changed", changes: [{ field: "weeklyCap", label: "Weekly cap", before: 1, after: null }] },
    ]);
  });

  it("raising the cap above the count removes the block; an unchanged save writes no audit entry", async () => {
    const { tuesday } = nextWeek();
    await addInterview(sarahId, tuesday);
    const actor = await admin();
    await saveWeeklyCap(actor, { interviewerId: sarahId, weeklyCap: "1" });
    await saveWeeklyCap(actor, { interviewerId: sarahId, weeklyCap: "1" });
    expect(await prisma.auditLog.count()).toBe(1);
    await saveWeeklyCap(actor, { interviewerId: sarahId, weeklyCap: "2" });
    expect(await sarahBlocks()).toHaveLength(0);
    expect(await prisma.auditLog.count()).toBe(2);
  });

  it("a bad cap is refused with a field error and writes nothing", async () => {
    const state = await saveWeeklyCap(await admin(), { interviewerId: sarahId, weeklyCap: "0" });
    expect(state).toEqual({ status: "error", message: "Check the weekly cap.", fieldErrors: { weeklyCap: "The cap must be at least 1. Leave it empty for no cap." } });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: sarahId } })).weeklyCap).toBeNull();
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("the safety net brings every capped interviewer's calendar in step: one reconcile job each", async () => {
    const { tuesday } = nextWeek();
    const priyaId = (await prisma.interviewer.findUniqueOrThrow({ where: { email: PRIYA } })).id;
    await prisma.interviewer.updateMany({ where: { id: { in: [sarahId, priyaId] } }, data: { weeklyCap: 1 } });
    await addInterview(sarahId, tuesday);
    await addInterview(priyaId, tuesday);
    // One below its cap: not out of step.
    const marcusId = (await prisma.interviewer.findUniqueOrThrow({ where: { email: MARCUS } })).id;
    await prisma.interviewer.update({ where: { id: marcusId }, data: { weeklyCap: 2 } });
    await addInterview(marcusId, tuesday);
    expect((await listInterviewersOutOfStep()).sort()).toEqual([sarahId, priyaId].sort());

    await enqueue(prisma, loadCapSafetyNetJob, {});
    expect(await runDueJobs(loadCapSafetyNetJob)).toBe(1);
    expect(await prisma.job.count({ where: { kind: loadCapReconcileJob.name } })).toBe(2);
    expect(await runDueJobs(loadCapReconcileJob)).toBe(2);
    expect(await prisma.loadCapBlock.count()).toBe(2);
    expect(await listInterviewersOutOfStep()).toEqual([]);
  });
});

describe("setWeeklyCapAction (the page's server action)", () => {
  const form = (weeklyCap: string) => {
    const data = new FormData();
    data.set("interviewerId", sarahId);
    data.set("weeklyCap", weeklyCap);
    return data;
  };

  it("refuses a recruiter (forbidden) and a signed-out visitor (sign-in redirect), changing nothing", async () => {
    session.userId = (await prisma.user.findUniqueOrThrow({ where: { email: "recruiter@example.com" } })).id;
    await expect(setWeeklyCapAction({ status: "idle" }, form("1"))).rejects.toThrow("FORBIDDEN");
    session.userId = null;
    await expect(setWeeklyCapAction({ status: "idle" }, form("1"))).rejects.toThrow(/^REDIRECT \/login/);
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: sarahId } })).weeklyCap).toBeNull();
    expect(await prisma.auditLog.count()).toBe(0);
  });

  it("saves for an admin, audits with the admin as actor, and refreshes the page", async () => {
    session.userId = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } })).id;
    const state = await setWeeklyCapAction({ status: "idle" }, form("3"));
    expect(state).toMatchObject({ status: "success", weeklyCap: 3 });
    expect(session.revalidated).toEqual(["/settings/load"]);
    expect((await prisma.auditLog.findFirstOrThrow()).actorId).toBe(session.userId);
  });

  it("hands back what was typed beside its error", async () => {
    session.userId = (await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.com" } })).id;
    expect(await setWeeklyCapAction({ status: "idle" }, form("lots"))).toEqual({
      status: "error",
      message: "Check the weekly cap.",
      fieldErrors: { weeklyCap: "Enter a whole number of interviews, or leave it empty for no cap." },
      submittedCap: "lots",
    });
  });
});

describe("getLoadReport", () => {
  it("counts non-cancelled interviews per interviewer per week in their own zone, across panels, with upcoming load and blocks", async () => {
    const now = new Date();
    const { week, tuesday } = nextWeek();
    const marcusId = (await prisma.interviewer.findUniqueOrThrow({ where: { email: MARCUS } })).id;
    await prisma.interviewer.update({ where: { id: sarahId }, data: { weeklyCap: 2 } });
    await addInterview(sarahId, tuesday);
    await addInterview(sarahId, new Date(tuesday.getTime() + 3_600_000));
    await addInterview(sarahId, new Date(tuesday.getTime() + 7_200_000), "CANCELLED");
    await addInterview(marcusId, new Date(tuesday.getTime() - 14 * 86_400_000));
    await reconcileLoadCaps(sarahId, { weeksOf: [tuesday] });

    const report = await getLoadReport({ now, weeksBefore: 3, weeksAfter: 2 });
    expect(report.weeks).toHaveLength(6);
    const column = report.weeks.findIndex((w) => w.key === week.key);
    expect(column).toBeGreaterThan(0);
    const sarah = report.interviewers.find((i) => i.id === sarahId)!;
    expect(sarah.counts[column]).toBe(2);
    expect(sarah.counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(sarah.upcoming).toBe(2);
    expect(sarah.weeklyCap).toBe(2);
    expect(sarah.blocks).toEqual([expect.objectContaining({ weekKey: week.key, isCurrent: false })]);
    const marcus = report.interviewers.find((i) => i.id === marcusId)!;
    expect(marcus.counts[column - 2]).toBe(1);
    expect(marcus.upcoming).toBe(0);
    expect(report.totalInWeeks).toBe(3);
  });

  it("counts 30,000 interviews in SQL: only the weeks shown, cancelled ones left out", async () => {
    // 30,000 interviews over 60 weeks around now, spread over the interviewers, one in ten cancelled.
    await prisma.$executeRaw`
      INSERT INTO interviews (id, booking_id, interviewer_id, starts_at, ends_at, status, updated_at)
      SELECT gen_random_uuid(), gen_random_uuid()::text, i.id,
             now() - interval '52 weeks' + (n * interval '60 weeks') / 30000,
             now() - interval '52 weeks' + (n * interval '60 weeks') / 30000 + interval '45 minutes',
             (CASE WHEN n % 10 = 0 THEN 'CANCELLED' ELSE 'SCHEDULED' END)::"InterviewStatus", now()
        FROM generate_series(0, 29999) AS n
        JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS total FROM interviewers) i ON i.k = n % i.total`;
    expect(await prisma.interview.count()).toBe(30_000);
    await prisma.$executeRawUnsafe("ANALYZE interviews");
    // Its speed at this size is a benchmark (`npm run bench -- scale`, /settings/load), not a timed test.
    const report = await getLoadReport();
    // 13 weeks of 60 are shown: about 6,500 interviews, 90% of them counted.
    expect(report.totalInWeeks).toBeGreaterThan(5_000);
    expect(report.totalInWeeks).toBeLessThan(7_000);
  });
});
