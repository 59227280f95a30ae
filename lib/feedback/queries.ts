/**
 * Reads of interviewers' feedback (issue 15), with "blind until you submit" applied on the server
 * (DESIGN "Scorecards and feedback"; the rule itself is lib/feedback/visibility.ts):
 *
 * - listVisibleFeedback: per application, the submitted feedback the viewer may see. Recruiters
 *   and admins: all of it. An interviewer: their own submitted feedback always; colleagues' only
 *   once they have submitted theirs for every completed interview of that application they ran.
 *   Drafts are never listed here (the debrief's form shows its author their own).
 * - getCandidateFeedback: the same, with the grid (lib/feedback/grid.ts) built from what the viewer
 *   may see, for the candidate page.
 * - listOwnDueFeedback: the viewer's completed interviews still waiting for their feedback, overdue
 *   first (the top of an interviewer's dashboard).
 *
 * "Ran the interview" means what it means everywhere else (lib/interviews/visibility.ts): the
 * interview's interviewer is the viewer's panel member (matched by email), or — booked before that
 * member existed — its host email is the viewer's.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStage, InterviewStatus, UserRole } from "@/lib/generated/prisma/enums";
import { resolveViewerScope, type ViewerScope } from "@/lib/interviews/filters-sql";
import { normalizeEmail } from "@/lib/utils";
import { isId } from "@/lib/validations/ids";
import { feedbackStatus, type FeedbackStatus } from "./due";
import { buildFeedbackGrid, readEvidenceCounts, readFeedbackCompetencies, readRecommendation, readCompetencyNames, type FeedbackGrid, type GridFeedbackCompetency } from "./grid";
import type { Rating } from "./ratings";
import { canSeeOthersFeedback, visibleFeedback, type FeedbackViewer } from "./visibility";

/** Who is reading: the signed-in user (SessionUser fits). */
export type FeedbackReader = { id: string; email: string; role: UserRole };

/** Whose feedback to read: one application, or every application of a candidate. */
export type FeedbackScope = { applicationId: string } | { candidateId: string };

export type VisibleFeedback = {
  id: string;
  interviewId: string;
  applicationId: string;
  author: { id: string; name: string; email: string };
  overallRecommendation: Rating | null;
  competencies: (GridFeedbackCompetency & { notes: string })[];
  keyTakeaways: string;
  submittedAt: Date;
  /** Set when it was submitted again after the first time ("Edited"). */
  editedAt: Date | null;
  /** Written about an interview the viewer ran. */
  isOwn: boolean;
  interview: { id: string; startsAt: Date | null; endsAt: Date | null };
};

export type ApplicationFeedback = {
  applicationId: string;
  /** Whether the viewer sees colleagues' feedback on this application (always for recruiters and admins). */
  canSeeOthers: boolean;
  /** Whether the viewer ran a completed interview of this application. */
  hasOwnCompletedInterview: boolean;
  /** Submitted feedback the viewer may see, in interview order. */
  feedback: VisibleFeedback[];
  /** The viewer's completed interviews of this application still waiting for their feedback. */
  ownPending: { interviewId: string; startsAt: Date | null; endsAt: Date | null }[];
};

const INTERVIEW_SELECT = {
  id: true,
  status: true,
  startsAt: true,
  endsAt: true,
  interviewerId: true,
  interviewerEmail: true,
} satisfies Prisma.InterviewSelect;

const GRID_INTERVIEW_SELECT = {
  ...INTERVIEW_SELECT,
  scorecardVersion: { select: { version: true, competencies: true } },
  evidence: { select: { competencies: true } },
} satisfies Prisma.InterviewSelect;

const FEEDBACK_SELECT = {
  id: true,
  interviewId: true,
  overallRecommendation: true,
  competencies: true,
  keyTakeaways: true,
  submittedAt: true,
  editedAt: true,
  author: { select: { id: true, name: true, email: true } },
} satisfies Prisma.FeedbackSelect;

type InterviewRow = Prisma.InterviewGetPayload<{ select: typeof INTERVIEW_SELECT }>;
type FeedbackRow = Prisma.FeedbackGetPayload<{ select: typeof FEEDBACK_SELECT }>;

/** The viewer as the pure rule sees them: an interviewer is linked to their panel member by email. */
async function toFeedbackViewer(reader: FeedbackReader): Promise<FeedbackViewer> {
  if (reader.role !== "INTERVIEWER") return { id: reader.id, role: reader.role };
  const interviewer = await db.interviewer.findUnique({ where: { email: normalizeEmail(reader.email) }, select: { id: true } });
  return { id: reader.id, role: reader.role, interviewerId: interviewer?.id ?? null };
}

