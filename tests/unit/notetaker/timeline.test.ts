import { describe, expect, it } from "vitest";
import { readNotetakerTimeline } from "@/lib/notetaker/timeline";

describe("readNotetakerTimeline", () => {
  it("reads a stored timeline in its stored order", () => {
    const stored = [
      { state: "scheduled", reason: null, at: 1_760_513_600 },
      { state: "connecting", reason: "waiting_for_entry", at: 1_760_600_000 },
      { state: "attending", reason: "recording_active", at: 1_760_600_030 },
    ];
    expect(readNotetakerTimeline(stored)).toStrictEqual(stored);
  });

  it("returns an empty list for anything that is not an array", () => {
    for (const value of [null, undefined, "[]", 5, {}, { 0: { state: "scheduled", reason: null, at: 1 }, length: 1 }]) {
      expect(readNotetakerTimeline(value)).toEqual([]);
    }
  });

  it("skips entries that are not the documented shape and keeps the rest", () => {
    const value = [
      { state: "scheduled", reason: null, at: 10 },
      null,
      "attending",
      { state: "", reason: null, at: 20 },
      { state: "s".repeat(65), reason: null, at: 30 },
      { state: "attending", reason: null, at: "40" },
      { state: "attending", reason: null, at: Number.POSITIVE_INFINITY },
      { state: "attending", reason: null, at: Number.NaN },
      { state: 7, reason: null, at: 50 },
      { reason: null, at: 60 },
      { state: "disconnected", reason: "meeting_ended", at: 70 },
    ];
    expect(readNotetakerTimeline(value)).toStrictEqual([
      { state: "scheduled", reason: null, at: 10 },
      { state: "disconnected", reason: "meeting_ended", at: 70 },
    ]);
  });

  it("reads a missing, non-string or over-long reason as null but keeps the entry", () => {
    const value = [
      { state: "attending", at: 1 },
      { state: "attending", reason: 3, at: 2 },
      { state: "attending", reason: "r".repeat(65), at: 3 },
      { state: "attending", reason: "r".repeat(64), at: 4 },
    ];
    expect(readNotetakerTimeline(value)).toStrictEqual([
      { state: "attending", reason: null, at: 1 },
      { state: "attending", reason: null, at: 2 },
      { state: "attending", reason: null, at: 3 },
      { state: "attending", reason: "r".repeat(64), at: 4 },
    ]);
  });

  it("keeps a state of exactly 64 characters and drops unknown keys", () => {
    expect(readNotetakerTimeline([{ state: "s".repeat(64), reason: null, at: 0, extra: true }])).toStrictEqual([{ state: "s".repeat(64), reason: null, at: 0 }]);
  });
});
