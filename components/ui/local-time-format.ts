/**
 * Pure: how <LocalTime> writes an instant (or a range) for each display. Apart from the component
 * so the formats can be tested with a fixed locale and time zone; the component passes neither,
 * which means the viewer's own language and browser time zone.
 */

/**
 * "datetime": "Mar 2, 2026, 9:00 AM" (a range with an end: "Mar 2, 2026, 9:00 – 9:45 AM").
 * "date": "Mar 2, 2026".
 * "precise": "Mar 2, 2026, 09:00:05 CET" — logs and operator views, to the second.
 * "stacked": "precise" as date over time (narrow table columns).
 * "time": "precise" time only ("09:00:05 CET").
 */
export type LocalTimeDisplay = "datetime" | "date" | "precise" | "stacked" | "time";

export type LocalTimeText = { kind: "line"; text: string } | { kind: "stacked"; date: string; time: string };

export type FormatLocalTimeOptions = {
  display: LocalTimeDisplay;
  /** Only for "datetime" and "date". Ignored when not after `start`. */
  end?: Date | null;
  /**
   * false while rendering on the server (and hydrating): the viewer's zone is unknown there, so
   * "datetime" and "date" show a placeholder ("…") and the precise displays show UTC.
   */
  isBrowser: boolean;
  /** For tests; undefined means the runtime's (the viewer's) own. */
  locale?: string;
  timeZone?: string;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([locale, timeZone, options]);
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, format);
  }
  return format;
}

const FRIENDLY: Record<"datetime" | "date", Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
};
const PRECISE_DATE: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric" };
const PRECISE_TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short" };

/** An ISO 8601 string as a Date, or null when it is missing or not a date. */
export function parseInstant(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The text <LocalTime> shows for `start` (and `end`) in a display. */
export function formatLocalTime(start: Date, options: FormatLocalTimeOptions): LocalTimeText {
  const { display, end, isBrowser, locale, timeZone } = options;
  if (display === "datetime" || display === "date") {
    if (!isBrowser) return { kind: "line", text: "…" };
    const format = formatter(locale, timeZone, FRIENDLY[display]);
    const text = end && end.getTime() > start.getTime() ? format.formatRange(start, end) : format.format(start);
    return { kind: "line", text };
  }
  let date: string;
  let time: string;
  if (isBrowser) {
    date = formatter(locale, timeZone, PRECISE_DATE).format(start);
    time = formatter(locale, timeZone, PRECISE_TIME).format(start);
  } else {
    const utc = start.toISOString();
    date = utc.slice(0, 10);
    time = `${utc.slice(11, 19)} UTC`;
  }
  if (display === "stacked") return { kind: "stacked", date, time };
  return { kind: "line", text: display === "time" ? time : `${date}, ${time}` };
}
