"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TActionState } from "@/lib/actions/state";
import { ERASURE_CONFIRM_LABEL, isErasureConfirmed } from "@/lib/privacy/erasure-confirmation";

export type CandidatePrivacyProps = {
  candidateId: string;
  email: string;
  /** candidateExportPath(id), from the page. */
  exportHref: string;
  /** eraseCandidateAction, passed down by the page. */
  erase: (previous: TActionState, formData: FormData) => Promise<TActionState>;
};

const INITIAL_STATE: TActionState = { status: "idle" };

/**
 * An admin's answers to a candidate's request: "Download data" (a ZIP of everything held) and
 * "Delete candidate", which opens a confirmation in place: the candidate's email typed into
 * "Type the candidate's email to confirm" enables "Delete permanently" (the server checks again).
 */
export function CandidatePrivacy({ candidateId, email, exportHref, erase }: CandidatePrivacyProps) {
  const [state, formAction, isPending] = useActionState(erase, INITIAL_STATE);
  const [isConfirming, setIsConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const fieldError = state.status === "error" ? state.fieldErrors.confirmEmail : undefined;
  const isConfirmed = isErasureConfirmed(email, typed);

  useEffect(() => {
    if (isConfirming) inputRef.current?.focus();
  }, [isConfirming]);

  const close = () => {
    setIsConfirming(false);
    setTyped("");
    deleteButtonRef.current?.focus();
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-3">
        <a href={exportHref} download className={buttonClasses({ variant: "secondary" })}>
          Download data
        </a>
        <Button ref={deleteButtonRef} variant="danger" aria-expanded={isConfirming} aria-controls={panelId} onClick={() => (isConfirming ? close() : setIsConfirming(true))}>
          Delete candidate
        </Button>
      </div>
      <p className="text-sm text-muted">The download is a ZIP: a JSON file of everything held about this person, and their recordings and transcripts.</p>
      {isConfirming ? (
        <form id={panelId} action={formAction} noValidate className="space-y-3 rounded-xl border border-red-200 bg-red-50/50 p-4" onKeyDown={(event) => event.key === "Escape" && close()}>
          <p className="text-sm text-ink">
            This deletes the candidate, their applications, interviews, feedback, recordings and transcripts, cancels their upcoming interviews and asks Nylas to delete its copies. It cannot be
            undone.
          </p>
          <input type="hidden" name="candidateId" value={candidateId} />
          <Field formId={`erase-${candidateId}`} path="confirmEmail" label={ERASURE_CONFIRM_LABEL} error={fieldError} isErrorAnnounced>
            {(control) => (
              <Input
                {...control}
                ref={inputRef}
                name="confirmEmail"
                type="email"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                className="max-w-md"
              />
            )}
          </Field>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" variant="danger" disabled={!isConfirmed} pending={isPending}>
              Delete permanently
            </Button>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
          </div>
          <div aria-live="polite">
            {state.status === "error" && !fieldError ? (
              <Alert variant="error" role="none">
                {state.message}
              </Alert>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}
