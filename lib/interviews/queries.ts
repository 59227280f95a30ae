/**
 * Reads for the recruiter dashboard: the interview list (/dashboard) with its filters (role,
 * interviewer, status, application stage, feedback due or overdue, days, transcript words), its
 * filter options, and one candidate's timeline (/dashboard/candidates/[id]). Interviews are written
 * only by the webhook pipeline (process-booking.ts); nothing here writes.
 *
 * Visibility: ADMIN and RECRUITER see every interview. An INTERVIEWER sees only the interviews they
 * run, and a candidate's page only if they interviewed that candidate. The condition is part of
 * every query's `where` (visibleTo), never a check done beforehand.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStage, InterviewStatus, MediaAssetStatus, MediaKind, MediaSource } from "@/lib/generated/prisma/enums";
import { getEnv } from "@/lib/env";
import { feedbackStatus, type FeedbackStatus } from "@/lib/feedback/due";
import { filtersWhere, type FilterClock } from "@/lib/interviews/filters";
import { MAX_RANKED, searchInterviewIds, searchSnippets } from "@/lib/interviews/search";
import type { Snippet } from "@/lib/interviews/snippet";
import { andSql, filtersSql, resolveViewerScope, visibleToSql, type ViewerScope } from "@/lib/interviews/filters-sql";
import { visibleTo, visibleToScope, type InterviewViewer } from "@/lib/interviews/visibility";
import { expectsMedia } from "@/lib/privacy/consent";
import { notRecordedMessage, readRecordingDecision } from "@/lib/privacy/recording-decision";
import { describeNotetakerState, getNotetakerAlert, type NotetakerAlert, type Tone } from "@/lib/notetaker/status";
import { INTERVIEWS_PAGE_SIZE, readInterviewHistory, toSafeHttpUrl, ZCandidateId, type TInterviewFilters, type TInterviewHistoryEntry } from "@/lib/validations/interviews";

export type { InterviewViewer } from "@/lib/interviews/visibility";

// ───────────────────────────── Interview list ─────────────────────────────

/** What a list row is made from (toListRow): the interview's columns and what it is shown with. */
type ListRecord = Pick<
  InterviewListRow,
  "id" | "bookingId" | "status" | "startsAt" | "endsAt" | "meetingUrl" | "guestName" | "candidate" | "role" | "interviewer" | "interviewerEmail" | "replacesInterviewId" | "needsLookup"
> & {
  notetakerId: string | null;
  notetakerState: string | null;
  notetakerStateReason: string | null;
  notRecordedReason: string | null;
  mediaAssets: { kind: MediaKind; source: MediaSource; status: MediaAssetStatus; lastError: string | null; storedAt: Date | null }[];
  /** When its feedback was submitted (lib/feedback/due.ts): any one submitted row is enough to know. */
  submittedAt: Date | null;
};

type ListRecordRow = Omit<ListRecord, "mediaAssets" | "candidate" | "role" | "interviewer"> & {
  candidateId: string | null;
  candidateName: string | null;
  candidateEmail: string | null;
  roleTitle: string | null;
  panelMemberName: string | null;
  panelMemberEmail: string | null;
  /** As JSON: the dates are strings. */
  mediaAssets: (Omit<ListRecord["mediaAssets"][number], "storedAt"> & { storedAt: string | null })[];
};

/**
 * The list rows of these interviews, in `ids`' order, in ONE statement: the interview joined to
 * its candidate, role and panel member, with its media (as JSON) and whether any feedback on it is
 * submitted. The Prisma select it replaces sent seven (the interviews, then each relation), about
 * a fifth of a dashboard page's queries.
 */
