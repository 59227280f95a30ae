import type { AvailabilityInput } from "./types";
import { DAY_MS, MINUTE_MS } from "./zoned-time";

/** The per-request slot constraints, resolved once into milliseconds. */
export type SlotRules = {
  durationMs: number;
  stepMs: number;
  roundToMinutes: number;
  /** Slots start at or after this instant (window start or minimum notice, whichever is later). */
  earliestStart: number;
  /** Slots end at or before this instant. */
  latestEnd: number;
  /** Slots start strictly before this instant (available days in future). */
  startLimit: number;
  beforeMs: number;
  afterMs: number;
};

const DEFAULT_ROUND_TO_MINUTES = 15;

function requireNumber(name: string, value: number, { positive = false, nonNegative = false } = {}): number {
  if (!Number.isFinite(value) || (positive && value <= 0) || (nonNegative && value < 0)) {
    throw new RangeError(`${name} must be a ${positive ? "positive" : nonNegative ? "non-negative" : "finite"} number, got ${value}`);
  }
  return value;
}

/** Throws RangeError on values that would make slot generation meaningless (or loop forever). */
export function createSlotRules(input: AvailabilityInput): SlotRules {
  const now = requireNumber("now", input.now);
  const roundToMinutes = requireNumber("roundTo", input.roundTo ?? DEFAULT_ROUND_TO_MINUTES, { positive: true });
  const intervalMinutes = requireNumber("intervalMinutes", input.intervalMinutes ?? roundToMinutes, { positive: true });
  const durationMinutes = requireNumber("durationMinutes", input.durationMinutes, { positive: true });
  const notice = requireNumber("minBookingNoticeMinutes", input.minBookingNoticeMinutes);
  const days = requireNumber("availableDaysInFuture", input.availableDaysInFuture);
  return {
    durationMs: durationMinutes * MINUTE_MS,
    stepMs: intervalMinutes * MINUTE_MS,
    roundToMinutes,
    earliestStart: Math.max(requireNumber("windowStart", input.windowStart), now + notice * MINUTE_MS),
    latestEnd: requireNumber("windowEnd", input.windowEnd),
    startLimit: now + days * DAY_MS,
    beforeMs: requireNumber("buffer.before", input.buffer.before, { nonNegative: true }) * MINUTE_MS,
    afterMs: requireNumber("buffer.after", input.buffer.after, { nonNegative: true }) * MINUTE_MS,
  };
}

/** Narrows the rules so that the only slot they can produce is the one starting at `start` (used to re-check a single slot). */
export function narrowSlotRules(rules: SlotRules, start: number, end: number): SlotRules {
  return {
    ...rules,
    earliestStart: Math.max(rules.earliestStart, start),
    latestEnd: Math.min(rules.latestEnd, end),
  };
}
