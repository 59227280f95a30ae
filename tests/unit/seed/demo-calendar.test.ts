import { describe, expect, it } from "vitest";
import { generateDemoBusyEvents, type GeneratedEvent } from "@/lib/seed/demo-calendar";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** Wall-clock reading of an instant in a time zone, computed with Intl (independent of lib/scheduling). */
function local(timeZone: string, instant: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday: WEEKDAYS.indexOf(parts.weekday!), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

// A Wednesday; the window below spans the US and EU spring-forward transitions of 2026.
const NOW = Date.UTC(2026, 2, 18, 15, 0);
const base = { email: "sarah.kim@northwind.example", timezone: "America/New_York", blocksFridays: false, now: NOW, daysBefore: 21, daysAfter: 35 };

function byLocalDate(events: GeneratedEvent[], timeZone: string): Map<string, GeneratedEvent[]> {
  const days = new Map<string, GeneratedEvent[]>();
  for (const e of events) {
    const key = local(timeZone, e.start).date;
    days.set(key, [...(days.get(key) ?? []), e]);
  }
  return days;
}

describe("generateDemoBusyEvents", () => {
  it("is deterministic for the same inputs", () => {
    expect(generateDemoBusyEvents(base)).toEqual(generateDemoBusyEvents(base));
    expect(generateDemoBusyEvents(base).length).toBeGreaterThan(0);
  });

  it("gives different interviewers different calendars", () => {
    const other = generateDemoBusyEvents({ ...base, email: "priya.patel@northwind.example" });
    expect(other.map((e) => e.start)).not.toEqual(generateDemoBusyEvents(base).map((e) => e.start));
  });

  it("keeps a day's events identical when the clock moves within the day (restarts agree)", () => {
    const morning = generateDemoBusyEvents({ ...base, now: Date.UTC(2026, 2, 18, 12, 0), daysBefore: 0, daysAfter: 0 });
    const evening = generateDemoBusyEvents({ ...base, now: Date.UTC(2026, 2, 18, 22, 0), daysBefore: 0, daysAfter: 0 });
    expect(evening).toEqual(morning);
  });

  it("covers the window from daysBefore to daysAfter around the local today, and is sorted by start", () => {
    const events = generateDemoBusyEvents(base);
    const dates = [...byLocalDate(events, base.timezone).keys()].sort();
    expect(dates[0]).toBe("2026-02-25"); // Wednesday 21 days before
    expect(dates.at(-1)).toBe("2026-04-22"); // Wednesday 35 days after
    expect(events.map((e) => e.start)).toEqual([...events.map((e) => e.start)].sort((a, b) => a - b));
  });

  it.each(["America/New_York", "Europe/London", "Asia/Tokyo"])("puts nothing on a local Saturday or Sunday (%s)", (timezone) => {
    for (const blocksFridays of [false, true]) {
      for (const e of generateDemoBusyEvents({ ...base, timezone, blocksFridays })) {
        expect([0, 6]).not.toContain(local(timezone, e.start).weekday);
      }
    }
  });

  it.each(["America/Chicago", "Europe/Berlin"])("blocks every Friday for a Friday blocker with one all-day event from local midnight to midnight, and nothing else (%s)", (timezone) => {
    const events = generateDemoBusyEvents({ ...base, timezone, email: "marcus.johnson@northwind.example", blocksFridays: true });
    const fridays = events.filter((e) => local(timezone, e.start).weekday === 5);
    // 2026-02-27 .. 2026-04-17: eight Fridays in the window.
    expect(fridays.map((e) => local(timezone, e.start).date)).toEqual(["2026-02-27", "2026-03-06", "2026-03-13", "2026-03-20", "2026-03-27", "2026-04-03", "2026-04-10", "2026-04-17"]);
    for (const e of fridays) {
      expect(e).toMatchObject({ allDay: true, title: "No meetings — Friday focus day" });
      expect(local(timezone, e.start).minute).toBe(0);
      expect(local(timezone, e.end)).toMatchObject({ minute: 0, weekday: 6 });
      expect(e.end - e.start).toBe(24 * 3_600_000);
    }
    expect(events.filter((e) => e.allDay)).toHaveLength(fridays.length);
    // Other weekdays still get ordinary meetings.
    expect(events.some((e) => !e.allDay && local(timezone, e.start).weekday === 4)).toBe(true);
  });

  it("gives a non-blocker ordinary meetings on Fridays and no all-day events", () => {
    const events = generateDemoBusyEvents(base);
    expect(events.some((e) => local(base.timezone, e.start).weekday === 5)).toBe(true);
    expect(events.every((e) => !e.allDay)).toBe(true);
  });

  it.each(["America/New_York", "Europe/London", "America/Chicago"])("schedules weekday meetings between 9:00 and 17:00 local on the half hour, 1–4 a day, never overlapping (%s)", (timezone) => {
    const days = byLocalDate(generateDemoBusyEvents({ ...base, timezone }), timezone);
    expect(days.size).toBeGreaterThan(30);
    for (const [, events] of days) {
      expect(events.length).toBeGreaterThanOrEqual(1);
      expect(events.length).toBeLessThanOrEqual(4);
      for (const e of events) {
        const start = local(timezone, e.start);
        const end = local(timezone, e.end);
        expect(start.minute).toBeGreaterThanOrEqual(9 * 60);
        expect(end.minute).toBeLessThanOrEqual(17 * 60);
        expect(end.date).toBe(start.date);
        expect(start.minute % 30).toBe(0);
        expect([30, 60]).toContain((e.end - e.start) / 60_000);
      }
      const sorted = [...events].sort((a, b) => a.start - b.start);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    }
  });
});
