import { describe, expect, it } from "vitest";
import { assembleLoadReport, formatWeekLabel, getWeekForKey, listReportWeekBounds, listReportWeekKeys } from "@/lib/load/report-rules";

const NOW = new Date("2026-03-18T12:00:00Z");
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

describe("getWeekForKey", () => {
  it.each(["UTC", "Pacific/Kiritimati", "Etc/GMT+12", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"])("finds the week whose Monday is the key in %s", (zone) => {
    expect(getWeekForKey("2026-03-16", zone).key).toBe("2026-03-16");
    expect(getWeekForKey("2026-10-26", zone).key).toBe("2026-10-26");
  });

  it("gives the week's instants in the zone", () => {
    const week = getWeekForKey("2026-03-16", "Europe/Berlin");
    expect(week.start.toISOString()).toBe("2026-03-15T23:00:00.000Z");
  });

  it("refuses something that is not a date", () => {
    expect(() => getWeekForKey("last week", "UTC")).toThrow(RangeError);
  });
});

describe("listReportWeekKeys and formatWeekLabel", () => {
  it("lists the weeks around now by their Mondays, oldest first", () => {
    expect(listReportWeekKeys(NOW, 1, 2)).toEqual(["2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]);
  });

  it("labels a week by its Monday's date", () => {
    expect(formatWeekLabel("2026-03-09")).toBe("Mar 9");
  });
});

describe("listReportWeekBounds", () => {
  it("gives every interviewer every week, in their own zone", () => {
    const rows = listReportWeekBounds(
      [
        { id: A, timezone: "Europe/Berlin" },
        { id: B, timezone: "UTC" },
      ],
      ["2026-03-16"],
    );
    expect(rows.map((r) => [r.interviewerId, r.start.toISOString()])).toEqual([
      [A, "2026-03-15T23:00:00.000Z"],
      [B, "2026-03-16T00:00:00.000Z"],
    ]);
  });
});

describe("assembleLoadReport", () => {
  const weekKeys = ["2026-03-09", "2026-03-16", "2026-03-23"];
  const interviewers = [
    { id: B, name: "Zoe Adams", email: "zoe@example.org", timezone: "UTC", weeklyCap: 2 },
    { id: A, name: "Ana Brown", email: "ana@example.org", timezone: "UTC", weeklyCap: null },
  ];

  it("aligns counts with the week columns, sorts by name, and marks the current week", () => {
    const report = assembleLoadReport({
      now: NOW,
      weekKeys,
      interviewers,
      counts: [
        { interviewerId: B, weekKey: "2026-03-16", count: 2 },
        { interviewerId: B, weekKey: "2026-03-23", count: 1 },
        { interviewerId: A, weekKey: "2026-03-09", count: 4 },
      ],
      upcoming: [{ interviewerId: B, count: 2 }],
      blocks: [{ interviewerId: B, weekStart: new Date("2026-03-16T00:00:00Z"), weekEnd: new Date("2026-03-23T00:00:00Z") }],
    });
    expect(report.weeks).toEqual([
      { key: "2026-03-09", label: "Mar 9", isCurrent: false },
      { key: "2026-03-16", label: "Mar 16", isCurrent: true },
      { key: "2026-03-23", label: "Mar 23", isCurrent: false },
    ]);
    expect(report.interviewers.map((i) => i.name)).toEqual(["Ana Brown", "Zoe Adams"]);
    const [ana, zoe] = report.interviewers;
    expect(ana).toMatchObject({ counts: [4, 0, 0], thisWeek: 0, upcoming: 0, isAtCap: false, blocks: [] });
    expect(zoe).toMatchObject({ counts: [0, 2, 1], thisWeek: 2, upcoming: 2, isAtCap: true, currentWeekKey: "2026-03-16" });
    expect(zoe!.blocks).toEqual([{ weekKey: "2026-03-16", weekStart: new Date("2026-03-16T00:00:00Z"), weekEnd: new Date("2026-03-23T00:00:00Z"), isCurrent: true }]);
    expect(report.totalInWeeks).toBe(7);
    expect(report.totalUpcoming).toBe(2);
  });

  it("drops blocks of weeks that have ended and marks future weeks' blocks as not current", () => {
    const report = assembleLoadReport({
      now: NOW,
      weekKeys,
      interviewers: [interviewers[0]!],
      counts: [],
      upcoming: [],
      blocks: [
        { interviewerId: B, weekStart: new Date("2026-03-09T00:00:00Z"), weekEnd: new Date("2026-03-16T00:00:00Z") },
        { interviewerId: B, weekStart: new Date("2026-03-23T00:00:00Z"), weekEnd: new Date("2026-03-30T00:00:00Z") },
      ],
    });
    expect(report.interviewers[0]!.blocks.map((b) => [b.weekKey, b.isCurrent])).toEqual([["2026-03-23", false]]);
    expect(report.totalInWeeks).toBe(0);
  });
});
