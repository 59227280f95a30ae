import { describe, expect, it } from "vitest";
import { computeAvailability, type AvailabilityInput, type Interval } from "@/lib/scheduling";
import { DAY, EVERY_DAY, MONDAY, at, busy, hours, input, iso, person, slotStarts } from "./fixtures";

describe("computeAvailability", () => {
  it("offers every 15-minute start of a UTC weekday that fits the duration", () => {
    const result = computeAvailability(input({ durationMinutes: 60 }));
    expect(result.slots).toHaveLength(29);
    expect(iso(result.slots[0]!.start)).toBe("2026-01-05T09:00:00.000Z");
    expect(iso(result.slots[0]!.end)).toBe("2026-01-05T10:00:00.000Z");
    expect(iso(result.slots.at(-1)!.start)).toBe("2026-01-05T16:00:00.000Z");
    expect(result.slots[0]!.emails).toEqual(["a@example.com"]);
  });

  describe("buffers", () => {
    const meeting = busy("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z");
    const cases: { name: string; buffer: { before: number; after: number }; offered: string[]; blocked: string[] }[] = [
      {
        name: "without buffers a slot may touch a busy event on either side",
        buffer: { before: 0, after: 0 },
        offered: ["09:30", "11:00"],
        blocked: ["09:45", "10:00", "10:30"],
      },
      {
        name: "the after-buffer blocks a slot that ends too close to the next event",
        buffer: { before: 0, after: 15 },
        offered: ["09:15", "11:00"],
        blocked: ["09:30"],
      },
      {
        name: "the before-buffer blocks a slot that starts too soon after an event",
        buffer: { before: 15, after: 0 },
        offered: ["09:30", "11:15"],
        blocked: ["11:00"],
      },
      {
        name: "both buffers apply together and padded ranges may touch the event",
        buffer: { before: 30, after: 30 },
        offered: ["09:00", "11:30"],
        blocked: ["09:15", "11:00", "11:15"],
      },
      {
        name: "a before-buffer may reach back outside open hours; only the meeting has to fit",
        buffer: { before: 60, after: 0 },
        offered: ["09:00", "09:30", "12:00", "16:30"],
        blocked: ["11:30", "11:45"],
      },
      {
        name: "an after-buffer may reach past the end of open hours",
        buffer: { before: 0, after: 60 },
        offered: ["11:00", "16:30"],
        blocked: ["09:00", "09:30"],
      },
    ];
    it.each(cases)("$name", ({ buffer, offered, blocked }) => {
      const result = computeAvailability(input({ buffer, participants: [person("a@example.com", { busy: [meeting] })] }));
      const starts = slotStarts(result.slots);
      for (const time of offered) expect(starts).toContain(`2026-01-05T${time}:00.000Z`);
      for (const time of blocked) expect(starts).not.toContain(`2026-01-05T${time}:00.000Z`);
    });
  });

  describe("time zones", () => {
    const cases: { name: string; timezone: string; from: string; to: string; expected: string[] }[] = [
      {
        name: "9:00 New York moves from 14:00Z to 13:00Z across the 2026-03-08 spring-forward",
        timezone: "America/New_York",
        from: "2026-03-07T00:00:00Z",
        to: "2026-03-10T00:00:00Z",
        expected: ["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"],
      },
      {
        name: "9:00 New York moves from 13:00Z to 14:00Z across the 2026-11-01 fall-back",
        timezone: "America/New_York",
        from: "2026-10-31T00:00:00Z",
        to: "2026-11-03T00:00:00Z",
        expected: ["2026-10-31T13:00:00.000Z", "2026-11-01T14:00:00.000Z", "2026-11-02T14:00:00.000Z"],
      },
      {
        name: "9:00 Berlin moves from 08:00Z to 07:00Z across the 2026-03-29 spring-forward",
        timezone: "Europe/Berlin",
        from: "2026-03-28T00:00:00Z",
        to: "2026-03-31T00:00:00Z",
        expected: ["2026-03-28T08:00:00.000Z", "2026-03-29T07:00:00.000Z", "2026-03-30T07:00:00.000Z"],
      },
      {
        name: "9:00 Kolkata (+5:30, no DST) is 03:30Z",
        timezone: "Asia/Kolkata",
        from: "2026-01-05T00:00:00Z",
        to: "2026-01-07T00:00:00Z",
        expected: ["2026-01-05T03:30:00.000Z", "2026-01-06T03:30:00.000Z"],
      },
    ];
    it.each(cases)("$name", ({ timezone, from, to, expected }) => {
      const result = computeAvailability(
        input({
          now: at(from),
          windowStart: at(from),
          windowEnd: at(to),
          durationMinutes: 60,
          participants: [person("a@example.com", { openHours: [hours(timezone, "9:00", "10:00", EVERY_DAY)] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual(expected);
    });

    it("counts real elapsed hours through the spring-forward gap (1:00-4:00 local is two hours)", () => {
      const result = computeAvailability(
        input({
          now: at("2026-03-08T00:00:00Z"),
          windowStart: at("2026-03-08T00:00:00Z"),
          windowEnd: at("2026-03-09T00:00:00Z"),
          durationMinutes: 60,
          roundTo: 60,
          participants: [person("a@example.com", { openHours: [hours("America/New_York", "1:00", "4:00", [0])] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual(["2026-03-08T06:00:00.000Z", "2026-03-08T07:00:00.000Z"]);
    });

    it("counts the repeated hour on fall-back day (1:00-3:00 local is three hours)", () => {
      const result = computeAvailability(
        input({
          now: at("2026-11-01T00:00:00Z"),
          windowStart: at("2026-11-01T00:00:00Z"),
          windowEnd: at("2026-11-02T00:00:00Z"),
          durationMinutes: 60,
          roundTo: 60,
          participants: [person("a@example.com", { openHours: [hours("America/New_York", "1:00", "3:00", [0])] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual(["2026-11-01T05:00:00.000Z", "2026-11-01T06:00:00.000Z", "2026-11-01T07:00:00.000Z"]);
    });

    it("aligns hourly slots to the Kolkata wall clock, i.e. on :30 in UTC", () => {
      const result = computeAvailability(
        input({
          durationMinutes: 60,
          roundTo: 60,
          participants: [person("a@example.com", { openHours: [hours("Asia/Kolkata", "9:00", "12:00", [1])] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T03:30:00.000Z", "2026-01-05T04:30:00.000Z", "2026-01-05T05:30:00.000Z"]);
    });

    it("aligns to the Berlin wall clock when the window starts off-grid", () => {
      const result = computeAvailability(
        input({
          durationMinutes: 30,
          roundTo: 30,
          participants: [person("a@example.com", { openHours: [hours("Europe/Berlin", "9:10", "10:30", [1])] })],
        }),
      );
      // 9:30 and 10:00 CET.
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T08:30:00.000Z", "2026-01-05T09:00:00.000Z"]);
    });

    it("treats 24:00 as the end of the local day", () => {
      const result = computeAvailability(
        input({
          windowEnd: MONDAY + 2 * DAY,
          durationMinutes: 60,
          roundTo: 60,
          participants: [person("a@example.com", { openHours: [hours("Asia/Kolkata", "22:00", "24:00", [1])] })],
        }),
      );
      // 22:00 and 23:00 IST on Monday.
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T16:30:00.000Z", "2026-01-05T17:30:00.000Z"]);
    });
  });

  describe("booking limits", () => {
    it("starts no earlier than now + minimum notice, rounded up to the grid", () => {
      const result = computeAvailability(input({ now: at("2026-01-05T09:07:00Z"), minBookingNoticeMinutes: 60 }));
      expect(iso(result.slots[0]!.start)).toBe("2026-01-05T10:15:00.000Z");
    });

    it("offers a start exactly at now + notice when it is on the grid", () => {
      const result = computeAvailability(input({ now: at("2026-01-05T08:00:00Z"), minBookingNoticeMinutes: 90 }));
      expect(iso(result.slots[0]!.start)).toBe("2026-01-05T09:30:00.000Z");
    });

    it("only offers slots that start before now + availableDaysInFuture", () => {
      const allDay = [hours("UTC", "0:00", "24:00", EVERY_DAY)];
      const run = (days: number) =>
        computeAvailability(input({ windowEnd: MONDAY + 3 * DAY, durationMinutes: 60, roundTo: 60, availableDaysInFuture: days, participants: [person("a@example.com", { openHours: allDay })] }));
      const oneDay = run(1);
      expect(oneDay.slots).toHaveLength(24);
      expect(iso(oneDay.slots.at(-1)!.start)).toBe("2026-01-05T23:00:00.000Z");
      expect(run(2).slots.map((slot) => iso(slot.start))).toContain("2026-01-06T00:00:00.000Z");
      expect(run(0).slots).toEqual([]);
    });

    it("clips to the requested window: starts at or after windowStart, ends by windowEnd", () => {
      const result = computeAvailability(input({ windowStart: at("2026-01-05T10:10:00Z"), windowEnd: at("2026-01-05T12:00:00Z") }));
      expect(slotStarts(result.slots)).toEqual([
        "2026-01-05T10:15:00.000Z",
        "2026-01-05T10:30:00.000Z",
        "2026-01-05T10:45:00.000Z",
        "2026-01-05T11:00:00.000Z",
        "2026-01-05T11:15:00.000Z",
        "2026-01-05T11:30:00.000Z",
      ]);
    });

    it("returns nothing for an empty or inverted window", () => {
      expect(computeAvailability(input({ windowStart: MONDAY + DAY, windowEnd: MONDAY })).slots).toEqual([]);
    });

    it("rejects a non-positive duration", () => {
      expect(() => computeAvailability(input({ durationMinutes: 0 }))).toThrow(RangeError);
    });
  });

  describe("slot grid", () => {
    const cases: { name: string; roundTo?: number; intervalMinutes?: number; expected: string[] }[] = [
      {
        name: "interval 30 with roundTo 15 starts at 9:15 for a 9:10 window and steps by 30",
        roundTo: 15,
        intervalMinutes: 30,
        expected: ["09:15", "09:45", "10:15"],
      },
      {
        name: "the interval defaults to roundTo",
        roundTo: 20,
        expected: ["09:20", "09:40", "10:00", "10:20"],
      },
      {
        name: "roundTo defaults to 15",
        expected: ["09:15", "09:30", "09:45", "10:00", "10:15", "10:30"],
      },
    ];
    it.each(cases)("$name", ({ roundTo, intervalMinutes, expected }) => {
      const result = computeAvailability(
        input({
          ...(roundTo === undefined ? {} : { roundTo }),
          ...(intervalMinutes === undefined ? {} : { intervalMinutes }),
          participants: [person("a@example.com", { openHours: [hours("UTC", "9:10", "11:00", [1])] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual(expected.map((time) => `2026-01-05T${time}:00.000Z`));
    });
  });

  describe("busy input", () => {
    it("handles unsorted, overlapping and nested busy intervals without mutating them", () => {
      const events: Interval[] = [
        busy("2026-01-05T13:00:00Z", "2026-01-05T14:00:00Z"),
        busy("2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z"),
        busy("2026-01-05T09:30:00Z", "2026-01-05T11:00:00Z"),
        busy("2026-01-05T10:30:00Z", "2026-01-05T10:45:00Z"),
      ];
      const snapshot = structuredClone(events);
      const result = computeAvailability(input({ durationMinutes: 60, roundTo: 60, participants: [person("a@example.com", { busy: events })] }));
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T11:00:00.000Z", "2026-01-05T12:00:00.000Z", "2026-01-05T14:00:00.000Z", "2026-01-05T15:00:00.000Z", "2026-01-05T16:00:00.000Z"]);
      expect(events).toEqual(snapshot);
    });
  });

  describe("open hours", () => {
    it("skips exdates, matched on the local calendar date", () => {
      // 18:00-23:00 New York on Monday 5 Jan is 23:00Z Monday to 04:00Z Tuesday.
      const evenings = (exdates?: string[]) =>
        computeAvailability(
          input({
            windowEnd: MONDAY + 3 * DAY,
            durationMinutes: 60,
            roundTo: 60,
            participants: [person("a@example.com", { openHours: [hours("America/New_York", "18:00", "23:00", [1, 2], exdates)] })],
          }),
        );
      expect(slotStarts(evenings().slots)).toHaveLength(10);
      expect(slotStarts(evenings(["2026-01-05"]).slots)).toEqual([
        "2026-01-06T23:00:00.000Z",
        "2026-01-07T00:00:00.000Z",
        "2026-01-07T01:00:00.000Z",
        "2026-01-07T02:00:00.000Z",
        "2026-01-07T03:00:00.000Z",
      ]);
    });

    it("unions several open-hours entries but requires a slot to fit inside one of them", () => {
      const result = computeAvailability(
        input({
          durationMinutes: 60,
          roundTo: 30,
          participants: [person("a@example.com", { openHours: [hours("UTC", "9:00", "12:00", [1]), hours("UTC", "12:00", "14:00", [1])] })],
        }),
      );
      expect(slotStarts(result.slots)).toEqual([
        "2026-01-05T09:00:00.000Z",
        "2026-01-05T09:30:00.000Z",
        "2026-01-05T10:00:00.000Z",
        "2026-01-05T10:30:00.000Z",
        "2026-01-05T11:00:00.000Z",
        "2026-01-05T12:00:00.000Z",
        "2026-01-05T12:30:00.000Z",
        "2026-01-05T13:00:00.000Z",
      ]);
    });

    it("offers nothing on days outside the configured weekdays", () => {
      const saturday = MONDAY + 5 * DAY;
      expect(computeAvailability(input({ now: saturday, windowStart: saturday, windowEnd: saturday + 2 * DAY })).slots).toEqual([]);
    });
  });

  describe("methods", () => {
    const a = person("a@example.com", { lastBookedAt: 300, busy: [busy("2026-01-05T09:00:00Z", "2026-01-05T10:00:00Z")] });
    const b = person("b@example.com", { lastBookedAt: null, busy: [busy("2026-01-05T10:00:00Z", "2026-01-05T11:00:00Z")] });
    const c = person("c@example.com", { lastBookedAt: 100, busy: [busy("2026-01-05T11:00:00Z", "2026-01-05T12:00:00Z")] });
    const run = (method: AvailabilityInput["method"]) => computeAvailability(input({ method, durationMinutes: 60, roundTo: 60, windowEnd: at("2026-01-05T13:00:00Z"), participants: [a, b, c] }));
    const emailsAt = (result: ReturnType<typeof computeAvailability>, time: string) => result.slots.find((slot) => iso(slot.start) === `2026-01-05T${time}:00.000Z`)?.emails;

    it("max-availability offers any member's free time with emails in rank order", () => {
      const result = run("max-availability");
      expect(result.order).toEqual(["b@example.com", "c@example.com", "a@example.com"]);
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T09:00:00.000Z", "2026-01-05T10:00:00.000Z", "2026-01-05T11:00:00.000Z", "2026-01-05T12:00:00.000Z"]);
      expect(emailsAt(result, "09:00")).toEqual(["b@example.com", "c@example.com"]);
      expect(emailsAt(result, "10:00")).toEqual(["c@example.com", "a@example.com"]);
      expect(emailsAt(result, "11:00")).toEqual(["b@example.com", "a@example.com"]);
      expect(emailsAt(result, "12:00")).toEqual(["b@example.com", "c@example.com", "a@example.com"]);
    });

    it("max-fairness offers only the first-ranked member's free time", () => {
      const result = run("max-fairness");
      expect(result.order).toEqual(["b@example.com", "c@example.com", "a@example.com"]);
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T09:00:00.000Z", "2026-01-05T11:00:00.000Z", "2026-01-05T12:00:00.000Z"]);
      expect(result.slots.every((slot) => slot.emails.length === 1 && slot.emails[0] === "b@example.com")).toBe(true);
    });

    it("collective offers only times when everyone is free, emails in configuration order and no order", () => {
      const result = run("collective");
      expect(result.order).toEqual([]);
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T12:00:00.000Z"]);
      expect(result.slots[0]!.emails).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    });

    it("returns no slots for an empty panel", () => {
      for (const method of ["collective", "max-fairness", "max-availability"] as const) {
        expect(computeAvailability(input({ method, participants: [] }))).toEqual({ order: [], slots: [] });
      }
    });

    it("combines members whose open hours are in different time zones", () => {
      const london = person("london@example.com", { openHours: [hours("Europe/London", "9:00", "17:00")] });
      const newYork = person("ny@example.com", { openHours: [hours("America/New_York", "9:00", "17:00")] });
      const result = computeAvailability(input({ method: "collective", durationMinutes: 60, roundTo: 60, participants: [london, newYork] }));
      // Overlap is 14:00Z-17:00Z (9:00-12:00 New York).
      expect(slotStarts(result.slots)).toEqual(["2026-01-05T14:00:00.000Z", "2026-01-05T15:00:00.000Z", "2026-01-05T16:00:00.000Z"]);
    });
  });

  describe("Friday blocker", () => {
    const fridays = ["2026-01-09", "2026-01-16", "2026-01-23", "2026-01-30"];
    const blocker = (lastBookedAt: number | null) =>
      person("friday@example.com", {
        lastBookedAt,
        busy: fridays.map((date) => ({ start: at(`${date}T00:00:00Z`), end: at(`${date}T00:00:00Z`) + DAY })),
      });
    const others = [person("x@example.com", { lastBookedAt: 10 }), person("y@example.com", { lastBookedAt: 20 })];
    const isFriday = (ms: number) => new Date(ms).getUTCDay() === 5;
    const run = (method: "max-fairness" | "max-availability", lastBookedAt: number | null) =>
      computeAvailability(input({ method, windowEnd: MONDAY + 28 * DAY, participants: [blocker(lastBookedAt), ...others] }));

    it.each([
      { method: "max-availability" as const, lastBookedAt: null },
      { method: "max-availability" as const, lastBookedAt: 999 },
      { method: "max-fairness" as const, lastBookedAt: null },
      { method: "max-fairness" as const, lastBookedAt: 999 },
    ])("$method never puts the blocker in a Friday slot (lastBookedAt $lastBookedAt)", ({ method, lastBookedAt }) => {
      const result = run(method, lastBookedAt);
      const fridaySlots = result.slots.filter((slot) => isFriday(slot.start));
      expect(fridaySlots.some((slot) => slot.emails.includes("friday@example.com"))).toBe(false);
      if (method === "max-fairness" && lastBookedAt === null) {
        // The blocker is first in line, so max-fairness has nothing to offer on Fridays...
        expect(fridaySlots).toEqual([]);
        // ...but offers them the rest of the week.
        expect(result.slots.filter((slot) => !isFriday(slot.start))).toHaveLength(4 * 4 * 31);
      } else {
        expect(fridaySlots).toHaveLength(4 * 31);
      }
    });
  });
});
