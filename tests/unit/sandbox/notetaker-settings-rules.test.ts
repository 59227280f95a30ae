import { describe, expect, it } from "vitest";
import { describeNotetakerSettingsProblem } from "@/lib/sandbox/configuration-rules";
import { ZConfiguration, type TConfiguration } from "@/lib/sandbox/schemas";

function config(meetingSettings?: Record<string, unknown>): TConfiguration {
  return ZConfiguration.parse({
    participants: [{ name: "Sarah Kim", email: "sarah.kim@northwind.example", availability: { calendar_ids: ["primary"] }, booking: { calendar_id: "primary" } }],
    availability: { duration_minutes: 30 },
    event_booking: { title: "Interview", conferencing: { provider: "Google Meet", autocreate: {} } },
    scheduler: { notetaker_settings: { enabled: true, ...(meetingSettings ? { meeting_settings: meetingSettings } : {}) } },
  });
}

const PATH = "scheduler.notetaker_settings.meeting_settings";

describe("describeNotetakerSettingsProblem", () => {
  it("accepts Nylas's defaults (no meeting settings, or every flag true)", () => {
    expect(describeNotetakerSettingsProblem(config())).toBeNull();
    expect(describeNotetakerSettingsProblem(config({ video_recording: true, audio_recording: true, transcription: true, summary: true, action_items: true }))).toBeNull();
  });

  it("accepts a configuration without notetaker settings", () => {
    const bare = ZConfiguration.parse({ participants: [{ email: "a@b.example" }], availability: { duration_minutes: 30 }, event_booking: { title: "x" } });
    expect(describeNotetakerSettingsProblem(bare)).toBeNull();
  });

  it("accepts an audio-only or video-only Notetaker without transcript, summary or action items", () => {
    const off = { transcription: false, summary: false, action_items: false };
    expect(describeNotetakerSettingsProblem(config({ video_recording: false, audio_recording: true, ...off }))).toBeNull();
    expect(describeNotetakerSettingsProblem(config({ video_recording: true, audio_recording: false, ...off }))).toBeNull();
  });

  it("accepts recording only, with transcript, summary and action items off", () => {
    expect(describeNotetakerSettingsProblem(config({ transcription: false, summary: false, action_items: false }))).toBeNull();
  });

  const NEEDS_RECORDING = `${PATH}.transcription requires audio_recording and video_recording: the transcript is made from the recording.`;

  it("refuses a transcript without audio, even when transcription is left at its default", () => {
    expect(describeNotetakerSettingsProblem(config({ audio_recording: false, transcription: true }))).toBe(NEEDS_RECORDING);
    expect(describeNotetakerSettingsProblem(config({ audio_recording: false }))).toBe(NEEDS_RECORDING);
  });

  it("refuses a transcript without video (Nylas: transcription needs audio and video)", () => {
    expect(describeNotetakerSettingsProblem(config({ video_recording: false, audio_recording: true, transcription: true, summary: false, action_items: false }))).toBe(NEEDS_RECORDING);
    expect(describeNotetakerSettingsProblem(config({ video_recording: false }))).toBe(NEEDS_RECORDING);
  });

  it("refuses a summary without a transcript", () => {
    expect(describeNotetakerSettingsProblem(config({ transcription: false, action_items: false }))).toBe(`${PATH}.summary requires transcription: it is made from the transcript.`);
  });

  it("refuses action items without a transcript", () => {
    expect(describeNotetakerSettingsProblem(config({ transcription: false, summary: false, action_items: true }))).toBe(`${PATH}.action_items requires transcription: it is made from the transcript.`);
  });
});

describe("ZConfiguration notetaker and buffer fields", () => {
  const base = { participants: [{ email: "a@b.example" }], availability: { duration_minutes: 30 }, event_booking: { title: "x" } };

  it.each([0, 5, 60, 120])("accepts a %i-minute buffer", (minutes) => {
    expect(ZConfiguration.safeParse({ ...base, availability: { duration_minutes: 30, availability_rules: { buffer: { before: minutes, after: minutes } } } }).success).toBe(true);
  });

  it.each([-5, 7, 125, 2.5])("refuses a %s-minute buffer", (minutes) => {
    expect(ZConfiguration.safeParse({ ...base, availability: { duration_minutes: 30, availability_rules: { buffer: { before: minutes } } } }).success).toBe(false);
  });

  it("refuses a non-boolean meeting setting and a notetaker name over 255 characters", () => {
    expect(ZConfiguration.safeParse({ ...base, scheduler: { notetaker_settings: { meeting_settings: { summary: "yes" } } } }).success).toBe(false);
    expect(ZConfiguration.safeParse({ ...base, scheduler: { notetaker_settings: { notetaker_name: "n".repeat(256) } } }).success).toBe(false);
  });

  it("refuses leave_after_silence_seconds outside 10–3600", () => {
    expect(ZConfiguration.safeParse({ ...base, scheduler: { notetaker_settings: { meeting_settings: { leave_after_silence_seconds: 5 } } } }).success).toBe(false);
    expect(ZConfiguration.safeParse({ ...base, scheduler: { notetaker_settings: { meeting_settings: { leave_after_silence_seconds: 3600 } } } }).success).toBe(true);
  });
});
