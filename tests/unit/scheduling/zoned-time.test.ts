import { describe, expect, it } from "vitest";
import { convertLocalTimeToInstant, getTimeZoneOffset, listOpenWindows, parseTimeOfDay } from "@/lib/scheduling";
import { DAY, EVERY_DAY, at, hours, iso } from "./fixtures";

const dayOf = (date: string) => at(`${date}T00:00:00Z`) / DAY;

describe("convertLocalTimeToInstant", () => {
  const cases: { name: string; timezone: string; date: string; time: number; expected: string }[] = [
    { name: "New York 9:00 the day before spring-forward is EST", timezone: "America/New_York", date: "2026-03-07", time: 540, expected: "2026-03-07T14:00:00.000Z" },
    { name: "New York 9:00 on spring-forward day is EDT", timezone: "America/New_York", date: "2026-03-08", time: 540, expected: "2026-03-08T13:00:00.000Z" },
    { name: "New York 2:30 (skipped) resolves forward to 3:30 EDT", timezone: "America/New_York", date: "2026-03-08", time: 150, expected: "2026-03-08T07:30:00.000Z" },
    { name: "New York 9:00 the day before fall-back is EDT", timezone: "America/New_York", date: "2026-10-31", time: 540, expected: "2026-10-31T13:00:00.000Z" },
    { name: "New York 9:00 on fall-back day is EST", timezone: "America/New_York", date: "2026-11-01", time: 540, expected: "2026-11-01T14:00:00.000Z" },
    { name: "New York 1:30 (repeated) resolves to the first, EDT occurrence", timezone: "America/New_York", date: "2026-11-01", time: 90, expected: "2026-11-01T05:30:00.000Z" },
    { name: "Berlin 2:30 (skipped) resolves forward to 3:30 CEST", timezone: "Europe/Berlin", date: "2026-03-29", time: 150, expected: "2026-03-29T01:30:00.000Z" },
    { name: "Kolkata 9:00 is 03:30Z", timezone: "Asia/Kolkata", date: "2026-07-01", time: 540, expected: "2026-07-01T03:30:00.000Z" },
    { name: "24:00 is the next local midnight", timezone: "Asia/Kolkata", date: "2026-07-01", time: 1440, expected: "2026-07-01T18:30:00.000Z" },
  ];
  it.each(cases)("$name", ({ timezone, date, time, expected }) => {
    expect(iso(convertLocalTimeToInstant(timezone, dayOf(date), time))).toBe(expected);
  });

  it("rejects unknown time zones", () => {
    expect(() => convertLocalTimeToInstant("Mars/Olympus_Mons", dayOf("2026-01-01"), 540)).toThrow(RangeError);
  });
});

describe("getTimeZoneOffset", () => {
  it.each([
    { timezone: "America/New_York", instant: "2026-01-15T12:00:00Z", hours: -5 },
    { timezone: "America/New_York", instant: "2026-07-15T12:00:00Z", hours: -4 },
    { timezone: "Asia/Kolkata", instant: "2026-07-15T12:00:00Z", hours: 5.5 },
    { timezone: "UTC", instant: "2026-07-15T12:00:00Z", hours: 0 },
  ])("$timezone at $instant is UTC$hours", ({ timezone, instant, hours }) => {
    expect(getTimeZoneOffset(timezone, at(instant))).toBe(hours * 3_600_000);
  });
});

describe("parseTimeOfDay", () => {
  it.each([
    ["9:00", 540],
    ["09:00", 540],
    ["0:00", 0],
    ["17:30", 1050],
    ["24:00", 1440],
  ] as const)("parses %s as %i minutes", (text, minutes) => {
    expect(parseTimeOfDay(text)).toBe(minutes);
  });

  it.each(["24:30", "25:00", "9:60", "9", "nine", "9:5", ""])("rejects %j", (text) => {
    expect(() => parseTimeOfDay(text)).toThrow(RangeError);
  });
});

describe("listOpenWindows", () => {
  it("lists one window per matching local day, sorted across entries", () => {
    const windows = listOpenWindows([hours("Asia/Kolkata", "9:00", "10:00", [1, 2]), hours("UTC", "6:00", "7:00", [1])], at("2026-01-05T00:00:00Z"), at("2026-01-07T00:00:00Z"));
    expect(windows.map((window) => [iso(window.start), iso(window.end), window.startMinuteOfDay])).toEqual([
      ["2026-01-05T03:30:00.000Z", "2026-01-05T04:30:00.000Z", 540],
      ["2026-01-05T06:00:00.000Z", "2026-01-05T07:00:00.000Z", 360],
      ["2026-01-06T03:30:00.000Z", "2026-01-06T04:30:00.000Z", 540],
    ]);
  });

  it("records the real local start minute when the start falls in a DST gap", () => {
    const [window] = listOpenWindows([hours("America/New_York", "2:30", "5:00", [0])], at("2026-03-08T00:00:00Z"), at("2026-03-09T00:00:00Z"));
    expect(window).toEqual({ start: at("2026-03-08T07:30:00Z"), end: at("2026-03-08T09:00:00Z"), startMinuteOfDay: 210 });
  });

  it("skips exdates and empty or inverted hours", () => {
    const windows = listOpenWindows([hours("UTC", "9:00", "17:00", EVERY_DAY, ["2026-01-06"]), hours("UTC", "17:00", "9:00", EVERY_DAY)], at("2026-01-05T00:00:00Z"), at("2026-01-08T00:00:00Z"));
    expect(windows.map((window) => iso(window.start))).toEqual(["2026-01-05T09:00:00.000Z", "2026-01-07T09:00:00.000Z"]);
  });

  it("includes windows that only partly overlap the range", () => {
    const windows = listOpenWindows([hours("UTC", "9:00", "17:00", EVERY_DAY)], at("2026-01-05T16:00:00Z"), at("2026-01-06T09:30:00Z"));
    expect(windows.map((window) => iso(window.start))).toEqual(["2026-01-05T09:00:00.000Z", "2026-01-06T09:00:00.000Z"]);
  });
});
