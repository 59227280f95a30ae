"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type RowButtonProps = {
  id: string;
  /** The accessible name: the visible words plus whose row it is ("Move up: Lena Fischer"). */
  label: string;
  isDisabled?: boolean;
  onClick: () => void;
  className?: string;
  children: React.ReactNode;
};

/**
 * An action on one row of an editable list (move up, move down, remove). Unavailable moves are
 * aria-disabled rather than disabled, so a button that just moved its row to the top keeps focus
 * instead of dropping it to the page.
 */
export function RowButton({ id, label, isDisabled = false, onClick, className, children }: RowButtonProps) {
  return (
    <Button
      id={id}
      aria-label={label}
      size="sm"
      variant="ghost"
      aria-disabled={isDisabled || undefined}
      onClick={() => {
        if (!isDisabled) onClick();
      }}
      className={cn("border border-slate-200 bg-white", isDisabled && "cursor-not-allowed opacity-50", className)}
    >
      {children}
    </Button>
  );
}

export type RowHeaderProps = {
  /** 0-based position of the row, and how many rows there are. */
  index: number;
  count: number;
  /** The row's name, in its buttons' accessible names ("Move up: Lena Fischer"). */
  name: string;
  /** After the name, e.g. "New". */
  tag?: React.ReactNode;
  buttonId: (part: "up" | "down" | "remove") => string;
  onMove: (to: number, button: "up" | "down") => void;
  onRemove: () => void;
};

/** The top line of an ordered, editable row: its number, its name, and Move up / Move down / Remove. */
export function RowHeader({ index, count, name, tag, buttonId, onMove, onRemove }: RowHeaderProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <span aria-hidden="true" className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-50 text-sm font-semibold tabular-nums text-brand-700">
        {index + 1}
      </span>
      <p aria-hidden="true" className="min-w-0 truncate text-sm font-semibold text-ink">
        {name}
        {tag ? <span className="ml-2 font-normal text-muted">{tag}</span> : null}
      </p>
      <div className="ml-auto flex shrink-0 gap-1.5">
        <RowButton id={buttonId("up")} label={`Move up: ${name}`} isDisabled={index === 0} onClick={() => onMove(index - 1, "up")}>
          Move up
        </RowButton>
        <RowButton id={buttonId("down")} label={`Move down: ${name}`} isDisabled={index === count - 1} onClick={() => onMove(index + 1, "down")}>
          Move down
        </RowButton>
        <RowButton id={buttonId("remove")} label={`Remove: ${name}`} onClick={onRemove} className="text-red-700 hover:bg-red-50">
          Remove
        </RowButton>
      </div>
    </div>
  );
}
