"use client";

import { useOptimistic, useState, useTransition } from "react";
import type { DebriefActionItem } from "@/lib/interviews/debrief";
import { cn } from "@/lib/utils";
import type { TActionState } from "@/lib/actions/state";

export type ActionItemsProps = {
  items: DebriefActionItem[];
  /** setActionItemDoneAction, passed down by the page. */
  action: (input: { id: string; done: boolean }) => Promise<TActionState>;
};

/** The interview's follow-ups as checkboxes; a check is saved at once (and undone if the save fails). */
export function ActionItems({ items, action }: ActionItemsProps) {
  const [optimistic, setOptimistic] = useOptimistic(items, (current, change: { id: string; done: boolean }) =>
    current.map((item) => (item.id === change.id ? { ...item, isDone: change.done } : item)),
  );
  const [, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const toggle = (id: string, done: boolean) => {
    setError(null);
    startTransition(async () => {
      setOptimistic({ id, done });
      const result = await action({ id, done });
      if (result.status === "error") setError(result.message);
    });
  };

  const remaining = optimistic.filter((item) => !item.isDone).length;
  return (
    <div className="space-y-2">
      <p className="text-sm text-muted" aria-live="polite">
        {remaining === 0 ? "All done." : `${remaining} of ${optimistic.length} open`}
      </p>
      <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm">
        {optimistic.map((item) => (
          <li key={item.id}>
            <label className="flex cursor-pointer items-start gap-3 px-4 py-3 hover:bg-slate-50">
              <input
                type="checkbox"
                checked={item.isDone}
                onChange={(event) => toggle(item.id, event.target.checked)}
                className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              />
              <span className={cn("text-sm text-ink [overflow-wrap:anywhere]", item.isDone && "text-muted line-through decoration-slate-400")}>
                {item.text}
                {item.isDone && item.doneBy ? <span className="ml-2 text-xs text-muted no-underline">(done by {item.doneBy})</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="text-sm text-red-700" role="alert">
        {error}
      </p>
    </div>
  );
}