/**
 * The interviewer id the rule compares: the interview's, or — for an interview booked before its
 * host became a panel member (interviewerId still null) — the viewer's when the host email is theirs.
 */
function ruleInterviewerId(interview: InterviewRow, reader: FeedbackReader, viewer: FeedbackViewer): string | null {
  if (interview.interviewerId) return interview.interviewerId;
  return viewer.interviewerId && interview.interviewerEmail === normalizeEmail(reader.email) ? viewer.interviewerId : null;
}

function toVisibleFeedback(row: FeedbackRow, applicationId: string, interview: InterviewRow, isOwn: boolean): VisibleFeedback {
  const notes = new Map<string, string>();
  if (Array.isArray(row.competencies)) {
    for (const item of row.competencies as unknown[]) {
      const entry = item as { key?: unknown; notes?: unknown } | null;
      if (typeof entry?.key === "string" && typeof entry.notes === "string") notes.set(entry.key, entry.notes);
    }
  }
  return {
    id: row.id,
    interviewId: row.interviewId,
    applicationId,
    author: row.author,
    overallRecommendation: readRecommendation(row.overallRecommendation),
    competencies: readFeedbackCompetencies(row.competencies).map((c) => ({ ...c, notes: notes.get(c.key) ?? "" })),
    keyTakeaways: row.keyTakeaways,
    submittedAt: row.submittedAt!,
    editedAt: row.editedAt,
    isOwn,
    interview: { id: interview.id, startsAt: interview.startsAt, endsAt: interview.endsAt },
  };
}

type LoadedApplication<I extends InterviewRow> = { id: string; interviews: I[] };

/** Blind until you submit, over one application's interviews and all of its submitted feedback. */
function applyVisibility<I extends InterviewRow>(reader: FeedbackReader, viewer: FeedbackViewer, application: LoadedApplication<I>, submitted: FeedbackRow[]): ApplicationFeedback {
  const interviews = application.interviews.map((i) => ({ id: i.id, interviewerId: ruleInterviewerId(i, reader, viewer), status: i.status }));
  const byId = new Map(application.interviews.map((i) => [i.id, i]));
  // In interview order (then submission order): the order of the application's interviews.
  const position = new Map(application.interviews.map((i, index) => [i.id, index]));
  const records = submitted.filter((f) => position.has(f.interviewId)).sort((a, b) => position.get(a.interviewId)! - position.get(b.interviewId)!);
  const submittedIds = new Set(records.map((f) => f.interviewId));
  const isViewers = (interviewId: string) => !!viewer.interviewerId && interviews.some((i) => i.id === interviewId && i.interviewerId === viewer.interviewerId);
  const own = interviews.filter((i) => i.status === "COMPLETED" && isViewers(i.id));
  return {
    applicationId: application.id,
    canSeeOthers: canSeeOthersFeedback(viewer, { interviews }, submittedIds),
    hasOwnCompletedInterview: own.length > 0,
    feedback: visibleFeedback(viewer, { interviews }, records).map((row) => toVisibleFeedback(row, application.id, byId.get(row.interviewId)!, isViewers(row.interviewId))),
    ownPending: own
      .filter((i) => !submittedIds.has(i.id))
      .map((i) => {
        const interview = byId.get(i.id)!;
        return { interviewId: i.id, startsAt: interview.startsAt, endsAt: interview.endsAt };
      }),
  };
}

const scopeWhere = (scope: FeedbackScope): Prisma.ApplicationWhereInput | null => {
  const id = "applicationId" in scope ? scope.applicationId : scope.candidateId;
  if (!isId(id)) return null;
  return "applicationId" in scope ? { id: id.toLowerCase() } : { candidateId: id.toLowerCase() };
};

const INTERVIEW_ORDER: Prisma.InterviewOrderByWithRelationInput[] = [{ startsAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }];

async function submittedFeedbackOf(interviewIds: string[]): Promise<FeedbackRow[]> {
  if (interviewIds.length === 0) return [];
  // Through the interviews (not Feedback.applicationId): the (interview_id, author_id) index, and
  // a feedback row always names its interview.
  return db.feedback.findMany({ where: { interviewId: { in: interviewIds }, submittedAt: { not: null } }, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], select: FEEDBACK_SELECT });
}

/** Per application (oldest first), the submitted feedback `reader` may see. [] for a malformed or unknown id. */
export async function listVisibleFeedback(reader: FeedbackReader, scope: FeedbackScope): Promise<ApplicationFeedback[]> {
  const where = scopeWhere(scope);
  if (!where) return [];
  const [viewer, applications] = await Promise.all([
    toFeedbackViewer(reader),
    db.application.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, interviews: { orderBy: INTERVIEW_ORDER, select: INTERVIEW_SELECT } } }),
  ]);
  const submitted = await submittedFeedbackOf(applications.flatMap((a) => a.interviews.map((i) => i.id)));
  return applications.map((application) => applyVisibility(reader, viewer, application, submitted));
}

