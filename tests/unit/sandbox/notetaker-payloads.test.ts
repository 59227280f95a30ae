import { describe, expect, it } from "vitest";
import { reduceNotetakerEvents } from "@/lib/notetaker/notetaker-reducer";
import {
  buildNotetakerNotificationObject,
  DEFAULT_MEETING_SETTINGS,
  resolveMeetingSettings,
  serializeNotetaker,
  toMeetingProvider,
  type NotetakerView,
  type NotetakerWebhookMedia,
} from "@/lib/sandbox/notetaker-payloads";

const MEETING_SETTINGS = {
  video_recording: true,
  audio_recording: true,
  transcription: true,
  summary: true,
  summary_settings: { custom_instructions: "Focus on system design." },
  action_items: true,
  action_items_settings: { custom_instructions: "List references to check." },
  leave_after_silence_seconds: 300,
};

const notetaker: NotetakerView = {
  id: "71c807752c744ad0902f64d43e6cc399",
  grantId: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
  name: "Northwind Notetaker",
  meetingLink: "https://meet.google.com/abc-defg-hij",
  meetingProvider: "Google Meet",
  // 1_762_182_000 s and 900 ms: join_time must be whole seconds, rounded down
  joinTime: new Date(1_762_182_000_900),
  state: "attending",
  meetingState: "recording_active",
  calendarId: "primary",
  eventId: "evt_7a1c2e9d0b",
  icalUid: "3c1f0a5e@google.com",
  meetingSettings: MEETING_SETTINGS,
};

const MEDIA: NotetakerWebhookMedia = {
  recording: "http://localhost:4010/media/r.mp4?sig=1",
  recording_duration: "339",
  recording_file_format: "mp4",
  thumbnail: "http://localhost:4010/media/t.png?sig=1",
  transcript: "http://localhost:4010/media/t.json?sig=1",
  summary: "http://localhost:4010/media/s.json?sig=1",
  action_items: "http://localhost:4010/media/a.json?sig=1",
  retained_until: 1_763_391_650,
};

const EVENT = { ical_uid: "3c1f0a5e@google.com", event_id: "evt_7a1c2e9d0b", master_event_id: null };

/** The fields every notetaker.* webhook (but deleted) shares, for a notetaker in `state`. */
const common = (state: string) => ({
  id: notetaker.id,
  grant_id: notetaker.grantId,
  object: "notetaker",
  name: "Northwind Notetaker",
  meeting_link: "https://meet.google.com/abc-defg-hij",
  meeting_provider: "Google Meet",
  join_time: 1_762_182_000,
  event: EVENT,
  meeting_settings: MEETING_SETTINGS,
  state,
  status: state,
});

describe("serializeNotetaker", () => {
  it("returns the §5 Notetaker object with state, legacy status and join_time in seconds", () => {
    expect(serializeNotetaker(notetaker)).toStrictEqual({
      id: "71c807752c744ad0902f64d43e6cc399",
      grant_id: "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
      object: "notetaker",
      name: "Northwind Notetaker",
      meeting_link: "https://meet.google.com/abc-defg-hij",
      meeting_provider: "Google Meet",
      join_time: 1_762_182_000,
      state: "attending",
      status: "attending",
      calendar_id: "primary",
      event_id: "evt_7a1c2e9d0b",
      meeting_settings: MEETING_SETTINGS,
    });
  });

  it("keeps calendar_id, event_id and grant_id as null for a standalone bot", () => {
    const data = serializeNotetaker({ ...notetaker, grantId: null, calendarId: null, eventId: null, icalUid: null });
    expect(data.grant_id).toBeNull();
    expect(data.calendar_id).toBeNull();
    expect(data.event_id).toBeNull();
  });

  it("does not carry the meeting_state sub-reason or the event object", () => {
    const data = serializeNotetaker(notetaker) as Record<string, unknown>;
    expect(data).not.toHaveProperty("meeting_state");
    expect(data).not.toHaveProperty("event");
    expect(data).not.toHaveProperty("media");
  });
});

