import Link from "next/link";
import type { ReactNode } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import type { FormSaveState } from "@/components/ui/use-save";

export type SaveBarProps = {
  state: FormSaveState;
  isPending: boolean;
  isDirty: boolean;
  /** The way back without saving, e.g. { href: "/settings", label: "Back to settings" }. */
  cancel: { href: string; label: string };
  /** Shown beside the button while there is nothing else to say. */
  note?: ReactNode;
};

/**
 * The bottom of a long form: "Save" (a submit button, so Enter in a field saves too), a way back,
 * and the outcome in a live region. Sticks to the bottom of the window.
 */
export function SaveBar({ state, isPending, isDirty, cancel, note }: SaveBarProps) {
  const outcome = isPending
    ? "Saving…"
    : state.status === "error"
      ? `Not saved: ${Object.keys(state.fieldErrors).length > 0 ? "fix the fields marked above, then save again." : state.message}`
      : isDirty
        ? "Unsaved changes."
        : state.status === "success"
          ? state.message
          : null;
  return (
    <div className="sticky bottom-0 z-10 -mx-4 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border sm:shadow-sm">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isPending}>
          Save
        </Button>
        <Link href={cancel.href} className={buttonClasses({ variant: "ghost" })}>
          {cancel.label}
        </Link>
        <p
          aria-live="polite"
          className={cn(
            "min-w-0 flex-1 text-sm",
            // The standing note is a nicety; on a phone the bar keeps to the button and the outcome.
            outcome === null && "max-sm:hidden",
            !isPending && state.status === "error" ? "text-red-700" : !isPending && !isDirty && state.status === "success" ? "text-emerald-800" : "text-muted",
          )}
        >
          {outcome ?? note}
        </p>
      </div>
    </div>
  );
}
