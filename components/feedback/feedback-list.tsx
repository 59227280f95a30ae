import { RatingBadge } from "@/components/feedback/badges";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import type { GridCompetency } from "@/lib/feedback/grid";
import type { VisibleFeedback } from "@/lib/feedback/queries";
import { RATING_LABELS } from "@/lib/feedback/ratings";
import { interviewPath } from "@/lib/routes";

export type FeedbackListProps = {
  feedback: VisibleFeedback[];
  /** Competency names by key (the grid's rows), for the per-competency notes. */
  competencies: readonly GridCompetency[];
  /** Whether the viewer may open each interview's debrief (recruiters and admins: all; an interviewer: their own). */
  canOpenDebrief: (interviewId: string) => boolean;
};

/**
 * Each submitted feedback: who wrote it, their overall recommendation, their key take-aways and,
 * folded away, their notes per competency. Everything the interviewer typed renders as text.
 */
export function FeedbackList({ feedback, competencies, canOpenDebrief }: FeedbackListProps) {
  const nameOf = new Map(competencies.map((c) => [c.key, c.name]));
  return (
    <ul className="space-y-3">
      {feedback.map((item) => {
        const headingId = `feedback-${item.id}`;
        const notes = item.competencies.filter((c) => c.notes.trim() !== "");
        return (
          <li key={item.id} aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
              <h5 id={headingId} className="font-semibold text-ink [overflow-wrap:anywhere]">
                {item.author.name}
                {item.isOwn ? <span className="font-normal text-muted"> (you)</span> : null}
              </h5>
              {item.overallRecommendation ? (
                <span className="flex items-center gap-1.5 text-sm text-muted">
                  <span className="sr-only">Overall recommendation:</span>
                  <RatingBadge rating={item.overallRecommendation} />
                </span>
              ) : null}
              {item.editedAt ? (
                <Badge variant="neutral" title={`Edited ${item.editedAt.toISOString()}`}>
                  Edited
                </Badge>
              ) : null}
              <p className="text-sm text-muted sm:ml-auto">
                Submitted <LocalTime iso={(item.editedAt ?? item.submittedAt).toISOString()} />
                {canOpenDebrief(item.interviewId) ? (
                  <>
                    {" · "}
                    <a href={interviewPath(item.interviewId)} className={textLinkClasses()}>
                      Debrief<span className="sr-only"> of the interview {item.author.name} ran</span>
                    </a>
                  </>
                ) : null}
              </p>
            </div>
            <p className="mt-3 text-xs font-semibold tracking-wide text-muted uppercase">Key take-aways</p>
            {item.keyTakeaways.trim() ? (
              <p className="mt-1 text-sm whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">{item.keyTakeaways}</p>
            ) : (
              <p className="mt-1 text-sm text-muted">None written.</p>
            )}
            {notes.length > 0 ? (
              <details className="mt-3 text-sm">
                <summary className="cursor-pointer font-medium text-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                  Notes per competency ({notes.length})
                </summary>
                <dl className="mt-2 space-y-2">
                  {notes.map((note) => (
                    <div key={note.key}>
                      <dt className="font-medium text-ink">
                        {nameOf.get(note.key) ?? note.key}
                        {note.rating ? <span className="font-normal text-muted"> · {RATING_LABELS[note.rating]}</span> : null}
                      </dt>
                      <dd className="whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">{note.notes}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
