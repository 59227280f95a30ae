/**
 * Load across every panel, for /settings/load: interviews per interviewer per week (in each
 * interviewer's own time zone), their upcoming load, weekly caps, and the cap blocks on their
 * calendars. Counted from the app's own interviews, whichever role (Nylas configuration) booked
 * them — Nylas balances each configuration on its own, so only the app sees the whole load.
 *
 * "An interview" here is a booked, non-cancelled one (scheduled, rescheduled or completed),
 * counted in the week its start falls in. Framework-free; the page calls it.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { assembleLoadReport, listReportWeekBounds, listReportWeekKeys, type LoadReport } from "./report-rules";

export type { InterviewerLoad, LoadReport } from "./report-rules";

export type LoadReportOptions = {
  now?: Date;
  /** Weeks shown before the current one (at least 1). */
  weeksBefore?: number;
  /** Upcoming weeks shown after the current one (at least 1). */
  weeksAfter?: number;
};

/**
 * Counts per (interviewer, week) in one statement: the weeks' instants are worked out per
 * interviewer in TypeScript (lib/load/week.ts, the same rules the cap enforcement uses) and sent
 * as arrays; Postgres counts each (interviewer, week) as one range of the booked-interviews index
 * (interviews_booked_interviewer_id_starts_at_idx: not cancelled, by interviewer and start),
 * index-only. Cost grows with the interviews in the window, not with the table. (A join of the
 * weeks to the window's interviews, grouped, was a merge join that re-read the window once per
 * week: 889,000 index entries for 68,000 interviews at 300,000 interviews.)
 */
async function countInterviewsPerWeek(bounds: ReturnType<typeof listReportWeekBounds>) {
  if (bounds.length === 0) return [];
  return db.$queryRaw<{ interviewerId: string; weekKey: string; count: number }[]>`
    SELECT w.interviewer_id::text AS "interviewerId", w.week_key AS "weekKey", c.count
      FROM unnest(${bounds.map((b) => b.interviewerId)}::uuid[], ${bounds.map((b) => b.weekKey)}::text[],
                  ${bounds.map((b) => b.start.toISOString())}::timestamptz[], ${bounds.map((b) => b.end.toISOString())}::timestamptz[])
           AS w(interviewer_id, week_key, week_start, week_end)
     CROSS JOIN LATERAL (
           SELECT count(*)::int AS count
             FROM interviews v
            WHERE v.interviewer_id = w.interviewer_id AND v.status <> 'CANCELLED'
              AND v.starts_at >= w.week_start AND v.starts_at < w.week_end) c
     WHERE c.count > 0`;
}

/** Every interviewer's weekly load for the weeks around `now`, their upcoming interviews, caps and cap blocks. */
export async function getLoadReport(options: LoadReportOptions = {}): Promise<LoadReport> {
  const now = options.now ?? new Date();
  const weekKeys = listReportWeekKeys(now, Math.max(1, options.weeksBefore ?? 8), Math.max(1, options.weeksAfter ?? 4));
  const interviewers = await db.interviewer.findMany({ select: { id: true, name: true, email: true, timezone: true, weeklyCap: true } });
  const [counts, upcoming, blocks] = await Promise.all([
    countInterviewsPerWeek(listReportWeekBounds(interviewers, weekKeys)),
    db.$queryRaw<{ interviewerId: string; count: number }[]>`
      SELECT interviewer_id::text AS "interviewerId", count(*)::int AS count
        FROM interviews
       WHERE status <> 'CANCELLED' AND starts_at >= ${now} AND interviewer_id IS NOT NULL
       GROUP BY interviewer_id`,
    db.loadCapBlock.findMany({
      where: { apiUri: getEnv().nylasApiUri, weekEnd: { gt: now } },
      select: { interviewerId: true, weekStart: true, weekEnd: true },
    }),
  ]);
  return assembleLoadReport({ now, weekKeys, interviewers, counts, upcoming, blocks });
}
