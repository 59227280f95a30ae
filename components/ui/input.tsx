import type { ComponentPropsWithRef } from "react";
import { cn } from "@/lib/utils";

export type InputProps = ComponentPropsWithRef<"input">;

/** A text-like input. Pair it with <Label htmlFor> and, for errors, aria-invalid + aria-describedby → <FieldError id>. */
export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      type={type}
      className={cn(
        "block h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-ink shadow-sm",
        "placeholder:text-slate-500",
        "focus-visible:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600",
        "aria-invalid:border-red-700 aria-invalid:focus-visible:outline-red-700",
        "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:opacity-70",
        className,
      )}
      {...props}
    />
  );
}
