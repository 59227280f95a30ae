import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { buildInterviewsHref, type TInterviewFilters } from "@/lib/validations/interviews";

export type InterviewPaginationProps = {
  /** The filters to keep in the Previous / Next links. */
  filters: TInterviewFilters;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
};

/** "Page 2 of 5" with Previous / Next links that keep the filters; an unavailable direction is plain text, not a dead link. */
export function InterviewPagination({ filters, page, pageCount, pageSize, total, shown }: InterviewPaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const enabled = buttonClasses({ variant: "secondary", size: "sm" });
  const disabled = cn(enabled, "pointer-events-none opacity-50 shadow-none");
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
      <p>
        Page <span className="font-medium text-ink tabular-nums">{page}</span> of{" "}
        <span className="font-medium text-ink tabular-nums">{pageCount}</span>
        <span className="tabular-nums">
          {" "}
          · {first}–{last} of {total} {total === 1 ? "interview" : "interviews"}
        </span>
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={buildInterviewsHref({ ...filters, page: page - 1 })} rel="prev" className={enabled}>
              Previous
            </Link>
          ) : (
            <span aria-disabled="true" className={disabled}>
              Previous
            </span>
          )}
          {page < pageCount ? (
            <Link href={buildInterviewsHref({ ...filters, page: page + 1 })} rel="next" className={enabled}>
              Next
            </Link>
          ) : (
            <span aria-disabled="true" className={disabled}>
              Next
            </span>
          )}
        </div>
      ) : null}
    </nav>
  );
}
