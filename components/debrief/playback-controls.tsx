"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/lib/media/format";

/** How far the back and forward buttons move the recording. */
export const SKIP_SECONDS = 5;

export type PlaybackControlsProps = {
  isPlaying: boolean;
  /** The playback position, in ms. */
  positionMs: number;
  /** The recording's length in ms; null until its metadata has loaded. */
  durationMs: number | null;
  onTogglePlay: () => void;
  /** Moves playback by `ms` (negative: back), from where the player is now. */
  onSkip: (ms: number) => void;
  /** Moves playback to `ms`. */
  onSeek: (ms: number) => void;
};

/**
 * Keyboard-first controls under the recording, beside the browser's own: play/pause, back and
 * forward five seconds, and a position slider (arrow keys move a second, Page Up/Down a tenth,
 * Home/End to either end). Every control is a native button or input, so Tab, Enter and Space work.
 */
export function PlaybackControls({ isPlaying, positionMs, durationMs, onTogglePlay, onSkip, onSeek }: PlaybackControlsProps) {
  const sliderId = useId();
  const position = formatTimestamp(positionMs);
  const duration = durationMs === null ? null : formatTimestamp(durationMs);
  return (
    <div role="group" aria-label="Playback" className="flex flex-wrap items-center gap-2">
      <Button variant="secondary" size="sm" onClick={onTogglePlay} className="min-w-20">
        {isPlaying ? "Pause" : "Play"}
      </Button>
      <Button variant="secondary" size="sm" onClick={() => onSkip(-SKIP_SECONDS * 1000)} aria-label={`Back ${SKIP_SECONDS} seconds`}>
        <span aria-hidden="true">−{SKIP_SECONDS} s</span>
      </Button>
      <Button variant="secondary" size="sm" onClick={() => onSkip(SKIP_SECONDS * 1000)} aria-label={`Forward ${SKIP_SECONDS} seconds`}>
        <span aria-hidden="true">+{SKIP_SECONDS} s</span>
      </Button>
      <label htmlFor={sliderId} className="sr-only">
        Position
      </label>
      <input
        id={sliderId}
        type="range"
        min={0}
        max={durationMs === null ? 0 : Math.floor(durationMs / 1000)}
        step={1}
        value={Math.floor(positionMs / 1000)}
        disabled={durationMs === null}
        onChange={(event) => onSeek(Number(event.target.value) * 1000)}
        aria-valuetext={duration ? `${position} of ${duration}` : position}
        className="h-8 min-w-32 flex-1 cursor-pointer accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed"
      />
      <span className="text-sm tabular-nums text-muted">
        {position}
        {duration ? ` / ${duration}` : null}
      </span>
    </div>
  );
}
