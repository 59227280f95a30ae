import { describe, expect, it } from "vitest";
import { getWeekAtOffset, getWeekContaining, listWeeksAround, resolveTimeZone } from "@/lib/load/week";

const iso = (d: Date) => d.toISOString();

describe("getWeekContaining", () => {
  it("runs Monday 00:00 to the next Monday 00:00 in the zone", () => {
    const week = getWeekContaining(Date.parse("2026-03-18T12:00:00Z"), "Europe/Berlin");
    expect(week.key).toBe("2026-03-16");
    expect(iso(week.start)).toBe("2026-03-15T23:00:00.000Z");
    expect(iso(week.end)).toBe("2026-03-22T23:00:00.000Z");
  });

  it("is 167 hours long in a week whose clocks spring forward", () => {
    const week = getWeekContaining(Date.parse("2026-03-11T12:00:00Z"), "America/New_York");
    expect(week.key).toBe("2026-03-09");
    expect(iso(week.start)).toBe("2026-03-09T04:00:00.000Z");
    const spring = getWeekContaining(Date.parse("2026-03-05T12:00:00Z"), "America/New_York");
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(167);
  });

  it("puts Sunday late evening in the week that is ending, and Monday 00:00 in the next", () => {
    expect(getWeekContaining(Date.parse("2026-03-22T22:59:59Z"), "Europe/Berlin").key).toBe("2026-03-16");
    expect(getWeekContaining(Date.parse("2026-03-22T23:00:00Z"), "Europe/Berlin").key).toBe("2026-03-23");
  });

  it("gives one instant different weeks in zones on either side of Monday midnight", () => {
    const instant = Date.parse("2026-03-23T02:00:00Z"); // Sunday 22:00 in New York, Monday 03:00 in Berlin
    expect(getWeekContaining(instant, "America/New_York").key).toBe("2026-03-16");
    expect(getWeekContaining(instant, "Europe/Berlin").key).toBe("2026-03-23");
  });
});

describe("resolveTimeZone", () => {
  it("reads an unknown or empty zone as UTC", () => {
    expect(resolveTimeZone("Mars/Olympus")).toBe("UTC");
    expect(resolveTimeZone(null)).toBe("UTC");
    expect(resolveTimeZone("Europe/London")).toBe("Europe/London");
  });
});

describe("getWeekAtOffset and listWeeksAround", () => {
  it("steps whole weeks, oldest first", () => {
    const now = Date.parse("2026-03-18T12:00:00Z");
    expect(getWeekAtOffset(now, "UTC", -1).key).toBe("2026-03-09");
    expect(listWeeksAround(now, "UTC", 2, 1).map((w) => w.key)).toEqual(["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"]);
  });
});
