import type { SVGProps } from "react";
import { cn } from "@/lib/utils";

/** Northwind's mark: a compass needle pointing north-west. Same drawing as public/favicon.svg. */
export function LogoMark({ className, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cn("size-8 shrink-0", className)} {...props}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M7.5 7.5 19.2 12.8 16 16 12.8 19.2Z" fill="#fff" />
      <path d="M19.2 12.8 23.5 23.5 12.8 19.2 16 16Z" fill="#fff" fillOpacity={0.55} />
    </svg>
  );
}

export type LogoProps = { className?: string };

/** Mark + wordmark. The visible text "Northwind" is the accessible name. */
export function Logo({ className }: LogoProps) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="text-lg font-semibold tracking-tight text-ink">Northwind</span>
    </span>
  );
}
