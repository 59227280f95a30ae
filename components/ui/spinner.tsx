import { cn } from "@/lib/utils";

export type SpinnerProps = {
  className?: string;
  /** Announced to screen readers; omit when the surrounding element already says what is loading. */
  label?: string;
};

/** An inline spinning ring sized to the current font (1em). */
export function Spinner({ className, label }: SpinnerProps) {
  return (
    <span role={label ? "status" : undefined} className={cn("inline-flex items-center", className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className="size-[1em] animate-spin motion-reduce:animate-[spin_1.5s_linear_infinite]">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="4" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
