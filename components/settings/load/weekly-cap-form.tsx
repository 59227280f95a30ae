"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { WEEKLY_CAP_MAX, WEEKLY_CAP_MIN } from "@/lib/load/cap-rules";
import type { TWeeklyCapState } from "@/lib/validations/load";

export type WeeklyCapFormProps = {
  interviewerId: string;
  name: string;
  weeklyCap: number | null;
  /** setWeeklyCapAction, passed down by the page. */
  action: (previous: TWeeklyCapState, formData: FormData) => Promise<TWeeklyCapState>;
};

const INITIAL_STATE: TWeeklyCapState = { status: "idle" };

/**
 * One interviewer's weekly cap: a number, or empty for no cap. Saved with "Save" (or Enter); the
 * outcome appears under the field (announced), with the field's error tied to it.
 */
export function WeeklyCapForm({ interviewerId, name, weeklyCap, action }: WeeklyCapFormProps) {
  const [state, formAction, isPending] = useActionState(action, INITIAL_STATE);
  const fieldError = state.status === "error" ? state.fieldErrors.weeklyCap : undefined;
  // React resets the form after each submission: show the saved cap, or what was typed next to its error.
  const defaultValue = state.status === "error" && state.submittedCap !== undefined ? state.submittedCap : (weeklyCap ?? "");

  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="interviewerId" value={interviewerId} />
      <Field
        formId={`weekly-cap-${interviewerId}`}
        path="weeklyCap"
        label={
          <>
            Weekly cap<span className="sr-only"> for {name}</span>
          </>
        }
        hint="Interviews per week across every panel. Empty: no cap."
        error={fieldError}
        isErrorAnnounced
      >
        {(control) => (
          <div className="flex items-start gap-2">
            <div className="w-28 shrink-0">
              <Input
                {...control}
                key={`${weeklyCap ?? ""}|${state.status === "error" ? state.submittedCap : ""}`}
                name="weeklyCap"
                type="number"
                inputMode="numeric"
                min={WEEKLY_CAP_MIN}
                max={WEEKLY_CAP_MAX}
                step={1}
                placeholder="No cap"
                defaultValue={defaultValue}
              />
            </div>
            <Button type="submit" variant="secondary" pending={isPending}>
              Save<span className="sr-only"> weekly cap for {name}</span>
            </Button>
          </div>
        )}
      </Field>
      {/* Always in the DOM, so screen readers announce the outcome when it appears. */}
      <div aria-live="polite" className="space-y-2">
        {state.status === "success" ? (
          <Alert variant="success" role="none">
            {state.message}
          </Alert>
        ) : null}
        {state.status === "success" && state.warning ? (
          <Alert variant="warning" role="none">
            {state.warning}
          </Alert>
        ) : null}
        {state.status === "error" && !fieldError ? (
          <Alert variant="error" role="none">
            {state.message}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
