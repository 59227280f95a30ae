import { mergeIntervals } from "./intervals";
import { listOpenWindows } from "./open-hours";
import type { SlotRules } from "./slot-rules";
import type { EngineParticipant, OpenHours } from "./types";
import { MINUTE_MS } from "./zoned-time";

/**
 * Sorted, unique slot starts offered by `openHours` under `rules`, ignoring busy time. Each window
 * aligns its own first slot to a multiple of roundTo in its local wall clock, then steps by the
 * interval, so windows in different zones or with odd start times keep their own grids.
 */
export function listCandidateStarts(openHours: readonly OpenHours[], rules: SlotRules): number[] {
  const { durationMs, stepMs, roundToMinutes, earliestStart, latestEnd, startLimit } = rules;
  const starts: number[] = [];
  // Any window that can hold a slot starting in [earliestStart, startLimit) and ending by latestEnd.
  const rangeEnd = Math.min(latestEnd, startLimit + durationMs);
  if (!(rangeEnd > earliestStart) || !(startLimit > earliestStart)) return starts;

  let sorted = true;
  for (const window of listOpenWindows(openHours, earliestStart, rangeEnd)) {
    const alignedMinute = Math.ceil(window.startMinuteOfDay / roundToMinutes) * roundToMinutes;
    let start = window.start + (alignedMinute - window.startMinuteOfDay) * MINUTE_MS;
    if (start < earliestStart) start += Math.ceil((earliestStart - start) / stepMs) * stepMs;
    const lastEnd = Math.min(window.end, latestEnd);
    for (; start + durationMs <= lastEnd && start < startLimit; start += stepMs) {
      const previous = starts[starts.length - 1];
      if (previous !== undefined && start <= previous) sorted = false;
      starts.push(start);
    }
  }
  if (sorted) return starts;

  // Only overlapping windows (several open-hours entries) get here.
  starts.sort((a, b) => a - b);
  let unique = 0;
  for (const start of starts) {
    if (unique === 0 || starts[unique - 1] !== start) starts[unique++] = start;
  }
  starts.length = unique;
  return starts;
}

/**
 * Slot starts at which `participant` is free: candidates from their open hours whose buffered
 * range misses all busy time. Busy time is merged once and walked with a single forward pointer,
 * so the cost is linear in candidates + busy events rather than their product.
 */
export function listFreeStarts(participant: EngineParticipant, rules: SlotRules): number[] {
  const candidates = listCandidateStarts(participant.openHours, rules);
  if (candidates.length === 0) return candidates;

  const busy = mergeIntervals(participant.busy);
  const { durationMs, beforeMs, afterMs } = rules;
  const free: number[] = [];
  let next = 0;
  for (const start of candidates) {
    const paddedStart = start - beforeMs;
    const paddedEnd = start + durationMs + afterMs;
    // Candidates ascend, so a busy interval ending before this padded start is behind every later one too.
    let blocker = busy[next];
    while (blocker !== undefined && blocker.end <= paddedStart) blocker = busy[++next];
    if (blocker === undefined || blocker.start >= paddedEnd) free.push(start);
  }
  return free;
}
