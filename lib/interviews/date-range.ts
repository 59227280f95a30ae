/**
 * Pure: the instants bounding a "from / to" day filter, where the days are calendar days in the
 * VIEWER's timezone (the dashboard's filter form sends the browser's zone as `tz`).
 *
 * Both days are inclusive: from=2026-03-10, to=2026-03-12 in Europe/Paris covers every instant from
 * local midnight on the 10th up to (not including) local midnight on the 13th. Daylight-saving days
 * are 23 or 25 hours long, and a day whose midnight is skipped starts at its first valid instant
 * (lib/scheduling/zoned-time.ts resolves wall-clock times the way Temporal's "compatible" mode does).
 */
import { convertLocalTimeToInstant, normalizeTimeZone, parseLocalDate } from "@/lib/scheduling/zoned-time";

// Lives in lib/scheduling/zoned-time.ts (the sandbox needs it too); re-exported for the filters
// and forms that read it from here.
export { normalizeTimeZone };

export const FALLBACK_TIME_ZONE = "UTC";

export type LocalDateRangeInput = {
  /** "YYYY-MM-DD", inclusive; ignored when not a real calendar date. */
  from?: string | null;
  /** "YYYY-MM-DD", inclusive; ignored when not a real calendar date. */
  to?: string | null;
  /** IANA zone the days are read in; an unknown zone falls back to UTC. */
  timeZone?: string | null;
};

/** Half-open [gte, lt) instants; a missing bound is null (open-ended). */
export type InstantRange = { gte: Date | null; lt: Date | null };

/**
 * [start of `from`, start of the day after `to`) in `timeZone`. When both are given in the wrong
 * order they are swapped, so the range is never inverted.
 *
 *   getLocalDateRange({ from: "2026-03-10", to: "2026-03-10", timeZone: "Asia/Tokyo" })
 *   → { gte: 2026-03-09T15:00:00Z, lt: 2026-03-10T15:00:00Z }
 */
export function getLocalDateRange({ from, to, timeZone }: LocalDateRangeInput): InstantRange {
  const zone = (timeZone ? normalizeTimeZone(timeZone) : null) ?? FALLBACK_TIME_ZONE;
  let fromDay = from ? parseLocalDate(from) : null;
  let toDay = to ? parseLocalDate(to) : null;
  if (fromDay !== null && toDay !== null && fromDay > toDay) [fromDay, toDay] = [toDay, fromDay];
  return {
    gte: fromDay === null ? null : new Date(convertLocalTimeToInstant(zone, fromDay, 0)),
    lt: toDay === null ? null : new Date(convertLocalTimeToInstant(zone, toDay + 1, 0)),
  };
}
