/**
 * Pure: the shape of the load report (/settings/load). Columns are calendar weeks named by the
 * date of their Monday ("2026-03-09"); each interviewer's count for a column is taken over that
 * week in their own time zone (Monday 00:00 to Monday 00:00 local), so one column means the same
 * week to everyone even though its instants differ from zone to zone.
 */
import { getWeekContaining, listWeeksAround, resolveTimeZone, type ZonedWeek } from "./week";

/**
 * The week whose Monday is `key`, in `timeZone`. Noon UTC on that Monday is Monday 00:00–Tuesday
 * 02:00 local in every zone (UTC−12 to UTC+14), so the week containing it is the one wanted.
 */
export function getWeekForKey(key: string, timeZone: string): ZonedWeek {
  const noon = Date.parse(`${key}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(noon)) throw new RangeError(`Not a week key: ${key}`);
  return getWeekContaining(noon, resolveTimeZone(timeZone));
}

/** The report's columns: `before` weeks before the current one (by UTC), the current one, `after` weeks after. */
export function listReportWeekKeys(now: Date, before: number, after: number): string[] {
  return listWeeksAround(now, "UTC", before, after).map((week) => week.key);
}

/** "2026-03-09" → "Mar 9": a week column's label (the date of its Monday; no time zone involved). */
export function formatWeekLabel(key: string): string {
  return new Date(`${key}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export type ReportInterviewer = { id: string; name: string; email: string; timezone: string; weeklyCap: number | null };
export type WeekCountRow = { interviewerId: string; weekKey: string; count: number };
export type ReportBlock = { interviewerId: string; weekStart: Date; weekEnd: Date };

export type InterviewerLoad = ReportInterviewer & {
  /** Interviews per report week, in the order of LoadReport.weeks. */
  counts: number[];
  /** Their current week (in their zone) and its count so far, past and future interviews alike. */
  currentWeekKey: string;
  thisWeek: number;
  /** Non-cancelled interviews from now on, every week. */
  upcoming: number;
  /** Load cap blocks on their calendar for weeks not yet over, oldest first. */
  blocks: { weekKey: string; weekStart: Date; weekEnd: Date; isCurrent: boolean }[];
  /** At or over the cap this week. */
  isAtCap: boolean;
};

export type LoadReport = {
  weeks: { key: string; label: string; isCurrent: boolean }[];
  interviewers: InterviewerLoad[];
  /** Interviews counted in the report's weeks, everyone together: 0 means the empty state. */
  totalInWeeks: number;
  /** Non-cancelled interviews from now on, everyone together. */
  totalUpcoming: number;
};

/** Puts the query results together; interviewers sorted by name. */
export function assembleLoadReport(input: {
  now: Date;
  weekKeys: readonly string[];
  interviewers: readonly ReportInterviewer[];
  counts: readonly WeekCountRow[];
  upcoming: readonly { interviewerId: string; count: number }[];
  blocks: readonly ReportBlock[];
}): LoadReport {
  const { now, weekKeys } = input;
  const currentUtcKey = getWeekContaining(now, "UTC").key;
  const countByKey = new Map(input.counts.map((row) => [`${row.interviewerId}|${row.weekKey}`, row.count]));
  const upcomingById = new Map(input.upcoming.map((row) => [row.interviewerId, row.count]));
  let totalInWeeks = 0;

  const interviewers = [...input.interviewers]
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email, "en"))
    .map((interviewer): InterviewerLoad => {
      const counts = weekKeys.map((key) => countByKey.get(`${interviewer.id}|${key}`) ?? 0);
      totalInWeeks += counts.reduce((sum, n) => sum + n, 0);
      const current = getWeekContaining(now, resolveTimeZone(interviewer.timezone));
      const thisWeek = countByKey.get(`${interviewer.id}|${current.key}`) ?? 0;
      const blocks = input.blocks
        .filter((b) => b.interviewerId === interviewer.id && b.weekEnd.getTime() > now.getTime())
        .sort((a, b) => a.weekStart.getTime() - b.weekStart.getTime())
        .map((b) => ({
          weekKey: getWeekContaining(b.weekStart, resolveTimeZone(interviewer.timezone)).key,
          weekStart: b.weekStart,
          weekEnd: b.weekEnd,
          isCurrent: b.weekStart.getTime() <= now.getTime(),
        }));
      return {
        ...interviewer,
        counts,
        currentWeekKey: current.key,
        thisWeek,
        upcoming: upcomingById.get(interviewer.id) ?? 0,
        blocks,
        isAtCap: interviewer.weeklyCap !== null && thisWeek >= interviewer.weeklyCap,
      };
    });

  return {
    weeks: weekKeys.map((key) => ({ key, label: formatWeekLabel(key), isCurrent: key === currentUtcKey })),
    interviewers,
    totalInWeeks,
    totalUpcoming: [...upcomingById.values()].reduce((sum, n) => sum + n, 0),
  };
}

/** The (interviewer, week) pairs whose counts the report needs, with each week's instants in the interviewer's zone. */
export function listReportWeekBounds(interviewers: readonly Pick<ReportInterviewer, "id" | "timezone">[], weekKeys: readonly string[]) {
  const rows: { interviewerId: string; weekKey: string; start: Date; end: Date }[] = [];
  for (const interviewer of interviewers) {
    for (const key of weekKeys) {
      const week = getWeekForKey(key, interviewer.timezone);
      rows.push({ interviewerId: interviewer.id, weekKey: key, start: week.start, end: week.end });
    }
  }
  return rows;
}
