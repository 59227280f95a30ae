/**
 * The interview list's filters as a Prisma `where` (listInterviews without `q`). Role, Stage and
 * Feedback read the interview's own copies of its application's role and stage and its feedback
 * mark (migration 20261212000000_interview_filter_copies), each indexed with starts_at, so no filter
 * joins another table. Their SQL twin is lib/interviews/filters-sql.ts (the ranked transcript
 * search); the parity test (tests/integration/interview-search-filters.test.ts) keeps the two
 * selecting the same interviews.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { getLocalDateRange, type InstantRange } from "@/lib/interviews/date-range";
import type { TInterviewFilters } from "@/lib/validations/interviews";

/** Where "upcoming" ends and what feedback is due by; hours after its end until missing feedback is overdue. */
export type FilterClock = { now: Date; feedbackDueHours: number };

/**
 * The end before which a completed interview without submitted feedback matches the Feedback
 * filter, or null without one. "Due" includes overdue: every completed interview still waiting.
 */
export function feedbackEndedBy(feedback: TInterviewFilters["feedback"], { now, feedbackDueHours }: FilterClock): Date | null {
  if (!feedback) return null;
  return feedback === "OVERDUE" ? new Date(now.getTime() - feedbackDueHours * 3_600_000) : now;
}

/** The From/To days as instants, or null without either. */
export function startsAtRange(filters: Partial<TInterviewFilters>): InstantRange | null {
  if (!filters.from && !filters.to) return null;
  return getLocalDateRange({ from: filters.from, to: filters.to, timeZone: filters.tz });
}

/**
 * Completed interviews that ended by `endedBy` without submitted feedback. Only the interviewer who
 * ran an interview can submit feedback on it (lib/feedback), so any submitted feedback on it is
 * theirs. feedbackDueSince is the end of a completed interview whose feedback is not in, null
 * otherwise, kept by the database (migration 20261212000000_interview_filter_copies).
 */
const awaitingFeedback = (endedBy: Date): Prisma.InterviewWhereInput => ({ feedbackDueSince: { lte: endedBy } });

/** The `where` of the filters alone (visibility is added by the caller); `q` is not among them. */
export function filtersWhere(filters: Partial<TInterviewFilters>, clock: FilterClock): Prisma.InterviewWhereInput[] {
  const clauses: Prisma.InterviewWhereInput[] = [];
  if (filters.roleId) clauses.push({ applicationRoleId: filters.roleId });
  if (filters.interviewerId) clauses.push({ interviewerId: filters.interviewerId });
  if (filters.status && filters.status !== "ALL") clauses.push({ status: filters.status });
  if (filters.stage) clauses.push({ applicationStage: filters.stage });
  const endedBy = feedbackEndedBy(filters.feedback, clock);
  if (endedBy) clauses.push(awaitingFeedback(endedBy));
  const range = startsAtRange(filters);
  if (range) clauses.push({ startsAt: { ...(range.gte ? { gte: range.gte } : {}), ...(range.lt ? { lt: range.lt } : {}) } });
  return clauses;
}