export type CandidateApplicationFeedback = ApplicationFeedback & {
  /** Built from the feedback the viewer may see; null while an interviewer may not see colleagues' feedback. */
  grid: FeedbackGrid | null;
  /** The application as it stands: what a decision starts from (updatedAt: the optimistic-concurrency check). */
  application: { id: string; stage: ApplicationStage; rejectionReason: string | null; decidedAt: Date | null; updatedAt: Date; role: { title: string } };
};

const CANDIDATE_APPLICATION_SELECT = {
  id: true,
  stage: true,
  rejectionReason: true,
  decidedAt: true,
  updatedAt: true,
  role: { select: { title: true } },
  interviews: { orderBy: INTERVIEW_ORDER, select: GRID_INTERVIEW_SELECT },
} satisfies Prisma.ApplicationSelect;

/**
 * The candidate page's Feedback section: per application, the visible feedback and its grid. The
 * grid's rows come from every interview that was not cancelled (their scorecard versions and
 * evidence), its columns from the visible feedback only.
 */
export async function getCandidateFeedback(reader: FeedbackReader, candidateId: string): Promise<CandidateApplicationFeedback[]> {
  const where = scopeWhere({ candidateId });
  if (!where) return [];
  const [viewer, applications] = await Promise.all([
    toFeedbackViewer(reader),
    db.application.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CANDIDATE_APPLICATION_SELECT }),
  ]);
  const submitted = await submittedFeedbackOf(applications.flatMap((a) => a.interviews.map((i) => i.id)));
  return applications.map((application) => {
    const { interviews: _interviews, ...record } = application;
    const view = applyVisibility(reader, viewer, application, submitted);
    if (!view.canSeeOthers) return { ...view, grid: null, application: record };
    const interviews = application.interviews
      .filter((i) => i.status !== "CANCELLED")
      .map((i) => ({
        id: i.id,
        scorecard: i.scorecardVersion ? { version: i.scorecardVersion.version, competencies: readCompetencyNames(i.scorecardVersion.competencies) } : null,
        evidence: readEvidenceCounts(i.evidence?.competencies),
      }));
    const grid = buildFeedbackGrid({
      interviews,
      feedback: view.feedback.map((f) => ({
        id: f.id,
        interviewId: f.interviewId,
        interviewer: { id: f.author.id, name: f.author.name },
        overallRecommendation: f.overallRecommendation,
        competencies: f.competencies,
      })),
    });
    return { ...view, grid, application: record };
  });
}

// ───────────────────────────── Feedback due ─────────────────────────────

export type OwnDueFeedback = {
  interviewId: string;
  status: Extract<FeedbackStatus, "due" | "overdue">;
  startsAt: Date | null;
  endsAt: Date;
  candidate: { id: string; name: string } | null;
  guestName: string | null;
  role: { title: string } | null;
};

/**
 * How many of their due interviews the top of an interviewer's dashboard lists, longest-waiting
 * first: enough to act on without pushing their interviews below the fold. The rest are one click
 * away ("N more"), in the list filtered on Feedback due, which pages through any number.
 */
export const OWN_DUE_FEEDBACK_LIMIT = 10;

/**
 * listOwnDueFeedback's interviews as SQL: the viewer's interviews waiting for feedback
 * (feedback_due_since, the end of a completed interview with no submitted feedback, kept by the
 * database: migration 20261212000000) that ended by `now`, whether they are theirs by panel member
 * or by host email: two ranges of partial indexes of the waiting interviews (migration
 * 20261212001000), not one OR that reads every matching row of the interviews table. The second
 * range keeps only the interviews whose panel member is not the viewer's, so an interview that is
 * theirs both ways is taken once without deduplicating the two (migration 20261214000000 put the
 * panel member in that index). Only the interviewer who ran an interview can submit feedback on it,
 * so any submitted feedback on it is theirs. The same interviews as the Prisma `where` it replaced
 * (tested).
 */
