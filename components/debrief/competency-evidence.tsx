"use client";

import { MomentTime } from "@/components/debrief/moment-time";
import { Badge } from "@/components/ui/badge";
import { suggestionId } from "@/lib/feedback/stored";
import { formatTimestamp } from "@/lib/media/format";
import type { CompetencyEvidence, Evidence } from "@/lib/scorecards/evidence";
import { cn } from "@/lib/utils";

export type CompetencyEvidenceListProps = {
  competencyName: string;
  /** The evidence job's result for this competency; null when it has none for it (mapped against another version). */
  evidence: CompetencyEvidence | null;
  /** The interviewer's dropped suggestions; with `onToggleDrop`, each suggestion can be dropped or restored. */
  dropped?: ReadonlySet<string>;
  onToggleDrop?: (id: string) => void;
};

/** How a suggestion is named in its Drop / Restore button. */
function describe(evidence: Evidence): string {
  switch (evidence.kind) {
    case "moment":
      return evidence.startMs === null ? `the moment of ${evidence.speaker ?? "an unknown speaker"}` : `the moment at ${formatTimestamp(evidence.startMs)}`;
    case "summary":
      return `summary sentence ${evidence.sentenceIndex + 1}`;
    case "action_item":
      return `action item ${evidence.position + 1}`;
  }
}

/**
 * One competency's evidence, as the evidence job mapped it: transcript moments (a time that plays
 * the recording, the speaker, the quote), summary sentences and action items, each with the cue
 * that matched — or "Not covered". Quotes are the speakers' words, rendered as text.
 */
export function CompetencyEvidenceList({ competencyName, evidence, dropped, onToggleDrop }: CompetencyEvidenceListProps) {
  if (!evidence || !evidence.covered) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
        <Badge variant="warning">Not covered</Badge>
        <span>Nothing in the transcript, summary or action items matched what to listen for.</span>
      </p>
    );
  }
  return (
    <ul className="space-y-2" aria-label={`Evidence for ${competencyName}`}>
      {evidence.evidence.map((item) => {
        const id = suggestionId(item);
        const isDropped = dropped?.has(id) ?? false;
        return (
          <li key={id} className={cn("rounded-lg border border-slate-200 px-3 py-2", isDropped ? "bg-slate-50" : "bg-white")}>
            <div className="flex flex-wrap items-center gap-2 text-xs">
              {item.kind === "moment" ? (
                <>
                  <MomentTime startMs={item.startMs} />
                  <span className="font-semibold text-ink [overflow-wrap:anywhere]">{item.speaker ?? "Unknown speaker"}</span>
                </>
              ) : (
                <span className="font-semibold text-muted">{item.kind === "summary" ? "Summary" : "Action item"}</span>
              )}
              {isDropped ? <Badge>Dropped</Badge> : null}
            </div>
            <blockquote className={cn("mt-1 text-sm text-ink [overflow-wrap:anywhere]", isDropped && "text-muted line-through decoration-slate-400")}>“{item.quote}”</blockquote>
            <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
              <p className="text-xs text-muted [overflow-wrap:anywhere]">
                Matched the cue <q className="font-medium text-ink">{item.cue}</q>
              </p>
              {onToggleDrop ? (
                <button
                  type="button"
                  onClick={() => onToggleDrop(id)}
                  aria-label={`${isDropped ? "Restore" : "Drop"} ${describe(item)} for ${competencyName}`}
                  className="rounded-md px-2 py-0.5 text-xs font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
                >
                  {isDropped ? "Restore" : "Drop"}
                </button>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
