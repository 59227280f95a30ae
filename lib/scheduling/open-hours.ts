import type { OpenHours } from "./types";
import { convertLocalTimeToInstant, getLocalDayNumber, getLocalMinuteOfDay, getWeekday, parseLocalDate } from "./zoned-time";

/** One concrete open-hours occurrence; `startMinuteOfDay` is the local wall-clock minute at `start`, used for slot alignment. */
export type OpenWindow = { start: number; end: number; startMinuteOfDay: number };

const MINUTES_PER_DAY = 1440;

/** Minutes since midnight for "H:MM" / "HH:MM" ("24:00" = 1440). Throws RangeError on anything else. */
export function parseTimeOfDay(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  const total = hours * 60 + minutes;
  if (!(minutes < 60) || !(total <= MINUTES_PER_DAY)) {
    throw new RangeError(`Invalid time of day "${text}"; expected "H:MM" between 0:00 and 24:00`);
  }
  return total;
}

/**
 * Every open-hours occurrence that intersects [from, to), sorted by start. Overlapping entries are
 * kept as separate windows: a slot must fit inside one of them, not inside their union.
 */
export function listOpenWindows(openHours: readonly OpenHours[], from: number, to: number): OpenWindow[] {
  const windows: OpenWindow[] = [];
  if (!(to > from)) return windows;

  for (const entry of openHours) {
    const startMinute = parseTimeOfDay(entry.start);
    const endMinute = parseTimeOfDay(entry.end);
    if (endMinute <= startMinute) continue;

    let weekdayMask = 0;
    for (const day of entry.days) {
      if (Number.isInteger(day) && day >= 0 && day <= 6) weekdayMask |= 1 << day;
    }
    if (weekdayMask === 0) continue;

    const excluded = new Set<number>();
    for (const date of entry.exdates ?? []) {
      const dayNumber = parseLocalDate(date);
      if (dayNumber !== null) excluded.add(dayNumber);
    }

    const tz = entry.timezone;
    const firstDay = getLocalDayNumber(tz, from);
    const lastDay = getLocalDayNumber(tz, to - 1);
    for (let day = firstDay; day <= lastDay; day++) {
      if ((weekdayMask & (1 << getWeekday(day))) === 0 || excluded.has(day)) continue;
      const start = convertLocalTimeToInstant(tz, day, startMinute);
      const end = convertLocalTimeToInstant(tz, day, endMinute);
      if (end <= start || end <= from || start >= to) continue;
      // Differs from startMinute only when the start time fell into a spring-forward gap.
      windows.push({ start, end, startMinuteOfDay: getLocalMinuteOfDay(tz, start) });
    }
  }

  if (openHours.length > 1) windows.sort((a, b) => a.start - b.start || a.end - b.end);
  return windows;
}
