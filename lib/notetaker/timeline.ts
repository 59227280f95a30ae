/** Pure: an interview's stored Notetaker timeline (interviews.notetaker_timeline), read defensively. */
import { z } from "zod";

export type TNotetakerTimelineEntry = { state: string; reason: string | null; at: number };

const ZEntry = z.object({
  state: z.string().min(1).max(64),
  reason: z.string().max(64).nullable().catch(null),
  at: z.number().finite(),
});

/** Oldest first; entries that are not the documented shape are skipped. */
export function readNotetakerTimeline(value: unknown): TNotetakerTimelineEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = ZEntry.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}
