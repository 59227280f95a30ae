"use client";

import { useActionState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { TTeamRowState } from "@/lib/validations/team";

export type TeamRowAction = (previous: TTeamRowState, formData: FormData) => Promise<TTeamRowState>;

export type RowActionFormProps = {
  action: TeamRowAction;
  /** Hidden fields posted with the button (the row's id, what to do). */
  fields: Record<string, string>;
  label: string;
  /** Whose row, for screen readers ("Deactivate" + " Riley Chen"). */
  target: string;
  variant?: ButtonVariant;
};

const IDLE: TTeamRowState = { status: "idle" };

/** One button on a team or invitation row, with its pending state and its outcome beneath it (announced). */
export function RowActionForm({ action, fields, label, target, variant = "secondary" }: RowActionFormProps) {
  const [state, formAction, isPending] = useActionState(action, IDLE);
  return (
    <div className="flex flex-col items-start">
      <form action={formAction}>
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Button type="submit" size="sm" variant={variant} pending={isPending}>
          {label}
          <span className="sr-only"> {target}</span>
        </Button>
      </form>
      <RowOutcome state={state} />
    </div>
  );
}

/** A row action's outcome under its button; always in the DOM, so screen readers announce it when it appears. */
export function RowOutcome({ state }: { state: TTeamRowState }) {
  return (
    <p aria-live="polite" className={cn("max-w-64 text-xs", state.status !== "idle" && "mt-1.5", state.status === "error" ? "text-red-700" : "text-emerald-800")}>
      {state.status === "idle" ? null : state.message}
    </p>
  );
}
