import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

export type EmptyStateProps = {
  title: string;
  children: ReactNode;
  action?: { href: string; label: string };
};

/** A settings list with nothing in it yet: what would be here, and how to make the first one. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-muted">
      <p>
        <span className="block text-base font-semibold text-ink">{title}</span>
        {children}
      </p>
      {action ? (
        <p className="mt-4">
          <Link href={action.href} className={buttonClasses({ size: "sm" })}>
            {action.label}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
