/** Pure: Nylas's Notetaker object and notetaker.* webhook `data.object` shapes (nylas-contract §4.6, §5). */

export type NotetakerView = {
  id: string;
  grantId: string | null;
  name: string;
  meetingLink: string;
  meetingProvider: string;
  joinTime: Date;
  state: string;
  meetingState: string | null;
  calendarId: string | null;
  eventId: string | null;
  icalUid: string | null;
  meetingSettings: Record<string, unknown>;
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The defaults Nylas documents for a Notetaker's meeting settings. */
export const DEFAULT_MEETING_SETTINGS = {
  video_recording: true,
  audio_recording: true,
  transcription: true,
  summary: true,
  action_items: true,
  leave_after_silence_seconds: 300,
} as const;

/** A configuration's `scheduler.notetaker_settings.meeting_settings`, completed with Nylas's defaults. */
export function resolveMeetingSettings(value: unknown): Record<string, unknown> {
  const given = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { ...DEFAULT_MEETING_SETTINGS, ...given };
}

/** Nylas's provider names for Notetaker (`meeting_provider`). */
export function toMeetingProvider(conferencingProvider: string): string {
  if (/zoom/i.test(conferencingProvider)) return "Zoom Meeting";
  if (/teams/i.test(conferencingProvider)) return "Microsoft Teams";
  return "Google Meet";
}

/** The fields every Notetaker object shares (API responses and webhooks). */
function notetakerBase(n: NotetakerView) {
  return {
    id: n.id,
    grant_id: n.grantId,
    object: "notetaker",
    name: n.name,
    meeting_link: n.meetingLink,
    meeting_provider: n.meetingProvider,
    join_time: seconds(n.joinTime),
  };
}

/** GET /v3/…/notetakers/{id} `data`. */
export function serializeNotetaker(n: NotetakerView) {
  return {
    ...notetakerBase(n),
    state: n.state,
    status: n.state,
    calendar_id: n.calendarId,
    event_id: n.eventId,
    meeting_settings: n.meetingSettings,
  };
}

/** notetaker.media `media` when available: signed URLs plus the recording's facts. */
export type NotetakerWebhookMedia = {
  recording?: string;
  recording_duration?: string;
  recording_file_format?: string;
  thumbnail?: string;
  transcript?: string;
  summary?: string;
  action_items?: string;
  retained_until: number;
};

/** `data.object` of a notetaker.* webhook. */
export function buildNotetakerNotificationObject(trigger: string, n: NotetakerView, extra: { meetingState?: string | null; media?: NotetakerWebhookMedia } = {}) {
  const event = n.eventId ? { ical_uid: n.icalUid, event_id: n.eventId, master_event_id: null } : undefined;
  // notetaker.deleted carries only the identity (nylas-contract §4.6).
  if (trigger === "notetaker.deleted") return { id: n.id, grant_id: n.grantId, object: "notetaker", ...(event ? { event } : {}) };
  return {
    ...notetakerBase(n),
    ...(event ? { event } : {}),
    meeting_settings: n.meetingSettings,
    state: n.state,
    status: n.state,
    ...(trigger === "notetaker.meeting_state" && extra.meetingState ? { meeting_state: extra.meetingState } : {}),
    ...(extra.media ? { media: extra.media } : {}),
  };
}
