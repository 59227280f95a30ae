/**
 * Who may see which interview: ADMIN and RECRUITER every one, an INTERVIEWER only the interviews
 * they run. Always used inside a query's `where`, never as a check done beforehand.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ViewerScope } from "@/lib/interviews/filters-sql";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { normalizeEmail } from "@/lib/utils";

/** Who is looking: the signed-in user (SessionUser fits). */
export type InterviewViewer = { email: string; role: UserRole };

/** The interviews `viewer` may see. */
export function visibleTo(viewer: InterviewViewer): Prisma.InterviewWhereInput {
  if (viewer.role !== "INTERVIEWER") return {};
  const email = normalizeEmail(viewer.email);
  // interviewerEmail covers an interviewer whose Interviewer row was added after the booking was
  // processed (interviewerId is then still null); both hold the normalised host email.
  return { OR: [{ interviewer: { is: { email } } }, { interviewerEmail: email }] };
}

/**
 * visibleTo for a viewer already resolved by resolveViewerScope (./filters-sql.ts): the same
 * interviews, as two indexed equalities (interviewer_id IN the panel members' ids, OR the booking's
 * email) rather than a join to the interviewers — what the list's queries use.
 */
export function visibleToScope(scope: ViewerScope): Prisma.InterviewWhereInput {
  if (!scope) return {};
  return { OR: [{ interviewerId: { in: scope.interviewerIds } }, { interviewerEmail: scope.email }] };
}
