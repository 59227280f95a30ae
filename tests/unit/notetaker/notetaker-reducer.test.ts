import { describe, expect, it } from "vitest";
import {
  compareNotetakerEvents,
  isNotetakerEventType,
  NOTETAKER_EVENT_TYPES,
  normalizeNotetakerState,
  reduceNotetakerEvents,
  type NotetakerEventType,
  type NotetakerNotification,
  type NotetakerStateView,
} from "@/lib/notetaker/notetaker-reducer";
import { permutations } from "../../support/nylas-webhook-fixtures";

// Notetaker ids are 32-char hex (nylas-contract §5).
const NOTETAKER_ID = "71c807752c744ad0902f64d43e6cc399";
const GRANT_ID = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const EVENT_ID = "evt_7a1c2e9d0b";
const ICAL_UID = "3c1f0a5e@google.com";
const JOIN = 1_760_600_000;
const T = JOIN - 86_400;
const RETAINED_UNTIL = JOIN + 14 * 86_400;

const MEETING_SETTINGS_WIRE = {
  video_recording: true,
  audio_recording: true,
  transcription: true,
  summary: true,
  summary_settings: { custom_instructions: "Focus on system design." },
  action_items: true,
  action_items_settings: { custom_instructions: "List references to check." },
  leave_after_silence_seconds: 300,
};
const MEETING_SETTINGS = {
  videoRecording: true,
  audioRecording: true,
  transcription: true,
  summary: true,
  actionItems: true,
  summaryInstructions: "Focus on system design.",
  actionItemsInstructions: "List references to check.",
};

const MEDIA_WIRE = {
  recording: "https://storage.example/recording.mp4?sig=1",
  recording_duration: "1800",
  recording_file_format: "mp4",
  thumbnail: "https://storage.example/thumbnail.png?sig=1",
  transcript: "https://storage.example/transcript.json?sig=1",
  summary: "https://storage.example/summary.json?sig=1",
  action_items: "https://storage.example/action_items.json?sig=1",
  retained_until: RETAINED_UNTIL,
};
const MEDIA = {
  recording: MEDIA_WIRE.recording,
  transcript: MEDIA_WIRE.transcript,
  summary: MEDIA_WIRE.summary,
  actionItems: MEDIA_WIRE.action_items,
  thumbnail: MEDIA_WIRE.thumbnail,
  recordingDurationSeconds: 1800,
  recordingFormat: "mp4",
  retainedUntil: RETAINED_UNTIL,
};

type Input = {
  id: string;
  type: NotetakerEventType;
  time: number;
  /** written to both `state` and the legacy `status` unless `status` is given */
  state?: string;
  status?: string;
  meetingState?: string;
  media?: Record<string, unknown>;
  /** merged over the object last (may remove keys with undefined) */
  object?: Record<string, unknown>;
};

/** One notetaker.* notification shaped like nylas-contract §4.6, as the reducer receives it. */
function notification(input: Input): NotetakerNotification {
  const event = { ical_uid: ICAL_UID, event_id: EVENT_ID, master_event_id: null };
  const body: Record<string, unknown> =
    input.type === "notetaker.deleted"
      ? { id: NOTETAKER_ID, grant_id: GRANT_ID, object: "notetaker", event }
      : {
          id: NOTETAKER_ID,
          grant_id: GRANT_ID,
          object: "notetaker",
          name: "Northwind Notetaker",
          meeting_link: "https://meet.google.com/abc-defg-hij",
          meeting_provider: "Google Meet",
          join_time: JOIN,
          event,
          meeting_settings: MEETING_SETTINGS_WIRE,
          ...(input.state !== undefined ? { state: input.state } : {}),
          ...(input.status !== undefined || input.state !== undefined ? { status: input.status ?? input.state } : {}),
          ...(input.meetingState !== undefined ? { meeting_state: input.meetingState } : {}),
          ...(input.media !== undefined ? { media: input.media } : {}),
        };
  const object = JSON.parse(JSON.stringify({ ...body, ...input.object })) as Record<string, unknown>;
  return { notificationId: input.id, type: input.type, time: input.time, object };
}

const reduce = (...events: NotetakerNotification[]) => reduceNotetakerEvents(NOTETAKER_ID, events);

