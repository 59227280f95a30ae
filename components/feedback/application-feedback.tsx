import { StageBadge } from "@/components/feedback/badges";
import { DecisionForm, type DecisionFormProps } from "@/components/feedback/decision-form";
import { FeedbackGrid } from "@/components/feedback/feedback-grid";
import { FeedbackList } from "@/components/feedback/feedback-list";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalTime } from "@/components/ui/local-time";
import type { Decision } from "@/lib/feedback/decide";
import { STAGE_LABELS } from "@/lib/feedback/decision";
import { FEEDBACK_FORM_ANCHOR } from "@/lib/feedback/emails";
import type { CandidateApplicationFeedback } from "@/lib/feedback/queries";
import { RATING_LABELS } from "@/lib/feedback/ratings";
import { interviewPath } from "@/lib/routes";

export type ApplicationFeedbackProps = {
  view: CandidateApplicationFeedback;
  /** Recruiters and admins: the decisions so far and the action that decides. Interviewers: null (no control). */
  decision: { history: Decision[]; decide: DecisionFormProps["decide"] } | null;
  /** The candidate has more than one application: controls say which role they are for. */
  hasSeveralApplications: boolean;
  /** Recruiters and admins open every debrief; an interviewer only those of interviews they ran. */
  isStaff: boolean;
};

/** What an interviewer sees instead of colleagues' feedback until they have given theirs. */
function BlindState({ view }: { view: CandidateApplicationFeedback }) {
  const [first, ...rest] = view.ownPending;
  if (!first) {
    return (
      <EmptyState title="Colleagues' feedback is hidden">
        You see your colleagues&apos; feedback on this application once you have run one of its interviews and submitted your own feedback on it.
      </EmptyState>
    );
  }
  return (
    <EmptyState title="Submit your feedback to see your colleagues'" action={{ href: `${interviewPath(first.interviewId)}#${FEEDBACK_FORM_ANCHOR}`, label: "Give your feedback" }}>
      {rest.length === 0
        ? "Your feedback on your interview is still due. Colleagues' feedback on this application shows here once yours is in, so that it does not colour your view."
        : `Your feedback on ${view.ownPending.length} of your interviews is still due. Colleagues' feedback on this application shows here once all of yours is in, so that it does not colour your view.`}
    </EmptyState>
  );
}

function DecisionSection({
  view,
  decision,
  hasSeveralApplications,
}: {
  view: CandidateApplicationFeedback;
  decision: NonNullable<ApplicationFeedbackProps["decision"]>;
  hasSeveralApplications: boolean;
}) {
  const { application } = view;
  const [last] = decision.history;
  const headingId = `decision-heading-${application.id}`;
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <h4 id={headingId} className="font-semibold text-ink">
        Decision
      </h4>
      <div className="space-y-1 text-sm">
        <p className="flex flex-wrap items-center gap-2 text-muted">
          Current stage: <StageBadge stage={application.stage} />
        </p>
        <p className="text-muted">
          {last ? (
            <>
              Last decision: <span className="text-ink">{last.stage ? STAGE_LABELS[last.stage] : "Stage changed"}</span> by <span className="text-ink">{last.decidedBy}</span>,{" "}
              <LocalTime iso={last.decidedAt.toISOString()} />.
            </>
          ) : (
            "No decision yet."
          )}
        </p>
        {application.stage === "REJECTED" && application.rejectionReason ? (
          <p className="text-muted">
            Rejection reason: <span className="whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">{application.rejectionReason}</span>
          </p>
        ) : null}
      </div>
      <DecisionForm
        applicationId={application.id}
        stage={application.stage}
        rejectionReason={application.rejectionReason}
        updatedAt={application.updatedAt.toISOString()}
        roleTitle={hasSeveralApplications ? application.role.title : undefined}
        decide={decision.decide}
      />
      {decision.history.length > 0 ? (
        <div>
          <h5 className="text-xs font-semibold tracking-wide text-muted uppercase">Decision history</h5>
          <ol className="mt-2 space-y-1.5 text-sm" aria-label={`Decisions on the ${application.role.title} application, newest first`}>
            {decision.history.map((entry) => (
              <li key={entry.id} className="text-muted">
                <span className="text-ink">
                  {entry.previousStage && entry.stage && entry.previousStage !== entry.stage
                    ? `${STAGE_LABELS[entry.previousStage]} → ${STAGE_LABELS[entry.stage]}`
                    : entry.stage
                      ? STAGE_LABELS[entry.stage]
                      : "Stage changed"}
                </span>{" "}
                by {entry.decidedBy}, <LocalTime iso={entry.decidedAt.toISOString()} />
                {entry.rejectionReason ? <span className="block whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">Reason: {entry.rejectionReason}</span> : null}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

/**
 * One application's feedback on the candidate page: everyone's submitted feedback (what the
 * viewer may see), who recommended what, the competencies × interviewers grid, what no interview
 * covered, and — for recruiters and admins — the decision.
 */
export function ApplicationFeedback({ view, decision, hasSeveralApplications, isStaff }: ApplicationFeedbackProps) {
  const { application, grid } = view;
  const headingId = `feedback-application-${application.id}`;
  const ownInterviews = new Set(view.feedback.filter((f) => f.isOwn).map((f) => f.interviewId));

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h3 id={headingId} className="text-base font-semibold text-ink">
        {application.role.title}
      </h3>

      {!view.canSeeOthers ? (
        <>
          {view.feedback.length > 0 ? (
            <div className="space-y-3">
              <h4 className="font-semibold text-ink">Your feedback</h4>
              <FeedbackList feedback={view.feedback} competencies={[]} canOpenDebrief={(id) => ownInterviews.has(id)} />
            </div>
          ) : null}
          <BlindState view={view} />
        </>
      ) : view.feedback.length === 0 ? (
        <EmptyState title="No feedback submitted yet">Interviewers submit their feedback from the debrief of each interview they ran; it shows here side by side.</EmptyState>
      ) : (
        <>
          <div className="space-y-3">
            <h4 className="font-semibold text-ink">Who said what</h4>
            {grid && grid.tally.length > 0 ? (
              <ul aria-label="Overall recommendations" className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
                {grid.tally.map((entry) => (
                  <li key={entry.recommendation}>
                    <span className="font-medium text-ink">{RATING_LABELS[entry.recommendation]}:</span> <span className="text-muted">{entry.labels.join(", ")}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <FeedbackList feedback={view.feedback} competencies={grid?.rows ?? []} canOpenDebrief={(id) => isStaff || ownInterviews.has(id)} />
          </div>
          {grid ? (
            <div className="space-y-3">
              <h4 className="font-semibold text-ink">Ratings by competency</h4>
              {grid.rows.length === 0 ? (
                <p className="text-sm text-muted">These interviews had no scorecard, so there is nothing to compare by competency.</p>
              ) : (
                <FeedbackGrid grid={grid} roleTitle={application.role.title} />
              )}
            </div>
          ) : null}
        </>
      )}

      {grid && grid.rows.length > 0 ? (
        <div>
          <h4 className="font-semibold text-ink">Not covered by any interview</h4>
          {grid.notCovered.length === 0 ? (
            <p className="mt-1 text-sm text-muted">Every competency on the scorecard has evidence or a rating from at least one interview.</p>
          ) : (
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
              {grid.notCovered.map((competency) => (
                <li key={competency.key}>{competency.name}</li>
              ))}
            </ul>
          )}
        </div>
      ) : null}

      {decision ? <DecisionSection view={view} decision={decision} hasSeveralApplications={hasSeveralApplications} /> : null}
    </section>
  );
}
