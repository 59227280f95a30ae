import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

export type AlertVariant = "info" | "success" | "warning" | "error";

export type AlertProps = {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Errors are announced at once (role="alert"); other variants politely (role="status"). */
  role?: "alert" | "status" | "none";
  id?: string;
};

const VARIANTS: Record<AlertVariant, string> = {
  info: "border-brand-100 bg-brand-50 text-brand-700",
  success: "border-green-200 bg-green-50 text-green-800",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-800",
};

/** A bordered message box for page- or form-level feedback. */
export function Alert({ variant = "info", title, children, className, role, id }: AlertProps) {
  const resolvedRole = role ?? (variant === "error" ? "alert" : "status");
  return (
    <div id={id} role={resolvedRole === "none" ? undefined : resolvedRole} className={cn("rounded-md border px-4 py-3 text-sm", VARIANTS[variant], className)}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={cn(title ? "mt-1" : undefined)}>{children}</div> : null}
    </div>
  );
}