const created = notification({ id: "n-created", type: "notetaker.created", time: T, state: "scheduled" });
const connecting = notification({ id: "n-connecting", type: "notetaker.meeting_state", time: JOIN, state: "connecting", meetingState: "waiting_for_entry" });
const attending = notification({ id: "n-attending", type: "notetaker.meeting_state", time: JOIN + 30, state: "attending", meetingState: "recording_active" });
const disconnected = notification({ id: "n-disconnected", type: "notetaker.meeting_state", time: JOIN + 2700, state: "disconnected", meetingState: "meeting_ended" });
const processing = notification({ id: "n-processing", type: "notetaker.media", time: JOIN + 2705, state: "processing" });
const available = notification({ id: "n-available", type: "notetaker.media", time: JOIN + 2750, state: "available", media: MEDIA_WIRE });
const mediaDeleted = notification({ id: "n-media-deleted", type: "notetaker.media", time: RETAINED_UNTIL, state: "media_deleted" });
const deleted = notification({ id: "n-deleted", type: "notetaker.deleted", time: JOIN + 3000 });

describe("isNotetakerEventType", () => {
  it("accepts each of the five notetaker.* triggers", () => {
    expect(NOTETAKER_EVENT_TYPES).toEqual(["notetaker.created", "notetaker.updated", "notetaker.meeting_state", "notetaker.media", "notetaker.deleted"]);
    for (const type of NOTETAKER_EVENT_TYPES) expect(isNotetakerEventType(type)).toBe(true);
  });

  it("rejects other triggers, unknown notetaker triggers, case variants and the empty string", () => {
    for (const type of ["booking.created", "event.updated", "notetaker.history", "notetaker", "NOTETAKER.CREATED", "notetaker.created ", ""]) {
      expect(isNotetakerEventType(type)).toBe(false);
    }
  });
});

describe("normalizeNotetakerState", () => {
  it("returns every current state name unchanged", () => {
    const states = ["scheduled", "connecting", "waiting_for_entry", "attending", "disconnected", "worker_finished", "processing", "available", "media_error", "media_deleted", "failed_entry"];
    for (const state of states) expect(normalizeNotetakerState(state)).toBe(state);
  });

  it("maps the older media_processing and media_available names to processing and available", () => {
    expect(normalizeNotetakerState("media_processing")).toBe("processing");
    expect(normalizeNotetakerState("media_available")).toBe("available");
  });

  it("returns null for unknown names, other case, surrounding spaces and the empty string", () => {
    for (const value of ["recording", "Available", " attending", "attending ", "", "media_ready"]) expect(normalizeNotetakerState(value)).toBeNull();
  });

  it("returns null for Object.prototype keys instead of treating them as states", () => {
    for (const value of ["toString", "constructor", "__proto__", "hasOwnProperty", "valueOf"]) expect(normalizeNotetakerState(value)).toBeNull();
  });

  it("returns null for values that are not strings", () => {
    for (const value of [null, undefined, 7, true, {}, ["available"], { state: "available" }]) expect(normalizeNotetakerState(value)).toBeNull();
  });
});

describe("compareNotetakerEvents", () => {
  const at = (id: string, time: number, state: string, type: NotetakerEventType = "notetaker.meeting_state") => notification({ id, type, time, state });

  it("orders by time first, whatever the lifecycle rank", () => {
    expect(compareNotetakerEvents(at("z", 100, "available", "notetaker.media"), at("a", 101, "scheduled", "notetaker.created"))).toBeLessThan(0);
    expect(compareNotetakerEvents(at("a", 101, "scheduled", "notetaker.created"), at("z", 100, "available", "notetaker.media"))).toBeGreaterThan(0);
  });

  it("breaks a tie in time by lifecycle rank (attending before disconnected before processing)", () => {
    const a = at("n-3", 100, "attending");
    const d = at("n-2", 100, "disconnected");
    const p = at("n-1", 100, "processing", "notetaker.media");
    expect([p, d, a].sort(compareNotetakerEvents).map((e) => e.notificationId)).toEqual(["n-3", "n-2", "n-1"]);
  });

  it("ranks the older state names like the current ones", () => {
    const legacy = at("a", 100, "media_available", "notetaker.media");
    const current = at("b", 100, "processing", "notetaker.media");
    expect(compareNotetakerEvents(current, legacy)).toBeLessThan(0);
  });

  it("ranks notetaker.deleted after every state in the same second", () => {
    const del = notification({ id: "a", type: "notetaker.deleted", time: 100 });
    expect(compareNotetakerEvents(del, at("z", 100, "media_deleted", "notetaker.media"))).toBeGreaterThan(0);
  });

  it("puts a notification without a known state before any state in the same second", () => {
    const update = notification({ id: "z", type: "notetaker.updated", time: 100 });
    expect(compareNotetakerEvents(update, at("a", 100, "scheduled", "notetaker.created"))).toBeLessThan(0);
  });

  it("breaks a tie in time and rank by notification id", () => {
    expect(compareNotetakerEvents(at("n-a", 100, "media_error", "notetaker.media"), at("n-b", 100, "failed_entry"))).toBe(-1);
    expect(compareNotetakerEvents(at("n-b", 100, "failed_entry"), at("n-a", 100, "media_error", "notetaker.media"))).toBe(1);
  });

  it("returns 0 for the same notification delivered twice", () => {
    expect(compareNotetakerEvents(attending, notification({ id: "n-attending", type: "notetaker.meeting_state", time: JOIN + 30, state: "attending", meetingState: "recording_active" }))).toBe(0);
  });
});

