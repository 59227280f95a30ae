/**
 * Pure: an event's `when` as the sandbox stores it, and free/busy time slots from busy intervals.
 */
import { invalidRequest } from "./errors";
import { isValidTimeZone } from "./schemas";

type Timespan = { start: Date; end: Date; timezone: string | null };

const isRecord = (value: unknown): value is Record<string, unknown> => Boolean(value) && typeof value === "object" && !Array.isArray(value);

/** Nylas's other `when` kinds, recognised by their fields (`object` is optional on input). */
function otherWhenKind(when: Record<string, unknown>): string | null {
  if (typeof when.object === "string" && when.object !== "timespan") return when.object;
  if (when.start_time === undefined && when.end_time === undefined) {
    if (when.time !== undefined) return "time";
    if (when.date !== undefined) return "date";
    if (when.start_date !== undefined || when.end_date !== undefined) return "datespan";
  }
  return null;
}

function readSeconds(when: Record<string, unknown>, key: "start_time" | "end_time"): Date {
  const value = when[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) throw invalidRequest(`when.${key} is required (Unix seconds).`);
  return new Date(value * 1000);
}

function readTimeZone(when: Record<string, unknown>, key: "start_timezone" | "end_timezone"): string | null {
  const value = when[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || !isValidTimeZone(value)) throw invalidRequest(`when.${key} must be an IANA time zone.`);
  return value;
}

/**
 * An event's `when`: the sandbox keeps timespan events only (`{start_time, end_time,
 * start_timezone?, end_timezone?}`, Unix seconds), and one time zone per event.
 */
export function parseWhen(value: unknown): Timespan {
  if (!isRecord(value)) throw invalidRequest("when is required: a timespan {start_time, end_time} in Unix seconds.");
  const kind = otherWhenKind(value);
  if (kind) {
    throw invalidRequest(`when must be a timespan {start_time, end_time}; "${kind}" events are not supported by the sandbox.`);
  }
  const start = readSeconds(value, "start_time");
  const end = readSeconds(value, "end_time");
  if (end.getTime() <= start.getTime()) throw invalidRequest("when.end_time must be after when.start_time.");
  const startZone = readTimeZone(value, "start_timezone");
  const endZone = readTimeZone(value, "end_timezone");
  if (startZone && endZone && startZone !== endZone) {
    throw invalidRequest("when.start_timezone and when.end_timezone must be the same: the sandbox keeps one time zone per event.");
  }
  return { start, end, timezone: startZone ?? endZone };
}

export type SecondsInterval = { start: number; end: number };

/**
 * Busy time slots of one calendar for a free/busy window: intervals clipped to the window,
 * overlapping or touching ones merged (as Google's free/busy answers), sorted by start.
 */
export function toBusySlots(intervals: SecondsInterval[], window: SecondsInterval): SecondsInterval[] {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: SecondsInterval[] = [];
  for (const interval of clipped) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ ...interval });
  }
  return merged;
}
