import { describe, expect, it } from "vitest";
import { nextScheduledTime, parseSchedule, parseScheduleOverrides, ScheduleError } from "@/lib/jobs/schedule";

const next = (expression: string, after: string) => nextScheduledTime(parseSchedule(expression), new Date(after)).toISOString();

describe("parseSchedule", () => {
  it("reads five fields as minute hour day month weekday, at second 0", () => {
    const s = parseSchedule("30 3 * * *");
    expect([...s.seconds]).toEqual([0]);
    expect([...s.minutes]).toEqual([30]);
    expect([...s.hours]).toEqual([3]);
    expect(s.daysOfMonth.size).toBe(31);
  });

  it("reads six fields with seconds first", () => {
    expect([...parseSchedule("*/15 * * * * *").seconds]).toEqual([0, 15, 30, 45]);
  });

  it("reads ranges, steps within ranges, and lists", () => {
    const s = parseSchedule("0 9-17/4 1,15 1-3 1-5");
    expect([...s.hours]).toEqual([9, 13, 17]);
    expect([...s.daysOfMonth]).toEqual([1, 15]);
    expect([...s.months]).toEqual([1, 2, 3]);
    expect([...s.daysOfWeek]).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads a start with a step as running to the field's end", () => {
    expect([...parseSchedule("50/5 * * * *").minutes]).toEqual([50, 55]);
  });

  it("takes 7 as Sunday, like 0", () => {
    expect([...parseSchedule("0 0 * * 7").daysOfWeek]).toEqual([0]);
  });

  it("knows @hourly and @daily", () => {
    expect(parseSchedule("@hourly")).toMatchObject({ expression: "@hourly" });
    expect([...parseSchedule("@daily").hours]).toEqual([0]);
  });

  it.each([
    ["* * * *", /expected 5 or 6 fields, found 4/],
    ["60 * * * *", /60 is outside 0–59 in the minute field/],
    ["* 24 * * *", /24 is outside 0–23 in the hour field/],
    ["* * 0 * *", /0 is outside 1–31 in the day of month field/],
    ["*/0 * * * *", /a step of 0 in the minute field/],
    ["5-1 * * * *", /runs backwards/],
    ["a * * * *", /"a" is not a number in the minute field/],
    ["1/2/3 * * * *", /"1\/2\/3" in the minute field/],
    ["1,,2 * * * *", /"" in the minute field/],
  ])("refuses %j with a clear message", (expression, message) => {
    expect(() => parseSchedule(expression)).toThrow(ScheduleError);
    expect(() => parseSchedule(expression)).toThrow(message);
  });
});

describe("nextScheduledTime", () => {
  it("is strictly after the given time, to the second", () => {
    expect(next("* * * * * *", "2026-12-06T10:00:00.000Z")).toBe("2026-12-06T10:00:01.000Z");
    expect(next("* * * * * *", "2026-12-06T10:00:00.400Z")).toBe("2026-12-06T10:00:01.000Z");
  });

  it("finds the next minute, hour and day", () => {
    expect(next("0 * * * * *", "2026-12-06T10:00:00.000Z")).toBe("2026-12-06T10:01:00.000Z");
    expect(next("@hourly", "2026-12-06T10:59:59.000Z")).toBe("2026-12-06T11:00:00.000Z");
    expect(next("30 3 * * *", "2026-12-06T03:30:00.000Z")).toBe("2026-12-07T03:30:00.000Z");
  });

  it("steps every 15 seconds", () => {
    expect(next("*/15 * * * * *", "2026-12-06T10:00:14.999Z")).toBe("2026-12-06T10:00:15.000Z");
    expect(next("*/15 * * * * *", "2026-12-06T10:00:45.000Z")).toBe("2026-12-06T10:01:00.000Z");
  });

  it("crosses months and years, and skips months without the day", () => {
    expect(next("0 0 1 * *", "2026-12-06T00:00:00.000Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("0 0 31 * *", "2027-01-31T00:00:00.000Z")).toBe("2027-03-31T00:00:00.000Z");
    expect(next("0 0 29 2 *", "2027-01-01T00:00:00.000Z")).toBe("2028-02-29T00:00:00.000Z");
  });

  it("matches a weekday (Monday 9:00 UTC)", () => {
    // 2026-12-06 is a Sunday.
    expect(next("0 9 * * 1", "2026-12-06T12:00:00.000Z")).toBe("2026-12-07T09:00:00.000Z");
  });

  it("ORs the day fields when both are restricted, as cron does", () => {
    // The 1st of the month, or any Friday: after Sunday 6 December 2026 comes Friday the 11th.
    expect(next("0 0 1 * 5", "2026-12-06T00:00:00.000Z")).toBe("2026-12-11T00:00:00.000Z");
    expect(next("0 0 1 * 5", "2026-12-25T00:00:00.000Z")).toBe("2027-01-01T00:00:00.000Z");
  });

  it("refuses a schedule that names no time", () => {
    expect(() => next("0 0 30 2 *", "2026-12-06T00:00:00.000Z")).toThrow(/names no time/);
  });
});

describe("parseScheduleOverrides (JOB_SCHEDULES)", () => {
  it("reads kind=cron pairs separated by semicolons, spaces around them allowed", () => {
    expect([...parseScheduleOverrides(" load-caps.safety-net=*/2 * * * * * ; jobs.prune=@daily ")]).toEqual([
      ["load-caps.safety-net", "*/2 * * * * *"],
      ["jobs.prune", "@daily"],
    ]);
  });

  it("is empty when unset or blank", () => {
    expect(parseScheduleOverrides(undefined).size).toBe(0);
    expect(parseScheduleOverrides(" ; ").size).toBe(0);
  });

  it("refuses an entry without a kind, and a bad schedule, saying which", () => {
    expect(() => parseScheduleOverrides("=@daily")).toThrow('JOB_SCHEDULES: "=@daily" is not kind=schedule');
    expect(() => parseScheduleOverrides("jobs.prune=61 * * * *")).toThrow(/61 is outside 0–59/);
  });
});
