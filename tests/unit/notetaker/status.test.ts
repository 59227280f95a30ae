import { describe, expect, it } from "vitest";
import { describeNotetakerReason, describeNotetakerState, describeNotetakerStateReason, getNotetakerAlert, hasNotetakerGivenUp, type AlertInput, type AssetFact } from "@/lib/notetaker/status";

const ENDS_AT = new Date("2025-11-03T15:45:00Z");
const minutesAfterEnd = (minutes: number) => new Date(ENDS_AT.getTime() + minutes * 60_000);

const asset = (kind: string, source: AssetFact["source"], status: AssetFact["status"], lastError: string | null = null): AssetFact => ({ kind, source, status, lastError });
const stored = (kind: string) => asset(kind, "NOTETAKER", "STORED");
const ALL_STORED = ["RECORDING", "TRANSCRIPT", "SUMMARY", "ACTION_ITEMS", "THUMBNAIL"].map(stored);

function input(overrides: Partial<AlertInput> = {}): AlertInput {
  return {
    status: "SCHEDULED",
    notetakerId: "71c807752c744ad0902f64d43e6cc399",
    notetakerState: "available",
    notetakerStateReason: null,
    endsAt: ENDS_AT,
    assets: [],
    now: minutesAfterEnd(5),
    missingAfterMinutes: 60,
    ...overrides,
  };
}

const MEDIA_MISSING = {
  kind: "media_missing",
  title: "No recording yet",
  message: "The interview ended over 60 minutes ago and the Notetaker's media has not arrived. Upload the recording or a transcript if you have one.",
};
const MEDIA_ERROR = {
  kind: "media_error",
  title: "The recording could not be processed",
  message: "Nylas reported a media error for this interview. Upload the recording or a transcript if you have one.",
};
const MEDIA_DELETED = {
  kind: "media_deleted",
  title: "Nylas deleted the media before it was stored",
  message: "Nylas keeps media for 14 days. Upload the recording or a transcript if you have one.",
};

describe("describeNotetakerState", () => {
  it("labels every Notetaker state with its tone", () => {
    expect(describeNotetakerState("scheduled")).toEqual({ label: "Will join", tone: "neutral" });
    expect(describeNotetakerState("connecting")).toEqual({ label: "Joining", tone: "info" });
    expect(describeNotetakerState("waiting_for_entry")).toEqual({ label: "Waiting to be admitted", tone: "info" });
    expect(describeNotetakerState("attending")).toEqual({ label: "Recording", tone: "info" });
    expect(describeNotetakerState("disconnected")).toEqual({ label: "Left the meeting", tone: "info" });
    expect(describeNotetakerState("worker_finished")).toEqual({ label: "Finished", tone: "info" });
    expect(describeNotetakerState("processing")).toEqual({ label: "Processing media", tone: "info" });
    expect(describeNotetakerState("available")).toEqual({ label: "Media ready", tone: "success" });
    expect(describeNotetakerState("media_error")).toEqual({ label: "Media failed", tone: "danger" });
    expect(describeNotetakerState("media_deleted")).toEqual({ label: "Media deleted by Nylas", tone: "neutral" });
    expect(describeNotetakerState("failed_entry")).toEqual({ label: "Could not join", tone: "danger" });
    expect(describeNotetakerState("deleted")).toEqual({ label: "Removed", tone: "neutral" });
  });

  it('reads a missing state as scheduled ("Will join"): the booking named the bot before it reported', () => {
    expect(describeNotetakerState(null)).toEqual({ label: "Will join", tone: "neutral" });
    expect(describeNotetakerState("")).toEqual({ label: "Will join", tone: "neutral" });
  });

  it("spells an unknown state with spaces, in a neutral tone", () => {
    expect(describeNotetakerState("media_available")).toEqual({ label: "media available", tone: "neutral" });
    expect(describeNotetakerState("some_new_state")).toEqual({ label: "some new state", tone: "neutral" });
  });
});

