/**
 * Parity of the interview list's two filter implementations (issue 18): the Prisma `where` the
 * list uses without a search (filtersWhere + visibleTo) and the SQL predicates the ranked
 * transcript search applies inside its one statement (filtersSql + visibleToSql). For a seeded set
 * that exercises every clause and a table of filter combinations and viewers, both must select
 * exactly the same interviews — the guard against the two drifting apart. The search statement
 * itself (searchPageSql, which applies the predicates to the search document's copies of the
 * interview's columns) must find exactly those of them that have a matching document. And the
 * Role, Stage and Feedback filters, which read the interview's copies of its application's role and
 * stage and its feedback mark, select what they mean, read through the applications and feedback.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStage, InterviewStatus } from "@/lib/generated/prisma/enums";
import { filtersWhere } from "@/lib/interviews/filters";
import { andSql, filtersSql, resolveViewerScope, viewerScope, visibleToSql } from "@/lib/interviews/filters-sql";
import { searchInterviewIds } from "@/lib/interviews/search";
import { writeSearchDocument } from "@/lib/interviews/search-document";
import { visibleTo, visibleToScope, type InterviewViewer } from "@/lib/interviews/visibility";
import type { TInterviewFilters } from "@/lib/validations/interviews";
import { seedDemoRoster } from "../support/demo-roster";
import { openTestDatabase, resetTables } from "../support/database";

const prisma = openTestDatabase();

const NOW = new Date("2026-03-10T12:00:00.000Z");
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const CLOCK = { now: NOW, feedbackDueHours: 24 };

const SARAH = "sarah.kim@northwind.example";
const MARCUS = "marcus.johnson@northwind.example";
const LATE_HOST = "late.host@northwind.example";

let roleIds: Record<string, string> = {};
let interviewerIds: Record<string, string> = {};
/** The parity interviews with a search document (all but every seventh) that says "parity". */
const withDocument = new Set<string>();

beforeAll(async () => {
  await resetTables();
  ({ roleIds, interviewerIds } = await seedDemoRoster(prisma, NOW));
  const author = await prisma.user.create({ data: { email: SARAH, name: "Sarah", role: "INTERVIEWER", passwordHash: "unused" }, select: { id: true } });

  const roles = ["backend-engineer", "product-designer", null] as const;
  const stages: ApplicationStage[] = ["INTERVIEWING", "REJECTED", "OFFER"];
  const statuses: InterviewStatus[] = ["SCHEDULED", "RESCHEDULED", "CANCELLED", "COMPLETED"];
  const hosts = [SARAH, MARCUS, LATE_HOST, null] as const;
  const starts = [at(-200), at(-30), at(-2), at(-0.5), at(20), at(400), null] as const;
  // Every combination would be 4 × 3 × 4 × 4 × 7; a stride through them covers each value of each
  // dimension many times, in varied company.
  for (let n = 0; n < 84; n++) {
    const role = roles[n % roles.length]!;
    const email = `parity-${n}@example.org`;
    const candidate = await prisma.candidate.create({ data: { name: `Parity ${n}`, email, emailRaw: email }, select: { id: true } });
    const application = role
      ? await prisma.application.create({ data: { candidateId: candidate.id, roleId: roleIds[role]!, stage: stages[Math.floor(n / 3) % stages.length]! }, select: { id: true } })
      : null;
    const host = hosts[Math.floor(n / 2) % hosts.length]!;
    const startsAt = starts[n % starts.length]!;
    const status = statuses[Math.floor(n / 5) % statuses.length]!;
    const interview = await prisma.interview.create({
      data: {
        bookingId: randomUUID(),
        candidateId: candidate.id,
        applicationId: application?.id ?? null,
        // The late host has no Interviewer row: only interviewerEmail names them.
        interviewerId: host && host !== LATE_HOST ? interviewerIds[host]! : null,
        interviewerEmail: host,
        startsAt,
        endsAt: startsAt ? new Date(startsAt.getTime() + 45 * 60_000) : null,
        status,
      },
      select: { id: true },
    });
    if (n % 7 !== 3) {
      const asset = await prisma.mediaAsset.create({ data: { interviewId: interview.id, kind: "TRANSCRIPT", source: "UPLOAD", status: "STORED" }, select: { id: true } });
      await writeSearchDocument(prisma, interview.id, asset.id, [{ speaker: null, text: `parity interview ${n}` }]);
      withDocument.add(interview.id);
    }
    // Feedback on some: submitted, or only a draft (which is not feedback).
    if (n % 4 === 1) await prisma.feedback.create({ data: { interviewId: interview.id, authorId: author.id, submittedAt: at(-1), revision: 1 } });
    if (n % 4 === 2) await prisma.feedback.create({ data: { interviewId: interview.id, authorId: author.id, draft: { keyTakeaways: "half" } } });
  }
});

