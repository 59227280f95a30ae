/**
 * Busy "block" events on a person's own calendar through the SDK (Events API), the one way the app
 * takes someone out of every scheduling configuration at once: Nylas's availability reads their
 * calendar's busy time, whichever configuration asks. Used by the weekly load cap (lib/load/caps.ts).
 *
 * The grant is the person's own (found by email, as Nylas keys grants by the connected account),
 * and the calendar their primary one: Nylas accepts `calendar_id=primary` on Google and Microsoft
 * accounts, and so does the sandbox. The real calendar id is returned and kept for deletion.
 */
import "server-only";
import { getNylas, isNylasNotFound } from "./client";
import { findValidGrantId } from "./grants";

/** Each call's own timeout: a hung Nylas must not hold the caller's lock for the SDK's default 30 s. */
const CALL_TIMEOUT_S = 20;
/** A week of one person's calendar fits in a few pages; more is not a calendar we can search. */
const MAX_LIST_PAGES = 5;

export type CalendarBlockEvent = { id: string; calendarId: string; title: string | null; metadata: Record<string, unknown> };

export type CalendarBlockInput = {
  title: string;
  description: string;
  /** Unix seconds. */
  startTime: number;
  endTime: number;
  timeZone: string;
  metadata: Record<string, string>;
};

/** The person's valid grant id, or null when they have not connected a calendar (or it expired). */
export async function findCalendarGrantId(email: string): Promise<string | null> {
  return findValidGrantId(email);
}

/** Events on the grant's primary calendar overlapping [startTime, endTime) (Unix seconds), cancelled ones excluded. */
export async function listPrimaryCalendarEvents(grantId: string, window: { startTime: number; endTime: number }): Promise<CalendarBlockEvent[]> {
  const events: CalendarBlockEvent[] = [];
  let pages = 0;
  for await (const page of getNylas().events.list({
    identifier: grantId,
    queryParams: { calendarId: "primary", start: String(window.startTime), end: String(window.endTime), limit: 200 },
    overrides: { timeout: CALL_TIMEOUT_S },
  })) {
    for (const event of page.data) {
      events.push({ id: event.id, calendarId: event.calendarId, title: event.title ?? null, metadata: (event.metadata ?? {}) as Record<string, unknown> });
    }
    if (++pages >= MAX_LIST_PAGES) break;
  }
  return events;
}

/** Creates a busy event with no participants (nobody is invited or notified) on the grant's primary calendar. */
export async function createPrimaryCalendarBlock(grantId: string, input: CalendarBlockInput): Promise<{ id: string; calendarId: string }> {
  const response = await getNylas().events.create({
    identifier: grantId,
    queryParams: { calendarId: "primary" },
    requestBody: {
      title: input.title,
      description: input.description,
      busy: true,
      when: { startTime: input.startTime, endTime: input.endTime, startTimezone: input.timeZone, endTimezone: input.timeZone },
      metadata: input.metadata,
    },
    overrides: { timeout: CALL_TIMEOUT_S },
  });
  return { id: response.data.id, calendarId: response.data.calendarId };
}

/** Deletes the event; "gone" when it was already deleted (someone removed it by hand, or a retry). */
export async function deleteCalendarBlock(grantId: string, calendarId: string, eventId: string): Promise<"deleted" | "gone"> {
  try {
    await getNylas().events.destroy({ identifier: grantId, eventId, queryParams: { calendarId }, overrides: { timeout: CALL_TIMEOUT_S } });
    return "deleted";
  } catch (error) {
    if (isNylasNotFound(error)) return "gone";
    throw error;
  }
}