describe("describeNotetakerReason", () => {
  it("puts each documented sub-reason in words", () => {
    const cases: [string, string][] = [
      ["waiting_for_entry", "waiting in the lobby"],
      ["recording_active", "recording"],
      ["meeting_ended", "the meeting ended"],
      ["kicked", "it was removed from the meeting"],
      ["no_activity", "nobody spoke for a long time"],
      ["no_participants", "everyone else had left"],
      ["api_request", "it was asked to leave"],
      ["network_error", "a network error"],
      ["cancelled", "it was cancelled"],
      ["unknown", "an unknown reason"],
      ["error", "an error"],
      ["internal_error", "an internal Notetaker error"],
      ["bad_meeting_code", "the meeting code was wrong"],
      ["bad_meeting_link", "the meeting link was wrong"],
      ["sign_in_required", "the meeting requires signing in"],
      ["entry_denied", "someone denied it entry"],
      ["no_response", "the meeting did not respond"],
      ["cannot_join", "it could not join the meeting"],
      ["meeting_capacity_reached", "the meeting was full"],
      ["admission_timeout", "nobody admitted it from the lobby in time"],
    ];
    for (const [reason, words] of cases) expect(describeNotetakerReason(reason)).toBe(words);
  });

  it("returns null when there is no reason", () => {
    expect(describeNotetakerReason(null)).toBeNull();
    expect(describeNotetakerReason("")).toBeNull();
  });

  it("spells an unknown reason with spaces", () => {
    expect(describeNotetakerReason("host_left_early")).toBe("host left early");
    expect(describeNotetakerReason("worker_finished")).toBe("worker finished");
  });
});

describe("hasNotetakerGivenUp", () => {
  it.each(["failed_entry", "deleted", "media_error", "media_deleted"])("is true once the Notetaker is %s (no media will come)", (state) => {
    expect(hasNotetakerGivenUp({ state })).toBe(true);
  });

  it("is true when no Notetaker was booked", () => {
    expect(hasNotetakerGivenUp(null)).toBe(true);
  });

  it.each([null, "scheduled", "connecting", "waiting_for_entry", "attending", "disconnected", "processing", "available", "media_processing", "media_available"])(
    "is false while the Notetaker may still deliver (%s)",
    (state) => {
      expect(hasNotetakerGivenUp({ state })).toBe(false);
    },
  );
});

describe("describeNotetakerStateReason", () => {
  it("puts a reason that adds something in words", () => {
    expect(describeNotetakerStateReason("failed_entry", "admission_timeout")).toBe("nobody admitted it from the lobby in time");
    expect(describeNotetakerStateReason("disconnected", "meeting_ended")).toBe("the meeting ended");
  });

  it("says nothing for an attending Notetaker (its reason only says it is recording), a reason named like its state, or none", () => {
    expect(describeNotetakerStateReason("attending", "recording_active")).toBeNull();
    expect(describeNotetakerStateReason("waiting_for_entry", "waiting_for_entry")).toBeNull();
    expect(describeNotetakerStateReason("disconnected", null)).toBeNull();
  });
});

