/**
 * Pure: how a Notetaker's state reads to a recruiter, and when something needs their attention
 * (an alert on the dashboard row and on the interview, with the upload fallback).
 */
import type { NotetakerState } from "./notetaker-reducer";

/** The same five tones as the UI's badges (components/ui/badge.tsx), so a state's tone is a badge variant. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const STATE_LABELS: Record<NotetakerState, { label: string; tone: Tone }> = {
  // Not "Scheduled": the interview's own status badge says that, in the same row.
  scheduled: { label: "Will join", tone: "neutral" },
  connecting: { label: "Joining", tone: "info" },
  waiting_for_entry: { label: "Waiting to be admitted", tone: "info" },
  attending: { label: "Recording", tone: "info" },
  disconnected: { label: "Left the meeting", tone: "info" },
  worker_finished: { label: "Finished", tone: "info" },
  processing: { label: "Processing media", tone: "info" },
  available: { label: "Media ready", tone: "success" },
  media_error: { label: "Media failed", tone: "danger" },
  media_deleted: { label: "Media deleted by Nylas", tone: "neutral" },
  failed_entry: { label: "Could not join", tone: "danger" },
  deleted: { label: "Removed", tone: "neutral" },
};

const REASONS: Record<string, string> = {
  waiting_for_entry: "waiting in the lobby",
  recording_active: "recording",
  meeting_ended: "the meeting ended",
  kicked: "it was removed from the meeting",
  no_activity: "nobody spoke for a long time",
  no_participants: "everyone else had left",
  api_request: "it was asked to leave",
  network_error: "a network error",
  cancelled: "it was cancelled",
  unknown: "an unknown reason",
  error: "an error",
  internal_error: "an internal Notetaker error",
  bad_meeting_code: "the meeting code was wrong",
  bad_meeting_link: "the meeting link was wrong",
  sign_in_required: "the meeting requires signing in",
  entry_denied: "someone denied it entry",
  no_response: "the meeting did not respond",
  cannot_join: "it could not join the meeting",
  meeting_capacity_reached: "the meeting was full",
  admission_timeout: "nobody admitted it from the lobby in time",
};

/** A notetaker's state in words; no state yet (the booking named the bot, it has not reported) reads as scheduled. */
export function describeNotetakerState(state: string | null): { label: string; tone: Tone } {
  if (!state) return STATE_LABELS.scheduled;
  return Object.hasOwn(STATE_LABELS, state) ? STATE_LABELS[state as NotetakerState] : { label: state.replaceAll("_", " "), tone: "neutral" };
}

/** A sub-reason in words ("nobody admitted it from the lobby in time"), or the raw value. */
export function describeNotetakerReason(reason: string | null): string | null {
  if (!reason) return null;
  // Values come from webhooks: own keys only ("constructor" is not a reason we know).
  return Object.hasOwn(REASONS, reason) ? REASONS[reason]! : reason.replaceAll("_", " ");
}

/** States after which a Notetaker produces nothing (more) for its interview: it never got in, was removed, or its media is gone. */
export const NOTETAKER_GAVE_UP_STATES = ["failed_entry", "deleted", "media_error", "media_deleted"] as const satisfies readonly NotetakerState[];

/** Whether no Notetaker media will come for an interview: none was booked, or it gave up (NOTETAKER_GAVE_UP_STATES). */
export function hasNotetakerGivenUp(notetaker: { state: string | null } | null): boolean {
  return !notetaker || (NOTETAKER_GAVE_UP_STATES as readonly string[]).includes(notetaker.state ?? "");
}

/**
 * The sub-reason worth showing beside a state, in words, or null: an attending Notetaker's reason
 * only repeats that it is recording, and a reason named like its state says nothing more.
 */
export function describeNotetakerStateReason(state: string | null, reason: string | null): string | null {
  if (state === "attending" || (reason !== null && reason === state)) return null;
  return describeNotetakerReason(reason);
}

