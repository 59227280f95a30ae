import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { scorecardSummaryInstructions } from "@/lib/scorecards/summary-instructions";
import type { InterviewNotetakerSettings } from "@/lib/notetaker/settings";
import {
  hashNotetakerSettings,
  notetakerVersionSettings,
  readVersionSettings,
  versionMatchesReported,
  type NotetakerVersionSettings,
  type PanelNotetakerColumns,
} from "@/lib/settings/notetaker-versions";

const COLUMNS: PanelNotetakerColumns = {
  notetakerEnabled: true,
  conferencingProvider: "Google Meet",
  notetakerName: "Interview Recorder",
  notetakerShowConsent: true,
  notetakerConsentMessage: "This interview is recorded.",
  notetakerVideo: true,
  notetakerAudio: false,
  notetakerTranscription: false,
  notetakerSummary: true,
  notetakerActionItems: false,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "",
};

const SETTINGS: NotetakerVersionSettings = {
  enabled: true,
  conferencing: true,
  name: "Interview Recorder",
  showConsent: true,
  consentMessage: "This interview is recorded.",
  videoRecording: true,
  audioRecording: false,
  transcription: false,
  summary: true,
  actionItems: false,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "",
};

/**
 * What a Notetaker booked with SETTINGS reports running with: its name and meeting settings (not
 * whether it is enabled, nor the consent notice), with an empty instruction as null.
 */
const { enabled: _enabled, conferencing: _conferencing, showConsent: _showConsent, consentMessage: _consentMessage, ...MEETING } = SETTINGS;
const REPORTED: InterviewNotetakerSettings = { ...MEETING, source: "nylas", actionItemsInstructions: null };

describe("notetakerVersionSettings", () => {
  it("maps each panel column to its setting", () => {
    expect(notetakerVersionSettings(COLUMNS)).toStrictEqual(SETTINGS);
  });

  it("has conferencing exactly when the panel has a provider", () => {
    expect(notetakerVersionSettings({ ...COLUMNS, conferencingProvider: null }).conferencing).toBe(false);
    expect(notetakerVersionSettings({ ...COLUMNS, conferencingProvider: "Zoom Meeting" }).conferencing).toBe(true);
  });
});

describe("hashNotetakerSettings", () => {
  it("is the SHA-256 of the settings' canonical JSON, in hex", () => {
    const sorted = Object.fromEntries(Object.entries(SETTINGS).sort(([a], [b]) => (a < b ? -1 : 1)));
    expect(hashNotetakerSettings(SETTINGS)).toBe(createHash("sha256").update(JSON.stringify(sorted)).digest("hex"));
    expect(hashNotetakerSettings(SETTINGS)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("does not depend on key order", () => {
    const reversed = Object.fromEntries(Object.entries(SETTINGS).reverse()) as NotetakerVersionSettings;
    expect(hashNotetakerSettings(reversed)).toBe(hashNotetakerSettings(SETTINGS));
  });

  it.each(Object.keys(SETTINGS) as (keyof NotetakerVersionSettings)[])("changes when %s changes", (key) => {
    const value = SETTINGS[key];
    const changed = { ...SETTINGS, [key]: typeof value === "boolean" ? !value : `${value} (edited)` };
    expect(hashNotetakerSettings(changed)).not.toBe(hashNotetakerSettings(SETTINGS));
  });
});

describe("readVersionSettings", () => {
  it("reads back the settings it stored", () => {
    expect(readVersionSettings(JSON.parse(JSON.stringify(SETTINGS)))).toStrictEqual(SETTINGS);
  });

  it.each([null, undefined, "settings", 42, true])("is null for %j", (value) => {
    expect(readVersionSettings(value)).toBeNull();
  });

  it.each([[{}], [[]], [{ enabled: "yes", name: "Recorder" }], [{ enabled: true, name: 7 }]])("is null for a row not in its shape: %j", (value) => {
    expect(readVersionSettings(value)).toBeNull();
  });

  it("reads a missing or mistyped optional flag as off and a missing or mistyped text as empty", () => {
    const junk = { enabled: true, conferencing: 1, name: "Recorder", showConsent: null, consentMessage: ["x"], videoRecording: true, summaryInstructions: "Keep this." };
    expect(readVersionSettings(junk)).toStrictEqual({
      enabled: true,
      conferencing: false,
      name: "Recorder",
      showConsent: false,
      consentMessage: "",
      videoRecording: true,
      audioRecording: false,
      transcription: false,
      summary: false,
      actionItems: false,
      summaryInstructions: "Keep this.",
      actionItemsInstructions: "",
    });
  });
});

describe("versionMatchesReported", () => {
  it("matches what the Notetaker reports, an empty instruction matching none", () => {
    expect(versionMatchesReported(SETTINGS, REPORTED)).toBe(true);
    expect(versionMatchesReported(SETTINGS, { ...REPORTED, source: "panel", actionItemsInstructions: "" })).toBe(true);
    expect(versionMatchesReported({ ...SETTINGS, summaryInstructions: "" }, { ...REPORTED, summaryInstructions: null })).toBe(true);
  });

  it("matches instructions that carry the role's scorecard section after the panel's own text", () => {
    const scorecard = { competencies: [{ key: "design", name: "System design", good: "", cues: ["trade-off"] }] };
    const withScorecard = scorecardSummaryInstructions(SETTINGS.summaryInstructions, scorecard);
    expect(withScorecard).not.toBe(SETTINGS.summaryInstructions);
    expect(versionMatchesReported(SETTINGS, { ...REPORTED, summaryInstructions: withScorecard })).toBe(true);
    expect(versionMatchesReported({ ...SETTINGS, summaryInstructions: "" }, { ...REPORTED, summaryInstructions: scorecardSummaryInstructions("", scorecard) })).toBe(true);
    // The panel's own text still has to match.
    expect(versionMatchesReported(SETTINGS, { ...REPORTED, summaryInstructions: scorecardSummaryInstructions("Focus on culture.", scorecard) })).toBe(false);
  });

  it("ignores what a Notetaker does not report: enabled, conferencing and the consent notice", () => {
    const version = { ...SETTINGS, enabled: false, conferencing: false, showConsent: false, consentMessage: "Other notice." };
    expect(versionMatchesReported(version, REPORTED)).toBe(true);
  });

  it.each([
    { field: "name", value: "Other Recorder" },
    { field: "videoRecording", value: false },
    { field: "audioRecording", value: true },
    { field: "transcription", value: true },
    { field: "summary", value: false },
    { field: "actionItems", value: true },
    { field: "summaryInstructions", value: "Focus on culture." },
    { field: "actionItemsInstructions", value: "List references." },
  ])("does not match when the reported $field differs", ({ field, value }) => {
    expect(versionMatchesReported(SETTINGS, { ...REPORTED, [field]: value })).toBe(false);
  });

  it("does not match a setting the Notetaker did not report (null) against a version's off", () => {
    expect(versionMatchesReported(SETTINGS, { ...REPORTED, audioRecording: null })).toBe(false);
  });
});
