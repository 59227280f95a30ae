"use client";

import type { ReactNode } from "react";
import { CompetencyEvidenceList } from "@/components/debrief/competency-evidence";
import type { CompetencyEvidence } from "@/lib/scorecards/evidence";
import type { TCompetency } from "@/lib/scorecards/scorecard";

export type CompetencyCardProps = {
  competency: TCompetency;
  /** The heading's id: it names the card, and the rating group in the form. */
  headingId: string;
  /** The evidence job's result for this competency; undefined while it has not run (the section says why). */
  evidence: CompetencyEvidence | null | undefined;
  dropped?: ReadonlySet<string>;
  onToggleDrop?: (id: string) => void;
  /** The interviewer's controls, under the evidence. */
  children?: ReactNode;
};

/** One competency of the scorecard: what good looks like, what to listen for, its evidence, then (in the form) the rating. */
export function CompetencyCard({ competency, headingId, evidence, dropped, onToggleDrop, children }: CompetencyCardProps) {
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <h3 id={headingId} className="text-base font-semibold text-ink [overflow-wrap:anywhere]">
          {competency.name}
        </h3>
        {competency.good ? <p className="mt-0.5 text-sm text-muted [overflow-wrap:anywhere]">{competency.good}</p> : null}
        <p className="mt-1 text-xs text-muted [overflow-wrap:anywhere]">Listen for: {competency.cues.join(" · ")}</p>
      </div>
      {evidence !== undefined ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium text-ink">Evidence</h4>
          <CompetencyEvidenceList competencyName={competency.name} evidence={evidence} dropped={dropped} onToggleDrop={onToggleDrop} />
        </div>
      ) : null}
      {children}
    </section>
  );
}
