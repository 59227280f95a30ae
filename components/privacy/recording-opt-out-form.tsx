"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/form-controls";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TRecordingOptOutState } from "@/lib/validations/privacy";

export type RecordingOptOutFormProps = {
  /** The opt-out as saved. */
  recordingOptOut: boolean;
  /** The checkbox's label ("Do not record interviews I run", or naming the interviewer). */
  label: string;
  hint?: string;
  /** Whose opt-out an admin sets (sent as `interviewerId`); left out on /account, where it is the signed-in user's. */
  interviewerId?: string;
  /** Spoken after "Save" so each row's button is told apart ("Save" + " for Sarah Kim"). */
  saveLabelSuffix?: string;
  /** setInterviewerRecordingOptOutAction or saveOwnRecordingPreferenceAction. */
  action: (previous: TRecordingOptOutState, formData: FormData) => Promise<TRecordingOptOutState>;
};

const INITIAL_STATE: TRecordingOptOutState = { status: "idle" };

/**
 * A recording opt-out: a checkbox and "Save". The form sends "true" or "false" explicitly (a
 * hidden input mirrors the checkbox), never an absent field, so no post opts anyone back in by
 * leaving it out. The outcome appears under the button, announced.
 */
export function RecordingOptOutForm({ recordingOptOut, label, hint, interviewerId, saveLabelSuffix, action }: RecordingOptOutFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, INITIAL_STATE);
  const [checked, setChecked] = useState(recordingOptOut);
  const id = useId();
  const saved = state.status === "success" ? state.recordingOptOut : recordingOptOut;

  return (
    <form noValidate className="space-y-2" onSubmit={onSubmit}>
      {interviewerId ? <input type="hidden" name="interviewerId" value={interviewerId} /> : null}
      <input type="hidden" name="recordingOptOut" value={checked ? "true" : "false"} />
      <Choice
        type="checkbox"
        id={`${id}-opt-out`}
        checked={checked}
        onChange={(e) => setChecked(e.target.checked)}
        label={label}
        hint={hint}
        hintId={hint ? `${id}-hint` : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" size="sm" pending={isPending}>
          Save{saveLabelSuffix ? <span className="sr-only"> {saveLabelSuffix}</span> : null}
        </Button>
        <SaveOutcome isPending={isPending} error={state.status === "error" ? state.message : null} isDirty={checked !== saved} success={state.status === "success" ? state.message : null} />
      </div>
    </form>
  );
}
