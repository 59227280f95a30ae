"use client";

import { useId, useRef, useState } from "react";
import { MomentTime } from "@/components/debrief/moment-time";
import { useDebriefPlayer } from "@/components/debrief/player-context";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form-controls";
import { MAX_CITED_MOMENTS } from "@/lib/feedback/ratings";
import type { DebriefSegment } from "@/lib/interviews/debrief";
import { formatTimestamp } from "@/lib/media/format";
import { QUOTE_MAX_CHARS } from "@/lib/scorecards/evidence";
import { truncate } from "@/lib/utils";

export type CitedMomentsProps = {
  competencyName: string;
  segments: readonly DebriefSegment[];
  /** Segment positions cited, in the order they were added. */
  cited: readonly number[];
  onChange: (cited: number[]) => void;
  /** The DOM id of the list (the error summary can point at it). */
  id: string;
  error?: string;
};

const label = (segment: DebriefSegment) => `${segment.startMs === null ? "" : `${formatTimestamp(segment.startMs)} `}${segment.speaker ?? "Unknown speaker"}: ${truncate(segment.text, 90)}`;

/** The line being played (or last chosen) in the recording; the first line otherwise. */
function lineAt(segments: readonly DebriefSegment[], positionMs: number | null): number | undefined {
  let found = segments[0]?.position;
  if (positionMs === null) return found;
  for (const segment of segments) {
    if (segment.startMs === null) continue;
    if (segment.startMs <= positionMs + 250) found = segment.position;
    else break;
  }
  return found;
}

/**
 * The transcript moments an interviewer cites for one competency: each with its time (plays the
 * recording), speaker and words, and a button to remove it; "Cite a transcript moment" opens a
 * choice of the transcript's lines, starting at the line the recording is on.
 */
export function CitedMoments({ competencyName, segments, cited, onChange, id, error }: CitedMomentsProps) {
  const player = useDebriefPlayer();
  const [isChoosing, setIsChoosing] = useState(false);
  const [choice, setChoice] = useState<string>("");
  const [announcement, setAnnouncement] = useState("");
  const openRef = useRef<HTMLButtonElement>(null);
  const selectId = useId();
  const errorId = `${id}-error`;
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  const isFull = cited.length >= MAX_CITED_MOMENTS;

  const open = () => {
    setChoice(String(lineAt(segments, player?.getPositionMs() ?? null) ?? ""));
    setIsChoosing(true);
  };
  const close = () => {
    setIsChoosing(false);
    // Back to the button that opened the choice (it is rendered again once the choice closes).
    requestAnimationFrame(() => openRef.current?.focus());
  };
  const cite = () => {
    const position = Number(choice);
    const segment = byPosition.get(position);
    if (!segment) return;
    if (!cited.includes(position)) onChange([...cited, position]);
    setAnnouncement(`Cited ${segment.startMs === null ? "a moment" : `the moment at ${formatTimestamp(segment.startMs)}`} for ${competencyName}.`);
    close();
  };

  return (
    <div className="space-y-2">
      <h4 className="text-sm font-medium text-ink">Cited moments</h4>
      {cited.length ? (
        <ul id={id} tabIndex={-1} className="space-y-1.5 outline-none" aria-label={`Moments cited for ${competencyName}`} aria-describedby={error ? errorId : undefined}>
          {cited.map((position) => {
            const segment = byPosition.get(position);
            return (
              <li key={position} className="flex items-start gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm">
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-center gap-2 text-xs">
                    <MomentTime startMs={segment?.startMs ?? null} />
                    <span className="font-semibold text-ink [overflow-wrap:anywhere]">{segment ? (segment.speaker ?? "Unknown speaker") : "A line no longer in the transcript"}</span>
                  </div>
                  {segment ? <p className="mt-0.5 text-ink [overflow-wrap:anywhere]">{truncate(segment.text, QUOTE_MAX_CHARS)}</p> : null}
                </div>
                <button
                  type="button"
                  onClick={() => onChange(cited.filter((p) => p !== position))}
                  aria-label={`Remove ${segment?.startMs != null ? `the moment at ${formatTimestamp(segment.startMs)}` : "this moment"} from ${competencyName}`}
                  className="shrink-0 rounded-md px-2 py-0.5 text-xs font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  Remove
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p id={id} tabIndex={-1} className="text-sm text-muted outline-none">
          {segments.length ? "None yet." : "No transcript to cite from yet."}
        </p>
      )}
      {error ? (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {segments.length && !isChoosing ? (
        <Button ref={openRef} variant="secondary" size="sm" onClick={open} disabled={isFull} aria-label={`Cite a transcript moment for ${competencyName}`}>
          Cite a transcript moment
        </Button>
      ) : null}
      {isFull ? <p className="text-xs text-muted">At most {MAX_CITED_MOMENTS} moments per competency.</p> : null}
      {isChoosing ? (
        <div
          className="space-y-2 rounded-lg border border-slate-200 bg-slate-50 p-3"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              close();
            }
          }}
        >
          <label htmlFor={selectId} className="block text-sm font-medium text-ink">
            Transcript moment<span className="sr-only"> for {competencyName}</span>
          </label>
          <Select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)} autoFocus>
            {segments.map((segment) => (
              <option key={segment.position} value={segment.position}>
                {label(segment)}
              </option>
            ))}
          </Select>
          <div className="flex gap-2">
            <Button size="sm" onClick={cite}>
              Cite
            </Button>
            <Button size="sm" variant="ghost" onClick={close}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
