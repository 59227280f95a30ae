import { describe, expect, it } from "vitest";
import {
  buildLoadCapMetadata,
  getLoadCapBlockSpan,
  getLoadCapRetryDelayMs,
  isLoadCapBlockEvent,
  listDistinctWeeks,
  LOAD_CAP_BLOCK_TITLE,
  needsLoadCapBlock,
  planLoadCapWork,
} from "@/lib/load/cap-rules";
import { getWeekContaining } from "@/lib/load/week";

const NOW = new Date("2026-03-18T12:00:00Z"); // a Wednesday
const WEEK = getWeekContaining(NOW, "UTC"); // 2026-03-16 .. 2026-03-23
const NEXT = getWeekContaining(new Date("2026-03-25T12:00:00Z"), "UTC");
const A = "11111111-1111-4111-8111-111111111111";
const B = "22222222-2222-4222-8222-222222222222";

describe("needsLoadCapBlock", () => {
  it("wants a block once the count reaches the cap, and above it", () => {
    expect(needsLoadCapBlock({ weeklyCap: 2, count: 1, week: WEEK, now: NOW })).toBe(false);
    expect(needsLoadCapBlock({ weeklyCap: 2, count: 2, week: WEEK, now: NOW })).toBe(true);
    expect(needsLoadCapBlock({ weeklyCap: 2, count: 3, week: WEEK, now: NOW })).toBe(true);
  });

  it("never wants one without a cap", () => {
    expect(needsLoadCapBlock({ weeklyCap: null, count: 40, week: WEEK, now: NOW })).toBe(false);
  });

  it("does not want one for a week that has ended or has less than a minute left", () => {
    expect(needsLoadCapBlock({ weeklyCap: 1, count: 1, week: { end: new Date(NOW.getTime() - 1) }, now: NOW })).toBe(false);
    expect(needsLoadCapBlock({ weeklyCap: 1, count: 1, week: { end: new Date(NOW.getTime() + 59_000) }, now: NOW })).toBe(false);
    expect(needsLoadCapBlock({ weeklyCap: 1, count: 1, week: { end: new Date(NOW.getTime() + 60_000) }, now: NOW })).toBe(true);
  });
});

describe("getLoadCapBlockSpan", () => {
  it("covers the rest of the current week from now", () => {
    expect(getLoadCapBlockSpan(WEEK, new Date(NOW.getTime() + 500))).toEqual({ startTime: NOW.getTime() / 1000, endTime: WEEK.end.getTime() / 1000 });
  });

  it("covers the whole of a week still ahead", () => {
    expect(getLoadCapBlockSpan(NEXT, NOW)).toEqual({ startTime: NEXT.start.getTime() / 1000, endTime: NEXT.end.getTime() / 1000 });
  });
});

describe("isLoadCapBlockEvent", () => {
  const metadata = buildLoadCapMetadata(A, "2026-03-16");

  it("matches the block of this interviewer and week by title and metadata", () => {
    expect(isLoadCapBlockEvent({ title: LOAD_CAP_BLOCK_TITLE, metadata }, A, "2026-03-16")).toBe(true);
  });

  it("ignores another week's or interviewer's block, a renamed event, and events without metadata", () => {
    expect(isLoadCapBlockEvent({ title: LOAD_CAP_BLOCK_TITLE, metadata }, A, "2026-03-23")).toBe(false);
    expect(isLoadCapBlockEvent({ title: LOAD_CAP_BLOCK_TITLE, metadata }, B, "2026-03-16")).toBe(false);
    expect(isLoadCapBlockEvent({ title: "Focus time", metadata }, A, "2026-03-16")).toBe(false);
    expect(isLoadCapBlockEvent({ title: LOAD_CAP_BLOCK_TITLE, metadata: null }, A, "2026-03-16")).toBe(false);
  });
});

