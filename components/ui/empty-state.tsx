import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { textLinkClasses } from "@/components/ui/text-link";
import { cn } from "@/lib/utils";

export type EmptyStateAction = {
  href: string;
  label: string;
  /** "primary" (the default) or "secondary" look like buttons; "link" is a text link ("Reset filters"). */
  variant?: "primary" | "secondary" | "link";
};

export type EmptyStateProps = {
  /** "No interviews yet.", "No notifications match these filters." */
  title: ReactNode;
  /** What would be here, and how it gets here. */
  children?: ReactNode;
  /** The way to the first item (or out of the filters that hide them). */
  action?: EmptyStateAction;
  /** A decorative picture above the title (aria-hidden). */
  icon?: ReactNode;
  /** Names the empty list as a region (role="region"), so it takes the place of the list it replaces. */
  label?: string;
  className?: string;
};

/** An empty list: what would be here, and how to get the first one (a dashed box). */
export function EmptyState({ title, children, action, icon, label, className }: EmptyStateProps) {
  const Wrapper = label ? "section" : "div";
  return (
    <Wrapper aria-label={label} className={cn("flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-muted", className)}>
      {icon ? (
        <span aria-hidden="true" className="mb-4 text-slate-400">
          {icon}
        </span>
      ) : null}
      <p className="max-w-md">
        <span className="block text-base font-semibold text-ink">{title}</span>
        {children}
      </p>
      {action ? (
        <p className="mt-4">
          <Link href={action.href} className={action.variant === "link" ? textLinkClasses() : buttonClasses({ variant: action.variant ?? "primary", size: "sm" })}>
            {action.label}
          </Link>
        </p>
      ) : null}
    </Wrapper>
  );
}
