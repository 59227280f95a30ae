import { Alert } from "@/components/ui/alert";

export type SaveOutcomeProps = {
  isPending: boolean;
  /** The last save's error message (shown as "Not saved: …"), or null. */
  error: string | null;
  /** Id for the error, for a control's aria-describedby. */
  errorId?: string;
  /** The form differs from what is saved: `dirtyNote` shows. */
  isDirty: boolean;
  dirtyNote?: string;
  /** The last save's success message, or null. */
  success: string | null;
};

/**
 * A small form's outcome beside its Save button, in a live region that is always in the DOM (so
 * it is announced): "Saving…", then the error, an unsaved change, or the success message.
 */
export function SaveOutcome({ isPending, error, errorId, isDirty, dirtyNote = "Unsaved change.", success }: SaveOutcomeProps) {
  return (
    <div aria-live="polite" className="min-w-0 flex-1 text-sm">
      {isPending ? (
        <p className="text-muted">Saving…</p>
      ) : error ? (
        <Alert variant="error" role="none" id={errorId}>
          Not saved: {error}
        </Alert>
      ) : isDirty ? (
        <p className="text-muted">{dirtyNote}</p>
      ) : success ? (
        <Alert variant="success" role="none">
          {success}
        </Alert>
      ) : null}
    </div>
  );
}
