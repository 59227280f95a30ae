"use client";

import { useCallback, useEffect, useState, useTransition } from "react";
import type { TSaveState } from "@/lib/validations/settings";

export type SaveController = {
  state: TSaveState;
  isPending: boolean;
  /** Counts failed saves (the error summary refocuses on each). */
  failures: number;
  fieldErrors: Record<string, string>;
  setFieldErrors: (update: (errors: Record<string, string>) => Record<string, string>) => void;
  submit: () => void;
};

/**
 * A settings form's save: calls the server action with the form's current values (which stay in
 * the form whatever the outcome), keeps the answer, and its field errors until the fields change.
 * A thrown error (network down, server gone) is a failed save too, never a lost form.
 */
export function useSave(save: () => Promise<TSaveState>, onSuccess?: (state: Extract<TSaveState, { status: "success" }>) => void): SaveController {
  const [state, setState] = useState<TSaveState>({ status: "idle" });
  const [fieldErrors, setFieldErrorsState] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState(0);
  const [isPending, startTransition] = useTransition();

  const submit = useCallback(() => {
    startTransition(async () => {
      let next: TSaveState;
      try {
        next = await save();
      } catch {
        next = { status: "error", message: "Could not reach the server. Your edits are still here: try again.", fieldErrors: {} };
      }
      setState(next);
      if (next.status === "error") {
        setFieldErrorsState(next.fieldErrors);
        setFailures((n) => n + 1);
      } else if (next.status === "success") {
        setFieldErrorsState({});
        onSuccess?.(next);
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
