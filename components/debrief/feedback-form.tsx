"use client";

import { useCallback, useId, useMemo, useRef, useState } from "react";
import { CitedMoments } from "@/components/debrief/cite-moment";
import { CompetencyCard } from "@/components/debrief/competency-card";
import { RatingGroup } from "@/components/debrief/rating-group";
import { FeedbackHistory, SubmittedLine } from "@/components/debrief/submitted-feedback";
import { Button } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { errorDomId, fieldDomId } from "@/components/ui/field-errors";
import { CharacterCount, Textarea } from "@/components/ui/form-controls";
import { LocalTime } from "@/components/ui/local-time";
import { useAutosave } from "@/components/ui/use-autosave";
import { useSave } from "@/components/ui/use-save";
import type { OwnFeedback } from "@/lib/feedback/debrief";
import { FEEDBACK_FORM_ANCHOR } from "@/lib/feedback/emails";
import { answerOf, toDraft, toFormState, toggleItem, updateAnswer, type CompetencyAnswer, type FeedbackFormState } from "@/lib/feedback/form";
import { MAX_NOTES_CHARS, MAX_TAKEAWAYS_CHARS } from "@/lib/feedback/ratings";
import type { DebriefSegment } from "@/lib/interviews/debrief";
import type { CompetencyEvidence } from "@/lib/scorecards/evidence";
import type { TCompetency } from "@/lib/scorecards/scorecard";
import { cn } from "@/lib/utils";
import type { TFeedbackDraftState, TFeedbackSubmitState } from "@/lib/validations/debrief-feedback";

export type FeedbackFormProps = {
  interviewId: string;
  /** The interview's scorecard version; empty for a role without a scorecard. */
  competencies: readonly TCompetency[];
  /** The evidence job's result; null while it has not run (the section says why). */
  evidence: readonly CompetencyEvidence[] | null;
  segments: readonly DebriefSegment[];
  own: OwnFeedback;
  saveDraftAction: (interviewId: string, draft: unknown, basedOnRevision: number) => Promise<TFeedbackDraftState>;
  submitAction: (interviewId: string, submission: unknown, expectedRevision: number) => Promise<TFeedbackSubmitState>;
};

const FORM_ID = FEEDBACK_FORM_ANCHOR;

/**
 * The interviewer's feedback on the debrief (DESIGN "Feedback UI contract"), inside the "Scorecard"
 * section: per competency its evidence (each suggestion can be dropped), cited transcript moments,
 * a rating ("Strong no" … "Strong yes", the group named after the competency) and notes; then
 * "Overall recommendation", "Key take-aways" and "Submit feedback". Kept as a draft as you type
 * (saved 0.8 s after the last change, "Draft saved"); a submission can be edited and submitted
 * again, and the page then shows "Edited" with the history. Nothing typed is lost on an error.
 */