function ownDueRanges(scope: NonNullable<ViewerScope>, now: Date): [byPanelMember: Prisma.Sql, byHostEmailOnly: Prisma.Sql] {
  const ids = Prisma.sql`${scope.interviewerIds}::uuid[]`;
  // One panel member (the usual case) as an equality, so its range is read in index order and the page stops at `limit`.
  const [only] = scope.interviewerIds;
  const isTheirs = scope.interviewerIds.length === 1 ? Prisma.sql`i.interviewer_id = ${only}::uuid` : Prisma.sql`i.interviewer_id = ANY(${ids})`;
  return [
    Prisma.sql`${isTheirs} AND i.feedback_due_since <= ${now}`,
    Prisma.sql`i.interviewer_email = ${scope.email} AND i.feedback_due_since <= ${now} AND (i.interviewer_id IS NULL OR i.interviewer_id <> ALL(${ids}))`,
  ];
}

/** How many interviews listOwnDueFeedback has in all: the two disjoint ranges' counts, added. */
export function ownDueFeedbackCountSql(scope: NonNullable<ViewerScope>, now: Date): Prisma.Sql {
  const [byPanelMember, byHostEmailOnly] = ownDueRanges(scope, now);
  return Prisma.sql`SELECT ((SELECT count(*) FROM interviews i WHERE ${byPanelMember}) + (SELECT count(*) FROM interviews i WHERE ${byHostEmailOnly}))::int AS total`;
}

/** The first `limit` of them, longest-waiting first: each range is an ordered index range cut at `limit`, so the first `limit` of both are among them. */
export function ownDueFeedbackPageSql(scope: NonNullable<ViewerScope>, now: Date, limit: number): Prisma.Sql {
  const range = (where: Prisma.Sql) => Prisma.sql`(SELECT i.id, i.feedback_due_since FROM interviews i WHERE ${where} ORDER BY i.feedback_due_since, i.id LIMIT ${limit})`;
  const [byPanelMember, byHostEmailOnly] = ownDueRanges(scope, now);
  return Prisma.sql`SELECT id, feedback_due_since FROM (${range(byPanelMember)} UNION ALL ${range(byHostEmailOnly)}) own ORDER BY feedback_due_since, id LIMIT ${limit}`;
}

type OwnDueRow = {
  id: string;
  status: InterviewStatus;
  startsAt: Date | null;
  endsAt: Date;
  guestName: string | null;
  candidateId: string | null;
  candidateName: string | null;
  roleTitle: string | null;
  total: number;
};

/**
 * The viewer's completed interviews that ended without their submitted feedback, overdue first
 * (the longest-waiting first). Only interviews they ran (their scope, in the query); for recruiters
 * and admins, who run none, it is empty. At most `limit`, with the total: one statement, the page's
 * rows joined to their candidate and role, each carrying the total (an empty page is a total of 0,
 * since the page is cut at a limit of at least 1 from the same snapshot). `scope` spares resolving
 * the viewer again when the caller already has (the dashboard resolves it once for its list too).
 */
export async function listOwnDueFeedback(
  reader: FeedbackReader,
  { now = new Date(), dueHours = getEnv().FEEDBACK_DUE_HOURS, limit = OWN_DUE_FEEDBACK_LIMIT, scope: resolved }: { now?: Date; dueHours?: number; limit?: number; scope?: ViewerScope } = {},
): Promise<{ rows: OwnDueFeedback[]; total: number }> {
  const scope = resolved === undefined ? await resolveViewerScope(reader) : resolved;
  if (!scope) return { rows: [], total: 0 };
  const rows = await db.$queryRaw<OwnDueRow[]>(Prisma.sql`
    SELECT i.id, i.status::text AS status, i.starts_at AS "startsAt", i.ends_at AS "endsAt", i.guest_name AS "guestName",
           c.id AS "candidateId", c.name AS "candidateName", r.title AS "roleTitle", total.total
    FROM (${ownDueFeedbackPageSql(scope, now, Math.max(1, Math.trunc(limit)))}) own
    JOIN interviews i ON i.id = own.id
    LEFT JOIN candidates c ON c.id = i.candidate_id
    LEFT JOIN applications a ON a.id = i.application_id
    LEFT JOIN roles r ON r.id = a.role_id
    CROSS JOIN (${ownDueFeedbackCountSql(scope, now)}) total
    ORDER BY own.feedback_due_since, own.id`);
  return {
    rows: rows.map((row) => {
      const status = feedbackStatus({ status: row.status, endsAt: row.endsAt, submittedAt: null }, now, dueHours);
      return {
        interviewId: row.id,
        status: status === "overdue" ? "overdue" : "due",
        startsAt: row.startsAt,
        endsAt: row.endsAt,
        candidate: row.candidateId === null ? null : { id: row.candidateId, name: row.candidateName! },
        guestName: row.guestName,
        role: row.roleTitle === null ? null : { title: row.roleTitle },
      };
    }),
    total: rows[0]?.total ?? 0,
  };
}
