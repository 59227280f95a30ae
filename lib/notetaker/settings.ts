/**
 * Pure: the Notetaker settings and custom instructions an interview keeps (interviews.notetaker_settings),
 * shown on its debrief. Recorded from the role's panel when the booking is first processed
 * ("panel"), then replaced by what the Notetaker reports it runs with ("nylas").
 */
import { z } from "zod";
import type { NotetakerMeetingSettings } from "./notetaker-reducer";

export type InterviewNotetakerSettings = {
  source: "panel" | "nylas";
  name: string | null;
  videoRecording: boolean | null;
  audioRecording: boolean | null;
  transcription: boolean | null;
  summary: boolean | null;
  actionItems: boolean | null;
  summaryInstructions: string | null;
  actionItemsInstructions: string | null;
};

const ZFlag = z.boolean().nullable().catch(null);
const ZText = z.string().max(20_000).nullable().catch(null);

const ZSettings = z.object({
  // Required: without it the value is not settings this app wrote.
  source: z.enum(["panel", "nylas"]),
  name: z.string().max(255).nullable().catch(null),
  videoRecording: ZFlag,
  audioRecording: ZFlag,
  transcription: ZFlag,
  summary: ZFlag,
  actionItems: ZFlag,
  summaryInstructions: ZText,
  actionItemsInstructions: ZText,
});

/** The stored JSON, or null when there is none or it is not the documented shape. */
export function readInterviewNotetakerSettings(value: unknown): InterviewNotetakerSettings | null {
  const parsed = ZSettings.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A panel's Notetaker columns (what a panel's Notetaker does, and its recording notice). */
export type PanelNotetakerColumns = {
  notetakerEnabled: boolean;
  conferencingProvider: string | null;
  notetakerName: string;
  notetakerShowConsent: boolean;
  notetakerConsentMessage: string;
  notetakerVideo: boolean;
  notetakerAudio: boolean;
  notetakerTranscription: boolean;
  notetakerSummary: boolean;
  notetakerActionItems: boolean;
  summaryInstructions: string;
  actionItemsInstructions: string;
};

/** What a panel would give a Notetaker (null when the panel has none: disabled, or no conferencing). */
export function notetakerSettingsFromPanel(panel: Omit<PanelNotetakerColumns, "notetakerShowConsent" | "notetakerConsentMessage">): InterviewNotetakerSettings | null {
  if (!panel.notetakerEnabled || !panel.conferencingProvider) return null;
  return {
    source: "panel",
    name: panel.notetakerName,
    videoRecording: panel.notetakerVideo,
    audioRecording: panel.notetakerAudio,
    transcription: panel.notetakerTranscription,
    summary: panel.notetakerSummary,
    actionItems: panel.notetakerActionItems,
    summaryInstructions: panel.summaryInstructions || null,
    actionItemsInstructions: panel.actionItemsInstructions || null,
  };
}

/** What the Notetaker itself reports (its notifications' name and meeting_settings). */
export function notetakerSettingsFromNylas(name: string | null, settings: NotetakerMeetingSettings): InterviewNotetakerSettings {
  return { source: "nylas", name, ...settings };
}