export type AssetFact = {
  kind: string;
  source: "NOTETAKER" | "UPLOAD";
  status: "PENDING" | "DOWNLOADING" | "STORED" | "FAILED";
  lastError: string | null;
  /** When the file reached our storage (set even if it then could not be read). */
  storedAt?: Date | null;
};

export type NotetakerAlertKind = "failed_entry" | "media_error" | "media_deleted" | "media_missing" | "asset_failed";
export type NotetakerAlert = { kind: NotetakerAlertKind; title: string; message: string };

export type AlertInput = {
  status: string;
  notetakerId: string | null;
  notetakerState: string | null;
  notetakerStateReason: string | null;
  endsAt: Date | null;
  assets: readonly AssetFact[];
  now: Date;
  missingAfterMinutes: number;
  /** false for an interview that may not be recorded (lib/privacy expectsMedia): nothing is missing, nothing failed. */
  expectsMedia?: boolean;
};

const KIND_NAMES: Record<string, string> = {
  RECORDING: "recording",
  TRANSCRIPT: "transcript",
  SUMMARY: "summary",
  ACTION_ITEMS: "action items",
  THUMBNAIL: "thumbnail",
};

/**
 * What the recruiter must be told, if anything. A recording or transcript uploaded by hand
 * resolves the Notetaker's failures (the debrief has what it needs); a cancelled interview, one
 * without a Notetaker, or one that may not be recorded never alerts.
 */
export function getNotetakerAlert(input: AlertInput): NotetakerAlert | null {
  if (input.status === "CANCELLED" || !input.notetakerId || input.notetakerState === "deleted" || input.expectsMedia === false) return null;
  const uploaded = input.assets.some((a) => a.source === "UPLOAD" && a.status === "STORED" && (a.kind === "RECORDING" || a.kind === "TRANSCRIPT"));
  if (uploaded) return null;
  const fromNotetaker = input.assets.filter((a) => a.source === "NOTETAKER");

  if (input.notetakerState === "failed_entry") {
    const why = describeNotetakerReason(input.notetakerStateReason);
    return {
      kind: "failed_entry",
      title: "The Notetaker could not join",
      message: `It failed to enter the meeting${why ? `: ${why}` : ""}. There is no recording; upload one, or a transcript, if you have it.`,
    };
  }
  if (input.notetakerState === "media_error") {
    return { kind: "media_error", title: "The recording could not be processed", message: "Nylas reported a media error for this interview. Upload the recording or a transcript if you have one." };
  }
  const notStored = fromNotetaker.filter((a) => a.status !== "STORED");
  if (input.notetakerState === "media_deleted" && (fromNotetaker.length === 0 || notStored.some((a) => a.kind !== "THUMBNAIL"))) {
    return { kind: "media_deleted", title: "Nylas deleted the media before it was stored", message: "Nylas keeps media for 14 days. Upload the recording or a transcript if you have one." };
  }
  const failed = fromNotetaker.filter((a) => a.status === "FAILED" && a.kind !== "THUMBNAIL");
  if (failed.length) {
    const names = failed.map((a) => KIND_NAMES[a.kind] ?? a.kind.toLowerCase());
    // Stored but unreadable (a summary in a shape nobody knows) is not a failed download.
    const verb = failed.every((a) => a.storedAt) ? "read" : "stored";
    return {
      kind: "asset_failed",
      title: `The ${names.join(" and ")} could not be ${verb}`,
      message: failed[0]!.lastError ?? "The download failed. Retry it, or upload the file by hand.",
    };
  }
  const ended = input.endsAt ? input.now.getTime() - input.endsAt.getTime() : -1;
  const hasMediaInHand = fromNotetaker.some((a) => a.kind === "RECORDING" || a.kind === "TRANSCRIPT");
  if (!hasMediaInHand && ended > input.missingAfterMinutes * 60_000) {
    return {
      kind: "media_missing",
      title: "No recording yet",
      message: `The interview ended over ${input.missingAfterMinutes} minutes ago and the Notetaker's media has not arrived. Upload the recording or a transcript if you have one.`,
    };
  }
  return null;
}
