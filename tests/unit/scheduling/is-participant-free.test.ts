import { describe, expect, it } from "vitest";
import { isParticipantFree, type Interval } from "@/lib/scheduling";
import { at, busy, hours, person } from "./fixtures";

const slot = (from: string, to: string): Interval => ({ start: at(`2026-01-05T${from}:00Z`), end: at(`2026-01-05T${to}:00Z`) });

describe("isParticipantFree", () => {
  const meeting = busy("2026-01-05T12:00:00Z", "2026-01-05T13:00:00Z");
  const cases: { name: string; slot: Interval; buffer?: { before: number; after: number }; busy?: Interval[]; expected: string }[] = [
    { name: "free inside open hours with no busy time", slot: slot("10:00", "11:00"), expected: "free" },
    { name: "free when the slot ends exactly as an event starts", slot: slot("11:00", "12:00"), busy: [meeting], expected: "free" },
    { name: "free when the slot starts exactly as an event ends", slot: slot("13:00", "14:00"), busy: [meeting], expected: "free" },
    { name: "busy when overlapping an event", slot: slot("12:30", "13:30"), busy: [meeting], expected: "busy" },
    { name: "busy when the after-buffer reaches the next event", slot: slot("11:00", "11:55"), buffer: { before: 0, after: 10 }, busy: [meeting], expected: "busy" },
    { name: "busy when the before-buffer reaches the previous event", slot: slot("13:05", "14:00"), buffer: { before: 10, after: 0 }, busy: [meeting], expected: "busy" },
    { name: "ignores empty busy intervals", slot: slot("10:00", "11:00"), busy: [busy("2026-01-05T10:30:00Z", "2026-01-05T10:30:00Z")], expected: "free" },
    { name: "outside open hours before they start", slot: slot("08:30", "09:30"), expected: "outside_open_hours" },
    { name: "outside open hours when running past the end", slot: slot("16:30", "17:30"), expected: "outside_open_hours" },
    { name: "outside open hours takes precedence over busy", slot: slot("17:00", "18:00"), busy: [busy("2026-01-05T17:00:00Z", "2026-01-05T18:00:00Z")], expected: "outside_open_hours" },
    { name: "free when only the buffers fall outside open hours", slot: slot("09:00", "17:00"), buffer: { before: 60, after: 60 }, expected: "free" },
    { name: "outside open hours for an empty slot", slot: slot("10:00", "10:00"), expected: "outside_open_hours" },
  ];
  it.each(cases)("$name", ({ slot: range, buffer = { before: 0, after: 0 }, busy: events = [], expected }) => {
    expect(isParticipantFree(person("a@example.com", { busy: events }), range, buffer)).toBe(expected);
  });

  it("requires the slot to fit one window, not two adjacent ones", () => {
    const split = person("a@example.com", { openHours: [hours("UTC", "9:00", "12:00"), hours("UTC", "12:00", "17:00")] });
    expect(isParticipantFree(split, slot("11:30", "12:30"), { before: 0, after: 0 })).toBe("outside_open_hours");
    expect(isParticipantFree(split, slot("12:00", "13:00"), { before: 0, after: 0 })).toBe("free");
  });

  it("evaluates open hours in the participant's time zone", () => {
    const tokyo = person("a@example.com", { openHours: [hours("Asia/Tokyo")] });
    // 9:00-17:00 JST on Monday 5 Jan is 00:00Z-08:00Z.
    expect(isParticipantFree(tokyo, slot("00:00", "01:00"), { before: 0, after: 0 })).toBe("free");
    expect(isParticipantFree(tokyo, slot("08:00", "09:00"), { before: 0, after: 0 })).toBe("outside_open_hours");
  });
});