async function listRecords(ids: readonly string[]): Promise<ListRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.$queryRaw<ListRecordRow[]>`
    SELECT i.id, i.booking_id AS "bookingId", i.status::text AS status, i.starts_at AS "startsAt", i.ends_at AS "endsAt",
           i.meeting_url AS "meetingUrl", i.guest_name AS "guestName", i.interviewer_email AS "interviewerEmail",
           i.replaces_interview_id AS "replacesInterviewId", i.needs_lookup AS "needsLookup", i.notetaker_id AS "notetakerId",
           i.notetaker_state AS "notetakerState", i.notetaker_state_reason AS "notetakerStateReason", i.not_recorded_reason AS "notRecordedReason",
           c.id AS "candidateId", c.name AS "candidateName", c.email AS "candidateEmail", r.title AS "roleTitle",
           v.name AS "panelMemberName", v.email AS "panelMemberEmail",
           (SELECT f.submitted_at FROM feedback f WHERE f.interview_id = i.id AND f.submitted_at IS NOT NULL LIMIT 1) AS "submittedAt",
           (SELECT coalesce(json_agg(json_build_object('kind', m.kind, 'source', m.source, 'status', m.status, 'lastError', m.last_error, 'storedAt', m.stored_at) ORDER BY m.id), '[]'::json)
              FROM media_assets m WHERE m.interview_id = i.id) AS "mediaAssets"
      FROM interviews i
      LEFT JOIN candidates c ON c.id = i.candidate_id
      LEFT JOIN applications a ON a.id = i.application_id
      LEFT JOIN roles r ON r.id = a.role_id
      LEFT JOIN interviewers v ON v.id = i.interviewer_id
     WHERE i.id = ANY(${ids}::uuid[])`;
  const byId = new Map(
    rows.map(({ candidateId, candidateName, candidateEmail, roleTitle, panelMemberName, panelMemberEmail, mediaAssets, ...row }) => [
      row.id,
      {
        ...row,
        mediaAssets: mediaAssets.map((asset) => ({ ...asset, storedAt: asset.storedAt === null ? null : new Date(asset.storedAt) })),
        candidate: candidateId === null ? null : { id: candidateId, name: candidateName!, email: candidateEmail! },
        role: roleTitle === null ? null : { title: roleTitle },
        interviewer: panelMemberName === null ? null : { name: panelMemberName, email: panelMemberEmail! },
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type InterviewListRow = {
  id: string;
  bookingId: string;
  status: InterviewStatus;
  startsAt: Date | null;
  endsAt: Date | null;
  /** http(s) only; null when missing or unsafe. */
  meetingUrl: string | null;
  /** The name from the booking, shown while the candidate is unknown. */
  guestName: string | null;
  /** null while the participants are unknown (needsLookup). */
  candidate: { id: string; name: string; email: string } | null;
  /** null when the booking came from a configuration no role owns. */
  role: { title: string } | null;
  /** null when unassigned or when the host is not a known interviewer (see interviewerEmail). */
  interviewer: { name: string; email: string } | null;
  interviewerEmail: string | null;
  /** Set on a rebooking: the cancelled interview it replaces. */
  replacesInterviewId: string | null;
  needsLookup: boolean;
  /** The Notetaker's state in words ("Not recorded" when it may not record); null when the interview has none. */
  notetaker: { label: string; tone: Tone } | null;
  /** Something the recruiter must act on (the Notetaker never got in, media missing, …). */
  alert: NotetakerAlert | null;
  /** Where its interviewer's feedback stands: "due" / "overdue" once a completed interview has ended without it. */
  feedback: FeedbackStatus;
  /** While searching transcripts (`q`): where its transcript says the words, matches marked; null otherwise. */
  snippet: Snippet | null;
};

export type InterviewList = {
  /**
   * Without `q`: upcoming interviews first (soonest first), then past ones (most recent first), then
   * undated. With `q`: most relevant first among the MAX_RANKED most recent matches, then the older
   * matches, most recent first (see `search`).
   */
  rows: InterviewListRow[];
  /** Interviews matching the filters (and visible to the viewer). */
  total: number;
  /** The page actually returned (a page past the end becomes the last page). */
  page: number;
  pageSize: number;
  /** At least 1, so "page 1 of 1" also describes an empty list. */
  pageCount: number;
  /** Whether the viewer can see any interview at all, ignoring the filters (tells the two empty states apart). */
  hasAnyInterviews: boolean;
  /** Set while searching transcripts: how many matches were ranked by relevance (all of them unless over MAX_RANKED). */
  search: { rankedCount: number; isCapped: boolean } | null;
};

export type ListInterviewsOptions = {
  pageSize?: number;
  /** Where "upcoming" ends, and what feedback is due by; defaults to the current time. */
  now?: Date;
  /** Hours after its end until missing feedback is overdue; defaults to FEEDBACK_DUE_HOURS. */
  feedbackDueHours?: number;
  /** The viewer already resolved (resolveViewerScope), when the caller has it; resolved here otherwise. */
  scope?: ViewerScope;
};

type Clock = FilterClock;

function toListRow(
  { meetingUrl, notetakerId, notetakerState, notetakerStateReason, notRecordedReason, mediaAssets, submittedAt, ...record }: ListRecord,
  { now, feedbackDueHours }: Clock,
  snippet: Snippet | null = null,
): InterviewListRow {
  const recording = readRecordingDecision(notRecordedReason);
  return {
    ...record,
    feedback: record.endsAt ? feedbackStatus({ status: record.status, endsAt: record.endsAt, submittedAt }, now, feedbackDueHours) : "not_due",
    meetingUrl: toSafeHttpUrl(meetingUrl),
    notetaker: !recording.record ? { label: "Not recorded", tone: "neutral" } : notetakerId ? describeNotetakerState(notetakerState) : null,
    alert: getNotetakerAlert({
      status: record.status,
      notetakerId,
      notetakerState,
      notetakerStateReason,
      endsAt: record.endsAt,
      assets: mediaAssets,
      now,
      missingAfterMinutes: getEnv().MEDIA_MISSING_AFTER_MINUTES,
      expectsMedia: expectsMedia(recording),
    }),
    snippet,
  };
}

const PART_NAMES = ["upcoming", "past", "undated"] as const;

/** The list's three parts as predicates over i.starts_at, in PART_NAMES's order. */
function listPartsSql(now: Date): Prisma.Sql[] {
  return [Prisma.sql`i.starts_at >= ${now}`, Prisma.sql`i.starts_at < ${now}`, Prisma.sql`i.starts_at IS NULL`];
}

/**
 * How many interviews match in each part of the list (upcoming, past, undated), in ONE statement
 * with the same predicates as `filtersWhere` (their SQL twin, filtersSql, parity-tested). Every
 * filter is a column of the interview (the role, stage and feedback ones are copies kept by the
 * database, migration 20261212000000_interview_filter_copies), indexed with starts_at, so each
 * part is its own range of an index ending in starts_at, counted in a scalar subquery (a role's
 * 75,000 interviews: ~11 ms, where the join to the applications it replaces took ~45 ms; feedback
 * due, the partial index of the ~40,000 interviews waiting: ~5 ms).
 *
 * An interviewer's visibility is "their panel member OR their host email", which no one index
 * holds. Unfiltered (the page every interviewer lands on), read as one OR it was a sequential scan:
 * ~190 ms for an interviewer with 75,000 of the 300,000 interviews. So each part then counts two
 * disjoint sets and adds them: their panel member's interviews (interviews_interviewer_id_starts_at_idx)
 * and those their host email names but no panel member of theirs runs (almost always none), told
 * apart inside the index that carries interviewer_id (migration
 * 20261213000000_interviewer_visibility_counts): two index-only ranges, ~10 ms. Filtered, the one
 * pass counted per part with FILTER stays: the filter's index narrows it (a stage: ~27 ms), where
 * the two ranges would each fetch every row of theirs to test the filter.
 */
export function listPartCountsSql(scope: ViewerScope, filters: Partial<TInterviewFilters>, { now, feedbackDueHours }: Clock): Prisma.Sql {
  const filtered = filtersSql(filters, { now, feedbackDueHours });
  const parts = listPartsSql(now);
  if (scope && filtered.length > 0) {
    return Prisma.sql`
      SELECT ${Prisma.join(
        parts.map((part, n) => Prisma.sql`count(*) FILTER (WHERE ${part})::int AS ${Prisma.raw(PART_NAMES[n]!)}`),
        ", ",
      )}
        FROM interviews i
       WHERE ${andSql([...visibleToSql(scope), ...filtered])}`;
  }
  const count = (where: readonly Prisma.Sql[]) => Prisma.sql`(SELECT count(*)::int FROM interviews i WHERE ${andSql(where)})`;
  if (!scope) return partCountsSql(parts.map((part) => count([...filtered, part])));
  // The interviewer's two disjoint sets: their panel member's interviews, and those only their host email names.
  const ids = Prisma.sql`${scope.interviewerIds}::uuid[]`;
  const byPanelMember = Prisma.sql`i.interviewer_id = ANY(${ids})`;
  const byEmailOnly = [Prisma.sql`i.interviewer_email = ${scope.email}`, Prisma.sql`i.interviewer_id IS NULL OR NOT i.interviewer_id = ANY(${ids})`];
  return partCountsSql(parts.map((part) => Prisma.sql`${count([byPanelMember, part])} + ${count([...byEmailOnly, part])}`));
}

/** One row of the three parts' counts (scalar subqueries, in PART_NAMES's order). */
function partCountsSql(counts: readonly Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`SELECT ${Prisma.join(
    counts.map((sql, n) => Prisma.sql`${sql} AS ${Prisma.raw(PART_NAMES[n]!)}`),
    ", ",
  )}`;
}

async function countListParts(scope: ViewerScope, filters: Partial<TInterviewFilters>, clock: Clock): Promise<[number, number, number]> {
  const [row] = await db.$queryRaw<{ upcoming: number; past: number; undated: number }[]>(listPartCountsSql(scope, filters, clock));
  return [row?.upcoming ?? 0, row?.past ?? 0, row?.undated ?? 0];
}

/**
 * One page of the interviews `viewer` may see, filtered. Every status is listed unless the status
 * filter says otherwise. Order: upcoming (startsAt >= now) soonest first, then past most recent
 * first, then interviews without a time; ties by id, so pages are stable. The three parts are
 * queried separately and the page is cut across them: each is a range of the starts_at index
 * (issue 8: one "past or undated, NULLS LAST" query sorted every past interview on every page).
 * With `q` the order is relevance instead (searchInterviewList).
 */
export async function listInterviews(
  viewer: InterviewViewer,
  filters: Partial<TInterviewFilters>,
  { pageSize = INTERVIEWS_PAGE_SIZE, now = new Date(), feedbackDueHours = getEnv().FEEDBACK_DUE_HOURS, scope: resolved }: ListInterviewsOptions = {},
): Promise<InterviewList> {
  const size = Math.max(1, Math.min(Math.trunc(pageSize), 100));
  const clock = { now, feedbackDueHours };
  const scope = resolved === undefined ? await resolveViewerScope(viewer) : resolved;
  if (filters.q) return searchInterviewList(scope, { ...filters, q: filters.q }, clock, size);
  const visibility = visibleToScope(scope);
  const where: Prisma.InterviewWhereInput = { AND: [visibility, ...filtersWhere(filters, clock)] };
  const parts: { where: Prisma.InterviewWhereInput; orderBy: Prisma.InterviewOrderByWithRelationInput[] }[] = [
    { where: { AND: [where, { startsAt: { gte: now } }] }, orderBy: [{ startsAt: "asc" }, { id: "asc" }] },
    { where: { AND: [where, { startsAt: { lt: now } }] }, orderBy: [{ startsAt: "desc" }, { id: "desc" }] },
    { where: { AND: [where, { startsAt: null }] }, orderBy: [{ id: "desc" }] },
  ];

  const counts = await countListParts(scope, filters, clock);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(filters.page ?? 1) || 1), pageCount);

  // The page's slice of each part: [offset, offset + size) over upcoming ++ past ++ undated.
  const slices: { skip: number; take: number }[] = [];
  let start = (page - 1) * size;
  for (const count of counts) {
    const take = Math.max(0, Math.min(size - slices.reduce((n, slice) => n + slice.take, 0), count - start));
    slices.push({ skip: Math.min(start, count), take });
    start = Math.max(0, start - count);
  }

  const [records, anyVisible] = await Promise.all([
    Promise.all(
      parts.map((part, i) =>
        slices[i]!.take > 0 ? db.interview.findMany({ where: part.where, orderBy: part.orderBy, skip: slices[i]!.skip, take: slices[i]!.take, select: { id: true } }) : Promise.resolve([]),
      ),
    ).then((pageParts) => listRecords(pageParts.flat().map((row) => row.id))),
    // Only needed to tell "nothing yet" from "nothing matches".
    total > 0 ? true : db.interview.count({ where: visibility, take: 1 }).then((count) => count > 0),
  ]);

  return { rows: records.map((record) => toListRow(record, clock)), total, page, pageSize: size, pageCount, hasAnyInterviews: anyVisible, search: null };
}

/** listInterviews with `q`: a page of the ranked transcript search (lib/interviews/search.ts), with snippets. */
async function searchInterviewList(scope: ViewerScope, filters: Partial<TInterviewFilters> & { q: string }, clock: Clock, size: number): Promise<InterviewList> {
  let page = Math.max(1, Math.trunc(filters.page ?? 1) || 1);
  let found = await searchInterviewIds(scope, filters, clock, { skip: (page - 1) * size, take: size });
  const pageCount = Math.max(1, Math.ceil(found.total / size));
  // A page past the end becomes the last page (asked again: the total was only known now).
  if (page > pageCount) {
    page = pageCount;
    if (found.total > 0) found = await searchInterviewIds(scope, filters, clock, { skip: (page - 1) * size, take: size });
  }
  const [records, snippets, anyVisible] = await Promise.all([
    listRecords(found.ids),
    searchSnippets(found.ids, filters.q),
    found.total > 0 ? true : db.interview.count({ where: visibleToScope(scope), take: 1 }).then((count) => count > 0),
  ]);
  const rows = records.map((record) => toListRow(record, clock, snippets.get(record.id) ?? null));
  return {
    rows,
    total: found.total,
    page,
    pageSize: size,
    pageCount,
    hasAnyInterviews: anyVisible,
    search: { rankedCount: Math.min(found.total, MAX_RANKED), isCapped: found.total > MAX_RANKED },
  };
}

export type InterviewFilterOptions = {
  roles: { id: string; title: string }[];
  interviewers: { id: string; name: string }[];
};

/** Every role and interviewer, by name, for the filter bar's selects (one statement: every dashboard page asks). */
export async function listInterviewFilterOptions(): Promise<InterviewFilterOptions> {
  const rows = await db.$queryRaw<{ kind: "role" | "interviewer"; id: string; label: string }[]>`
    SELECT 'role' AS kind, id, title AS label FROM roles
    UNION ALL
    SELECT 'interviewer' AS kind, id, name AS label FROM interviewers
    ORDER BY kind, label, id`;
  return {
    roles: rows.flatMap((row) => (row.kind === "role" ? [{ id: row.id, title: row.label }] : [])),
    interviewers: rows.flatMap((row) => (row.kind === "interviewer" ? [{ id: row.id, name: row.label }] : [])),
  };
}

// ───────────────────────────── Candidate timeline ─────────────────────────────

const LINKED_INTERVIEW_SELECT = { id: true, status: true, startsAt: true, cancelledAt: true } satisfies Prisma.InterviewSelect;

const TIMELINE_INTERVIEW_SELECT = {
  id: true,
  bookingId: true,
  status: true,
  title: true,
  startsAt: true,
  endsAt: true,
  guestTimezone: true,
  meetingUrl: true,
  cancelledAt: true,
  cancellationReason: true,
  history: true,
  needsLookup: true,
  interviewerEmail: true,
  createdAt: true,
  summaryText: true,
  notRecordedReason: true,
  actionItems: { orderBy: { position: "asc" }, select: { id: true, text: true, isDone: true } },
  application: { select: { id: true, role: { select: { title: true } } } },
  interviewer: { select: { name: true, email: true } },
  replaces: { select: LINKED_INTERVIEW_SELECT },
  replacedBy: { select: LINKED_INTERVIEW_SELECT, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.InterviewSelect;

type TimelineRecord = Prisma.InterviewGetPayload<{ select: typeof TIMELINE_INTERVIEW_SELECT }>;

export type LinkedInterview = { id: string; status: InterviewStatus; startsAt: Date | null; cancelledAt: Date | null };

export type TimelineInterview = {
  id: string;
  bookingId: string;
  status: InterviewStatus;
  title: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  guestTimezone: string | null;
  /** http(s) only; null when missing or unsafe. */
  meetingUrl: string | null;
  cancelledAt: Date | null;
  cancellationReason: string | null;
  /** Oldest first. */
  history: TInterviewHistoryEntry[];
  needsLookup: boolean;
  role: { title: string } | null;
  applicationId: string | null;
  interviewer: { name: string; email: string } | null;
  interviewerEmail: string | null;
  createdAt: Date;
  /** The cancelled interview this one was booked to replace. */
  replaces: LinkedInterview | null;
  /** The interviews booked to replace this one (normally at most one). */
  replacedBy: LinkedInterview[];
  /** The Notetaker's summary, once stored (null for an interview the viewer may not open). */
  summaryText: string | null;
  actionItems: { id: string; text: string; isDone: boolean }[];
  /** "Not recorded: …" when it may not be recorded (lib/privacy), else null. */
  notRecordedMessage: string | null;
  /** Whether the viewer may open its debrief (an interviewer: only the interviews they ran). */
  canOpenDebrief: boolean;
};

export type CandidateTimeline = {
  candidate: {
    id: string;
    name: string;
    email: string;
    timezone: string | null;
    /** http(s) only; null when missing or unsafe. */
    linkedinUrl: string | null;
    createdAt: Date;
  };
  /** Oldest first. */
  applications: { id: string; stage: ApplicationStage; createdAt: Date; role: { id: string; title: string } }[];
  /** Every interview of the person across all applications, incl. cancelled and rebooked; latest start first. */
  interviews: TimelineInterview[];
};

function toTimelineInterview({ application, meetingUrl, history, notRecordedReason, ...record }: TimelineRecord): TimelineInterview {
  return {
    ...record,
    notRecordedMessage: notRecordedMessage(notRecordedReason),
    canOpenDebrief: true,
    meetingUrl: toSafeHttpUrl(meetingUrl),
    history: readInterviewHistory(history),
    role: application?.role ?? null,
    applicationId: application?.id ?? null,
  };
}

/**
 * A candidate and every interview of theirs, or null when there is no such candidate, the id is
 * malformed, or the viewer may not see them (an INTERVIEWER who never interviewed them).
 */
export async function getCandidateTimeline(viewer: InterviewViewer, candidateId: string): Promise<CandidateTimeline | null> {
  if (!ZCandidateId.safeParse(candidateId).success) return null;
  const id = candidateId.toLowerCase();
  const visibility = visibleTo(viewer);
  const isRestricted = Object.keys(visibility).length > 0;

  const candidate = await db.candidate.findFirst({
    where: { id, ...(isRestricted ? { interviews: { some: visibility } } : {}) },
    select: {
      id: true,
      name: true,
      email: true,
      timezone: true,
      linkedinUrl: true,
      createdAt: true,
      applications: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, stage: true, createdAt: true, role: { select: { id: true, title: true } } },
      },
      interviews: {
        orderBy: [{ startsAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
        select: TIMELINE_INTERVIEW_SELECT,
      },
    },
  });
  if (!candidate) return null;

  // An interviewer sees the person's whole interview history, but the debrief content (summary,
  // action items) only of the interviews they ran — as on the debrief page itself.
  const viewable = isRestricted ? new Set((await db.interview.findMany({ where: { AND: [{ candidateId: id }, visibility] }, select: { id: true } })).map((i) => i.id)) : null;
  const { applications, interviews, linkedinUrl, ...person } = candidate;
  return {
    candidate: { ...person, linkedinUrl: toSafeHttpUrl(linkedinUrl) },
    applications,
    interviews: interviews.map((record) => {
      const interview = toTimelineInterview(record);
      return viewable && !viewable.has(interview.id) ? { ...interview, summaryText: null, actionItems: [], canOpenDebrief: false } : interview;
    }),
  };
}
