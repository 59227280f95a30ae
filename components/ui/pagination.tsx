import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export type PaginationProps = {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
  /** What is being counted: [singular, plural], e.g. ["interview", "interviews"]. */
  noun: readonly [string, string];
  /** Links for the neighbouring pages (keeping the list's filters). */
  hrefForPage: (page: number) => string;
  /** The navigation landmark's name: give each one its own when a page has two lists (default "Pagination"). */
  label?: string;
};

/**
 * "Page 2 of 5 · 21–40 of 93 interviews" with Previous / Next links; an unavailable direction is
 * plain text, not a dead link.
 */
export function Pagination({ page, pageCount, pageSize, total, shown, noun, hrefForPage, label = "Pagination" }: PaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const enabled = buttonClasses({ variant: "secondary", size: "sm" });
  const disabled = cn(enabled, "pointer-events-none opacity-50 shadow-none");
  const step = (target: number, label: "Previous" | "Next", available: boolean) =>
    available ? (
      <Link href={hrefForPage(target)} rel={label === "Previous" ? "prev" : "next"} className={enabled}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true" className={disabled}>
        {label}
      </span>
    );
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
      <p>
        Page <span className="font-medium text-ink tabular-nums">{page}</span> of <span className="font-medium text-ink tabular-nums">{pageCount}</span>
        <span className="tabular-nums">
          {" "}
          · {first}–{last} of {total} {total === 1 ? noun[0] : noun[1]}
        </span>
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {step(page - 1, "Previous", page > 1)}
          {step(page + 1, "Next", page < pageCount)}
        </div>
      ) : null}
    </nav>
  );
}
