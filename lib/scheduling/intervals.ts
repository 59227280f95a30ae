import type { Interval } from "./types";

/**
 * Sorted, disjoint copy of `intervals`. Overlapping and touching intervals are joined (their union
 * is the same half-open set), empty or non-finite ones dropped. The input is never mutated.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const valid: Interval[] = [];
  for (const { start, end } of intervals) {
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) valid.push({ start, end });
  }
  valid.sort((a, b) => a.start - b.start);

  const merged: Interval[] = [];
  let current: Interval | undefined;
  for (const next of valid) {
    if (current !== undefined && next.start <= current.end) {
      if (next.end > current.end) current.end = next.end;
    } else {
      current = next;
      merged.push(current);
    }
  }
  return merged;
}

/** Half-open overlap: intervals that only touch do not overlap. */
export function doIntervalsOverlap(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}