const RECRUITER: InterviewViewer = { email: "recruiter@example.com", role: "RECRUITER" };
const VIEWERS: [string, InterviewViewer][] = [
  ["a recruiter", RECRUITER],
  ["an interviewer", { email: SARAH, role: "INTERVIEWER" }],
  ["an interviewer known only by the booking's email", { email: ` ${LATE_HOST.toUpperCase()} `, role: "INTERVIEWER" }],
];

const FILTERS: [string, () => Partial<TInterviewFilters>][] = [
  ["no filter", () => ({})],
  ["a role", () => ({ roleId: roleIds["backend-engineer"] })],
  ["an interviewer", () => ({ interviewerId: interviewerIds[MARCUS] })],
  ["a status", () => ({ status: "CANCELLED" })],
  ["status ALL", () => ({ status: "ALL" })],
  ["a stage", () => ({ stage: "REJECTED" })],
  ["feedback due", () => ({ feedback: "DUE" })],
  ["feedback overdue", () => ({ feedback: "OVERDUE" })],
  ["from", () => ({ from: "2026-03-10", tz: "Europe/Paris" })],
  ["to", () => ({ to: "2026-03-09", tz: "America/New_York" })],
  ["from and to", () => ({ from: "2026-03-01", to: "2026-03-10", tz: "UTC" })],
  ["role, stage and status", () => ({ roleId: roleIds["product-designer"], stage: "OFFER", status: "COMPLETED" })],
  ["interviewer, feedback due and days", () => ({ interviewerId: interviewerIds[SARAH], feedback: "DUE", from: "2026-03-01", to: "2026-03-10" })],
];