describe("listDistinctWeeks", () => {
  it("gives each week once, oldest first, in the interviewer's zone", () => {
    const weeks = listDistinctWeeks(
      [new Date("2026-03-25T10:00:00Z"), new Date("2026-03-17T10:00:00Z"), new Date("2026-03-19T10:00:00Z"), new Date("2026-03-23T02:00:00Z")],
      "America/New_York",
    );
    // 2026-03-23T02:00Z is Sunday evening in New York: still the week of the 16th.
    expect(weeks.map((w) => w.key)).toEqual(["2026-03-16", "2026-03-23"]);
  });
});

describe("planLoadCapWork", () => {
  const at = (s: string) => ({ interviewerId: A, startsAt: new Date(s) });

  it("finds a week at the cap without a block", () => {
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "UTC", weeklyCap: 2 }],
      interviews: [at("2026-03-16T10:00:00Z"), at("2026-03-19T10:00:00Z"), at("2026-03-24T10:00:00Z")],
      blocks: [],
      now: NOW,
    });
    expect(work).toEqual([{ interviewerId: A, weekOf: WEEK.start, reason: "missing_block" }]);
  });

  it("finds nothing when the blocks match the counts", () => {
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "UTC", weeklyCap: 1 }],
      interviews: [at("2026-03-19T10:00:00Z")],
      blocks: [{ interviewerId: A, weekStart: WEEK.start, weekEnd: WEEK.end }],
      now: NOW,
    });
    expect(work).toEqual([]);
  });

  it("finds a block no longer wanted: under the cap, cap removed, or the interviewer gone from the capped list", () => {
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "UTC", weeklyCap: 3 }],
      interviews: [at("2026-03-19T10:00:00Z")],
      blocks: [
        { interviewerId: A, weekStart: WEEK.start, weekEnd: WEEK.end },
        { interviewerId: B, weekStart: NEXT.start, weekEnd: NEXT.end },
      ],
      now: NOW,
    });
    expect(work).toEqual([
      { interviewerId: A, weekOf: WEEK.start, reason: "stale_block" },
      { interviewerId: B, weekOf: NEXT.start, reason: "stale_block" },
    ]);
  });

  it("ignores weeks that have ended, and their blocks", () => {
    const last = getWeekContaining(new Date("2026-03-11T10:00:00Z"), "UTC");
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "UTC", weeklyCap: 1 }],
      interviews: [at("2026-03-11T10:00:00Z")],
      blocks: [{ interviewerId: A, weekStart: last.start, weekEnd: last.end }],
      now: NOW,
    });
    expect(work).toEqual([]);
  });

  it("counts weeks in the interviewer's own zone", () => {
    // Sunday 22:00 in New York (Monday 02:00 UTC): the New York week of the 16th, not the UTC week of the 23rd.
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "America/New_York", weeklyCap: 2 }],
      interviews: [at("2026-03-19T15:00:00Z"), at("2026-03-23T02:00:00Z")],
      blocks: [],
      now: NOW,
    });
    expect(work).toEqual([{ interviewerId: A, weekOf: getWeekContaining(NOW, "America/New_York").start, reason: "missing_block" }]);
  });

  it("treats a block stored under another zone's week as stale (the interviewer's time zone changed)", () => {
    const berlin = getWeekContaining(NOW, "Europe/Berlin");
    const work = planLoadCapWork({
      interviewers: [{ id: A, timezone: "UTC", weeklyCap: 1 }],
      interviews: [at("2026-03-19T10:00:00Z")],
      blocks: [{ interviewerId: A, weekStart: berlin.start, weekEnd: berlin.end }],
      now: NOW,
    });
    expect(work.map((w) => w.reason).sort()).toEqual(["missing_block", "stale_block"]);
  });
});

describe("getLoadCapRetryDelayMs", () => {
  it("doubles from 2 seconds and stops at 5 minutes", () => {
    expect([1, 2, 3, 4].map(getLoadCapRetryDelayMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(getLoadCapRetryDelayMs(9)).toBe(300_000);
    expect(getLoadCapRetryDelayMs(1_000)).toBe(300_000);
  });
});
