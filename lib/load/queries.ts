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
 * as arrays; Postgres reads the interviews of the whole window once through the starts_at index
 * and hash-joins them to the weeks by interviewer. Cost grows with the interviews in the window,
 * not with the table (30,000 interviews, a quarter shown: a few thousand rows read).
 */
async function countInterviewsPerWeek(bounds: ReturnType<typeof listReportWeekBounds>) {
  if (bounds.length === 0) return [];
  const from = new Date(bounds.reduce((min, b) => Math.min(min, b.start.getTime()), Infinity));
  const to = new Date(bounds.reduce((max, b) => Math.max(max, b.end.getTime()), -Infinity));
  return db.$queryRaw<{ interviewerId: string; weekKey: string; count: number }[]>`
    SELECT w.interviewer_id::text AS "interviewerId", w.week_key AS "weekKey", count(*)::int AS count
      FROM unnest(${bounds.map((b) => b.interviewerId)}::uuid[], ${bounds.map((b) => b.weekKey)}::text[],
                  ${bounds.map((b) => b.start.toISOString())}::timestamptz[], ${bounds.map((b) => b.end.toISOString())}::timestamptz[])
           AS w(interviewer_id, week_key, week_start, week_end)
      JOIN interviews v ON v.interviewer_id = w.interviewer_id AND v.starts_at >= w.week_start AND v.starts_at < w.week_end
     WHERE v.status <> 'CANCELLED' AND v.starts_at >= ${from} AND v.starts_at < ${to}
     GROUP BY w.interviewer_id, w.week_key`;
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
