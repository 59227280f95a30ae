/**
 * Pure: the panel form's state (a draft) and its rules. The draft keeps what the admin typed —
 * numbers as the strings in their inputs, so "" or "4.5" survive a failed save exactly as typed —
 * and ZPanelInput (lib/validations/settings.ts) turns it into a panel on the server.
 *
 *   toPanelDraft(input, () => "k1") → { …, durationMinutes: "45", intervalMinutes: "", members: [{ key: "k1", … }] }
 *   toPanelPayload(draft)           → what savePanelAction validates (keys dropped, "" conferencing → null)
 */
import { WEEKDAYS, type TConferencingProvider, type TNotetakerInput, type TPanelInput, type TPanelMemberInput } from "@/lib/validations/settings";

/** A member row; `key` identifies the row across reorders (React key, focus), never sent. */
export type PanelMemberDraft = TPanelMemberInput & { key: string };

export type NumberFieldKey = "durationMinutes" | "intervalMinutes" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "minBookingNoticeMinutes" | "availableDaysInFuture";

export type PanelDraft = Omit<TPanelInput, NumberFieldKey | "members" | "conferencingProvider"> &
  Record<NumberFieldKey, string> & {
    members: PanelMemberDraft[];
    /** "" = no conferencing. */
    conferencingProvider: TConferencingProvider | "";
  };

export function toPanelDraft(input: TPanelInput, makeKey: () => string): PanelDraft {
  return {
    ...input,
    members: input.members.map((m) => ({ ...m, key: makeKey() })),
    durationMinutes: String(input.durationMinutes),
    intervalMinutes: input.intervalMinutes === null ? "" : String(input.intervalMinutes),
    bufferBeforeMinutes: String(input.bufferBeforeMinutes),
    bufferAfterMinutes: String(input.bufferAfterMinutes),
    minBookingNoticeMinutes: String(input.minBookingNoticeMinutes),
    availableDaysInFuture: String(input.availableDaysInFuture),
    conferencingProvider: input.conferencingProvider ?? "",
  };
}

/** The draft as savePanelAction takes it: ZPanelInput parses the number strings ("" interval = default). */
export function toPanelPayload(draft: PanelDraft): Record<string, unknown> {
  return {
    ...draft,
    members: draft.members.map(({ key: _key, ...member }) => member),
    conferencingProvider: draft.conferencingProvider === "" ? null : draft.conferencingProvider,
  };
}

/**
 * The draft once a save has come back from the server as `saved`. Untouched since the save: the
 * server's values (as it normalised them, with the new interviewers' ids), row keys kept. Edited
 * meanwhile: the admin's draft, with the ids of the interviewers the save created filled in by
 * email, so the next save updates them instead of creating them twice.
 */
export function adoptSavedPanel(draft: PanelDraft, saved: TPanelInput, isUntouched: boolean, makeKey: () => string): PanelDraft {
  if (isUntouched) {
    let row = 0;
    return toPanelDraft(saved, () => draft.members[row++]?.key ?? makeKey());
  }
  const ids = new Map(saved.members.map((m) => [m.email, m.interviewerId]));
  return { ...draft, members: draft.members.map((m) => (m.interviewerId ? m : { ...m, interviewerId: ids.get(m.email.trim().toLowerCase()) ?? null })) };
}

export { moveItem } from "@/lib/utils";

export type NotetakerToggle = "enabled" | "videoRecording" | "audioRecording" | "transcription" | "summary" | "actionItems";

/**
 * Why each Notetaker toggle cannot be turned on right now (null: it can), by ZPanelInput's rules:
 * the Notetaker needs conferencing, a transcript needs audio and video, a summary and action items
 * need the transcript.
 */
export function notetakerLocks(notetaker: TNotetakerInput, hasConferencing: boolean): Record<NotetakerToggle, string | null> {
  const off = !notetaker.enabled ? "The Notetaker is off." : null;
  return {
    enabled: hasConferencing ? null : "The Notetaker joins the video call: choose a conferencing provider first.",
    videoRecording: off,
    audioRecording: off,
    transcription: off ?? (notetaker.audioRecording && notetaker.videoRecording ? null : "A transcript needs both audio and video recording (Nylas's rule)."),
    summary: off ?? (notetaker.transcription ? null : "Made from the transcript: turn transcription on."),
    actionItems: off ?? (notetaker.transcription ? null : "Made from the transcript: turn transcription on."),
  };
}

/**
 * The Notetaker settings with every toggle whose prerequisite is off turned off too, so the form
 * never holds a combination ZPanelInput refuses. Instructions and texts are kept as typed.
 */
