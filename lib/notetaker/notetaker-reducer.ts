/**
 * Pure: the state of one Notetaker as a fold over its webhook notifications (nylas-contract §4.6).
 *
 * Like bookings, notifications can arrive twice, late or out of order. They are sorted by (time,
 * lifecycle rank, notification id) before folding, so the result depends only on the SET received.
 * Both generations of Nylas's state names are accepted (`media_available` = `available`,
 * `media_processing` = `processing`).
 */

export const NOTETAKER_EVENT_TYPES = ["notetaker.created", "notetaker.updated", "notetaker.meeting_state", "notetaker.media", "notetaker.deleted"] as const;
export type NotetakerEventType = (typeof NOTETAKER_EVENT_TYPES)[number];

export function isNotetakerEventType(type: string): type is NotetakerEventType {
  return (NOTETAKER_EVENT_TYPES as readonly string[]).includes(type);
}

/** Nylas's states (current names), plus "deleted" for a notetaker.deleted notification. */
export type NotetakerState =
  "scheduled" | "connecting" | "waiting_for_entry" | "attending" | "disconnected" | "worker_finished" | "processing" | "available" | "media_error" | "media_deleted" | "failed_entry" | "deleted";

// Lifecycle order: breaks ties between notifications stamped in the same second.
const RANK: Record<NotetakerState, number> = {
  scheduled: 0,
  connecting: 1,
  waiting_for_entry: 2,
  attending: 3,
  disconnected: 4,
  worker_finished: 5,
  processing: 6,
  available: 7,
  media_error: 8,
  failed_entry: 8,
  media_deleted: 9,
  deleted: 10,
};

const ALIASES: Record<string, NotetakerState> = { media_processing: "processing", media_available: "available" };

export function normalizeNotetakerState(value: unknown): NotetakerState | null {
  if (typeof value !== "string") return null;
  const name = ALIASES[value] ?? value;
  return name in RANK ? (name as NotetakerState) : null;
}

export type NotetakerNotification = {
  notificationId: string;
  type: NotetakerEventType;
  /** envelope `time`, Unix seconds */
  time: number;
  object: Record<string, unknown>;
};

/** The media URLs of a notetaker.media `available` notification. */
export type NotetakerMediaLinks = {
  recording: string | null;
  transcript: string | null;
  summary: string | null;
  actionItems: string | null;
  thumbnail: string | null;
  recordingDurationSeconds: number | null;
  recordingFormat: string | null;
  /** Unix seconds: when Nylas deletes its copies. */
  retainedUntil: number | null;
};

export type NotetakerMeetingSettings = {
  videoRecording: boolean | null;
  audioRecording: boolean | null;
  transcription: boolean | null;
  summary: boolean | null;
  actionItems: boolean | null;
  summaryInstructions: string | null;
  actionItemsInstructions: string | null;
};

export type NotetakerTimelineEntry = { state: NotetakerState; reason: string | null; at: number };

export type NotetakerStateView = {
  notetakerId: string;
  /** null until a notification with a known state arrives */
  state: NotetakerState | null;
  /** the meeting_state sub-reason of the latest state, e.g. "admission_timeout" */
  reason: string | null;
  /** Unix seconds of the latest state */
  stateAt: number | null;
  name: string | null;
  grantId: string | null;
  eventId: string | null;
  joinTime: number | null;
  meetingSettings: NotetakerMeetingSettings | null;
  media: NotetakerMediaLinks | null;
  /** true once the bot has been in the meeting (attending), i.e. the interview happened */
  hasAttended: boolean;
  /** oldest first; consecutive repeats of the same state and reason collapsed */
  timeline: NotetakerTimelineEntry[];
};

const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);
const num = (v: unknown): number | null => {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};
const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);
const record = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

function stateOf(event: NotetakerNotification): NotetakerState | null {
  if (event.type === "notetaker.deleted") return "deleted";
  return normalizeNotetakerState(event.object.state) ?? normalizeNotetakerState(event.object.status);
}

function readMeetingSettings(value: unknown): NotetakerMeetingSettings | null {
  const s = record(value);
  if (!s) return null;
  return {
    videoRecording: bool(s.video_recording),
    audioRecording: bool(s.audio_recording),
    transcription: bool(s.transcription),
    summary: bool(s.summary),
    actionItems: bool(s.action_items),
    summaryInstructions: str(record(s.summary_settings)?.custom_instructions),
    actionItemsInstructions: str(record(s.action_items_settings)?.custom_instructions),
  };
}

function readMedia(value: unknown): NotetakerMediaLinks | null {
  const m = record(value);
  if (!m) return null;
  return {
    recording: str(m.recording),
    transcript: str(m.transcript),
    summary: str(m.summary),
    actionItems: str(m.action_items),
    thumbnail: str(m.thumbnail),
    recordingDurationSeconds: num(m.recording_duration),
    recordingFormat: str(m.recording_file_format),
    retainedUntil: num(m.retained_until),
  };
}

export function compareNotetakerEvents(a: NotetakerNotification, b: NotetakerNotification): number {
  const rank = (e: NotetakerNotification) => {
    const state = stateOf(e);
    return state === null ? -1 : RANK[state];
  };
  return a.time - b.time || rank(a) - rank(b) || (a.notificationId < b.notificationId ? -1 : a.notificationId > b.notificationId ? 1 : 0);
}

/** Folds every notification received for one notetaker (any order, duplicates allowed). */
export function reduceNotetakerEvents(notetakerId: string, events: readonly NotetakerNotification[]): NotetakerStateView {
  const unique = new Map<string, NotetakerNotification>();
  for (const e of events) if (!unique.has(e.notificationId)) unique.set(e.notificationId, e);

  const view: NotetakerStateView = {
    notetakerId,
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
  };
  for (const event of [...unique.values()].sort(compareNotetakerEvents)) {
    const o = event.object;
    view.name = str(o.name) ?? view.name;
    view.grantId = str(o.grant_id) ?? view.grantId;
    view.eventId = str(record(o.event)?.event_id) ?? view.eventId;
    view.joinTime = num(o.join_time) ?? view.joinTime;
    view.meetingSettings = readMeetingSettings(o.meeting_settings) ?? view.meetingSettings;

    const state = stateOf(event);
    if (state === null) continue;
    // Deleted is final; after media_deleted only a deletion of the bot itself still counts.
    if (view.state === "deleted" || (view.state === "media_deleted" && state !== "deleted")) continue;
    const reason = event.type === "notetaker.meeting_state" ? str(o.meeting_state) : null;
    if (state === "available") view.media = readMedia(o.media) ?? view.media;
    if (state === "attending") view.hasAttended = true;
    view.state = state;
    view.reason = reason;
    view.stateAt = event.time;
    const last = view.timeline.at(-1);
    if (!last || last.state !== state || last.reason !== reason) view.timeline.push({ state, reason, at: event.time });
  }
  return view;
}
