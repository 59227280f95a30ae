"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { TActionState } from "@/lib/actions/state";

export type RetryDownloadButtonProps = {
  assetId: string;
  label: string;
  /** retryMediaDownloadAction, passed down by the page. */
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
};

/** "Retry" for a Notetaker file whose download failed: queued again with a fresh set of attempts. */
export function RetryDownloadButton({ assetId, label, action }: RetryDownloadButtonProps) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as TActionState);
  return (
    <form action={formAction} className="flex items-center gap-2">
      <input type="hidden" name="id" value={assetId} />
      <Button type="submit" size="sm" variant="secondary" pending={isPending}>
        Retry<span className="sr-only"> {label}</span>
      </Button>
      <span aria-live="polite" className={state.status === "error" ? "text-xs text-red-700" : "text-xs text-emerald-800"}>
        {state.status === "idle" ? null : state.message}
      </span>
    </form>
  );
}
