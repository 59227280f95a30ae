"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import type { TActionState } from "@/lib/actions/state";

export type CalendarConnectionFormProps = {
  email: string;
  /** Whose calendar, for the buttons' accessible description. */
  name: string;
  /** "none" offers "Connect calendar"; "valid" "Mark invalid" and "Disconnect"; "invalid" "Connect calendar" (re-authenticate) and "Disconnect". */
  grantStatus: "valid" | "invalid" | "none";
  /** updateCalendarConnectionAction, passed down by the page. */
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
};

/** One calendar's actions in the sandbox console, with the outcome announced. */
export function CalendarConnectionForm({ email, name, grantStatus, action }: CalendarConnectionFormProps) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as TActionState);
  const nameId = useId();
  return (
    <form action={formAction} className="space-y-1 sm:text-right">
      <input type="hidden" name="email" value={email} />
      <div className="flex flex-wrap gap-2 sm:justify-end">
        {grantStatus === "valid" ? (
          <Button type="submit" name="intent" value="invalidate" size="sm" variant="secondary" disabled={isPending} aria-describedby={nameId}>
            Mark invalid
          </Button>
        ) : (
          <Button type="submit" name="intent" value="connect" size="sm" disabled={isPending} aria-describedby={nameId}>
            Connect calendar
          </Button>
        )}
        {grantStatus !== "none" ? (
          <Button type="submit" name="intent" value="disconnect" size="sm" variant="danger" disabled={isPending} aria-describedby={nameId}>
            Disconnect
          </Button>
        ) : null}
      </div>
      <span id={nameId} className="sr-only">
        {name}
      </span>
      <p aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-800"}>
        {isPending ? "Saving…" : state.status === "idle" ? null : state.message}
      </p>
    </form>
  );
}
