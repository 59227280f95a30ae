/**
 * Pure rules of the weekly load cap (issue 7): when an interviewer's week needs the busy
 * "Interview load cap reached" block, what time it covers, how the block event is recognised on
 * their calendar, and which (interviewer, week) pairs the background re-check must reconcile.
 *
 * Nylas balances each scheduling configuration on its own, and interviewers sit on several panels,
 * so the app counts interviews across every panel and enforces the cap the one way that works for
 * every configuration at once, in sandbox and live alike: a busy event on the interviewer's calendar.
 * No db, no SDK, no clock: `now` is passed in.
 */
import { getWeekContaining, resolveTimeZone, type ZonedWeek } from "./week";

/** The block's title, exactly (DESIGN.md, Settings). */
export const LOAD_CAP_BLOCK_TITLE = "Interview load cap reached";

/** Event metadata that ties a block to its interviewer and week, so a retry finds it instead of creating a second one. */
const LOAD_CAP_METADATA_SOURCE = "load-cap";

/** Shorter than this left of the week, a block is not worth creating (Nylas refuses empty spans). */
const MIN_BLOCK_MS = 60_000;

/**
 * What happened to one week: `created` (a block now exists; stale ones were replaced), `kept` (it
 * already existed), `removed`, `none` (no block wanted, none there), `no_grant` (wanted or to be
 * removed, but the interviewer has no valid grant), `failed` (Nylas or the database failed; retried).
 */
export type LoadCapAction = "created" | "kept" | "removed" | "none" | "no_grant" | "failed";

/** The admin's cap: a whole number of interviews per week; null is no cap. */
export const WEEKLY_CAP_MIN = 1;
export const WEEKLY_CAP_MAX = 100;

/**
 * Whether the week needs a block: a cap is set, the interviewer has at least that many
 * non-cancelled interviews in the week (across every panel), and enough of the week is left.
 */
export function needsLoadCapBlock(input: { weeklyCap: number | null; count: number; week: Pick<ZonedWeek, "end">; now: Date }): boolean {
  if (input.weeklyCap === null) return false;
  if (input.count < input.weeklyCap) return false;
  return input.week.end.getTime() - input.now.getTime() >= MIN_BLOCK_MS;
}

/**
 * The time the block keeps busy: the rest of the week from now (the whole week when it is still
 * ahead). Earlier times need no block: nobody can book the past, and min booking notice covers now.
 * Seconds, as Nylas's timespans: the start rounds down and the end is the week's end exactly.
 */
export function getLoadCapBlockSpan(week: Pick<ZonedWeek, "start" | "end">, now: Date): { startTime: number; endTime: number } {
  const start = Math.max(week.start.getTime(), now.getTime());
  return { startTime: Math.floor(start / 1000), endTime: Math.ceil(week.end.getTime() / 1000) };
}

/**
 * Single-word keys on purpose: the SDK re-cases metadata keys in responses (only a top-level
 * `metadata` is exempt, and an event's is nested under `data`), so `load_cap_week` would come back
 * as `loadCapWeek`. One-word keys read the same both ways.
 */
export type LoadCapMetadata = { source: string; interviewer: string; week: string };

/** Metadata stored on the block event (Nylas keeps metadata keys as sent). */
export function buildLoadCapMetadata(interviewerId: string, weekKey: string): LoadCapMetadata {
  return { source: LOAD_CAP_METADATA_SOURCE, interviewer: interviewerId, week: weekKey };
}

/** Whether a calendar event is this interviewer's block for this week (title and metadata both match). */
export function isLoadCapBlockEvent(event: { title?: string | null; metadata?: Record<string, unknown> | null }, interviewerId: string, weekKey: string): boolean {
  const metadata = event.metadata ?? {};
  return event.title === LOAD_CAP_BLOCK_TITLE && metadata.source === LOAD_CAP_METADATA_SOURCE && metadata.interviewer === interviewerId && metadata.week === weekKey;
}

/** The distinct weeks (in the interviewer's zone) that contain any of `instants`, oldest first. */
export function listDistinctWeeks(instants: readonly Date[], timeZone: string): ZonedWeek[] {
  const byKey = new Map<string, ZonedWeek>();
  for (const instant of instants) {
    const week = getWeekContaining(instant, resolveTimeZone(timeZone));
    byKey.set(week.key, week);
  }
  return [...byKey.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}
