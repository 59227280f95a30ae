"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export type NavLinkProps = { href: string; children: React.ReactNode };

/** A top-nav link; marked aria-current="page" on its own section. */
export function NavLink({ href, children }: NavLinkProps) {
  const pathname = usePathname();
  const isActive = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isActive ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-2 text-sm font-medium transition-colors",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        isActive ? "bg-brand-50 text-brand-700" : "text-muted hover:bg-slate-100 hover:text-ink",
      )}
    >
      {children}
    </Link>
  );
}
