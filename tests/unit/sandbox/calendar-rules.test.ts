import { describe, expect, it } from "vitest";
import { parseWhen, toBusySlots } from "@/lib/sandbox/calendar-rules";
import { SandboxApiError } from "@/lib/sandbox/errors";

function rejectionOf(value: unknown): SandboxApiError {
  try {
    parseWhen(value);
  } catch (error) {
    if (error instanceof SandboxApiError) return error;
    throw error;
  }
  throw new Error("expected parseWhen to throw");
}

describe("parseWhen", () => {
  it("reads a timespan in Unix seconds with its time zone", () => {
    expect(parseWhen({ start_time: 1_800_000_000, end_time: 1_800_003_600, start_timezone: "Europe/Berlin", end_timezone: "Europe/Berlin" })).toEqual({
      start: new Date(1_800_000_000_000),
      end: new Date(1_800_003_600_000),
      timezone: "Europe/Berlin",
    });
  });

  it("accepts object: timespan and no time zone", () => {
    expect(parseWhen({ object: "timespan", start_time: 100, end_time: 200 })).toEqual({ start: new Date(100_000), end: new Date(200_000), timezone: null });
  });

  it("takes the end time zone when only it is given", () => {
    expect(parseWhen({ start_time: 100, end_time: 200, end_timezone: "Asia/Tokyo" }).timezone).toBe("Asia/Tokyo");
  });

  it.each([
    ["a missing when", undefined, "when is required: a timespan {start_time, end_time} in Unix seconds."],
    ["a string", "tomorrow", "when is required: a timespan {start_time, end_time} in Unix seconds."],
    ["a date event", { date: "2026-12-01" }, 'when must be a timespan {start_time, end_time}; "date" events are not supported by the sandbox.'],
    ["a datespan event", { start_date: "2026-12-01", end_date: "2026-12-02" }, 'when must be a timespan {start_time, end_time}; "datespan" events are not supported by the sandbox.'],
    ["a time event", { time: 1_800_000_000 }, 'when must be a timespan {start_time, end_time}; "time" events are not supported by the sandbox.'],
    ["another object kind", { object: "date", start_time: 100, end_time: 200 }, 'when must be a timespan {start_time, end_time}; "date" events are not supported by the sandbox.'],
    ["a missing end", { start_time: 100 }, "when.end_time is required (Unix seconds)."],
    ["milliseconds as a string", { start_time: "100", end_time: 200 }, "when.start_time is required (Unix seconds)."],
    ["a fractional time", { start_time: 100.5, end_time: 200 }, "when.start_time is required (Unix seconds)."],
    ["an end before the start", { start_time: 200, end_time: 100 }, "when.end_time must be after when.start_time."],
    ["an end equal to the start", { start_time: 200, end_time: 200 }, "when.end_time must be after when.start_time."],
    ["an unknown time zone", { start_time: 100, end_time: 200, start_timezone: "Mars/Olympus" }, "when.start_timezone must be an IANA time zone."],
    [
      "two different time zones",
      { start_time: 100, end_time: 200, start_timezone: "Europe/Berlin", end_timezone: "Europe/London" },
      "when.start_timezone and when.end_timezone must be the same: the sandbox keeps one time zone per event.",
    ],
  ])("refuses %s with a 400", (_name, value, message) => {
    const error = rejectionOf(value);
    expect(error.status).toBe(400);
    expect(error.type).toBe("invalid_request_error");
    expect(error.message).toBe(message);
  });
});

describe("toBusySlots", () => {
  const window = { start: 1000, end: 5000 };

  it("returns nothing for no intervals", () => {
    expect(toBusySlots([], window)).toEqual([]);
  });

  it("sorts, and merges overlapping and touching intervals", () => {
    expect(
      toBusySlots(
        [
          { start: 3000, end: 3500 },
          { start: 1200, end: 1800 },
          { start: 1500, end: 2000 },
          { start: 2000, end: 2100 },
          { start: 3400, end: 3600 },
        ],
        window,
      ),
    ).toEqual([
      { start: 1200, end: 2100 },
      { start: 3000, end: 3600 },
    ]);
  });

  it("clips intervals to the window and drops those outside it", () => {
    expect(
      toBusySlots(
        [
          { start: 500, end: 1500 },
          { start: 4500, end: 6000 },
          { start: 100, end: 1000 },
          { start: 5000, end: 5100 },
        ],
        window,
      ),
    ).toEqual([
      { start: 1000, end: 1500 },
      { start: 4500, end: 5000 },
    ]);
  });

  it("keeps a duplicate (a booking and its own event) as one slot", () => {
    expect(
      toBusySlots(
        [
          { start: 2000, end: 2600 },
          { start: 2000, end: 2600 },
        ],
        window,
      ),
    ).toEqual([{ start: 2000, end: 2600 }]);
  });
});
