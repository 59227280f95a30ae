import { describe, expect, it } from "vitest";
import { notetakerSettingsFromNylas, notetakerSettingsFromPanel, readInterviewNotetakerSettings, type InterviewNotetakerSettings } from "@/lib/notetaker/settings";

const PANEL_SETTINGS: InterviewNotetakerSettings = {
  source: "panel",
  name: "Northwind Notetaker",
  videoRecording: true,
  audioRecording: true,
  transcription: true,
  summary: true,
  actionItems: true,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "List references to check.",
};

const panel = {
  notetakerEnabled: true,
  conferencingProvider: "Google Meet",
  notetakerName: "Northwind Notetaker",
  notetakerVideo: true,
  notetakerAudio: true,
  notetakerTranscription: true,
  notetakerSummary: true,
  notetakerActionItems: true,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "List references to check.",
};

describe("readInterviewNotetakerSettings", () => {
  it("reads the stored shape unchanged", () => {
    expect(readInterviewNotetakerSettings(PANEL_SETTINGS)).toStrictEqual(PANEL_SETTINGS);
    const fromNylas = { ...PANEL_SETTINGS, source: "nylas", videoRecording: false, summaryInstructions: null };
    expect(readInterviewNotetakerSettings(fromNylas)).toStrictEqual(fromNylas);
  });

  it("returns null when nothing is stored or the value is not an object", () => {
    for (const value of [null, undefined, "settings", 42, true, [], [PANEL_SETTINGS]]) expect(readInterviewNotetakerSettings(value)).toBeNull();
  });

  it("is null without a known source: the value is not settings this app wrote", () => {
    expect(readInterviewNotetakerSettings({})).toBeNull();
    expect(readInterviewNotetakerSettings({ source: "calendar", name: "Nylas Notetaker" })).toBeNull();
  });

  it("reads each junk field as null, keeping the valid fields", () => {
    const junk = {
      source: "nylas",
      name: "Nylas Notetaker",
      videoRecording: "yes",
      audioRecording: true,
      transcription: null,
      summary: {},
      actionItems: [true],
      summaryInstructions: 5,
      actionItemsInstructions: "Follow-ups only.",
    };
    expect(readInterviewNotetakerSettings(junk)).toStrictEqual({
      source: "nylas",
      name: "Nylas Notetaker",
      videoRecording: null,
      audioRecording: true,
      transcription: null,
      summary: null,
      actionItems: null,
      summaryInstructions: null,
      actionItemsInstructions: "Follow-ups only.",
    });
  });

  it("drops a name over 255 characters and instructions over 20,000 characters", () => {
    const long = { ...PANEL_SETTINGS, name: "n".repeat(256), summaryInstructions: "s".repeat(20_001), actionItemsInstructions: "a".repeat(20_000) };
    const read = readInterviewNotetakerSettings(long);
    expect(read?.name).toBeNull();
    expect(read?.summaryInstructions).toBeNull();
    expect(read?.actionItemsInstructions).toBe("a".repeat(20_000));
  });

  it("keeps a name of exactly 255 characters", () => {
    expect(readInterviewNotetakerSettings({ ...PANEL_SETTINGS, name: "n".repeat(255) })?.name).toBe("n".repeat(255));
  });

  it("drops keys that are not part of the shape", () => {
    expect(readInterviewNotetakerSettings({ ...PANEL_SETTINGS, leaveAfterSilenceSeconds: 300 })).toStrictEqual(PANEL_SETTINGS);
  });
});

describe("notetakerSettingsFromPanel", () => {
  it("records the panel's capabilities (all on here), name and instructions", () => {
    expect(notetakerSettingsFromPanel(panel)).toStrictEqual(PANEL_SETTINGS);
  });

  it("records what the panel has the Notetaker record and produce", () => {
    const settings = notetakerSettingsFromPanel({ ...panel, notetakerVideo: false, notetakerTranscription: false, notetakerSummary: false, notetakerActionItems: false });
    expect(settings).toMatchObject({ videoRecording: false, audioRecording: true, transcription: false, summary: false, actionItems: false });
  });

  it("returns null when the panel's Notetaker is disabled", () => {
    expect(notetakerSettingsFromPanel({ ...panel, notetakerEnabled: false })).toBeNull();
  });

  it("returns null when the panel has no conferencing (Nylas needs a meeting link)", () => {
    expect(notetakerSettingsFromPanel({ ...panel, conferencingProvider: null })).toBeNull();
    expect(notetakerSettingsFromPanel({ ...panel, conferencingProvider: "" })).toBeNull();
  });

  it("stores empty instructions as null", () => {
    const settings = notetakerSettingsFromPanel({ ...panel, summaryInstructions: "", actionItemsInstructions: "" });
    expect(settings?.summaryInstructions).toBeNull();
    expect(settings?.actionItemsInstructions).toBeNull();
  });

  it("round-trips through readInterviewNotetakerSettings", () => {
    const settings = notetakerSettingsFromPanel({ ...panel, summaryInstructions: "" });
    expect(readInterviewNotetakerSettings(JSON.parse(JSON.stringify(settings)))).toStrictEqual(settings);
  });
});

describe("notetakerSettingsFromNylas", () => {
  it("records what the Notetaker reports, marked as from Nylas", () => {
    const settings = notetakerSettingsFromNylas("Nylas Notetaker", {
      videoRecording: false,
      audioRecording: true,
      transcription: true,
      summary: null,
      actionItems: false,
      summaryInstructions: null,
      actionItemsInstructions: "Follow-ups only.",
    });
    expect(settings).toStrictEqual({
      source: "nylas",
      name: "Nylas Notetaker",
      videoRecording: false,
      audioRecording: true,
      transcription: true,
      summary: null,
      actionItems: false,
      summaryInstructions: null,
      actionItemsInstructions: "Follow-ups only.",
    });
  });

  it("keeps a missing name as null", () => {
    const none = { videoRecording: null, audioRecording: null, transcription: null, summary: null, actionItems: null, summaryInstructions: null, actionItemsInstructions: null };
    expect(notetakerSettingsFromNylas(null, none)).toStrictEqual({ source: "nylas", name: null, ...none });
  });
});