export function FeedbackForm({ interviewId, competencies, evidence, segments, own, saveDraftAction, submitAction }: FeedbackFormProps) {
  const keys = useMemo(() => competencies.map((c) => c.key), [competencies]);
  const [form, setForm] = useState<FeedbackFormState>(() => toFormState(own.draft ?? own.submitted, keys));
  const fingerprint = useCallback((state: FeedbackFormState) => JSON.stringify(toDraft(state, keys)), [keys]);
  const revision = useRef(own.revision);
  const [submittedFingerprint, setSubmittedFingerprint] = useState(() => (own.submitted ? fingerprint(toFormState(own.submitted, keys)) : null));
  const [lastSubmit, setLastSubmit] = useState<{ submittedAt: Date; editedAt: Date | null } | null>(null);
  const sent = useRef(form);
  const uid = useId();
  const evidenceByKey = useMemo(() => new Map((evidence ?? []).map((e) => [e.key, e])), [evidence]);

  const autosave = useAutosave(form, { fingerprint, save: (state) => saveDraftAction(interviewId, toDraft(state, keys), revision.current) });
  const submission = useSave(
    () => {
      sent.current = form;
      return submitAction(interviewId, toDraft(form, keys), revision.current);
    },
    (state) => {
      revision.current = state.revision;
      setLastSubmit({ submittedAt: new Date(state.submittedAt), editedAt: state.editedAt ? new Date(state.editedAt) : null });
      setSubmittedFingerprint(fingerprint(sent.current));
      autosave.markSaved(sent.current);
    },
  );

  const { fieldErrors, setFieldErrors } = submission;
  const change = (path: string, next: (state: FeedbackFormState) => FeedbackFormState) => {
    setForm(next);
    if (Object.keys(fieldErrors).some((p) => p === path || p.startsWith(`${path}.`))) {
      setFieldErrors((errors) => Object.fromEntries(Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`))));
    }
  };
  const answer = (key: string, path: string, update: (answer: CompetencyAnswer) => CompetencyAnswer) => change(`competencies.${key}.${path}`, (state) => updateAnswer(state, key, update));

  const submitted = lastSubmit ?? (own.submitted ? { submittedAt: own.submitted.submittedAt, editedAt: own.submitted.editedAt } : null);
  const hasUnsubmittedEdits = submitted !== null && fingerprint(form) !== submittedFingerprint;
  const names = useMemo(() => new Map(competencies.map((c) => [c.key, c.name])), [competencies]);
  const byPosition = useMemo(() => new Map(segments.map((s) => [s.position, s])), [segments]);
  const errorOrder = [...keys.flatMap((key) => ["droppedSuggestions", "citedMoments", "rating", "notes"].map((p) => `competencies.${key}.${p}`)), "overallRecommendation", "keyTakeaways"];
  const describePath = (path: string) => {
    const [head, key] = path.split(".");
    return head === "competencies" && key ? (names.get(key) ?? null) : path === "overallRecommendation" ? "Overall recommendation" : path === "keyTakeaways" ? "Key take-aways" : null;
  };
  const draftLoadedAt = own.draft && own.draftSavedAt && !lastSubmit ? own.draftSavedAt : null;

  return (
    <form
      id={FORM_ID}
      noValidate
      aria-label="Your feedback"
      onSubmit={(event) => {
        event.preventDefault();
        submission.submit();
      }}
      className="scroll-mt-24 space-y-4"
    >
      <div className={cn("space-y-2 rounded-xl border px-4 py-3 text-sm", submitted ? "border-emerald-200 bg-emerald-50" : "border-slate-200 bg-white")}>
        <p role="status" className={cn("font-semibold", submitted ? "text-emerald-900" : "text-ink")}>
          {submitted ? "Feedback submitted" : "Not submitted yet"}
        </p>
        {submitted ? (
          <>
            <SubmittedLine submittedAt={submitted.submittedAt} editedAt={submitted.editedAt} />
            {hasUnsubmittedEdits ? <p className="text-ink">Your edits since are kept as a draft that only you see: submit again to share them.</p> : null}
            {own.submitted ? <FeedbackHistory history={own.submitted.history} names={names} segments={byPosition} /> : null}
          </>
        ) : (
          <p className="text-muted">
            Rate each competency and give an overall recommendation, then submit. Your draft is saved as you type and only you see it; recruiters see your feedback once you submit it.
          </p>
        )}
      </div>

      {submission.state.status === "error" ? (
        <ErrorSummary formId={FORM_ID} message={submission.state.message} fieldErrors={fieldErrors} order={errorOrder} describePath={describePath} attempt={submission.failures} />
      ) : null}

      {competencies.map((competency) => {
        const key = competency.key;
        const current = answerOf(form, key);
        const headingId = `${uid}-${key}`;
        const path = (p: string) => `competencies.${key}.${p}`;
        const ratingError = fieldErrors[path("rating")];
        const droppedError = fieldErrors[path("droppedSuggestions")];
        return (
          <CompetencyCard
            key={key}
            competency={competency}
            headingId={headingId}
            evidence={evidence ? (evidenceByKey.get(key) ?? null) : undefined}
            dropped={new Set(current.droppedSuggestions)}
            onToggleDrop={(id) => answer(key, "droppedSuggestions", (a) => ({ ...a, droppedSuggestions: toggleItem(a.droppedSuggestions, id) }))}
          >
            {droppedError ? <p className="text-sm text-red-700">{droppedError}</p> : null}
            <CitedMoments
              id={fieldDomId(FORM_ID, path("citedMoments"))}
              competencyName={competency.name}
              segments={segments}
              cited={current.citedMoments}
              error={fieldErrors[path("citedMoments")]}
              onChange={(cited) => answer(key, "citedMoments", (a) => ({ ...a, citedMoments: cited }))}
            />
            <div className="space-y-1.5">
              <p className="text-sm font-medium text-ink" aria-hidden="true">
                Your rating
              </p>
              <RatingGroup
                id={fieldDomId(FORM_ID, path("rating"))}
                name={`rating-${key}`}
                labelledBy={headingId}
                value={current.rating}
                onChange={(rating) => answer(key, "rating", (a) => ({ ...a, rating }))}
                describedBy={ratingError ? errorDomId(FORM_ID, path("rating")) : undefined}
                isInvalid={Boolean(ratingError)}
              />
              {ratingError ? (
                <p id={errorDomId(FORM_ID, path("rating"))} className="text-sm text-red-700">
                  {ratingError}
                </p>
              ) : null}
            </div>
            <Field
              formId={FORM_ID}
              path={path("notes")}
              label={
                <>
                  Notes<span className="sr-only"> on {competency.name}</span>
                </>
              }
              error={fieldErrors[path("notes")]}
              describedByIds={[`${fieldDomId(FORM_ID, path("notes"))}-count`]}
              after={<CharacterCount id={`${fieldDomId(FORM_ID, path("notes"))}-count`} length={current.notes.length} max={MAX_NOTES_CHARS} />}
            >
              {(control) => <Textarea {...control} rows={3} value={current.notes} onChange={(event) => answer(key, "notes", (a) => ({ ...a, notes: event.target.value }))} />}
            </Field>
          </CompetencyCard>
        );
      })}

      <section aria-labelledby={`${uid}-overall`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h3 id={`${uid}-overall`} className="text-base font-semibold text-ink">
          Overall recommendation
        </h3>
        <RatingGroup
          id={fieldDomId(FORM_ID, "overallRecommendation")}
          name="overall-recommendation"
          labelledBy={`${uid}-overall`}
          value={form.overallRecommendation}
          onChange={(rating) => change("overallRecommendation", (state) => ({ ...state, overallRecommendation: rating }))}
          describedBy={fieldErrors.overallRecommendation ? errorDomId(FORM_ID, "overallRecommendation") : undefined}
          isInvalid={Boolean(fieldErrors.overallRecommendation)}
        />
        {fieldErrors.overallRecommendation ? (
          <p id={errorDomId(FORM_ID, "overallRecommendation")} className="text-sm text-red-700">
            {fieldErrors.overallRecommendation}
          </p>
        ) : null}
        <Field
          formId={FORM_ID}
          path="keyTakeaways"
          label="Key take-aways"
          error={fieldErrors.keyTakeaways}
          describedByIds={[`${fieldDomId(FORM_ID, "keyTakeaways")}-count`]}
          after={<CharacterCount id={`${fieldDomId(FORM_ID, "keyTakeaways")}-count`} length={form.keyTakeaways.length} max={MAX_TAKEAWAYS_CHARS} />}
        >
          {(control) => <Textarea {...control} rows={4} value={form.keyTakeaways} onChange={(event) => change("keyTakeaways", (state) => ({ ...state, keyTakeaways: event.target.value }))} />}
        </Field>
      </section>

      <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
        <Button type="submit" pending={submission.isPending}>
          Submit feedback
        </Button>
        <p aria-live="polite" className={cn("min-w-0 flex-1 text-sm", autosave.status === "error" ? "text-red-700" : "text-muted")}>
          {submission.isPending ? (
            "Submitting…"
          ) : autosave.status === "saving" ? (
            "Saving draft…"
          ) : autosave.status === "pending" ? (
            "Unsaved changes"
          ) : autosave.status === "saved" ? (
            "Draft saved"
          ) : autosave.status === "error" ? (
            `Draft not saved: ${autosave.error}`
          ) : draftLoadedAt ? (
            <>
              Draft saved <LocalTime iso={draftLoadedAt.toISOString()} />
            </>
          ) : null}
        </p>
        {autosave.status === "error" ? (
          <Button variant="secondary" size="sm" onClick={autosave.flush}>
            Save draft again
          </Button>
        ) : null}
      </div>
    </form>
  );
}
