"use client";

import { type KeyboardEvent, useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import { PlaybackControls } from "@/components/debrief/playback-controls";
import { useRegisterDebriefPlayer } from "@/components/debrief/player-context";
import { Input } from "@/components/ui/input";
import { useIsBrowser } from "@/components/ui/use-is-browser";
import type { DebriefSegment } from "@/lib/interviews/debrief";
import { formatTimestamp } from "@/lib/media/format";
import { segmentsToWebVtt } from "@/lib/media/webvtt";
import { cn } from "@/lib/utils";

export type TranscriptPlayerProps = {
  recording: { src: string; contentType: string; isAudioOnly: boolean; posterSrc: string | null; downloadHref: string } | null;
  segments: DebriefSegment[];
  /** "From the Notetaker" / "Uploaded by hand", under the Transcript heading. */
  transcriptNote: string | null;
  /** Shown instead of the player when there is no recording (yet). */
  noRecordingMessage: string;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * `text` with case-insensitive matches of `query` marked. Matched on the text itself (not a
 * lower-cased copy, whose length can differ: "İ"), so the marks land on the right characters.
 */
function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return <>{text}</>;
  const parts = text.split(new RegExp(`(${escapeRegExp(query)})`, "giu"));
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-ink">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * The recording (streamed from our storage, seekable) and the transcript beside it: each timed
 * line is a button that plays the recording from that moment, the line being spoken is marked as
 * it plays, and "Find in transcript" narrows the lines to those containing the words typed.
 * Keyboard: the playback controls under the player are native buttons and a slider; the lines are
 * buttons in the tab order (Enter or Space plays from one), and ↑/↓ move between them. The
 * transcript is also the recording's captions track.
 */
export function TranscriptPlayer({ recording, segments, transcriptNote, noRecordingMessage }: TranscriptPlayerProps) {
  const playerRef = useRef<HTMLVideoElement & HTMLAudioElement>(null);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const [currentMs, setCurrentMs] = useState<number | null>(null);
  const [playError, setPlayError] = useState<string | null>(null);
  const searchId = useId();
  const countId = useId();

  const visible = useMemo(() => {
    if (!deferredQuery) return segments;
    const pattern = new RegExp(escapeRegExp(deferredQuery), "iu");
    return segments.filter((s) => pattern.test(s.text) || pattern.test(s.speaker ?? ""));
  }, [segments, deferredQuery]);
  const listRef = useRef<HTMLOListElement>(null);
  const [isPlaying, setIsPlaying] = useState(false);
  const [durationMs, setDurationMs] = useState<number | null>(null);
  const captionsUrl = useCaptionsUrl(recording ? segments : null);

  // The line being spoken: the last one that started at or before the playback position.
  const activePosition = useMemo(() => {
    if (currentMs === null) return null;
    let active: number | null = null;
    for (const s of segments) {
      if (s.startMs === null) continue;
      if (s.startMs <= currentMs) active = s.position;
      else break;
    }
    return active;
  }, [segments, currentMs]);

  useEffect(() => {
    const player = playerRef.current;
    if (!player) return;
    const onTime = () => setCurrentMs(player.currentTime * 1000);
    const onPlay = () => setIsPlaying(true);
    const onPause = () => setIsPlaying(false);
    const onDuration = () => setDurationMs(Number.isFinite(player.duration) ? player.duration * 1000 : null);
    onDuration();
    player.addEventListener("timeupdate", onTime);
    player.addEventListener("seeked", onTime);
    player.addEventListener("play", onPlay);
    player.addEventListener("pause", onPause);
    player.addEventListener("durationchange", onDuration);
    return () => {
      player.removeEventListener("timeupdate", onTime);
      player.removeEventListener("seeked", onTime);
      player.removeEventListener("play", onPlay);
      player.removeEventListener("pause", onPause);
      player.removeEventListener("durationchange", onDuration);
    };
  }, [recording?.src]);

  // While it plays (and no search narrows the lines), the line being spoken stays in view in the
  // list — scrolling the list only, never the page, and not while the pointer or the focus is in it.
  useEffect(() => {
    const list = listRef.current;
    if (!isPlaying || deferredQuery || activePosition === null || !list || list.matches(":hover") || list.contains(document.activeElement)) return;
    const line = list.querySelector<HTMLElement>(`[data-position="${activePosition}"]`);
    if (!line) return;
    const top = line.offsetTop; // the list is the offset parent (position: relative)
    if (top < list.scrollTop || top + line.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: "smooth" });
    }
  }, [activePosition, isPlaying, deferredQuery]);

  const playFrom = useCallback((ms: number) => {
    const player = playerRef.current;
    if (!player) return;
    setPlayError(null);
    player.currentTime = ms / 1000;
    setCurrentMs(ms);
    player.play().catch((error: unknown) => {
      // Seeking worked; only playback was refused (e.g. the browser's autoplay rules).
      if (error instanceof DOMException && error.name === "AbortError") return;
      setPlayError("Press play to listen from here.");
    });
  }, []);

  // The scorecard's moments play the recording through the same seek (components/debrief/player-context.tsx).
  const hasRecording = recording !== null;
  const handle = useMemo(() => (hasRecording ? { playFrom, getPositionMs: () => (playerRef.current ? playerRef.current.currentTime * 1000 : null) } : null), [hasRecording, playFrom]);
  useRegisterDebriefPlayer(handle);

  const togglePlay = useCallback(() => {
    const player = playerRef.current;
    if (!player) return;
    if (!player.paused) {
      player.pause();
      return;
    }
    setPlayError(null);
    player.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === "AbortError") return;
      setPlayError("The browser refused to play the recording; try its own play button.");
    });
  }, []);

  const seekTo = useCallback((ms: number) => {
    const player = playerRef.current;
    if (!player) return;
    const end = Number.isFinite(player.duration) ? player.duration * 1000 : Infinity;
    const clamped = Math.min(Math.max(0, ms), end);
    player.currentTime = clamped / 1000;
    setCurrentMs(clamped);
  }, []);

  const skipBy = useCallback((ms: number) => seekTo((playerRef.current?.currentTime ?? 0) * 1000 + ms), [seekTo]);

  // ↑/↓ on a line move the focus to the line above or below (Tab and Shift+Tab still walk them all).
  const onListKeyDown = useCallback((event: KeyboardEvent<HTMLOListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button[data-cue]")];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index === -1) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, index + (event.key === "ArrowDown" ? 1 : -1)))]?.focus();
  }, []);

  const Player = recording?.isAudioOnly ? "audio" : "video";

  return (
    <div className="space-y-8">
      <section aria-labelledby="recording-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recording-heading" className="text-lg font-semibold text-ink">
            Recording
          </h2>
          {recording ? (
            <a href={recording.downloadHref} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline" download>
              Download recording
            </a>
          ) : null}
        </div>
        {recording ? (
          <>
            <Player
              ref={playerRef}
              controls
              preload="metadata"
              src={recording.src}
              poster={Player === "video" ? (recording.posterSrc ?? undefined) : undefined}
              aria-label="Recording of the interview"
              className={cn("w-full rounded-xl border border-slate-200 bg-slate-900", Player === "video" ? "aspect-video" : "")}
            >
              {captionsUrl ? <track kind="captions" src={captionsUrl} srcLang="en" label="Transcript" /> : null}
              Your browser cannot play this recording.{" "}
              <a href={recording.downloadHref} className="underline">
                Download it
              </a>{" "}
              instead.
            </Player>
            <PlaybackControls isPlaying={isPlaying} positionMs={currentMs ?? 0} durationMs={durationMs} onTogglePlay={togglePlay} onSkip={skipBy} onSeek={seekTo} />
            <p className="text-sm text-amber-800" aria-live="polite">
              {playError}
            </p>
          </>
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-muted">{noRecordingMessage}</p>
        )}
      </section>

      <section aria-labelledby="transcript-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="transcript-heading" className="text-lg font-semibold text-ink">
            Transcript
          </h2>
          {transcriptNote ? <p className="text-sm text-muted">{transcriptNote}</p> : null}
        </div>
        {segments.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-muted">No transcript yet.</p>
        ) : (
          <>
            <div>
              <label htmlFor={searchId} className="block text-sm font-medium text-ink">
                Find in transcript
              </label>
              <Input
                id={searchId}
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder="A word or a speaker"
                aria-describedby={countId}
                className="mt-1"
                autoComplete="off"
              />
              <p id={countId} className="mt-1 text-xs text-muted" aria-live="polite">
                {deferredQuery ? `${visible.length} of ${segments.length} lines match` : `${segments.length} lines`}
                {recording && segments.some((s) => s.startMs !== null) ? " · choose a line to play the recording from there" : ""}
              </p>
            </div>
            <ol
              ref={listRef}
              onKeyDown={onListKeyDown}
              className="relative max-h-[36rem] space-y-1 overflow-y-auto rounded-xl border border-slate-200 bg-white p-2 shadow-sm"
              aria-label="Transcript lines"
            >
              {visible.map((segment) => {
                const isActive = segment.position === activePosition;
                const body = (
                  <>
                    <span className="flex items-baseline gap-2 text-xs">
                      <span className="font-semibold text-ink">
                        <Highlighted text={segment.speaker ?? "Unknown speaker"} query={deferredQuery} />
                      </span>
                      {segment.startMs !== null ? <span className="tabular-nums text-muted">{formatTimestamp(segment.startMs)}</span> : null}
                    </span>
                    <span className="mt-0.5 block text-sm text-ink [overflow-wrap:anywhere]">
                      <Highlighted text={segment.text} query={deferredQuery} />
                    </span>
                  </>
                );
                return (
                  <li key={segment.position} data-position={segment.position}>
                    {segment.startMs !== null && recording ? (
                      <button
                        type="button"
                        data-cue=""
                        onClick={() => playFrom(segment.startMs!)}
                        aria-current={isActive ? "true" : undefined}
                        className={cn(
                          "block w-full rounded-lg px-3 py-2 text-left transition-colors hover:bg-slate-50",
                          "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600",
                          isActive && "bg-brand-50 ring-1 ring-brand-100",
                        )}
                      >
                        {body}
                      </button>
                    ) : (
                      <div className="px-3 py-2">{body}</div>
                    )}
                  </li>
                );
              })}
              {visible.length === 0 ? <li className="px-3 py-6 text-center text-sm text-muted">No line contains “{query.trim()}”.</li> : null}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}

/**
 * The transcript as a WebVTT data: URL for the player's captions <track> (a data: URL counts as
 * same-origin there, and needs no revoking), or null without timed lines. Built in the browser
 * only, so the server-rendered page does not carry the transcript twice.
 */
function useCaptionsUrl(segments: DebriefSegment[] | null): string | null {
  const isBrowser = useIsBrowser();
  return useMemo(() => {
    if (!isBrowser || !segments?.some((s) => s.startMs !== null)) return null;
    return `data:text/vtt;charset=utf-8,${encodeURIComponent(segmentsToWebVtt(segments))}`;
  }, [isBrowser, segments]);
}
