"use client";

import { useCallback, useEffect, useState } from "react";
import { focusField } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { CharacterCount, Select, Textarea } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { useSave } from "@/components/ui/use-save";
import { DECISION_STAGES, REJECTION_REASON_MAX, STAGE_LABELS, type TDecisionState } from "@/lib/feedback/decision";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";

export type DecisionFormProps = {
  applicationId: string;
  /** The application's stage and rejection reason as the page was rendered. */
  stage: ApplicationStage;
  rejectionReason: string | null;
  /** The application's updatedAt as the page was rendered (ISO): a decision made meanwhile is not overwritten. */
  updatedAt: string;
  /** Said to screen readers after "Stage" and "Save decision" when the candidate has several applications. */
  roleTitle?: string;
  /** decideApplicationAction, passed down by the page. */
  decide: (applicationId: string, input: unknown) => Promise<TDecisionState>;
};

/**
 * The recruiter's decision on one application: a "Stage" select and "Save decision". "Rejected"
 * asks for a "Rejection reason"; a save without one is refused with the error under the field,
 * which takes focus. Nothing typed is lost on an error; the outcome is announced.
 */
export function DecisionForm({ applicationId, stage, rejectionReason, updatedAt, roleTitle, decide }: DecisionFormProps) {
  const formId = `decision-${applicationId}`;
  const [chosen, setChosen] = useState<string>(stage);
  const [reason, setReason] = useState(rejectionReason ?? "");
  const save = useCallback(
    () => decide(applicationId, { stage: chosen, rejectionReason: chosen === "REJECTED" ? reason : "", expectedUpdatedAt: updatedAt }),
    [decide, applicationId, chosen, reason, updatedAt],
  );
  const { state, isPending, fieldErrors, setFieldErrors, submit } = useSave(save);

  // After a refused save (a new state each time), focus the first field with an error: the reason, usually.
  useEffect(() => {
    if (state.status !== "error") return;
    const first = ["stage", "rejectionReason"].find((path) => state.fieldErrors[path]);
    if (first) focusField(formId, first);
  }, [state, formId]);

  const forRole = roleTitle ? <span className="sr-only"> for {roleTitle}</span> : null;
  const stages: string[] = DECISION_STAGES.includes(stage as (typeof DECISION_STAGES)[number]) ? [...DECISION_STAGES] : [stage, ...DECISION_STAGES];
  const reasonCountId = `${formId}-reason-count`;
  const message = isPending ? "Saving…" : state.status === "idle" ? null : state.message;
  const isError = !isPending && state.status === "error";

  return (
    <form
      id={formId}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Field formId={formId} path="stage" label={<>Stage{forRole}</>} error={fieldErrors.stage} className="max-w-xs" isErrorAnnounced>
        {(control) => (
          <Select
            {...control}
            name="stage"
            value={chosen}
            onChange={(event) => {
              setChosen(event.target.value);
              setFieldErrors(({ stage: _stage, ...rest }) => rest);
            }}
          >
            {stages.map((value) => (
              <option key={value} value={value}>
                {STAGE_LABELS[value as ApplicationStage]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      {chosen === "REJECTED" ? (
        <Field
          formId={formId}
          path="rejectionReason"
          label="Rejection reason"
          hint="Required for Rejected. Kept with the decision; recruiters and admins see it."
          error={fieldErrors.rejectionReason}
          describedByIds={[reasonCountId]}
          isErrorAnnounced
          after={<CharacterCount id={reasonCountId} length={reason.length} max={REJECTION_REASON_MAX} />}
        >
          {(control) => (
            <Textarea
              {...control}
              name="rejectionReason"
              value={reason}
              rows={3}
              onChange={(event) => {
                setReason(event.target.value);
                setFieldErrors(({ rejectionReason: _reason, ...rest }) => rest);
              }}
            />
          )}
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isPending}>
          Save decision{forRole}
        </Button>
        <p aria-live="polite" className={cn("min-w-0 flex-1 text-sm", isError ? "text-red-700" : state.status === "success" && !isPending ? "text-emerald-800" : "text-muted")}>
          {message ? (isError ? `Not saved. ${message}` : message) : null}
        </p>
      </div>
    </form>
  );
}
