"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { TActionState } from "@/lib/actions/state";

export type RunNotetakerButtonsProps = {
  notetakerId: string;
  /** Who the notetaker records, for the buttons' accessible names. */
  subject: string;
  /** runNotetakerAction, passed down by the page. */
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
  /** Why it can no longer run (it ran, or its booking was cancelled); null while it can. */
  disabledReason: string | null;
};

/** "Run interview now" and "Fail entry" for one notetaker, with the outcome announced. */
export function RunNotetakerButtons({ notetakerId, subject, action, disabledReason }: RunNotetakerButtonsProps) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as TActionState);
  // Stays mounted once the notetaker has run, so the outcome is still announced and focus stays put.
  const isDisabled = isPending || disabledReason !== null;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={notetakerId} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="outcome" value="completed" size="sm" disabled={isDisabled} aria-describedby={`${notetakerId}-subject`}>
          Run interview now
        </Button>
        <Button type="submit" name="outcome" value="failed_entry" size="sm" variant="secondary" disabled={isDisabled} aria-describedby={`${notetakerId}-subject`}>
          Fail entry
        </Button>
      </div>
      <span id={`${notetakerId}-subject`} className="sr-only">
        {subject}
      </span>
      <p aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-800"}>
        {isPending ? "Running…" : state.status === "idle" ? null : state.message}
      </p>
      {disabledReason && state.status === "idle" ? <p className="text-xs text-muted">{disabledReason}</p> : null}
    </form>
  );
}
