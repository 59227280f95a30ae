"use client";

import { useCallback, useEffect, useState, useTransition } from "react";

/**
 * What a form's save answers, as the kit reads it. A server action's own state type (with more
 * on success, such as the new record's id) fits it; on error, `fieldErrors` is keyed by dotted
 * path ("members.2.email").
 */
export type FormSaveState = { status: "idle" } | { status: "error"; message: string; fieldErrors: Record<string, string> } | { status: "success"; message: string };

type FormSaveFailure = Extract<FormSaveState, { status: "error" }>;

export type SaveController<S extends FormSaveState> = {
  state: S | FormSaveState;
  isPending: boolean;
  /** Counts failed saves (the error summary refocuses on each). */
  failures: number;
  fieldErrors: Record<string, string>;
  setFieldErrors: (update: (errors: Record<string, string>) => Record<string, string>) => void;
  submit: () => void;
};

const UNREACHABLE: FormSaveFailure = { status: "error", message: "Could not reach the server. Your edits are still here: try again.", fieldErrors: {} };

/**
 * A form's save: calls the server action with the form's current values (which stay in the form
 * whatever the outcome), keeps the answer, and its field errors until the fields change. A thrown
 * error (network down, server gone) is a failed save too, never a lost form.
 */
export function useSave<S extends FormSaveState>(save: () => Promise<S>, onSuccess?: (state: Extract<S, { status: "success" }>) => void): SaveController<S> {
  const [state, setState] = useState<S | FormSaveState>({ status: "idle" });
  const [fieldErrors, setFieldErrorsState] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [isPending, startTransition] = useTransition();

  const submit = useCallback(() => {
    startTransition(async () => {
      let next: S | FormSaveFailure;
      try {
        next = await save();
      } catch {
        next = UNREACHABLE;
      }
      setState(next);
      if (next.status === "error") {
        setFieldErrorsState(next.fieldErrors);
        setFailures((n) => n + 1);
      } else if (next.status === "success") {
        setFieldErrorsState({});
        // TypeScript does not narrow a type parameter by its tag; the check above did.
        onSuccess?.(next as Extract<S, { status: "success" }>);
      }
    });
  }, [save, onSuccess]);

  const setFieldErrors = useCallback((update: (errors: Record<string, string>) => Record<string, string>) => setFieldErrorsState(update), []);

  return { state, isPending, failures, fieldErrors, setFieldErrors, submit };
}

/** Asks before leaving the page (reload, close, typed URL) while the form has unsaved edits. */
export function useUnsavedChangesWarning(isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);
}
