import { describe, expect, it } from "vitest";
import { ADMISSION_DELAY_MS, ADMISSION_TIMEOUT_MS, canRunNow, nextLifecycleStep, planImmediateRun, PROCESSING_DURATION_MS, type LifecycleInput } from "@/lib/sandbox/notetaker-lifecycle";

const JOIN = new Date("2025-11-03T15:00:00Z");
const LEAVE = new Date("2025-11-03T15:45:00Z");
const EXPIRES = new Date("2025-11-17T15:45:50Z");
const NOW = new Date("2025-11-01T09:00:00Z");
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

const input = (state: string, overrides: Partial<LifecycleInput> = {}): LifecycleInput => ({
  state,
  outcome: "completed",
  joinTime: JOIN,
  leaveTime: LEAVE,
  mediaExpiresAt: null,
  ...overrides,
});

describe("nextLifecycleStep", () => {
  it("documents the timing constants (30 s admission, 10 min lobby timeout, 45 s processing)", () => {
    expect(ADMISSION_DELAY_MS).toBe(30_000);
    expect(ADMISSION_TIMEOUT_MS).toBe(600_000);
    expect(PROCESSING_DURATION_MS).toBe(45_000);
  });

  it("moves a scheduled bot to connecting (waiting_for_entry) at the join time", () => {
    const step = { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "connecting", meetingState: "waiting_for_entry", at: JOIN };
    expect(nextLifecycleStep(input("scheduled"))).toEqual(step);
    expect(nextLifecycleStep(input("scheduled", { outcome: "failed_entry" }))).toEqual(step);
  });

  it("admits a connecting bot 30 s after the join time (attending, recording_active)", () => {
    expect(nextLifecycleStep(input("connecting"))).toEqual({
      trigger: "notetaker.meeting_state",
      historyType: "notetaker.meeting_state",
      state: "attending",
      meetingState: "recording_active",
      at: at(JOIN, 30_000),
    });
  });

  it("caps the admission at the leave time for a meeting shorter than 30 s", () => {
    const leave = at(JOIN, 10_000);
    expect(nextLifecycleStep(input("connecting", { leaveTime: leave }))?.at).toEqual(leave);
    expect(nextLifecycleStep(input("connecting", { leaveTime: at(JOIN, 30_000) }))?.at).toEqual(at(JOIN, 30_000));
  });

  it("fails the entry of a connecting bot 10 min after the join time when nobody admits it", () => {
    expect(nextLifecycleStep(input("connecting", { outcome: "failed_entry" }))).toEqual({
      trigger: "notetaker.meeting_state",
      historyType: "notetaker.meeting_state",
      state: "failed_entry",
      meetingState: "admission_timeout",
      at: at(JOIN, 600_000),
    });
  });

  it("disconnects an attending bot (meeting_ended) at the leave time", () => {
    expect(nextLifecycleStep(input("attending"))).toEqual({
      trigger: "notetaker.meeting_state",
      historyType: "notetaker.meeting_state",
      state: "disconnected",
      meetingState: "meeting_ended",
      at: LEAVE,
    });
  });

  it("records worker_finished 2 s after leaving, in the history only (no webhook)", () => {
    expect(nextLifecycleStep(input("disconnected"))).toEqual({
      trigger: null,
      historyType: "notetaker.meeting_state",
      state: "worker_finished",
      meetingState: "worker_finished",
      at: at(LEAVE, 2_000),
    });
  });

  it("starts processing the media 5 s after leaving", () => {
    expect(nextLifecycleStep(input("worker_finished"))).toEqual({ trigger: "notetaker.media", historyType: "notetaker.media", state: "processing", meetingState: null, at: at(LEAVE, 5_000) });
  });

  it("makes the media available 50 s after leaving", () => {
    expect(nextLifecycleStep(input("processing"))).toEqual({ trigger: "notetaker.media", historyType: "notetaker.media", state: "available", meetingState: null, at: at(LEAVE, 50_000) });
  });

  it("deletes available media when retention ends", () => {
    expect(nextLifecycleStep(input("available", { mediaExpiresAt: EXPIRES }))).toEqual({
      trigger: "notetaker.media",
      historyType: "notetaker.media",
      state: "media_deleted",
      meetingState: null,
      at: EXPIRES,
    });
  });

  it("has no step after available without a retention end", () => {
    expect(nextLifecycleStep(input("available"))).toBeNull();
  });

  it("has no step after the final states or an unknown state", () => {
    for (const state of ["media_deleted", "failed_entry", "media_error", "deleted", "waiting_for_entry", "", "bogus"]) {
      expect(nextLifecycleStep(input(state, { mediaExpiresAt: EXPIRES }))).toBeNull();
    }
  });

  it("ignores the outcome after the bot was admitted", () => {
    expect(nextLifecycleStep(input("attending", { outcome: "failed_entry" }))?.state).toBe("disconnected");
    expect(nextLifecycleStep(input("processing", { outcome: "failed_entry" }))?.state).toBe("available");
  });
});

