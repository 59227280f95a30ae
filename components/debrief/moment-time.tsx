"use client";

import { useDebriefPlayer } from "@/components/debrief/player-context";
import { formatTimestamp } from "@/lib/media/format";
import { cn } from "@/lib/utils";

export type MomentTimeProps = {
  /** Where the moment starts in the recording; null for a line without a time. */
  startMs: number | null;
  className?: string;
};

/**
 * A transcript moment's time ("3:12"): a button that plays the recording from there when the
 * debrief has a recording, plain text otherwise (DESIGN "Feedback UI contract").
 */
export function MomentTime({ startMs, className }: MomentTimeProps) {
  const player = useDebriefPlayer();
  if (startMs === null) return null;
  const time = formatTimestamp(startMs);
  if (!player) return <span className={cn("text-xs tabular-nums text-muted", className)}>{time}</span>;
  return (
    <button
      type="button"
      onClick={() => player.playFrom(startMs)}
      className={cn(
        "inline-flex items-center gap-1 rounded-md border border-brand-100 bg-brand-50 px-1.5 py-0.5 text-xs font-medium tabular-nums text-brand-700 hover:bg-brand-100",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        className,
      )}
    >
      <span aria-hidden="true">▶</span>
      <span className="sr-only">Play from </span>
      {time}
    </button>
  );
}
