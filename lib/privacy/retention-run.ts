/**
 * The retention rules applied (issue 16): the daily "privacy.retention" job and the preview
 * /settings/privacy shows. Both walk the same pages of due work (findDueWork): candidates are read
 * in id order (keyset pagination) through a SQL filter that only narrows the search — a candidate
 * with an application past a rule's cutoff — and every one of their applications goes through
 * evaluateRetention (lib/privacy/retention.ts), the one place the rules' logic lives. So the preview
 * lists exactly what a run at the same instant deletes.
 *
 * A run deletes the media of up to RETENTION_BATCH interviews per transaction and anonymises one
 * candidate per transaction (lib/privacy/purge.ts): the dashboard is never blocked for long.
 */
import "server-only";
import { db } from "@/lib/db";
import { defineJobKind } from "@/lib/jobs";
import { nextScheduledTime, parseSchedule } from "@/lib/jobs/schedule";
import { anonymizeCandidate, purgeInterviewsMedia } from "./purge";
import { addDays, evaluateRetention, type ApplicationStageName, type RetentionApplication, type RetentionRule, type RetentionRules } from "./retention";
import { getPrivacySettings, PRIVACY_SETTINGS_ID } from "./settings";

/** Candidates per page of due work. */
export const RETENTION_PAGE_SIZE = 200;
/** Interviews per purge transaction: short enough to never block the app, long enough to be fast. */
export const RETENTION_BATCH = 50;

/** One page of due work: the interviews whose media goes, and the candidates anonymised. */
export type DueWork = {
  media: { interviewId: string; applicationId: string; candidateId: string; rule: RetentionRule }[];
  anonymize: { candidateId: string; rule: RetentionRule }[];
};

// An interview holds media while any of these is left (the transcript's lines go with its file's row).
const INTERVIEW_HOLDS_MEDIA = `(i.summary_text IS NOT NULL OR i.talk_time IS NOT NULL
  OR EXISTS (SELECT 1 FROM media_assets m WHERE m.interview_id = i.id)
  OR EXISTS (SELECT 1 FROM action_items ai WHERE ai.interview_id = i.id)
  OR EXISTS (SELECT 1 FROM interview_evidence ev WHERE ev.interview_id = i.id))`;
const APPLICATION_HOLDS_MEDIA = `EXISTS (SELECT 1 FROM interviews i WHERE i.application_id = a.id AND ${INTERVIEW_HOLDS_MEDIA})`;

/** The latest decision time at which each rule is due at `now` (null: the rule is off). */
function cutoffs(rules: RetentionRules, now: Date) {
  const cutoff = (days: number | null) => (days === null ? null : addDays(now, -days));
  return { mediaRejected: cutoff(rules.deleteMediaDaysAfterRejection), mediaHired: cutoff(rules.deleteMediaDaysAfterHire), anonymize: cutoff(rules.anonymizeDaysAfterRejection) };
}

/**
 * The next page of candidates (after `afterId`) that may have due work. A superset: evaluateRetention
 * decides (e.g. a candidate with another application still open is not anonymised).
 */
