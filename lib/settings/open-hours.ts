/**
 * Pure: the panel form's open hours (one range per weekday, one time zone or each interviewer's
 * own) ↔ Nylas's `default_open_hours` (days sharing the same hours grouped into one entry).
 *
 *   [{ day: 1, enabled: true, start: "09:00", end: "17:00" }, …Tue–Fri the same, Sat/Sun off], timezone ""
 *     ↔ [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00" }]
 */
import type { OpenHours } from "@/lib/scheduling";
import { WEEKDAYS, type TOpenHoursInput } from "@/lib/validations/settings";

/** Stored and sent to Nylas; no `timezone` means each participant's own. */
export type StoredOpenHours = Omit<OpenHours, "timezone"> & { timezone?: string };

/** "09:00" → "9:00" (Nylas's examples); "24:00" stays. */
function toNylasTime(time: string): string {
  const [h, m] = time.split(":");
  return `${Number(h)}:${m}`;
}

/** "9:00" → "09:00" (an HTML time input's value). */
function toInputTime(time: string): string {
  const [h, m] = time.split(":");
  return `${String(Number(h)).padStart(2, "0")}:${(m ?? "00").padStart(2, "0")}`;
}

export function openHoursToNylas(input: TOpenHoursInput): StoredOpenHours[] {
  const groups = new Map<string, number[]>();
  for (const { day } of WEEKDAYS) {
    const row = input.days.find((d) => d.day === day);
    if (!row?.enabled) continue;
    const key = `${toNylasTime(row.start)}-${toNylasTime(row.end)}`;
    groups.set(key, [...(groups.get(key) ?? []), day]);
  }
  return [...groups].map(([key, days]) => {
    const [start, end] = key.split("-") as [string, string];
    return { days: [...days].sort((a, b) => a - b), start, end, ...(input.timezone ? { timezone: input.timezone } : {}), exdates: [] };
  });
}

/**
 * Stored open hours → the form. A weekday in several entries keeps the first one's hours (the
 * form has one range per day); entries in different zones keep the first zone.
 */
export function openHoursFromNylas(stored: unknown): TOpenHoursInput {
  const entries = Array.isArray(stored) ? (stored as Partial<StoredOpenHours>[]) : [];
  const days = WEEKDAYS.map(({ day }) => {
    const entry = entries.find((e) => Array.isArray(e.days) && e.days.includes(day) && typeof e.start === "string" && typeof e.end === "string");
    return entry ? { day, enabled: true, start: toInputTime(entry.start!), end: toInputTime(entry.end!) } : { day, enabled: false, start: "09:00", end: "17:00" };
  });
  const timezone = entries.find((e) => typeof e.timezone === "string" && e.timezone)?.timezone ?? "";
  return { timezone, days };
}
