/**
 * Pure: how a sandbox Notetaker lives through Nylas's states (nylas-contract §4.6), as a list of
 * timed steps. The clock-driven runner takes each step when its time comes; "Run interview now"
 * takes every remaining step at once.
 *
 *   completed:    scheduled → connecting (waiting_for_entry) at join → attending (recording_active)
 *                 → disconnected (meeting_ended) at the meeting's end → worker_finished (history
 *                 only) → processing → available (media ready) → media_deleted at retention's end
 *   failed_entry: scheduled → connecting (waiting_for_entry) → failed_entry (admission_timeout)
 *                 when nobody admits it from the lobby
 */

export type NotetakerOutcome = "completed" | "failed_entry";

type SandboxNotetakerState = "scheduled" | "connecting" | "attending" | "disconnected" | "worker_finished" | "processing" | "available" | "media_deleted" | "failed_entry";

export type LifecycleStep = {
  /** The webhook trigger, or null for a step recorded only in the history (worker_finished). */
  trigger: "notetaker.meeting_state" | "notetaker.media" | null;
  /** The history's event_type for the step. */
  historyType: string;
  state: SandboxNotetakerState;
  meetingState: string | null;
  at: Date;
};

/** How long the lobby holds the bot before it gives up (the recipe: ~10 minutes). */
export const ADMISSION_TIMEOUT_MS = 10 * 60_000;
/** From joining to being admitted and recording. */
export const ADMISSION_DELAY_MS = 30_000;
const WORKER_FINISHED_AFTER_MS = 2_000;
const PROCESSING_AFTER_MS = 5_000;
/** How long "processing" takes before the media is available. */
export const PROCESSING_DURATION_MS = 45_000;

export type LifecycleInput = {
  state: string;
  outcome: NotetakerOutcome;
  joinTime: Date;
  leaveTime: Date;
  /** When the media files are deleted (set once they are available). */
  mediaExpiresAt: Date | null;
};

const plus = (date: Date, ms: number) => new Date(date.getTime() + ms);

/** The step after `input.state`, or null when the lifecycle is over. */
export function nextLifecycleStep(input: LifecycleInput): LifecycleStep | null {
  const { joinTime, leaveTime } = input;
  switch (input.state) {
    case "scheduled":
      return { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "connecting", meetingState: "waiting_for_entry", at: joinTime };
    case "connecting":
      if (input.outcome === "failed_entry") {
        return { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "failed_entry", meetingState: "admission_timeout", at: plus(joinTime, ADMISSION_TIMEOUT_MS) };
      }
      return {
        trigger: "notetaker.meeting_state",
        historyType: "notetaker.meeting_state",
        state: "attending",
        meetingState: "recording_active",
        at: new Date(Math.min(plus(joinTime, ADMISSION_DELAY_MS).getTime(), leaveTime.getTime())),
      };
    case "attending":
      return { trigger: "notetaker.meeting_state", historyType: "notetaker.meeting_state", state: "disconnected", meetingState: "meeting_ended", at: leaveTime };
    case "disconnected":
      return { trigger: null, historyType: "notetaker.meeting_state", state: "worker_finished", meetingState: "worker_finished", at: plus(leaveTime, WORKER_FINISHED_AFTER_MS) };
    case "worker_finished":
      return { trigger: "notetaker.media", historyType: "notetaker.media", state: "processing", meetingState: null, at: plus(leaveTime, PROCESSING_AFTER_MS) };
    case "processing":
      return { trigger: "notetaker.media", historyType: "notetaker.media", state: "available", meetingState: null, at: plus(leaveTime, PROCESSING_AFTER_MS + PROCESSING_DURATION_MS) };
    case "available":
      return input.mediaExpiresAt ? { trigger: "notetaker.media", historyType: "notetaker.media", state: "media_deleted", meetingState: null, at: input.mediaExpiresAt } : null;
    default:
      return null;
  }
}

/** States from which "Run interview now" / "Fail entry" can still change the outcome. */
export function canRunNow(state: string): boolean {
  return state === "scheduled" || state === "connecting";
}

/**
 * Every step from `input.state` up to the end of the run (available, or failed_entry), stamped
 * now, now + 1 s, … so the webhooks carry increasing `time` values. Retention is not part of a run.
 */
export function planImmediateRun(input: LifecycleInput, now: Date): LifecycleStep[] {
  const steps: LifecycleStep[] = [];
  let state = input.state;
  for (let i = 0; i < 10; i++) {
    const step = nextLifecycleStep({ ...input, state, mediaExpiresAt: null });
    if (!step) break;
    steps.push({ ...step, at: plus(now, i * 1000) });
    state = step.state;
    if (state === "available" || state === "failed_entry") break;
  }
  return steps;
}
