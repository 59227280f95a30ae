"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/form-controls";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { RECORDING_POLICY_DESCRIPTIONS, RECORDING_POLICY_OPTIONS, type RecordingPolicy } from "@/lib/privacy/policy";
import type { TRecordingPolicyState } from "@/lib/validations/privacy";

export type RecordingPolicyFormProps = {
  /** The default as saved. */
  recordingPolicy: RecordingPolicy;
  /** saveRecordingPolicyAction, passed down by the page. */
  action: (previous: TRecordingPolicyState, formData: FormData) => Promise<TRecordingPolicyState>;
};

const FORM_ID = "recording-policy";
const INITIAL_STATE: TRecordingPolicyState = { status: "idle" };

/**
 * The radio group "Default recording policy": the three policies, each with what it means for the
 * candidate, saved with "Save". The choice stays as picked whatever the outcome, which appears
 * beside the button (announced); a refused save's message also describes the group.
 */
export function RecordingPolicyForm({ recordingPolicy, action }: RecordingPolicyFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, INITIAL_STATE);
  const [selected, setSelected] = useState<RecordingPolicy>(recordingPolicy);
  const saved = state.status === "success" ? state.recordingPolicy : recordingPolicy;
  const isDirty = selected !== saved;
  const groupError = state.status === "error" ? (state.fieldErrors.recordingPolicy ?? state.message) : undefined;
  const legendId = `${FORM_ID}-legend`;
  const errorId = `${FORM_ID}-error`;

  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit}>
      <fieldset role="radiogroup" aria-labelledby={legendId} aria-describedby={groupError ? errorId : undefined} aria-invalid={groupError ? true : undefined} className="space-y-3">
        <legend id={legendId} className="text-sm font-semibold text-ink">
          Default recording policy
        </legend>
        {RECORDING_POLICY_OPTIONS.map((option) => (
          <Choice
            key={option.value}
            type="radio"
            id={`${FORM_ID}-${option.value}`}
            name="recordingPolicy"
            value={option.value}
            checked={selected === option.value}
            onChange={() => setSelected(option.value)}
            label={option.label}
            hint={RECORDING_POLICY_DESCRIPTIONS[option.value]}
            hintId={`${FORM_ID}-${option.value}-hint`}
            aria-describedby={`${FORM_ID}-${option.value}-hint`}
          />
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isPending}>
          Save
        </Button>
        <SaveOutcome
          isPending={isPending}
          error={groupError ?? null}
          errorId={errorId}
          isDirty={isDirty}
          dirtyNote="Unsaved change: roles that use the default change when you save."
          success={state.status === "success" ? state.message : null}
        />
      </div>
    </form>
  );
}
