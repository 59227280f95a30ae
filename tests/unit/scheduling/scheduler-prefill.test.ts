import { describe, expect, it } from "vitest";
import { firstAvailabilityWindow, isAvailabilityPrefill, prefillScriptText, schedulerStateFromPrefill, type TAvailabilityPrefill } from "@/lib/scheduling";
import { runInTimeZone } from "@/tests/support/time-zone";

const s = (iso: string) => Date.parse(iso) / 1000;
const slot = (startIso: string, minutes = 45, emails = ["a@example.org"]) => ({ start_time: s(startIso), end_time: s(startIso) + minutes * 60, emails });

function prefill(overrides: Partial<TAvailabilityPrefill> = {}): TAvailabilityPrefill {
  return { availableDaysInFuture: 30, minBookingNoticeMinutes: 60, order: ["a@example.org", "b@example.org"], time_slots: [], ...overrides };
}

// The browser's local time decides the component's window: run in a zone that is not UTC.
runInTimeZone("America/Los_Angeles");

describe("firstAvailabilityWindow: the component's first availability request (validateAvailableDaysInFuture + getAvailability)", () => {
  it("runs from now + the booking notice to the 1st of next month, local time, when that comes before the horizon", () => {
    const now = new Date("2026-12-07T12:00:00-08:00");
    expect(firstAvailabilityWindow(now, 30, 60)).toEqual({ start: s("2026-12-07T13:00:00-08:00"), end: s("2027-01-01T00:00:00-08:00") });
  });

  it("ends `days` days later at 23:59 local time when that is before the 1st of next month; 30 days when unset; no notice when 0", () => {
    const now = new Date("2026-12-01T09:30:10-08:00");
    expect(firstAvailabilityWindow(now, 10, 0)).toEqual({ start: s("2026-12-01T09:30:10-08:00"), end: s("2026-12-11T23:59:00-08:00") });
    expect(firstAvailabilityWindow(now, 0, 0).end).toBe(s("2026-12-31T23:59:00-08:00"));
  });
});

describe("schedulerStateFromPrefill: the store state the component holds after its own first fetch", () => {
  const now = new Date("2026-12-07T12:00:00-08:00");

  it("keeps the window's slots as Dates, sorted, with the endpoint's order, and selects the first slot's day", () => {
    const state = schedulerStateFromPrefill(
      prefill({
        time_slots: [
          slot("2026-12-09T10:00:00-08:00", 45, ["b@example.org"]),
          slot("2026-12-08T09:00:00-08:00"),
          slot("2026-12-07T12:30:00-08:00"), // inside the booking notice
          slot("2026-12-31T23:30:00-08:00"), // ends in January (local): next month's request
          slot("2027-01-04T09:00:00-08:00"),
        ],
      }),
      now,
    );
    expect(state).toEqual({
      availability: [
        { start_time: new Date("2026-12-08T09:00:00-08:00"), end_time: new Date("2026-12-08T09:45:00-08:00"), emails: ["a@example.org"] },
        { start_time: new Date("2026-12-09T10:00:00-08:00"), end_time: new Date("2026-12-09T10:45:00-08:00"), emails: ["b@example.org"] },
      ],
      availabilityOrderEmails: ["a@example.org", "b@example.org"],
      selectedDate: new Date("2026-12-08T09:00:00-08:00"),
    });
    expect(state!.availability[0]!.start_time).toBeInstanceOf(Date);
  });

  it("is null when the window holds no slot (the component then fetches and picks its day itself)", () => {
    expect(schedulerStateFromPrefill(prefill(), now)).toBeNull();
    expect(schedulerStateFromPrefill(prefill({ time_slots: [slot("2027-01-04T09:00:00-08:00")] }), now)).toBeNull();
  });

  it("drops what has started since the page was rendered", () => {
    const later = new Date("2026-12-08T09:30:00-08:00");
    const state = schedulerStateFromPrefill(prefill({ minBookingNoticeMinutes: 0, time_slots: [slot("2026-12-08T09:00:00-08:00"), slot("2026-12-08T10:00:00-08:00")] }), later);
    expect(state!.availability.map((a) => a.start_time)).toEqual([new Date("2026-12-08T10:00:00-08:00")]);
  });
});

describe("the prefill in the HTML", () => {
  it("cannot close its script element, and parses back to itself", () => {
    const value = prefill({ order: ["</script><script>alert(1)</script>@example.org"], time_slots: [slot("2026-12-08T09:00:00-08:00")] });
    const text = prefillScriptText(value);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(value);
    expect(isAvailabilityPrefill(JSON.parse(text))).toBe(true);
  });

  it("is refused when it is not the shape the entry expects", () => {
    for (const bad of [null, 1, {}, { ...prefill(), time_slots: [{ start_time: "x", end_time: 1, emails: [] }] }, { ...prefill(), order: undefined }]) {
      expect(isAvailabilityPrefill(bad)).toBe(false);
    }
  });
});