describe("canRunNow", () => {
  it("allows a run before the bot is admitted", () => {
    expect(canRunNow("scheduled")).toBe(true);
    expect(canRunNow("connecting")).toBe(true);
  });

  it("refuses once the bot is in or past the meeting", () => {
    for (const state of ["attending", "disconnected", "worker_finished", "processing", "available", "media_deleted", "failed_entry", "deleted", ""]) {
      expect(canRunNow(state)).toBe(false);
    }
  });
});

describe("planImmediateRun", () => {
  it("plans a completed run as 6 steps from connecting to available, stamped a second apart from now", () => {
    const steps = planImmediateRun(input("scheduled", { mediaExpiresAt: EXPIRES }), NOW);
    expect(steps.map((s) => [s.state, s.trigger, s.meetingState, s.at.toISOString()])).toEqual([
      ["connecting", "notetaker.meeting_state", "waiting_for_entry", "2025-11-01T09:00:00.000Z"],
      ["attending", "notetaker.meeting_state", "recording_active", "2025-11-01T09:00:01.000Z"],
      ["disconnected", "notetaker.meeting_state", "meeting_ended", "2025-11-01T09:00:02.000Z"],
      ["worker_finished", null, "worker_finished", "2025-11-01T09:00:03.000Z"],
      ["processing", "notetaker.media", null, "2025-11-01T09:00:04.000Z"],
      ["available", "notetaker.media", null, "2025-11-01T09:00:05.000Z"],
    ]);
  });

  it("plans a failed entry as 2 steps: connecting, then failed_entry a second later", () => {
    const steps = planImmediateRun(input("scheduled", { outcome: "failed_entry" }), NOW);
    expect(steps).toEqual([
      { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "connecting", meetingState: "waiting_for_entry", at: NOW },
      { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "failed_entry", meetingState: "admission_timeout", at: at(NOW, 1_000) },
    ]);
  });

  it("continues from connecting, starting with attending at now", () => {
    const steps = planImmediateRun(input("connecting"), NOW);
    expect(steps.map((s) => s.state)).toEqual(["attending", "disconnected", "worker_finished", "processing", "available"]);
    expect(steps[0]!.at).toEqual(NOW);
    expect(steps.at(-1)!.at).toEqual(at(NOW, 4_000));
  });

  it("fails the entry at once from connecting", () => {
    expect(planImmediateRun(input("connecting", { outcome: "failed_entry" }), NOW).map((s) => [s.state, s.at.getTime()])).toEqual([["failed_entry", NOW.getTime()]]);
  });

  it("does not plan the retention's media_deleted, even with an expiry date", () => {
    const steps = planImmediateRun(input("processing", { mediaExpiresAt: EXPIRES }), NOW);
    expect(steps.map((s) => s.state)).toEqual(["available"]);
  });

  it("plans nothing from a finished state", () => {
    for (const state of ["available", "media_deleted", "failed_entry"]) {
      expect(planImmediateRun(input(state, { mediaExpiresAt: EXPIRES }), NOW)).toEqual([]);
    }
  });
});