describe("getNotetakerAlert", () => {
  it("never alerts for a cancelled interview, even with a failed Notetaker", () => {
    expect(getNotetakerAlert(input({ status: "CANCELLED", notetakerState: "failed_entry", notetakerStateReason: "entry_denied" }))).toBeNull();
    expect(getNotetakerAlert(input({ status: "CANCELLED", notetakerState: "media_error" }))).toBeNull();
  });

  it("never alerts for an interview without a Notetaker, however long ago it ended", () => {
    expect(getNotetakerAlert(input({ notetakerId: null, notetakerState: null, now: minutesAfterEnd(10_000) }))).toBeNull();
  });

  it("never alerts for a Notetaker that was deleted (cancelled)", () => {
    expect(getNotetakerAlert(input({ notetakerState: "deleted", now: minutesAfterEnd(10_000) }))).toBeNull();
  });

  it("reports a failed entry with the reason in words", () => {
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", notetakerStateReason: "admission_timeout" }))).toEqual({
      kind: "failed_entry",
      title: "The Notetaker could not join",
      message: "It failed to enter the meeting: nobody admitted it from the lobby in time. There is no recording; upload one, or a transcript, if you have it.",
    });
  });

  it("reports a failed entry without a reason", () => {
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", notetakerStateReason: null }))).toEqual({
      kind: "failed_entry",
      title: "The Notetaker could not join",
      message: "It failed to enter the meeting. There is no recording; upload one, or a transcript, if you have it.",
    });
  });

  it("reports a failed entry with an undocumented reason spelled out", () => {
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", notetakerStateReason: "waiting_room_closed" }))?.message).toBe(
      "It failed to enter the meeting: waiting room closed. There is no recording; upload one, or a transcript, if you have it.",
    );
  });

  it("reports a media error", () => {
    expect(getNotetakerAlert(input({ notetakerState: "media_error" }))).toEqual(MEDIA_ERROR);
  });

  it("reports media deleted by Nylas when nothing was downloaded", () => {
    expect(getNotetakerAlert(input({ notetakerState: "media_deleted", assets: [] }))).toEqual(MEDIA_DELETED);
  });

  it("reports media deleted by Nylas when a file other than the thumbnail was not stored", () => {
    const assets = [stored("RECORDING"), asset("TRANSCRIPT", "NOTETAKER", "PENDING"), stored("THUMBNAIL")];
    expect(getNotetakerAlert(input({ notetakerState: "media_deleted", assets }))).toEqual(MEDIA_DELETED);
  });

  it("does not report media deleted when every file was stored", () => {
    expect(getNotetakerAlert(input({ notetakerState: "media_deleted", assets: ALL_STORED, now: minutesAfterEnd(30 * 24 * 60) }))).toBeNull();
  });

  it("does not report media deleted when only the thumbnail was not stored", () => {
    const assets = [stored("RECORDING"), stored("TRANSCRIPT"), asset("THUMBNAIL", "NOTETAKER", "PENDING")];
    expect(getNotetakerAlert(input({ notetakerState: "media_deleted", assets }))).toBeNull();
  });

  it("reports a Notetaker file that failed to store, with its last error", () => {
    const assets = [stored("TRANSCRIPT"), asset("RECORDING", "NOTETAKER", "FAILED", "sha256 mismatch")];
    expect(getNotetakerAlert(input({ assets }))).toEqual({ kind: "asset_failed", title: "The recording could not be stored", message: "sha256 mismatch" });
  });

  it("says a file that reached storage but cannot be understood could not be read, not stored", () => {
    const unreadable: AssetFact = { ...asset("SUMMARY", "NOTETAKER", "FAILED", "The summary file has no summary text."), storedAt: new Date(0) };
    expect(getNotetakerAlert(input({ assets: [stored("RECORDING"), unreadable] }))).toEqual({
      kind: "asset_failed",
      title: "The summary could not be read",
      message: "The summary file has no summary text.",
    });
  });

  it("names every failed file and uses the first one's error", () => {
    const assets = [asset("SUMMARY", "NOTETAKER", "FAILED", null), asset("ACTION_ITEMS", "NOTETAKER", "FAILED", "HTTP 410"), stored("RECORDING")];
    expect(getNotetakerAlert(input({ assets }))).toEqual({
      kind: "asset_failed",
      title: "The summary and action items could not be stored",
      message: "The download failed. Retry it, or upload the file by hand.",
    });
  });

  it("names an unlisted kind in lower case", () => {
    const assets = [asset("CHAPTERS", "NOTETAKER", "FAILED", "boom")];
    expect(getNotetakerAlert(input({ assets }))?.title).toBe("The chapters could not be stored");
  });

  it("ignores a failed thumbnail", () => {
    const assets = [stored("RECORDING"), stored("TRANSCRIPT"), asset("THUMBNAIL", "NOTETAKER", "FAILED", "HTTP 500")];
    expect(getNotetakerAlert(input({ assets, now: minutesAfterEnd(600) }))).toBeNull();
  });

  it("ignores a failed upload (only the Notetaker's files count)", () => {
    const assets = [stored("RECORDING"), asset("TRANSCRIPT", "UPLOAD", "FAILED", "bad file")];
    expect(getNotetakerAlert(input({ assets }))).toBeNull();
  });

  it("reports missing media once more than missingAfterMinutes have passed since the end", () => {
    expect(getNotetakerAlert(input({ notetakerState: "attending", now: minutesAfterEnd(61) }))).toEqual(MEDIA_MISSING);
  });

  it("does not report missing media before missingAfterMinutes, nor at exactly that moment", () => {
    expect(getNotetakerAlert(input({ notetakerState: "processing", now: minutesAfterEnd(59) }))).toBeNull();
    expect(getNotetakerAlert(input({ notetakerState: "processing", now: minutesAfterEnd(60) }))).toBeNull();
    expect(getNotetakerAlert(input({ notetakerState: "processing", now: new Date(minutesAfterEnd(60).getTime() + 1) }))).toEqual(MEDIA_MISSING);
  });

  it("puts the configured number of minutes in the missing-media message", () => {
    expect(getNotetakerAlert(input({ notetakerState: "scheduled", missingAfterMinutes: 15, now: minutesAfterEnd(16) }))?.message).toBe(
      "The interview ended over 15 minutes ago and the Notetaker's media has not arrived. Upload the recording or a transcript if you have one.",
    );
  });

  it("does not report missing media before the interview ends or without an end time", () => {
    expect(getNotetakerAlert(input({ notetakerState: "scheduled", now: minutesAfterEnd(-30) }))).toBeNull();
    expect(getNotetakerAlert(input({ notetakerState: "scheduled", endsAt: null, now: minutesAfterEnd(10_000) }))).toBeNull();
  });

  it("does not report missing media while a Notetaker recording or transcript is on its way", () => {
    expect(getNotetakerAlert(input({ assets: [asset("RECORDING", "NOTETAKER", "DOWNLOADING")], now: minutesAfterEnd(600) }))).toBeNull();
    expect(getNotetakerAlert(input({ assets: [asset("TRANSCRIPT", "NOTETAKER", "PENDING")], now: minutesAfterEnd(600) }))).toBeNull();
  });

  it("still reports missing media when only a summary or thumbnail arrived", () => {
    expect(getNotetakerAlert(input({ assets: [stored("SUMMARY"), stored("THUMBNAIL")], now: minutesAfterEnd(600) }))).toEqual(MEDIA_MISSING);
  });

  it("returns null when everything is stored", () => {
    expect(getNotetakerAlert(input({ assets: ALL_STORED, now: minutesAfterEnd(600) }))).toBeNull();
  });

  it("is resolved by an uploaded, stored recording whatever went wrong", () => {
    const upload = asset("RECORDING", "UPLOAD", "STORED");
    for (const notetakerState of ["failed_entry", "media_error", "media_deleted", "scheduled"]) {
      expect(getNotetakerAlert(input({ notetakerState, notetakerStateReason: "entry_denied", assets: [upload], now: minutesAfterEnd(600) }))).toBeNull();
    }
    expect(getNotetakerAlert(input({ assets: [asset("RECORDING", "NOTETAKER", "FAILED", "x"), upload] }))).toBeNull();
  });

  it("is resolved by an uploaded, stored transcript", () => {
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", assets: [asset("TRANSCRIPT", "UPLOAD", "STORED")] }))).toBeNull();
  });

  it("is not resolved by an upload that is not stored yet, or by an uploaded summary", () => {
    expect(getNotetakerAlert(input({ notetakerState: "media_error", assets: [asset("RECORDING", "UPLOAD", "PENDING")] }))).toEqual(MEDIA_ERROR);
    expect(getNotetakerAlert(input({ notetakerState: "media_error", assets: [asset("SUMMARY", "UPLOAD", "STORED")] }))).toEqual(MEDIA_ERROR);
  });

  it("puts failed entry before media error, media deleted, failed files and missing media", () => {
    const failedRecording = asset("RECORDING", "NOTETAKER", "FAILED", "boom");
    const late = minutesAfterEnd(600);
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", assets: [failedRecording], now: late }))?.kind).toBe("failed_entry");
    expect(getNotetakerAlert(input({ notetakerState: "media_error", assets: [failedRecording], now: late }))?.kind).toBe("media_error");
    expect(getNotetakerAlert(input({ notetakerState: "media_deleted", assets: [failedRecording], now: late }))?.kind).toBe("media_deleted");
    expect(getNotetakerAlert(input({ notetakerState: "available", assets: [failedRecording], now: late }))?.kind).toBe("asset_failed");
    expect(getNotetakerAlert(input({ notetakerState: "available", assets: [], now: late }))?.kind).toBe("media_missing");
  });

  it("never alerts for an interview that may not be recorded (no media is expected, so none is missing or failed)", () => {
    const late = minutesAfterEnd(600);
    expect(getNotetakerAlert(input({ notetakerState: "scheduled", assets: [], now: late, expectsMedia: false }))).toBeNull();
    expect(getNotetakerAlert(input({ notetakerState: "failed_entry", assets: [], now: late, expectsMedia: false }))).toBeNull();
    expect(getNotetakerAlert(input({ notetakerState: "available", assets: [asset("RECORDING", "NOTETAKER", "FAILED", "boom")], now: late, expectsMedia: false }))).toBeNull();
    // The same interview, to be recorded, is missing its media.
    expect(getNotetakerAlert(input({ notetakerState: "scheduled", assets: [], now: late, expectsMedia: true }))?.kind).toBe("media_missing");
  });
});

describe("describeNotetakerState / describeNotetakerReason: webhook values that are Object.prototype names", () => {
  it("spells them out instead of returning built-in functions", () => {
    expect(describeNotetakerState("toString")).toEqual({ label: "toString", tone: "neutral" });
    expect(describeNotetakerState("constructor")).toEqual({ label: "constructor", tone: "neutral" });
    expect(describeNotetakerReason("constructor")).toBe("constructor");
    expect(describeNotetakerReason("__proto__")).toBe("  proto  ");
  });
});
