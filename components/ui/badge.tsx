import type { ComponentPropsWithoutRef } from "react";
import { cn } from "@/lib/utils";

export type BadgeVariant = "neutral" | "success" | "warning" | "danger" | "info";

const variants: Record<BadgeVariant, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-500/20",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-600/25",
  warning: "bg-amber-50 text-amber-800 ring-amber-600/25",
  danger: "bg-red-50 text-red-800 ring-red-600/25",
  info: "bg-brand-50 text-brand-700 ring-brand-600/25",
};

export type BadgeProps = ComponentPropsWithoutRef<"span"> & { variant?: BadgeVariant };

/**
 * A short text label, e.g. an interview status ("Scheduled", "Cancelled"). The text carries the
 * meaning; colour only reinforces it.
 */
export function Badge({ variant = "neutral", className, ...props }: BadgeProps) {
  return <span className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ring-inset", variants[variant], className)} {...props} />;
}
