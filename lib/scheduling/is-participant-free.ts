import { doIntervalsOverlap } from "./intervals";
import { listOpenWindows } from "./open-hours";
import type { EngineParticipant, Interval, ParticipantStatus } from "./types";
import { MINUTE_MS } from "./zoned-time";

/**
 * Whether `participant` can take the meeting [slot.start, slot.end): the meeting itself (not its
 * buffers) must fit inside one open-hours window, and the buffered range must miss every busy
 * interval. Open hours are checked first because they are the more fundamental reason.
 * Slot alignment is not checked here; chooseHost does that.
 */
export function isParticipantFree(participant: EngineParticipant, slot: Interval, buffer: { before: number; after: number }): ParticipantStatus {
  if (!(slot.end > slot.start)) return "outside_open_hours";
  const windows = listOpenWindows(participant.openHours, slot.start, slot.end);
  if (!windows.some((window) => window.start <= slot.start && slot.end <= window.end)) return "outside_open_hours";

  const padded = { start: slot.start - buffer.before * MINUTE_MS, end: slot.end + buffer.after * MINUTE_MS };
  // A single slot is checked, so a linear scan beats sorting and merging the busy list.
  for (const busy of participant.busy) {
    if (busy.end > busy.start && doIntervalsOverlap(padded, busy)) return "busy";
  }
  return "free";
}