async function idsByPrisma(viewer: InterviewViewer, filters: Partial<TInterviewFilters>): Promise<string[]> {
  const rows = await prisma.interview.findMany({ where: { AND: [visibleTo(viewer), ...filtersWhere(filters, CLOCK)] }, select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((r) => r.id);
}

async function idsBySql(viewer: InterviewViewer, filters: Partial<TInterviewFilters>): Promise<string[]> {
  const where = andSql([...filtersSql(filters, CLOCK), ...visibleToSql(await resolveViewerScope(viewer))]);
  const rows = await prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT i.id FROM interviews i WHERE ${where} ORDER BY i.id`);
  return rows.map((r) => r.id);
}

/**
 * The Role, Stage and Feedback filters as they are defined, through the application and the
 * feedback (the joins that filtersWhere's copies replace: migration 20261212000000).
 */
function filtersByDefinition(filters: Partial<TInterviewFilters>): Prisma.InterviewWhereInput[] {
  const { roleId, stage, feedback, ...rest } = filters;
  const endedBy = feedback ? new Date(NOW.getTime() - (feedback === "OVERDUE" ? CLOCK.feedbackDueHours * 3_600_000 : 0)) : null;
  return [
    ...filtersWhere(rest, CLOCK),
    ...(roleId ? [{ application: { is: { roleId } } }] : []),
    ...(stage ? [{ application: { is: { stage } } }] : []),
    ...(endedBy ? [{ status: "COMPLETED" as const, endsAt: { lte: endedBy }, feedback: { none: { submittedAt: { not: null } } } }] : []),
  ];
}

describe("filtersSql and visibleToSql", () => {
  it.each(FILTERS)("filtersWhere selects what the filters mean, read through the applications and the feedback: %s", async (_, filters) => {
    const byDefinition = await prisma.interview.findMany({ where: { AND: filtersByDefinition(filters()) }, select: { id: true }, orderBy: { id: "asc" } });
    expect(await idsByPrisma(RECRUITER, filters())).toEqual(byDefinition.map((r) => r.id));
  });

  for (const [viewerName, viewer] of VIEWERS) {
    it.each(FILTERS)(`select the same interviews as filtersWhere and visibleTo for ${viewerName}: %s`, async (_, filters) => {
      const expected = await idsByPrisma(viewer, filters());
      expect(await idsBySql(viewer, filters())).toEqual(expected);
    });
  }

  for (const [viewerName, viewer] of VIEWERS) {
    it.each(FILTERS)(`are what the search statement applies for ${viewerName}: %s`, async (_, filters) => {
      const expected = (await idsByPrisma(viewer, filters())).filter((id) => withDocument.has(id));
      const found = await searchInterviewIds(await resolveViewerScope(viewer), { ...filters(), q: "parity" }, CLOCK, { skip: 0, take: 100 });
      expect([...found.ids].sort()).toEqual(expected);
      expect(found.total).toBe(expected.length);
    });
  }

  it("resolves an interviewer to their panel members by email: an interview naming only the panel member (no booking email) is theirs in both", async () => {
    expect(await resolveViewerScope(RECRUITER)).toBeNull();
    const sarah: InterviewViewer = { email: ` ${SARAH.toUpperCase()} `, role: "INTERVIEWER" };
    expect(await resolveViewerScope(sarah)).toEqual({ email: SARAH, interviewerIds: [interviewerIds[SARAH]] });
    // The same from a panel member already read (the dashboard's, from the app shell); none: the email alone.
    expect(viewerScope(sarah, { id: interviewerIds[SARAH]! })).toEqual(await resolveViewerScope(sarah));
    expect(viewerScope({ email: "No.Panel@Example.org", role: "INTERVIEWER" }, null)).toEqual({ email: "no.panel@example.org", interviewerIds: [] });
    expect(await resolveViewerScope({ email: "No.Panel@Example.org", role: "INTERVIEWER" })).toEqual({ email: "no.panel@example.org", interviewerIds: [] });
    expect(viewerScope(RECRUITER, { id: interviewerIds[SARAH]! })).toBeNull();
    const email = "parity-panel-only@example.org";
    const candidate = await prisma.candidate.create({ data: { name: "Panel only", email, emailRaw: email }, select: { id: true } });
    const interview = await prisma.interview.create({
      data: { bookingId: randomUUID(), candidateId: candidate.id, interviewerId: interviewerIds[SARAH]!, interviewerEmail: null, startsAt: at(-3), status: "SCHEDULED" },
      select: { id: true },
    });
    try {
      const expected = await idsByPrisma(sarah, {});
      expect(expected).toContain(interview.id);
      expect(await idsBySql(sarah, {})).toEqual(expected);
      const scoped = await prisma.interview.findMany({ where: visibleToScope(await resolveViewerScope(sarah)), select: { id: true }, orderBy: { id: "asc" } });
      expect(scoped.map((r) => r.id)).toEqual(expected);
      expect(await idsBySql({ email: MARCUS, role: "INTERVIEWER" }, {})).not.toContain(interview.id);
    } finally {
      await prisma.interview.delete({ where: { id: interview.id } });
      await prisma.candidate.delete({ where: { id: candidate.id } });
    }
  });

  it.each(VIEWERS)("visibleToScope (the list's resolved visibility) selects the same interviews as visibleTo for %s", async (_, viewer) => {
    const scoped = await prisma.interview.findMany({ where: visibleToScope(await resolveViewerScope(viewer)), select: { id: true }, orderBy: { id: "asc" } });
    expect(scoped.map((r) => r.id)).toEqual(await idsByPrisma(viewer, {}));
  });

  it("is not vacuous: the filters narrow the set, and an interviewer sees a part of it", async () => {
    const all = await idsByPrisma(RECRUITER, {});
    expect(all).toHaveLength(84);
    for (const [name, filters] of FILTERS.slice(1)) {
      if (name === "status ALL") continue;
      const narrowed = await idsBySql(RECRUITER, filters());
      expect(narrowed.length, name).toBeGreaterThan(0);
      expect(narrowed.length, name).toBeLessThan(all.length);
    }
    for (const [, viewer] of VIEWERS.slice(1)) expect((await idsBySql(viewer, {})).length).toBeGreaterThan(0);
  });
});
