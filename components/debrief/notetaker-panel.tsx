import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { InterviewDebrief } from "@/lib/interviews/debrief";
import { describeNotetakerState, describeNotetakerStateReason } from "@/lib/notetaker/status";

/** The Notetaker's current state and every step it went through, oldest first. */
export function NotetakerPanel({ notetaker }: { notetaker: NonNullable<InterviewDebrief["notetaker"]> }) {
  const current = describeNotetakerState(notetaker.state);
  const reason = describeNotetakerStateReason(notetaker.state, notetaker.reason);
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="sr-only">State:</span>
        <Badge variant={current.tone}>{current.label}</Badge>
        {reason ? <span className="text-muted">({reason})</span> : null}
      </p>
      {notetaker.timeline.length ? (
        <ol className="space-y-1.5 border-l border-slate-200 pl-4 text-sm" aria-label="Notetaker timeline">
          {notetaker.timeline.map((entry, index) => {
            // As an event in the past, "scheduled" is when the bot was booked, not a promise to join.
            const label = entry.state === "scheduled" ? "Scheduled to join" : describeNotetakerState(entry.state).label;
            const why = describeNotetakerStateReason(entry.state, entry.reason);
            return (
              <li key={`${entry.state}-${entry.at}-${index}`} className="flex flex-col sm:flex-row sm:items-baseline sm:gap-3">
                <span className="shrink-0 text-xs text-muted sm:w-40">
                  <LocalTime iso={new Date(entry.at * 1000).toISOString()} />
                </span>
                <span className="text-ink">
                  {label}
                  {why ? <span className="text-muted"> — {why}</span> : null}
                </span>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="text-sm text-muted">No updates from the Notetaker yet.</p>
      )}
    </div>
  );
}
