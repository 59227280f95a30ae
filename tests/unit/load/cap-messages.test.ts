import { describe, expect, it } from "vitest";
import { describeWeeklyCapSave } from "@/lib/load/cap-messages";

const NOW = new Date("2026-03-18T12:00:00Z");
const THIS_WEEK = { weekKey: "2026-03-16", weekStart: new Date("2026-03-16T00:00:00Z") };
const NEXT_WEEK = { weekKey: "2026-03-23", weekStart: new Date("2026-03-23T00:00:00Z") };

describe("describeWeeklyCapSave", () => {
  it("says the cap was saved and that this week is now blocked", () => {
    expect(describeWeeklyCapSave({ name: "Priya Patel", before: null, after: 1, outcomes: [{ ...THIS_WEEK, action: "created" }], now: NOW })).toEqual({
      message: "Saved: Priya Patel's weekly cap is 1 interview. They have reached it this week: their calendar is blocked for the rest of the week, so no role offers them.",
    });
  });

  it("mentions upcoming weeks blocked and blocks removed", () => {
    const result = describeWeeklyCapSave({
      name: "Sarah Kim",
      before: 2,
      after: 3,
      outcomes: [
        { ...THIS_WEEK, action: "removed" },
        { ...NEXT_WEEK, action: "kept" },
      ],
      now: NOW,
    });
    expect(result.message).toBe(
      "Saved: Sarah Kim's weekly cap is 3 interviews. They have reached it in 1 upcoming week: those weeks are blocked too. They are under the cap again: the block was removed from 1 week.",
    );
  });

  it("says no cap, and no change when the value is the same", () => {
    expect(describeWeeklyCapSave({ name: "Lena", before: 2, after: null, outcomes: [], now: NOW }).message).toBe("Saved: no weekly cap for Lena.");
    expect(describeWeeklyCapSave({ name: "Lena", before: null, after: null, outcomes: [], now: NOW }).message).toBe("No change: no weekly cap for Lena.");
  });

  it("warns when the calendar could not be updated, or has no grant", () => {
    const failed = describeWeeklyCapSave({ name: "Lena", before: null, after: 1, outcomes: [{ ...THIS_WEEK, action: "failed", error: "503 api_error: down" }], now: NOW });
    expect(failed.warning).toBe("Their calendar could not be updated yet (503 api_error: down). It is retried automatically in the background.");
    const noGrant = describeWeeklyCapSave({ name: "Lena", before: null, after: 1, outcomes: [{ ...THIS_WEEK, action: "no_grant" }], now: NOW });
    expect(noGrant.warning).toMatch(/no connected calendar/);
  });
});