describe("reduceNotetakerEvents", () => {
  const lifecycle = [created, connecting, attending, disconnected, processing, available, mediaDeleted];

  const expected: NotetakerStateView = {
    notetakerId: NOTETAKER_ID,
    state: "media_deleted",
    reason: null,
    stateAt: RETAINED_UNTIL,
    name: "Northwind Notetaker",
    grantId: GRANT_ID,
    eventId: EVENT_ID,
    joinTime: JOIN,
    meetingSettings: MEETING_SETTINGS,
    media: MEDIA,
    hasAttended: true,
    timeline: [
      { state: "scheduled", reason: null, at: T },
      { state: "connecting", reason: "waiting_for_entry", at: JOIN },
      { state: "attending", reason: "recording_active", at: JOIN + 30 },
      { state: "disconnected", reason: "meeting_ended", at: JOIN + 2700 },
      { state: "processing", reason: null, at: JOIN + 2705 },
      { state: "available", reason: null, at: JOIN + 2750 },
      { state: "media_deleted", reason: null, at: RETAINED_UNTIL },
    ],
  };

  it("folds the full lifecycle into the final view, media links kept after media_deleted", () => {
    expect(reduce(...lifecycle)).toStrictEqual(expected);
  });

  it("gives the same view for every one of the 8! orders of the lifecycle plus a redelivery", () => {
    const deliveries = [...lifecycle, { ...available, object: structuredClone(available.object) }];
    const orders = permutations(deliveries);
    expect(orders).toHaveLength(40_320);
    expect(reduce(...orders[0]!)).toStrictEqual(expected);
    const want = JSON.stringify(expected);
    const failures = orders.filter((order) => JSON.stringify(reduce(...order)) !== want).map((order) => order.map((e) => e.notificationId).join(" → "));
    expect(failures).toEqual([]);
  });

  it("keeps the first delivery of a notification id and ignores later copies", () => {
    const copy = notification({ id: "n-attending", type: "notetaker.meeting_state", time: JOIN + 999, state: "disconnected", meetingState: "kicked" });
    const view = reduce(created, attending, copy);
    expect(view.state).toBe("attending");
    expect(view.timeline).toEqual([
      { state: "scheduled", reason: null, at: T },
      { state: "attending", reason: "recording_active", at: JOIN + 30 },
    ]);
  });

  it("breaks ties in time by lifecycle rank, so a same-second burst ends in its last state", () => {
    const burst = [
      notification({ id: "n-z", type: "notetaker.meeting_state", time: 500, state: "disconnected", meetingState: "meeting_ended" }),
      notification({ id: "n-y", type: "notetaker.media", time: 500, state: "available", media: MEDIA_WIRE }),
      notification({ id: "n-x", type: "notetaker.media", time: 500, state: "processing" }),
      notification({ id: "n-w", type: "notetaker.meeting_state", time: 500, state: "worker_finished", meetingState: "worker_finished" }),
    ];
    for (const order of permutations(burst)) {
      const view = reduce(...order);
      expect(view.state).toBe("available");
      expect(view.timeline.map((e) => e.state)).toEqual(["disconnected", "worker_finished", "processing", "available"]);
    }
  });

  it("reads the older state names media_processing and media_available", () => {
    const view = reduce(
      notification({ id: "n-1", type: "notetaker.media", time: 10, state: "media_processing" }),
      notification({ id: "n-2", type: "notetaker.media", time: 20, state: "media_available", media: MEDIA_WIRE }),
    );
    expect(view.state).toBe("available");
    expect(view.media).toEqual(MEDIA);
    expect(view.timeline).toEqual([
      { state: "processing", reason: null, at: 10 },
      { state: "available", reason: null, at: 20 },
    ]);
  });

  it("falls back to the legacy status when state is missing", () => {
    const view = reduce(notification({ id: "n-1", type: "notetaker.media", time: 10, status: "media_available", media: MEDIA_WIRE }));
    expect(view.state).toBe("available");
    expect(view.media).toEqual(MEDIA);
  });

  it("falls back to the legacy status when state is not a known name", () => {
    const view = reduce(notification({ id: "n-1", type: "notetaker.meeting_state", time: 10, state: "recording", status: "attending", meetingState: "recording_active" }));
    expect(view.state).toBe("attending");
    expect(view.reason).toBe("recording_active");
  });

  it("prefers state over status when both are known", () => {
    const view = reduce(notification({ id: "n-1", type: "notetaker.meeting_state", time: 10, state: "attending", status: "connecting" }));
    expect(view.state).toBe("attending");
  });

  it("treats notetaker.deleted as final: later notifications do not revive the notetaker", () => {
    const late = notification({ id: "n-late", type: "notetaker.media", time: JOIN + 9_000, state: "available", media: MEDIA_WIRE });
    const view = reduce(created, connecting, deleted, late);
    expect(view.state).toBe("deleted");
    expect(view.reason).toBeNull();
    expect(view.stateAt).toBe(JOIN + 3000);
    expect(view.media).toBeNull();
    expect(view.timeline).toEqual([
      { state: "scheduled", reason: null, at: T },
      { state: "connecting", reason: "waiting_for_entry", at: JOIN },
      { state: "deleted", reason: null, at: JOIN + 3000 },
    ]);
  });

  it("ends deleted when the deletion shares its second with another state", () => {
    const sameSecond = notification({ id: "n-zz", type: "notetaker.meeting_state", time: JOIN + 3000, state: "attending", meetingState: "recording_active" });
    expect(reduce(sameSecond, deleted).state).toBe("deleted");
    expect(reduce(deleted, sameSecond).state).toBe("deleted");
  });

  it("keeps the identity from earlier notifications after a deletion that carries only id, grant and event", () => {
    const view = reduce(created, deleted);
    expect(view.name).toBe("Northwind Notetaker");
    expect(view.joinTime).toBe(JOIN);
    expect(view.meetingSettings).toEqual(MEETING_SETTINGS);
    expect(view.eventId).toBe(EVENT_ID);
  });

  it("collapses consecutive repeats of the same state and reason, keeping the first time", () => {
    const again = notification({ id: "n-attending-2", type: "notetaker.meeting_state", time: JOIN + 60, state: "attending", meetingState: "recording_active" });
    const view = reduce(attending, again);
    expect(view.timeline).toEqual([{ state: "attending", reason: "recording_active", at: JOIN + 30 }]);
    expect(view.stateAt).toBe(JOIN + 60);
  });

  it("keeps a repeat whose reason differs, and a state that returns after another", () => {
    const kicked = notification({ id: "n-k", type: "notetaker.meeting_state", time: JOIN + 100, state: "disconnected", meetingState: "kicked" });
    const ended = notification({ id: "n-e", type: "notetaker.meeting_state", time: JOIN + 200, state: "disconnected", meetingState: "meeting_ended" });
    const back = notification({ id: "n-b", type: "notetaker.meeting_state", time: JOIN + 300, state: "attending", meetingState: "recording_active" });
    expect(reduce(attending, kicked, ended, back).timeline).toEqual([
      { state: "attending", reason: "recording_active", at: JOIN + 30 },
      { state: "disconnected", reason: "kicked", at: JOIN + 100 },
      { state: "disconnected", reason: "meeting_ended", at: JOIN + 200 },
      { state: "attending", reason: "recording_active", at: JOIN + 300 },
    ]);
  });

  it("reads the reason only from notetaker.meeting_state notifications", () => {
    const media = notification({ id: "n-m", type: "notetaker.media", time: 10, state: "media_error", meetingState: "error" });
    const view = reduce(media);
    expect(view.state).toBe("media_error");
    expect(view.reason).toBeNull();
    expect(view.timeline).toEqual([{ state: "media_error", reason: null, at: 10 }]);
  });

  it("reads the failed_entry sub-reason", () => {
    const failed = notification({ id: "n-f", type: "notetaker.meeting_state", time: JOIN + 600, state: "failed_entry", meetingState: "admission_timeout" });
    const view = reduce(created, connecting, failed);
    expect(view.state).toBe("failed_entry");
    expect(view.reason).toBe("admission_timeout");
    expect(view.stateAt).toBe(JOIN + 600);
    expect(view.hasAttended).toBe(false);
  });

  it("reads every media link, recording_duration given as a string, and retained_until", () => {
    expect(reduce(available).media).toStrictEqual(MEDIA);
  });

  it("reads recording_duration given as a number and leaves absent links null (audio-only, no thumbnail)", () => {
    const audioOnly = notification({
      id: "n-a",
      type: "notetaker.media",
      time: 10,
      state: "available",
      media: { recording: "https://storage.example/r.mp3", recording_duration: 95.5, recording_file_format: "mp3", retained_until: "1761000000" },
    });
    expect(reduce(audioOnly).media).toStrictEqual({
      recording: "https://storage.example/r.mp3",
      transcript: null,
      summary: null,
      actionItems: null,
      thumbnail: null,
      recordingDurationSeconds: 95.5,
      recordingFormat: "mp3",
      retainedUntil: 1_761_000_000,
    });
  });

  it("reads junk media values as null instead of throwing", () => {
    const junk = notification({
      id: "n-j",
      type: "notetaker.media",
      time: 10,
      state: "available",
      media: { recording: 5, transcript: "", summary: null, action_items: ["x"], thumbnail: {}, recording_duration: "thirty", recording_file_format: 4, retained_until: "  " },
    });
    expect(reduce(junk).media).toStrictEqual({
      recording: null,
      transcript: null,
      summary: null,
      actionItems: null,
      thumbnail: null,
      recordingDurationSeconds: null,
      recordingFormat: null,
      retainedUntil: null,
    });
  });

  it("reads media only from available notifications", () => {
    const processingWithMedia = notification({ id: "n-p", type: "notetaker.media", time: 10, state: "processing", media: MEDIA_WIRE });
    expect(reduce(processingWithMedia).media).toBeNull();
  });

  it("keeps earlier media when a later available notification has none", () => {
    const bare = notification({ id: "n-bare", type: "notetaker.media", time: JOIN + 2800, state: "available" });
    expect(reduce(available, bare).media).toStrictEqual(MEDIA);
  });

  it("reads the meeting settings and both custom instructions", () => {
    expect(reduce(created).meetingSettings).toStrictEqual(MEETING_SETTINGS);
  });

  it("reads missing or junk meeting settings fields as null", () => {
    const event = notification({
      id: "n-s",
      type: "notetaker.updated",
      time: 10,
      state: "scheduled",
      object: { meeting_settings: { video_recording: "yes", audio_recording: false, summary_settings: { custom_instructions: "" }, action_items_settings: "nope" } },
    });
    expect(reduce(event).meetingSettings).toStrictEqual({
      videoRecording: null,
      audioRecording: false,
      transcription: null,
      summary: null,
      actionItems: null,
      summaryInstructions: null,
      actionItemsInstructions: null,
    });
  });

  it("takes the latest meeting settings and name (a notetaker.updated while scheduled)", () => {
    const updated = notification({
      id: "n-u",
      type: "notetaker.updated",
      time: T + 100,
      state: "scheduled",
      object: { name: "Interview Notes", join_time: JOIN + 600, meeting_settings: { ...MEETING_SETTINGS_WIRE, video_recording: false } },
    });
    const view = reduce(updated, created);
    expect(view.name).toBe("Interview Notes");
    expect(view.joinTime).toBe(JOIN + 600);
    expect(view.meetingSettings).toEqual({ ...MEETING_SETTINGS, videoRecording: false });
    expect(view.timeline).toEqual([{ state: "scheduled", reason: null, at: T }]);
    expect(view.stateAt).toBe(T + 100);
  });

  it("sets hasAttended once the bot attended, and keeps it through later states", () => {
    expect(reduce(created, connecting).hasAttended).toBe(false);
    expect(reduce(created, connecting, attending).hasAttended).toBe(true);
    expect(reduce(created, connecting, attending, disconnected, processing).hasAttended).toBe(true);
  });

  it("does not set hasAttended from a disconnected notification alone", () => {
    expect(reduce(disconnected).hasAttended).toBe(false);
  });

  it("picks up eventId, grantId and joinTime (join_time also as a numeric string)", () => {
    const view = reduce(notification({ id: "n-1", type: "notetaker.created", time: 10, state: "scheduled", object: { join_time: "1760600600" } }));
    expect(view.eventId).toBe(EVENT_ID);
    expect(view.grantId).toBe(GRANT_ID);
    expect(view.joinTime).toBe(1_760_600_600);
  });

  it("leaves eventId, grantId, name and joinTime null for an ad-hoc bot without them", () => {
    const bare = notification({ id: "n-1", type: "notetaker.created", time: 10, state: "scheduled", object: { event: undefined, grant_id: undefined, name: "", join_time: null } });
    const view = reduce(bare);
    expect(view.eventId).toBeNull();
    expect(view.grantId).toBeNull();
    expect(view.name).toBeNull();
    expect(view.joinTime).toBeNull();
  });

  it("ignores notifications with unknown states for the state and timeline, but still reads their fields", () => {
    const unknown = notification({ id: "n-u", type: "notetaker.meeting_state", time: JOIN + 100, state: "teleporting", meetingState: "beamed_up", object: { name: "Renamed" } });
    const view = reduce(created, connecting, unknown);
    expect(view.state).toBe("connecting");
    expect(view.reason).toBe("waiting_for_entry");
    expect(view.stateAt).toBe(JOIN);
    expect(view.name).toBe("Renamed");
    expect(view.timeline).toHaveLength(2);
  });

  it("returns an empty view for no notifications", () => {
    expect(reduce()).toStrictEqual({
      notetakerId: NOTETAKER_ID,
      state: null,
      reason: null,
      stateAt: null,
      name: null,
      grantId: null,
      eventId: null,
      joinTime: null,
      meetingSettings: null,
      media: null,
      hasAttended: false,
      timeline: [],
    });
  });

  it("does not throw on malformed objects and reads nothing from them", () => {
    const malformed: NotetakerNotification[] = [
      { notificationId: "m-1", type: "notetaker.media", time: 10, object: {} },
      {
        notificationId: "m-2",
        type: "notetaker.meeting_state",
        time: 11,
        object: { state: 7, status: null, meeting_state: 3, event: "evt", meeting_settings: [true], media: "x", join_time: "soon", name: 42, grant_id: {} },
      },
      { notificationId: "m-3", type: "notetaker.media", time: 12, object: { state: "available", media: [MEDIA_WIRE] } },
      { notificationId: "m-4", type: "notetaker.updated", time: 13, object: { event: { event_id: 99 }, meeting_settings: null, join_time: Number.NaN } },
    ];
    const view = reduce(...malformed);
    expect(view).toStrictEqual({
      notetakerId: NOTETAKER_ID,
      state: "available",
      reason: null,
      stateAt: 12,
      name: null,
      grantId: null,
      eventId: null,
      joinTime: null,
      meetingSettings: null,
      media: null,
      hasAttended: false,
      timeline: [{ state: "available", reason: null, at: 12 }],
    });
  });

  it("does not mutate the notifications it is given", () => {
    const events = [available, created, attending];
    const before = structuredClone(events);
    reduce(...events);
    expect(events).toEqual(before);
    expect(events.map((e) => e.notificationId)).toEqual(["n-available", "n-created", "n-attending"]);
  });
});

describe("reduceNotetakerEvents: media_deleted", () => {
  it("is final for the media: a later, stray media notification does not bring the state back", () => {
    const late = notification({ id: "n-late-processing", type: "notetaker.media", time: RETAINED_UNTIL + 10, state: "processing" });
    const view = reduce(created, available, mediaDeleted, late);
    expect(view.state).toBe("media_deleted");
    expect(view.timeline.at(-1)).toEqual({ state: "media_deleted", reason: null, at: RETAINED_UNTIL });
  });

  it("still gives way to the bot's own deletion", () => {
    const laterDeletion = notification({ id: "n-deleted-late", type: "notetaker.deleted", time: RETAINED_UNTIL + 10 });
    expect(reduce(available, mediaDeleted, laterDeletion).state).toBe("deleted");
  });
});