export function applyNotetakerRules(notetaker: TNotetakerInput, hasConferencing: boolean): TNotetakerInput {
  const enabled = notetaker.enabled && hasConferencing;
  const transcription = notetaker.transcription && notetaker.audioRecording && notetaker.videoRecording;
  return {
    ...notetaker,
    enabled,
    transcription,
    summary: notetaker.summary && transcription,
    actionItems: notetaker.actionItems && transcription,
  };
}

/** Sets one Notetaker toggle and applies the rules. */
export function setNotetakerToggle(notetaker: TNotetakerInput, toggle: NotetakerToggle, value: boolean, hasConferencing: boolean): TNotetakerInput {
  return applyNotetakerRules({ ...notetaker, [toggle]: value }, hasConferencing);
}

/** Field errors without those under `prefix` (e.g. "members" after the rows move: their indexes are stale). */
export function withoutErrorsUnder(errors: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter(([path]) => path !== prefix && !path.startsWith(`${prefix}.`)));
}

/** Field errors without `paths` (the fields just edited). Returns the same object when nothing changes. */
export function withoutErrors(errors: Record<string, string>, ...paths: string[]): Record<string, string> {
  if (!paths.some((p) => p in errors)) return errors;
  const next = { ...errors };
  for (const p of paths) delete next[p];
  return next;
}

/** Field order on the page, for the error summary. */
export const PANEL_FIELD_ORDER = [
  "name",
  "members",
  "members.*.name",
  "members.*.email",
  "members.*.timezone",
  "availabilityMethod",
  "durationMinutes",
  "intervalMinutes",
  "bufferBeforeMinutes",
  "bufferAfterMinutes",
  "minBookingNoticeMinutes",
  "availableDaysInFuture",
  "openHours",
  "openHours.timezone",
  "openHours.days.*.start",
  "openHours.days.*.end",
  "timezone",
  "conferencingProvider",
  "eventTitle",
  "notetaker.enabled",
  "notetaker.name",
  "notetaker.showConsent",
  "notetaker.consentMessage",
  "notetaker.videoRecording",
  "notetaker.audioRecording",
  "notetaker.transcription",
  "notetaker.summary",
  "notetaker.actionItems",
  "notetaker.summaryInstructions",
  "notetaker.actionItemsInstructions",
] as const;

const PANEL_LABELS: Record<string, string> = {
  name: "Panel name",
  members: "Interviewers",
  availabilityMethod: "Round-robin method",
  durationMinutes: "Duration (minutes)",
  intervalMinutes: "Interval (minutes)",
  bufferBeforeMinutes: "Buffer before (minutes)",
  bufferAfterMinutes: "Buffer after (minutes)",
  minBookingNoticeMinutes: "Minimum booking notice (minutes)",
  availableDaysInFuture: "Days in future",
  openHours: "Open hours",
  "openHours.timezone": "Open hours time zone",
  timezone: "Event time zone",
  conferencingProvider: "Conferencing",
  eventTitle: "Event title",
  "notetaker.enabled": "Notetaker",
  "notetaker.name": "Notetaker name",
  "notetaker.showConsent": "Consent notice",
  "notetaker.consentMessage": "Consent message",
  "notetaker.videoRecording": "Video recording",
  "notetaker.audioRecording": "Audio recording",
  "notetaker.transcription": "Transcript",
  "notetaker.summary": "Summary",
  "notetaker.actionItems": "Action items",
  "notetaker.summaryInstructions": "Summary instructions",
  "notetaker.actionItemsInstructions": "Action item instructions",
};

const MEMBER_FIELDS: Record<string, string> = { name: "name", email: "email", timezone: "time zone" };

/** "members.2.email" → "Interviewer 3, email"; "openHours.days.0.end" → "Monday, to". */
export function describePanelPath(path: string, days: readonly { day: number }[]): string | null {
  const member = /^members\.(\d+)\.(\w+)$/.exec(path);
  if (member) return `Interviewer ${Number(member[1]) + 1}, ${MEMBER_FIELDS[member[2]!] ?? member[2]}`;
  const day = /^openHours\.days\.(\d+)\.(start|end)$/.exec(path);
  if (day) {
    const weekday = WEEKDAYS.find((w) => w.day === days[Number(day[1])]?.day)?.label ?? "A day";
    return `${weekday}, ${day[2] === "start" ? "from" : "to"}`;
  }
  return PANEL_LABELS[path] ?? null;
}
