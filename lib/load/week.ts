/**
 * Pure: calendar weeks in an IANA time zone, as instants. A week runs from Monday 00:00 local to
 * the next Monday 00:00 local, so it is 7 × 24 hours give or take a daylight-saving change
 * (167 or 169 hours in a week with one).
 *
 * Local times are resolved by lib/scheduling/zoned-time.ts the way Temporal's "compatible" mode
 * does: in a zone whose clocks skip Monday midnight the week starts at the first valid instant
 * after the gap, and a midnight repeated by a fall-back resolves to its first occurrence.
 *
 *   getWeekContaining(Date.parse("2026-03-11T12:00:00Z"), "America/New_York")
 *   → { start: 2026-03-09T04:00:00Z (Mon 00:00 EDT), end: 2026-03-16T04:00:00Z, key: "2026-03-09" }
 */
import { normalizeTimeZone } from "@/lib/interviews/date-range";
import { convertLocalTimeToInstant, DAY_MS, getLocalDayNumber, getWeekday } from "@/lib/scheduling/zoned-time";

export type ZonedWeek = {
  /** Monday 00:00 local (inclusive). */
  start: Date;
  /** The next Monday 00:00 local (exclusive). */
  end: Date;
  /** The local date of the Monday, "YYYY-MM-DD": the same week in another zone has the same key. */
  key: string;
};

/** An unknown or malformed zone is read as UTC, so one bad row never breaks a whole report. */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  return (timeZone ? normalizeTimeZone(timeZone) : null) ?? "UTC";
}

function dayNumberToKey(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function weekFromMonday(timeZone: string, mondayDay: number): ZonedWeek & { mondayDay: number } {
  return {
    start: new Date(convertLocalTimeToInstant(timeZone, mondayDay, 0)),
    end: new Date(convertLocalTimeToInstant(timeZone, mondayDay + 7, 0)),
    key: dayNumberToKey(mondayDay),
    mondayDay,
  };
}

/** The week (Monday 00:00 to Monday 00:00, local) containing `instant` in `timeZone`. */
export function getWeekContaining(instant: Date | number, timeZone: string): ZonedWeek {
  const zone = resolveTimeZone(timeZone);
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const day = getLocalDayNumber(zone, ms);
  // getWeekday: 0 = Sunday; Monday-based offset 0..6.
  let week = weekFromMonday(zone, day - ((getWeekday(day) + 6) % 7));
  // A fall-back at midnight repeats the last local hour of Sunday after Monday 00:00 has begun;
  // those instants belong to the week that has already started (and vice versa for a gap).
  if (ms >= week.end.getTime()) week = weekFromMonday(zone, week.mondayDay + 7);
  else if (ms < week.start.getTime()) week = weekFromMonday(zone, week.mondayDay - 7);
  return { start: week.start, end: week.end, key: week.key };
}

/** The week `offset` weeks after (negative: before) the week containing `instant`. */
export function getWeekAtOffset(instant: Date | number, timeZone: string, offset: number): ZonedWeek {
  const zone = resolveTimeZone(timeZone);
  const current = getWeekContaining(instant, zone);
  const mondayDay = Math.round(Date.parse(`${current.key}T00:00:00Z`) / DAY_MS) + offset * 7;
  const week = weekFromMonday(zone, mondayDay);
  return { start: week.start, end: week.end, key: week.key };
}

/** `before` weeks before the week containing `instant`, that week, and `after` weeks after it, oldest first. */
export function listWeeksAround(instant: Date | number, timeZone: string, before: number, after: number): ZonedWeek[] {
  const weeks: ZonedWeek[] = [];
  for (let offset = -before; offset <= after; offset++) weeks.push(getWeekAtOffset(instant, timeZone, offset));
  return weeks;
}