describe("buildNotetakerNotificationObject", () => {
  it("builds notetaker.created with state scheduled", () => {
    expect(buildNotetakerNotificationObject("notetaker.created", { ...notetaker, state: "scheduled", meetingState: null })).toStrictEqual(common("scheduled"));
  });

  it("builds notetaker.updated without a meeting_state", () => {
    expect(buildNotetakerNotificationObject("notetaker.updated", { ...notetaker, state: "scheduled" }, { meetingState: "waiting_for_entry" })).toStrictEqual(common("scheduled"));
  });

  it("builds notetaker.meeting_state with its meeting_state sub-reason", () => {
    expect(buildNotetakerNotificationObject("notetaker.meeting_state", notetaker, { meetingState: "recording_active" })).toStrictEqual({
      ...common("attending"),
      meeting_state: "recording_active",
    });
  });

  it("omits meeting_state when none is given", () => {
    expect(buildNotetakerNotificationObject("notetaker.meeting_state", notetaker, { meetingState: null })).toStrictEqual(common("attending"));
    expect(buildNotetakerNotificationObject("notetaker.meeting_state", notetaker)).toStrictEqual(common("attending"));
  });

  it("builds notetaker.media available with the media block", () => {
    expect(buildNotetakerNotificationObject("notetaker.media", { ...notetaker, state: "available" }, { media: MEDIA })).toStrictEqual({ ...common("available"), media: MEDIA });
  });

  it("omits media for processing, media_error and media_deleted when none is given", () => {
    for (const state of ["processing", "media_error", "media_deleted"]) {
      const object = buildNotetakerNotificationObject("notetaker.media", { ...notetaker, state });
      expect(object).toStrictEqual(common(state));
      expect(object).not.toHaveProperty("media");
    }
  });

  it("never puts a meeting_state on notetaker.media", () => {
    expect(buildNotetakerNotificationObject("notetaker.media", { ...notetaker, state: "processing" }, { meetingState: "meeting_ended" })).not.toHaveProperty("meeting_state");
  });

  it("builds notetaker.deleted with only id, grant_id, object and event", () => {
    const object = buildNotetakerNotificationObject("notetaker.deleted", notetaker, { meetingState: "cancelled", media: MEDIA });
    expect(object).toStrictEqual({ id: notetaker.id, grant_id: notetaker.grantId, object: "notetaker", event: EVENT });
  });

  it("omits the event when the notetaker has no event id (ad-hoc bot), deleted included", () => {
    const adHoc = { ...notetaker, eventId: null, icalUid: null };
    expect(buildNotetakerNotificationObject("notetaker.meeting_state", adHoc, { meetingState: "recording_active" })).not.toHaveProperty("event");
    expect(buildNotetakerNotificationObject("notetaker.deleted", adHoc)).toStrictEqual({ id: notetaker.id, grant_id: notetaker.grantId, object: "notetaker" });
  });

  it("keeps a null ical_uid in the event when only the event id is known", () => {
    const object = buildNotetakerNotificationObject("notetaker.created", { ...notetaker, state: "scheduled", icalUid: null }) as Record<string, unknown>;
    expect(object.event).toEqual({ ical_uid: null, event_id: "evt_7a1c2e9d0b", master_event_id: null });
  });

  it("is read back by the app's reducer: state, reason, event, settings and media (recording_duration a string)", () => {
    const deliveries = [
      {
        notificationId: "n-1",
        type: "notetaker.meeting_state" as const,
        time: 100,
        object: buildNotetakerNotificationObject("notetaker.meeting_state", notetaker, { meetingState: "recording_active" }),
      },
      { notificationId: "n-2", type: "notetaker.media" as const, time: 200, object: buildNotetakerNotificationObject("notetaker.media", { ...notetaker, state: "available" }, { media: MEDIA }) },
    ].map((d) => ({ ...d, object: JSON.parse(JSON.stringify(d.object)) as Record<string, unknown> }));
    expect((deliveries[1]!.object.media as Record<string, unknown>).recording_duration).toBe("339");
    const view = reduceNotetakerEvents(notetaker.id, deliveries);
    expect(view.state).toBe("available");
    expect(view.hasAttended).toBe(true);
    expect(view.eventId).toBe("evt_7a1c2e9d0b");
    expect(view.grantId).toBe(notetaker.grantId);
    expect(view.joinTime).toBe(1_762_182_000);
    expect(view.meetingSettings?.summaryInstructions).toBe("Focus on system design.");
    expect(view.media).toEqual({
      recording: MEDIA.recording,
      transcript: MEDIA.transcript,
      summary: MEDIA.summary,
      actionItems: MEDIA.action_items,
      thumbnail: MEDIA.thumbnail,
      recordingDurationSeconds: 339,
      recordingFormat: "mp4",
      retainedUntil: 1_763_391_650,
    });
  });
});

describe("resolveMeetingSettings", () => {
  it("returns Nylas's documented defaults when nothing is given", () => {
    const defaults = { video_recording: true, audio_recording: true, transcription: true, summary: true, action_items: true, leave_after_silence_seconds: 300 };
    expect(DEFAULT_MEETING_SETTINGS).toEqual(defaults);
    for (const value of [undefined, null, "video", 3, [], [{ summary: false }]]) expect(resolveMeetingSettings(value)).toStrictEqual(defaults);
  });

  it("lets given settings override the defaults and keeps the rest", () => {
    expect(resolveMeetingSettings({ video_recording: false, summary_settings: { custom_instructions: "Be brief." }, leave_after_silence_seconds: 60 })).toStrictEqual({
      video_recording: false,
      audio_recording: true,
      transcription: true,
      summary: true,
      action_items: true,
      leave_after_silence_seconds: 60,
      summary_settings: { custom_instructions: "Be brief." },
    });
  });

  it("returns a new object each time, never the shared defaults", () => {
    const first = resolveMeetingSettings(null);
    first.summary = false;
    expect(resolveMeetingSettings(null).summary).toBe(true);
    expect(DEFAULT_MEETING_SETTINGS.summary).toBe(true);
  });
});

describe("toMeetingProvider", () => {
  it("maps Zoom to Zoom Meeting, whatever the spelling", () => {
    for (const provider of ["Zoom Meeting", "zoom", "ZOOM"]) expect(toMeetingProvider(provider)).toBe("Zoom Meeting");
  });

  it("maps Teams to Microsoft Teams", () => {
    for (const provider of ["Microsoft Teams", "teams", "MS TEAMS"]) expect(toMeetingProvider(provider)).toBe("Microsoft Teams");
  });

  it("maps Google Meet and anything else to Google Meet", () => {
    for (const provider of ["Google Meet", "google meet", "", "Webex"]) expect(toMeetingProvider(provider)).toBe("Google Meet");
  });
});
