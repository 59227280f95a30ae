import { describe, expect, it } from "vitest";
import { formatLocalTime, parseInstant } from "@/components/ui/local-time-format";

const START = new Date("2026-03-02T08:00:05Z");
const END = new Date("2026-03-02T08:45:00Z");
const PARIS = { locale: "en-US", timeZone: "Europe/Paris" };

describe("parseInstant", () => {
  it("reads an ISO instant", () => {
    expect(parseInstant("2026-03-02T08:00:05Z")?.toISOString()).toBe("2026-03-02T08:00:05.000Z");
  });

  it("is null for a missing or unreadable value", () => {
    expect(parseInstant(null)).toBeNull();
    expect(parseInstant(undefined)).toBeNull();
    expect(parseInstant("")).toBeNull();
    expect(parseInstant("not a date")).toBeNull();
  });
});

describe("formatLocalTime", () => {
  it("shows a placeholder for the friendly displays on the server", () => {
    expect(formatLocalTime(START, { display: "datetime", isBrowser: false })).toEqual({ kind: "line", text: "…" });
    expect(formatLocalTime(START, { display: "date", isBrowser: false })).toEqual({ kind: "line", text: "…" });
  });

  it("shows UTC for the precise displays on the server", () => {
    expect(formatLocalTime(START, { display: "precise", isBrowser: false })).toEqual({ kind: "line", text: "2026-03-02, 08:00:05 UTC" });
    expect(formatLocalTime(START, { display: "stacked", isBrowser: false })).toEqual({ kind: "stacked", date: "2026-03-02", time: "08:00:05 UTC" });
    expect(formatLocalTime(START, { display: "time", isBrowser: false })).toEqual({ kind: "line", text: "08:00:05 UTC" });
  });

  it("formats in the viewer's zone in the browser", () => {
    expect(formatLocalTime(START, { display: "datetime", isBrowser: true, ...PARIS })).toEqual({ kind: "line", text: "Mar 2, 2026, 9:00 AM" });
    expect(formatLocalTime(START, { display: "date", isBrowser: true, ...PARIS })).toEqual({ kind: "line", text: "Mar 2, 2026" });
    expect(formatLocalTime(START, { display: "time", isBrowser: true, ...PARIS })).toEqual({ kind: "line", text: "09:00:05 AM GMT+1" });
    expect(formatLocalTime(START, { display: "stacked", isBrowser: true, ...PARIS })).toEqual({ kind: "stacked", date: "Mar 2, 2026", time: "09:00:05 AM GMT+1" });
  });

  it("shows a range when the end is after the start, else the start alone", () => {
    const range = formatLocalTime(START, { display: "datetime", end: END, isBrowser: true, ...PARIS });
    expect(range.kind === "line" && range.text).toMatch(/^Mar 2, 2026, 9:00\s–\s9:45\sAM$/);
    expect(formatLocalTime(START, { display: "datetime", end: START, isBrowser: true, ...PARIS })).toEqual({ kind: "line", text: "Mar 2, 2026, 9:00 AM" });
  });
});
