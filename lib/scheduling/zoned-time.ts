export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

// Constructing an Intl.DateTimeFormat costs tens of microseconds, formatting one instant a few.
// The engine resolves the same local dates (and hence the same instants) on every request, so
// both the formatter and the derived offsets are memoised per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();
const localTimesByZone = new Map<string, Map<number, number>>();

// Bounds the memo tables in a long-running server; refilling them is cheap.
const MAX_MEMO_ENTRIES = 50_000;

function getFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      // h23: some ICU versions print midnight as "24" under the default hour cycle.
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function getMemo(tables: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let table = tables.get(timeZone);
  if (table === undefined) {
    table = new Map();
    tables.set(timeZone, table);
  }
  return table;
}

function remember(table: Map<number, number>, key: number, value: number): void {
  if (table.size >= MAX_MEMO_ENTRIES) table.clear();
  table.set(key, value);
}

/** Milliseconds to add to a UTC instant to get the wall-clock reading in `timeZone`. Throws RangeError for unknown zones. */
export function getTimeZoneOffset(timeZone: string, instant: number): number {
  const table = getMemo(offsetsByZone, timeZone);
  const known = table.get(instant);
  if (known !== undefined) return known;

  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of getFormatter(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        hour = Number(part.value);
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
      default:
        break;
    }
  }
  // The formatter has whole-second precision, so compare against the instant truncated to seconds.
  const offset = Date.UTC(year, month - 1, day, hour, minute, second) - Math.floor(instant / 1000) * 1000;
  remember(table, instant, offset);
  return offset;
}

/** Days since 1970-01-01 of the local calendar date containing `instant`. */
export function getLocalDayNumber(timeZone: string, instant: number): number {
  return Math.floor((instant + getTimeZoneOffset(timeZone, instant)) / DAY_MS);
}

/** Local wall-clock minutes since local midnight at `instant`. */
export function getLocalMinuteOfDay(timeZone: string, instant: number): number {
  const local = instant + getTimeZoneOffset(timeZone, instant);
  return (local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS;
}

/** 0 = Sunday .. 6 = Saturday for a day number from getLocalDayNumber. */
export function getWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day number of a "YYYY-MM-DD" calendar date, or null when the text is not such a date. */
export function parseLocalDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

/**
 * The instant at which the wall clock in `timeZone` reads `minuteOfDay` on local day `dayNumber`
 * (minuteOfDay may be 1440 for the following midnight).
 *
 * Disambiguation matches Temporal's "compatible" mode: a time skipped by a spring-forward gap is
 * pushed forward by the length of the gap, and a time repeated by a fall-back overlap resolves to
 * its first (earlier) occurrence.
 */
export function convertLocalTimeToInstant(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const localMs = dayNumber * DAY_MS + minuteOfDay * MINUTE_MS;
  const table = getMemo(localTimesByZone, timeZone);
  const known = table.get(localMs);
  if (known !== undefined) return known;

  // Offsets a day either side bracket any single transition near the target. Consecutive days
  // share these probe instants, so after the first day most probes are memo hits.
  const offsetBefore = getTimeZoneOffset(timeZone, localMs - DAY_MS);
  const offsetAfter = getTimeZoneOffset(timeZone, localMs + DAY_MS);
  const offsets = getMemo(offsetsByZone, timeZone);

  let instant: number;
  let offsetAtInstant: number;
  if (offsetBefore === offsetAfter) {
    instant = localMs - offsetBefore;
    offsetAtInstant = offsetBefore;
  } else {
    const viaBefore = localMs - offsetBefore;
    const viaAfter = localMs - offsetAfter;
    const beforeValid = getTimeZoneOffset(timeZone, viaBefore) === offsetBefore;
    const afterValid = getTimeZoneOffset(timeZone, viaAfter) === offsetAfter;
    if (beforeValid && afterValid) {
      instant = Math.min(viaBefore, viaAfter);
      offsetAtInstant = instant === viaBefore ? offsetBefore : offsetAfter;
    } else if (beforeValid) {
      instant = viaBefore;
      offsetAtInstant = offsetBefore;
    } else if (afterValid) {
      instant = viaAfter;
      offsetAtInstant = offsetAfter;
    } else {
      // In a gap: reading the wall time with the pre-transition offset lands after the gap.
      instant = viaBefore;
      offsetAtInstant = offsetAfter;
    }
  }
  // Seeding the offset memo lets callers ask for the local minute of this instant for free.
  if (!offsets.has(instant)) remember(offsets, instant, offsetAtInstant);
  remember(table, localMs, instant);
  return instant;
}

/** The zone's canonical IANA name, or null when the runtime does not know it. */
export function normalizeTimeZone(timeZone: string): string | null {
  const trimmed = timeZone.trim();
  if (trimmed === "" || trimmed.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(trimmed)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
