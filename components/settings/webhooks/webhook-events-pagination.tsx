import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { buildWebhookEventsHref, type TWebhookEventFilters } from "@/lib/validations/webhooks";

export type WebhookEventsPaginationProps = {
  filters: TWebhookEventFilters;
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  /** Rows on this page. */
  shown: number;
};

/** "Showing 26–50 of 120" with Previous / Next links; an unavailable direction is plain text, not a dead link. */
export function WebhookEventsPagination({ filters, page, pageCount, pageSize, total, shown }: WebhookEventsPaginationProps) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = (page - 1) * pageSize + shown;
  const disabled = cn(buttonClasses({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50 shadow-none");
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted">
      <p>
        Showing <span className="font-medium text-ink tabular-nums">{first}–{last}</span> of{" "}
        <span className="font-medium text-ink tabular-nums">{total}</span> · page {page} of {pageCount}
      </p>
      {pageCount > 1 ? (
        <div className="flex gap-2">
          {page > 1 ? (
            <Link href={buildWebhookEventsHref({ ...filters, page: page - 1 })} rel="prev" className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Previous
            </Link>
          ) : (
            <span aria-disabled="true" className={disabled}>
              Previous
            </span>
          )}
          {page < pageCount ? (
            <Link href={buildWebhookEventsHref({ ...filters, page: page + 1 })} rel="next" className={buttonClasses({ variant: "secondary", size: "sm" })}>
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
