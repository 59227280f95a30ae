import { describe, expect, it } from "vitest";
import { buildLoadCapMetadata, getLoadCapBlockSpan, isLoadCapBlockEvent, listDistinctWeeks, LOAD_CAP_BLOCK_TITLE, needsLoadCapBlock } from "@/lib/load/cap-rules";
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
    const weeks = listDistinctWeeks([new Date("2026-03-25T10:00:00Z"), new Date("2026-03-17T10:00:00Z"), new Date("2026-03-19T10:00:00Z"), new Date("2026-03-23T02:00:00Z")], "America/New_York");
    // 2026-03-23T02:00Z is Sunday evening in New York: still the week of the 16th.
    expect(weeks.map((w) => w.key)).toEqual(["2026-03-16", "2026-03-23"]);
  });
});
