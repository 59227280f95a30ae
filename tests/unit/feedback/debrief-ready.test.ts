import { describe, expect, it } from "vitest";
import { isDebriefReady, type AssetState } from "@/lib/feedback/debrief-ready";

const asset = (kind: AssetState["kind"], status: AssetState["status"]): AssetState => ({ kind, status });

describe("isDebriefReady", () => {
  it("waits for the summary and the action items, not for the recording or the transcript", () => {
    const pending = [asset("RECORDING", "PENDING"), asset("TRANSCRIPT", "PENDING"), asset("SUMMARY", "STORED"), asset("ACTION_ITEMS", "DOWNLOADING")];
    expect(isDebriefReady(pending)).toBe(false);
    expect(isDebriefReady([...pending.slice(0, 3), asset("ACTION_ITEMS", "STORED")])).toBe(true);
    expect(isDebriefReady([asset("SUMMARY", "STORED")])).toBe(true);
  });

  it("without a summary, is ready once the transcript is stored", () => {
    expect(isDebriefReady([asset("RECORDING", "STORED"), asset("TRANSCRIPT", "PENDING")])).toBe(false);
    expect(isDebriefReady([asset("RECORDING", "STORED"), asset("TRANSCRIPT", "STORED")])).toBe(true);
    // an uploaded transcript counts like the Notetaker's
    expect(isDebriefReady([asset("TRANSCRIPT", "FAILED"), asset("TRANSCRIPT", "STORED")])).toBe(true);
  });

  it("does not wait for a summary that failed for good, but does for one still coming", () => {
    expect(isDebriefReady([asset("SUMMARY", "FAILED"), asset("TRANSCRIPT", "STORED")])).toBe(true);
    expect(isDebriefReady([asset("SUMMARY", "PENDING"), asset("TRANSCRIPT", "STORED")])).toBe(false);
  });

  it("is not ready with nothing to recap", () => {
    expect(isDebriefReady([])).toBe(false);
    expect(isDebriefReady([asset("RECORDING", "STORED"), asset("SUMMARY", "FAILED")])).toBe(false);
  });
});
