"use client";

import { MomentTime } from "@/components/debrief/moment-time";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import type { FeedbackSubmission, SubmittedFeedback } from "@/lib/feedback/debrief";
import { RATING_LABELS } from "@/lib/feedback/ratings";
import type { TFeedbackContent } from "@/lib/feedback/stored";
import type { DebriefSegment } from "@/lib/interviews/debrief";
import { QUOTE_MAX_CHARS } from "@/lib/scorecards/evidence";
import { truncate } from "@/lib/utils";

export type CompetencyNames = ReadonlyMap<string, string>;

/** "Submitted …", and "Edited …" once it was submitted again. */
export function SubmittedLine({ submittedAt, editedAt }: { submittedAt: Date; editedAt: Date | null }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-muted">
      <span>
        Submitted <LocalTime iso={submittedAt.toISOString()} />
      </span>
      {editedAt ? (
        <>
          <Badge variant="info">Edited</Badge>
          <span>
            last on <LocalTime iso={editedAt.toISOString()} />
          </span>
        </>
      ) : null}
    </p>
  );
}

/** One submission's content: the overall recommendation, each competency's rating, notes and cited moments, the take-aways. */
function FeedbackContent({ content, names, segments }: { content: TFeedbackContent; names: CompetencyNames; segments: ReadonlyMap<number, DebriefSegment> }) {
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5">
        <dt className="text-muted">Overall recommendation</dt>
        <dd className="font-semibold text-ink">{content.overallRecommendation ? RATING_LABELS[content.overallRecommendation] : "—"}</dd>
        {content.competencies.map((competency) => (
          <div key={competency.key} className="contents">
            <dt className="text-muted [overflow-wrap:anywhere]">{names.get(competency.key) ?? competency.key}</dt>
            <dd className="min-w-0 space-y-1">
              <span className="font-medium text-ink">{competency.rating ? RATING_LABELS[competency.rating] : "Not rated"}</span>
              {competency.notes ? <p className="whitespace-pre-line text-ink [overflow-wrap:anywhere]">{competency.notes}</p> : null}
              {competency.citedMoments.length ? (
                <ul className="space-y-1" aria-label={`Moments cited for ${names.get(competency.key) ?? competency.key}`}>
                  {competency.citedMoments.map((position) => {
                    const segment = segments.get(position);
                    return (
                      <li key={position} className="flex flex-wrap items-baseline gap-2">
                        <MomentTime startMs={segment?.startMs ?? null} />
                        <span className="text-muted [overflow-wrap:anywhere]">
                          {segment ? `${segment.speaker ?? "Unknown speaker"}: ${truncate(segment.text, QUOTE_MAX_CHARS)}` : "A line no longer in the transcript"}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <p className="font-medium text-ink">Key take-aways</p>
        <p className="mt-0.5 whitespace-pre-line text-ink [overflow-wrap:anywhere]">{content.keyTakeaways || <span className="text-muted">None given.</span>}</p>
      </div>
    </div>
  );
}

/** Every submission of a feedback, newest first, behind a disclosure. Shown once there is more than one. */
export function FeedbackHistory({ history, names, segments }: { history: readonly FeedbackSubmission[]; names: CompetencyNames; segments: ReadonlyMap<number, DebriefSegment> }) {
  if (history.length < 2) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-3 py-2">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">History ({history.length} submissions)</summary>
      <ol className="mt-3 space-y-4" reversed>
        {[...history].reverse().map((submission) => (
          <li key={submission.number} className="space-y-2 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted">
              Submission {submission.number} · <LocalTime iso={submission.submittedAt.toISOString()} />
            </p>
            <FeedbackContent content={submission} names={names} segments={segments} />
          </li>
        ))}
      </ol>
    </details>
  );
}

export type SubmittedFeedbackListProps = {
  feedback: readonly SubmittedFeedback[];
  competencyNames: CompetencyNames;
  segments: readonly DebriefSegment[];
};

/** Submitted feedback, read-only (recruiters and admins on the debrief): who, when, what, and its history. */
export function SubmittedFeedbackList({ feedback, competencyNames, segments }: SubmittedFeedbackListProps) {
  const byPosition = new Map(segments.map((s) => [s.position, s]));
  return (
    <div className="space-y-4">
      {feedback.map((item) => (
        <article key={item.id} aria-labelledby={`feedback-by-${item.id}`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <div>
            <h3 id={`feedback-by-${item.id}`} className="text-base font-semibold text-ink [overflow-wrap:anywhere]">
              Feedback from {item.author.name}
            </h3>
            <SubmittedLine submittedAt={item.submittedAt} editedAt={item.editedAt} />
          </div>
          <FeedbackContent content={item} names={competencyNames} segments={byPosition} />
          <FeedbackHistory history={item.history} names={competencyNames} segments={byPosition} />
        </article>
      ))}
    </div>
  );
}