async function candidatePage(rules: RetentionRules, now: Date, afterId: string | null, limit: number): Promise<string[]> {
  const c = cutoffs(rules, now);
  if (!c.mediaRejected && !c.mediaHired && !c.anonymize) return [];
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT cand.id FROM candidates cand
      WHERE ($1::uuid IS NULL OR cand.id > $1::uuid)
        AND EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = cand.id AND a.decided_at IS NOT NULL AND (
              (a.stage = 'REJECTED' AND $2::timestamptz IS NOT NULL AND a.decided_at <= $2::timestamptz AND ${APPLICATION_HOLDS_MEDIA})
           OR (a.stage = 'HIRED' AND $3::timestamptz IS NOT NULL AND a.decided_at <= $3::timestamptz AND ${APPLICATION_HOLDS_MEDIA})
           OR (a.stage = 'REJECTED' AND $4::timestamptz IS NOT NULL AND a.decided_at <= $4::timestamptz AND cand.anonymized_at IS NULL)))
      ORDER BY cand.id
      LIMIT $5`,
    afterId,
    c.mediaRejected,
    c.mediaHired,
    c.anonymize,
    limit,
  );
  return rows.map((r) => r.id);
}

/** Every application of these candidates, as evaluateRetention reads them. */
async function applicationsOf(candidateIds: readonly string[]): Promise<RetentionApplication[]> {
  if (candidateIds.length === 0) return [];
  const rows = await db.$queryRawUnsafe<{ id: string; candidate_id: string; stage: ApplicationStageName; decided_at: Date | null; anonymized_at: Date | null; has_media: boolean }[]>(
    `SELECT a.id, a.candidate_id, a.stage::text AS stage, a.decided_at, cand.anonymized_at, ${APPLICATION_HOLDS_MEDIA} AS has_media
       FROM applications a JOIN candidates cand ON cand.id = a.candidate_id
      WHERE a.candidate_id = ANY($1::uuid[])`,
    candidateIds,
  );
  return rows.map((r) => ({ id: r.id, candidateId: r.candidate_id, stage: r.stage, decidedAt: r.decided_at, hasMedia: r.has_media, anonymizedAt: r.anonymized_at }));
}

/** The interviews of these applications that still hold media. */
async function interviewsWithMedia(applicationIds: readonly string[]): Promise<{ id: string; application_id: string }[]> {
  if (applicationIds.length === 0) return [];
  return db.$queryRawUnsafe<{ id: string; application_id: string }[]>(
    `SELECT i.id, i.application_id FROM interviews i WHERE i.application_id = ANY($1::uuid[]) AND ${INTERVIEW_HOLDS_MEDIA} ORDER BY i.application_id, i.id`,
    applicationIds,
  );
}

/**
 * Walks the due work at `now`, a page at a time (the pages are read before any of their work is
 * done, so a page's deletions never shift the next page). Stops when `visit` returns false.
 */
export async function forEachDueWork(rules: RetentionRules, now: Date, visit: (work: DueWork) => Promise<boolean | void>, options: { pageSize?: number } = {}): Promise<void> {
  let afterId: string | null = null;
  for (;;) {
    const candidateIds = await candidatePage(rules, now, afterId, options.pageSize ?? RETENTION_PAGE_SIZE);
    if (candidateIds.length === 0) return;
    afterId = candidateIds[candidateIds.length - 1]!;
    const applications = await applicationsOf(candidateIds);
    const plan = evaluateRetention(rules, applications, now);
    const candidateOf = new Map(applications.map((a) => [a.id, a.candidateId!]));
    const ruleOf = new Map(plan.deleteMedia.map((a) => [a.applicationId, a.rule]));
    const interviews = await interviewsWithMedia([...ruleOf.keys()]);
    const anonymize = new Map<string, RetentionRule>();
    for (const action of plan.anonymize) anonymize.set(candidateOf.get(action.applicationId)!, action.rule);
    const work: DueWork = {
      media: interviews.map((i) => ({ interviewId: i.id, applicationId: i.application_id, candidateId: candidateOf.get(i.application_id)!, rule: ruleOf.get(i.application_id)! })),
      anonymize: [...anonymize].map(([candidateId, rule]) => ({ candidateId, rule })),
    };
    if ((work.media.length > 0 || work.anonymize.length > 0) && (await visit(work)) === false) return;
    if (candidateIds.length < (options.pageSize ?? RETENTION_PAGE_SIZE)) return;
  }
}

export type RetentionRunResult = { interviews: number; candidates: number; files: number; segments: number };

/**
 * After each transaction the run rests this fraction of the time it took: the database and the
 * process (the run shares the server's, RUN_WORKERS) keep room for the people using the app.
 */
export const RETENTION_REST_RATIO = 0.5;

/**
 * One run at `now`: every due interview's media purged (RETENTION_BATCH per transaction), then
 * every due candidate anonymised, page by page, resting between transactions; lastRetentionRunAt
 * set when it finishes. `signal` stops it between two transactions (the job runs again and carries
 * on: everything is idempotent).
 */
export async function runRetention(now: Date, options: { signal?: AbortSignal; pageSize?: number; restRatio?: number } = {}): Promise<RetentionRunResult> {
  const settings = await getPrivacySettings();
  const result: RetentionRunResult = { interviews: 0, candidates: 0, files: 0, segments: 0 };
  const restRatio = options.restRatio ?? RETENTION_REST_RATIO;
  let started = performance.now();
  const stopIfAsked = async () => {
    const rest = (performance.now() - started) * restRatio;
    if (rest >= 1) await new Promise((resolve) => setTimeout(resolve, rest));
    if (options.signal?.aborted) throw new Error("The retention run stopped before it finished; it carries on at its next attempt.");
    started = performance.now();
  };
  await forEachDueWork(
    settings.rules,
    now,
    async (work) => {
      for (let i = 0; i < work.media.length; i += RETENTION_BATCH) {
        await stopIfAsked();
        const batch = work.media.slice(i, i + RETENTION_BATCH).map((item) => ({ interviewId: item.interviewId, cause: { rule: item.rule } }));
        for (const counts of (await purgeInterviewsMedia(batch, { now })).values()) {
          result.interviews += 1;
          result.files += counts.files;
          result.segments += counts.segments;
        }
      }
      for (const item of work.anonymize) {
        await stopIfAsked();
        if (await anonymizeCandidate(item.candidateId, { rule: item.rule }, { now })) result.candidates += 1;
      }
    },
    { pageSize: options.pageSize },
  );
  await db.privacySettings.upsert({ where: { id: PRIVACY_SETTINGS_ID }, create: { id: PRIVACY_SETTINGS_ID, lastRetentionRunAt: now }, update: { lastRetentionRunAt: now } });
  return result;
}

/** Daily at 03:00 UTC (JOB_SCHEDULES may move it). */
export const RETENTION_SCHEDULE = "0 0 3 * * *";

export const retentionJob = defineJobKind<{ scheduledFor?: string }>({
  name: "privacy.retention",
  title: "Apply the retention rules (delete recordings, anonymise candidates)",
  concurrency: 1,
  retry: "maintenance",
  schedule: RETENTION_SCHEDULE,
  run: async (_payload, ctx) => {
    await runRetention(ctx.now, { signal: ctx.signal });
  },
});

/** When the next run starts: the schedule's next period as the workers recorded it, else as the schedule computes it. */
export async function nextRetentionRunAt(now: Date): Promise<Date> {
  const row = await db.jobSchedule.findUnique({ where: { kind: retentionJob.name }, select: { nextRunAt: true, expression: true } });
  if (row && row.nextRunAt.getTime() > now.getTime()) return row.nextRunAt;
  return nextScheduledTime(parseSchedule(row?.expression ?? RETENTION_SCHEDULE), now);
}

// ───────────────────────────── Preview ─────────────────────────────

/** Rows listed on the page at most (the totals count everything). */
export const PREVIEW_LIMIT = 100;

export type RetentionPreviewInterview = {
  interviewId: string;
  candidateId: string;
  candidateName: string;
  roleTitle: string;
  startsAt: Date | null;
  rule: RetentionRule;
  recordings: number;
  transcripts: number;
};
export type RetentionPreviewCandidate = { candidateId: string; candidateName: string; rule: RetentionRule; applications: number };

export type RetentionPreview = {
  runAt: Date;
  interviews: RetentionPreviewInterview[];
  candidates: RetentionPreviewCandidate[];
  totals: { interviews: number; recordings: number; transcripts: number; candidates: number };
};

/** Exactly what the next run (at its scheduled time after `now`) deletes under the saved rules. */
export async function previewRetention(now: Date = new Date(), options: { limit?: number } = {}): Promise<RetentionPreview> {
  const [settings, runAt] = await Promise.all([getPrivacySettings(), nextRetentionRunAt(now)]);
  return previewRetentionAt(settings.rules, runAt, options);
}

/** What a run at `runAt` deletes under `rules`. */
export async function previewRetentionAt(rules: RetentionRules, runAt: Date, options: { limit?: number; pageSize?: number } = {}): Promise<RetentionPreview> {
  const limit = options.limit ?? PREVIEW_LIMIT;
  const preview: RetentionPreview = { runAt, interviews: [], candidates: [], totals: { interviews: 0, recordings: 0, transcripts: 0, candidates: 0 } };
  await forEachDueWork(
    rules,
    runAt,
    async (work) => {
      const ids = work.media.map((m) => m.interviewId);
      const counts = ids.length
        ? await db.$queryRawUnsafe<{ interview_id: string; recordings: number; transcripts: number }[]>(
            `SELECT interview_id, count(*) FILTER (WHERE kind = 'RECORDING')::int AS recordings, count(*) FILTER (WHERE kind = 'TRANSCRIPT')::int AS transcripts
             FROM media_assets WHERE interview_id = ANY($1::uuid[]) GROUP BY interview_id`,
            ids,
          )
        : [];
      const countOf = new Map(counts.map((c) => [c.interview_id, c]));
      for (const item of work.media) {
        const c = countOf.get(item.interviewId);
        preview.totals.interviews += 1;
        preview.totals.recordings += c?.recordings ?? 0;
        preview.totals.transcripts += c?.transcripts ?? 0;
      }
      preview.totals.candidates += work.anonymize.length;

      const listedMedia = work.media.slice(0, Math.max(0, limit - preview.interviews.length));
      const listedCandidates = work.anonymize.slice(0, Math.max(0, limit - preview.candidates.length));
      if (listedMedia.length === 0 && listedCandidates.length === 0) return;
      const interviewIds = listedMedia.map((m) => m.interviewId);
      const candidateIds = [...new Set([...listedMedia.map((m) => m.candidateId), ...listedCandidates.map((c) => c.candidateId)])];
      const [interviews, candidates, applicationCounts] = await Promise.all([
        db.interview.findMany({ where: { id: { in: interviewIds } }, select: { id: true, startsAt: true, application: { select: { role: { select: { title: true } } } } } }),
        db.candidate.findMany({ where: { id: { in: candidateIds } }, select: { id: true, name: true } }),
        db.application.groupBy({ by: ["candidateId"], where: { candidateId: { in: listedCandidates.map((c) => c.candidateId) } }, _count: { _all: true } }),
      ]);
      const interviewOf = new Map(interviews.map((i) => [i.id, i]));
      const nameOf = new Map(candidates.map((c) => [c.id, c.name]));
      const applicationsOfCandidate = new Map(applicationCounts.map((a) => [a.candidateId, a._count._all]));
      for (const item of listedMedia) {
        const interview = interviewOf.get(item.interviewId);
        const c = countOf.get(item.interviewId);
        preview.interviews.push({
          interviewId: item.interviewId,
          candidateId: item.candidateId,
          candidateName: nameOf.get(item.candidateId) ?? "",
          roleTitle: interview?.application?.role.title ?? "",
          startsAt: interview?.startsAt ?? null,
          rule: item.rule,
          recordings: c?.recordings ?? 0,
          transcripts: c?.transcripts ?? 0,
        });
      }
      for (const item of listedCandidates) {
        preview.candidates.push({
          candidateId: item.candidateId,
          candidateName: nameOf.get(item.candidateId) ?? "",
          rule: item.rule,
          applications: applicationsOfCandidate.get(item.candidateId) ?? 0,
        });
      }
    },
    { pageSize: options.pageSize },
  );
  return preview;
}

// ───────────────────────────── Deletion log ─────────────────────────────

export const DELETION_LOG_LIMIT = 50;

export type DeletionLogRow = { id: string; createdAt: Date; kind: string; subjectType: string; subjectId: string; rule: string | null; actorEmail: string | null; counts: Record<string, number> };

/** The latest deletions, newest first. */
export async function listDeletionLog(limit = DELETION_LOG_LIMIT): Promise<DeletionLogRow[]> {
  const rows = await db.deletionRecord.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    kind: r.kind,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    rule: r.rule,
    actorEmail: r.actorEmail,
    counts: Object.fromEntries(
      Object.entries(typeof r.counts === "object" && r.counts !== null && !Array.isArray(r.counts) ? r.counts : {}).filter((e): e is [string, number] => typeof e[1] === "number"),
    ),
  }));
}
