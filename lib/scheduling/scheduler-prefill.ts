/**
 * The availability a server-rendered `<nylas-scheduling>` starts with (issue 18), so its first
 * bookable slot does not wait for its own availability request.
 *
 * The server puts the sandbox's answer for the configuration's whole horizon (now → now +
 * available days in future) into the HTML as JSON (`TAvailabilityPrefill`: the API's own `data`
 * plus the two settings the component's window depends on). The vendored module's entry
 * (scripts/lib/vendor-nylas.ts) turns it, in the browser, into the store state the component would
 * hold after its own first fetch (`schedulerStateFromPrefill`) and sets it as the element's
 * `defaultSchedulerState` before the element is defined. The component's `performSchedulerDataFetch`
 * (@nylas/web-elements 2.5.17) skips its availability request when the store already has
 * availability; it still loads ui-settings.
 *
 * What the state must equal, read from the component's source (dist/cdn/nylas-scheduling/
 * nylas-scheduling.es.js): its first request is `validateAvailableDaysInFuture(new Date(), days)`,
 * i.e. from now (or the 1st of this month, whichever is later) to the earlier of the 1st of next
 * month and `days` days from now at 23:59:00, both in the browser's local time; `getAvailability`
 * then moves the start past the minimum booking notice and keeps slots that start after now,
 * sorted, with `start_time`/`end_time` as Dates. With availability present the component does not
 * pick the first day itself, so `selectedDate` is set here the way it would (the first slot's start).
 *
 * Runs in the browser (bundled into the vendored module): no imports.
 */

/** One slot as the availability endpoint answers it (Unix seconds). */
export type TPrefillSlot = { start_time: number; end_time: number; emails: string[] };

export type TAvailabilityPrefill = {
  /** The configuration's `available_days_in_future` (the component's window end). */
  availableDaysInFuture: number;
  /** The configuration's `min_booking_notice`, minutes (the component's window start). */
  minBookingNoticeMinutes: number;
  /** The endpoint's `data.order` (round-robin order of the hosts). */
  order: string[];
  /** The endpoint's `data.time_slots` over the whole horizon (the browser keeps its own window of them). */
  time_slots: TPrefillSlot[];
};

/** What the component's store holds after its first availability fetch (the part we set). */
export type TSchedulerStatePrefill = {
  availability: { start_time: Date; end_time: Date; emails: string[] }[];
  availabilityOrderEmails: string[];
  selectedDate: Date;
};

/** The component's `mr(date, days)`: `days` days later at 23:59:00 local time. */
function daysAheadEndOfDay(now: Date, days: number): Date {
  const end = new Date(now);
  end.setDate(end.getDate() + days);
  end.setHours(23, 59, 0, 0);
  return end;
}

/**
 * The window (Unix seconds) of the component's first availability request at `now`, in the
 * browser's local time: `validateAvailableDaysInFuture` then `getAvailability`'s adjustments.
 */
export function firstAvailabilityWindow(now: Date, availableDaysInFuture: number, minBookingNoticeMinutes: number): { start: number; end: number } {
  const days = availableDaysInFuture || 30;
  const nowSeconds = now.getTime() / 1000;
  const monthStart = new Date(now.getFullYear(), now.getMonth(), 1).getTime() / 1000;
  const nextMonthStart = new Date(now.getFullYear(), now.getMonth() + 1, 1).getTime() / 1000;
  const horizonEnd = Math.floor(daysAheadEndOfDay(now, days).getTime() / 1000);
  let start = monthStart < nowSeconds ? Math.floor(nowSeconds) : monthStart;
  let end = Math.min(horizonEnd, nextMonthStart);
  if (minBookingNoticeMinutes) {
    const earliest = (now.getTime() + minBookingNoticeMinutes * 60_000) / 1000;
    if (start < earliest) start = Math.floor(earliest);
  }
  if (start > end) end = start + 1;
  return { start, end };
}

/** Whether a parsed value is a prefill this code understands (the JSON comes from our HTML, but a stale or edited page must not throw). */
export function isAvailabilityPrefill(value: unknown): value is TAvailabilityPrefill {
  if (!value || typeof value !== "object") return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.availableDaysInFuture === "number" &&
    typeof v.minBookingNoticeMinutes === "number" &&
    Array.isArray(v.order) &&
    Array.isArray(v.time_slots) &&
    v.time_slots.every((s) => s && typeof s === "object" && typeof s.start_time === "number" && typeof s.end_time === "number" && Array.isArray(s.emails))
  );
}

/**
 * The store state for `defaultSchedulerState`, or null when the component's own window holds no
 * slot (then it fetches as without a prefill, and picks its day itself).
 */
export function schedulerStateFromPrefill(prefill: TAvailabilityPrefill, now: Date): TSchedulerStatePrefill | null {
  const { start, end } = firstAvailabilityWindow(now, prefill.availableDaysInFuture, prefill.minBookingNoticeMinutes);
  // The endpoint answers slots inside [start_time, end_time]; the component keeps those after now, sorted.
  const availability = prefill.time_slots
    .filter((slot) => slot.start_time >= start && slot.end_time <= end)
    .map((slot) => ({ ...slot, start_time: new Date(slot.start_time * 1000), end_time: new Date(slot.end_time * 1000) }))
    .filter((slot) => slot.start_time.getTime() > now.getTime())
    .sort((a, b) => a.start_time.getTime() - b.start_time.getTime());
  const first = availability[0];
  if (!first) return null;
  return { availability, availabilityOrderEmails: [...prefill.order], selectedDate: first.start_time };
}

/** The prefill as the text of a `<script type="application/json">`: no `<` can end the element early. */
export function prefillScriptText(prefill: TAvailabilityPrefill): string {
  return JSON.stringify(prefill).replace(/</g, "\\u003c");
}
