import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * Form controls beside Input and Label: select, textarea, checkbox and radio with the same focus,
 * invalid and disabled looks, plus a field's hint line and a character count.
 */

const FIELD =
  "block w-full rounded-md border border-slate-300 bg-white text-sm text-ink shadow-sm " +
  "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:opacity-70";

export type SelectProps = Omit<ComponentPropsWithRef<"select">, "size"> & {
  /** "sm" matches a small button beside it (a filter bar). */
  size?: "sm" | "md";
};

export function Select({ className, size = "md", ...props }: SelectProps) {
  return <select className={cn(FIELD, size === "sm" ? "h-8" : "h-10", "px-2", className)} {...props} />;
}

export type TextareaProps = ComponentPropsWithRef<"textarea">;

export function Textarea({ className, ...props }: TextareaProps) {
  return <textarea className={cn(FIELD, "min-h-24 px-3 py-2 leading-relaxed", className)} {...props} />;
}

const TICK =
  "mt-0.5 size-4 shrink-0 border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed aria-invalid:outline-2 aria-invalid:outline-red-700";

export type ChoiceProps = Omit<ComponentPropsWithRef<"input">, "type"> & {
  type: "checkbox" | "radio";
  label: ReactNode;
  /** A line under the label (its id goes in aria-describedby). */
  hint?: ReactNode;
  hintId?: string;
};

/** A checkbox or radio with its label beside it and an optional hint below the label. */
export function Choice({ type, label, hint, hintId, id, className, disabled, ...props }: ChoiceProps) {
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <input id={id} type={type} disabled={disabled} className={cn(TICK, type === "checkbox" ? "rounded" : "rounded-full")} {...props} />
      <div className="min-w-0">
        <label htmlFor={id} className={cn("block text-sm font-medium text-ink", disabled ? "cursor-not-allowed opacity-70" : "cursor-pointer")}>
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="mt-0.5 text-sm text-muted">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export type HintProps = { id: string; children: ReactNode; className?: string };

/** A field's hint line, below its label or control. */
export function Hint({ id, children, className }: HintProps) {
  return (
    <p id={id} className={cn("mt-1.5 text-sm text-muted", className)}>
      {children}
    </p>
  );
}

export type CharacterCountProps = { id: string; length: number; max: number };

/** "120 / 1,500 characters", red past the limit. Read with the field (aria-describedby), not live. */
export function CharacterCount({ id, length, max }: CharacterCountProps) {
  const isOver = length > max;
  return (
    <p id={id} className={cn("mt-1 text-right text-xs tabular-nums", isOver ? "font-medium text-red-700" : "text-muted")}>
      {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")} characters
      {isOver ? ` (${(length - max).toLocaleString("en-US")} too many)` : ""}
    </p>
  );
}

export type FileInputProps = Omit<ComponentPropsWithRef<"input">, "type">;

/** A file picker with the kit's button look on its "Choose file" part. */
export function FileInput({ className, ...props }: FileInputProps) {
  return (
    <input
      type="file"
      className={cn(
        "block w-full text-sm text-ink file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 aria-invalid:text-red-700",
        "disabled:cursor-not-allowed disabled:opacity-70",
        className,
      )}
      {...props}
    />
  );
}
