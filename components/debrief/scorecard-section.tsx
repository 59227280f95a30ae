import { CompetencyCard } from "@/components/debrief/competency-card";
import { FeedbackForm, type FeedbackFormProps } from "@/components/debrief/feedback-form";
import { SubmittedFeedbackList } from "@/components/debrief/submitted-feedback";
import { Spinner } from "@/components/ui/spinner";
import type { DebriefScorecard } from "@/lib/feedback/debrief";
import { FEEDBACK_FORM_ANCHOR } from "@/lib/feedback/emails";
import type { DebriefSegment } from "@/lib/interviews/debrief";

export type ScorecardSectionProps = {
  interviewId: string;
  data: DebriefScorecard;
  segments: DebriefSegment[];
  roleTitle: string | null;
  saveDraftAction: FeedbackFormProps["saveDraftAction"];
  submitAction: FeedbackFormProps["submitAction"];
};

/** Where the evidence stands, when it is not on the page yet. */
function EvidenceStatus({ evidence }: { evidence: DebriefScorecard["evidence"] }) {
  if (evidence.status === "mapping") {
    return (
      <p role="status" className="flex items-center gap-2 rounded-xl border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-700">
        <Spinner />
        Mapping to the scorecard… The evidence appears here in a moment.
      </p>
    );
  }
  if (evidence.status === "waiting") return <p className="text-sm text-muted">Evidence from the interview appears here once its transcript is stored.</p>;
  if (evidence.status === "unreadable") return <p className="text-sm text-muted">The evidence for this interview could not be read. It is mapped again when the transcript changes.</p>;
  return null;
}

/**
 * The debrief's "Scorecard" section (DESIGN "Feedback UI contract"): the interview's scorecard
 * version with each competency's evidence; for the interviewer who ran it, their feedback form
 * around it (id "feedback", which emails link to); for recruiters and admins, the submitted
 * feedback, read-only. A role without a scorecard says so, and the interviewer can still give an
 * overall recommendation.
 */
export function ScorecardSection({ interviewId, data, segments, roleTitle, saveDraftAction, submitAction }: ScorecardSectionProps) {
  const { scorecard, evidence, own, submitted } = data;
  const competencies = scorecard?.competencies ?? [];
  const mapped = evidence.status === "ready" ? evidence.competencies : null;
  const byKey = new Map((mapped ?? []).map((e) => [e.key, e]));
  const names = new Map(competencies.map((c) => [c.key, c.name]));
  const isForm = own !== null && own.closedMessage === null;

  const cards = competencies.map((competency) => (
    <CompetencyCard key={competency.key} competency={competency} headingId={`scorecard-${competency.key}`} evidence={mapped ? (byKey.get(competency.key) ?? null) : undefined} />
  ));

  return (
    <section aria-labelledby="scorecard-heading" className="space-y-3">
      <div>
        <h2 id="scorecard-heading" className="text-lg font-semibold text-ink">
          Scorecard
        </h2>
        {scorecard ? (
          <p className="mt-0.5 text-sm text-muted">
            Version {scorecard.version} of the {roleTitle ? <span className="[overflow-wrap:anywhere]">{roleTitle}</span> : "role's"} scorecard: each competency with what the interview said about it,
            and the cue that matched.
          </p>
        ) : null}
      </div>

      {scorecard ? (
        <EvidenceStatus evidence={evidence} />
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-4 text-sm text-muted">
          <span className="font-semibold text-ink">This role has no scorecard.</span> An admin can add competencies on the role&apos;s settings; interviews booked after that are mapped to them.
        </p>
      )}

      {isForm ? (
        <FeedbackForm interviewId={interviewId} competencies={competencies} evidence={mapped} segments={segments} own={own} saveDraftAction={saveDraftAction} submitAction={submitAction} />
      ) : (
        <>
          {own?.closedMessage ? <p className="rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm text-ink">{own.closedMessage}</p> : null}
          {cards}
          {own ? (
            own.submitted ? (
              <div id={FEEDBACK_FORM_ANCHOR} className="scroll-mt-24 space-y-3">
                <h3 className="text-base font-semibold text-ink">Your feedback</h3>
                <SubmittedFeedbackList feedback={[own.submitted]} competencyNames={names} segments={segments} />
              </div>
            ) : null
          ) : (
            <div id={FEEDBACK_FORM_ANCHOR} className="scroll-mt-24 space-y-3">
              <h3 className="text-base font-semibold text-ink">Interviewer feedback</h3>
              {submitted.length ? (
                <SubmittedFeedbackList feedback={submitted} competencyNames={names} segments={segments} />
              ) : (
                <p className="text-sm text-muted">No feedback submitted yet. The interviewer&apos;s ratings and recommendation appear here once they submit them.</p>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
