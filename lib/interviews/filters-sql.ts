/**
 * The interview list's filters and the viewer's visibility as SQL predicates over `interviews i`,
 * for the ranked transcript search (lib/interviews/search.ts), which must apply them INSIDE its
 * one statement: a filter applied after a capped match set would miss rows ("role X" + a common
 * word). Mirrors filtersWhere (./filters.ts) and visibleTo (./visibility.ts) clause by clause; the
 * parity test (tests/integration/interview-search-filters.test.ts) checks both select the same ids.
 * Every value is a bound parameter (Prisma.sql), never spliced text.
 */
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { feedbackEndedBy, startsAtRange, type FilterClock } from "@/lib/interviews/filters";
import type { InterviewViewer } from "@/lib/interviews/visibility";
import { normalizeEmail } from "@/lib/utils";
import type { TInterviewFilters } from "@/lib/validations/interviews";

/** The filters' predicates (no `q`), each over the alias `i`; empty when nothing filters. */
export function filtersSql(filters: Partial<TInterviewFilters>, clock: FilterClock): Prisma.Sql[] {
  const clauses: Prisma.Sql[] = [];
  if (filters.roleId) clauses.push(Prisma.sql`i.application_role_id = ${filters.roleId}::uuid`);
  if (filters.interviewerId) clauses.push(Prisma.sql`i.interviewer_id = ${filters.interviewerId}::uuid`);
  if (filters.status && filters.status !== "ALL") clauses.push(Prisma.sql`i.status = ${filters.status}::"InterviewStatus"`);
  if (filters.stage) clauses.push(Prisma.sql`i.application_stage = ${filters.stage}::"ApplicationStage"`);
  const endedBy = feedbackEndedBy(filters.feedback, clock);
  if (endedBy) clauses.push(Prisma.sql`i.feedback_due_since <= ${endedBy}`);
  const range = startsAtRange(filters);
  if (range?.gte) clauses.push(Prisma.sql`i.starts_at >= ${range.gte}`);
  if (range?.lt) clauses.push(Prisma.sql`i.starts_at < ${range.lt}`);
  return clauses;
}

/**
 * An INTERVIEWER viewer resolved for SQL: their normalised email and the ids of the panel members
 * (interviewers) with that email; null for ADMIN and RECRUITER, who see every interview.
 */
export type ViewerScope = { email: string; interviewerIds: string[] } | null;

/**
 * Resolves `viewer` for visibleToSql with one tiny query (interviewers by email), so the search's
 * visibility is two indexed equalities (interviews_interviewer_id_starts_at_idx OR
 * interviews_interviewer_email_starts_at_interviewer_id_idx, a BitmapOr) instead of a
 * per-interview join to the interviewers. Same set as visibleTo's
 * `interviewer.email = email OR interviewerEmail = email`.
 */
export async function resolveViewerScope(viewer: InterviewViewer): Promise<ViewerScope> {
  if (viewer.role !== "INTERVIEWER") return null;
  return viewerScope(viewer, await db.interviewer.findUnique({ where: { email: normalizeEmail(viewer.email) }, select: { id: true } }));
}

/**
 * resolveViewerScope from the viewer's panel member (the interviewer with their email, unique),
 * when the caller has already read it: the dashboard has it from the app shell's
 * getLinkedInterviewer (cached per request), so resolving costs no query.
 */
export function viewerScope(viewer: InterviewViewer, panelMember: { id: string } | null): ViewerScope {
  if (viewer.role !== "INTERVIEWER") return null;
  return { email: normalizeEmail(viewer.email), interviewerIds: panelMember ? [panelMember.id] : [] };
}

/** visibleTo as predicates over `i` (see resolveViewerScope): none for those who see everything. */
export function visibleToSql(scope: ViewerScope): Prisma.Sql[] {
  if (!scope) return [];
  return [Prisma.sql`(i.interviewer_id = ANY(${scope.interviewerIds}::uuid[]) OR i.interviewer_email = ${scope.email})`];
}

/** The predicates ANDed (TRUE when there are none). */
export function andSql(clauses: readonly Prisma.Sql[]): Prisma.Sql {
  return clauses.length === 0
    ? Prisma.sql`TRUE`
    : Prisma.join(
        clauses.map((clause) => Prisma.sql`(${clause})`),
        " AND ",
      );
}
