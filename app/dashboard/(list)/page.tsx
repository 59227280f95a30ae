import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { AutoRefresh } from "@/components/interviews/auto-refresh";
import { InterviewFilters } from "@/components/interviews/filters";
import { InterviewTable, linkClass } from "@/components/interviews/interview-table";
import { Pagination } from "@/components/ui/pagination";
import { ViewerTimeZone } from "@/components/interviews/time-zone";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth";
import { listInterviewFilterOptions, listInterviews } from "@/lib/interviews/queries";
import { buildInterviewsHref, PATHS } from "@/lib/routes";
import { hasActiveInterviewFilters, parseInterviewFilters } from "@/lib/validations/interviews";

export const metadata: Metadata = { title: "Interviews" };

export type DashboardPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /dashboard — every interview (an interviewer: their own), upcoming first, with filters. */
export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  // Layouts are not re-rendered on client navigation, so the page checks too (cached per request).
  const user = await requireUser();
  const filters = parseInterviewFilters(await searchParams);
  const isInterviewer = user.role === "INTERVIEWER";
  const [list, options] = await Promise.all([listInterviews(user, filters), listInterviewFilterOptions()]);
  // The page actually shown (a page past the end is clamped), for links that keep the filters.
  const shownFilters = { ...filters, page: list.page };
  const isFiltered = hasActiveInterviewFilters(filters);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Interviews"
        description={
          <>
            {isInterviewer ? "The interviews you run" : "Every interview booked on the careers page"}, upcoming first. Times are
            in <ViewerTimeZone />.
          </>
        }
        actions={<AutoRefresh />}
      />

      {!list.hasAnyInterviews ? (
        <section
          aria-label="Interviews"
          className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10 text-slate-400">
            <rect x="3" y="4.5" width="18" height="16" rx="2" />
            <path d="M3 9h18M8 2.5v4M16 2.5v4" strokeLinecap="round" />
          </svg>
          <p className="mt-4 max-w-md text-sm text-muted">
            <span className="block text-base font-semibold text-ink">No interviews yet.</span> They appear here as soon as a
            candidate books on the careers page.
          </p>
          <Link href="/careers" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
            Open the careers page
          </Link>
        </section>
      ) : (
        <>
          <InterviewFilters filters={filters} options={options} showInterviewerFilter={!isInterviewer} />

          {list.total === 0 ? (
            <section
              aria-label="Interviews"
              className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-muted"
            >
              <p className="text-base font-semibold text-ink">No interviews match these filters.</p>
              <p className="mt-4">
                <Link href="/dashboard" className={linkClass}>
                  Reset filters
                </Link>
              </p>
            </section>
          ) : (
            <section aria-label="Interviews" className="space-y-4">
              <InterviewTable
                rows={list.rows}
                caption={`Interviews${isFiltered ? " matching the filters" : ""}: upcoming first (soonest first), then past (most recent first). Page ${list.page} of ${list.pageCount}.`}
              />
              <Pagination
                noun={["interview", "interviews"]}
                hrefForPage={(page) => buildInterviewsHref({ ...shownFilters, page })}
                page={list.page}
                pageCount={list.pageCount}
                pageSize={list.pageSize}
                total={list.total}
                shown={list.rows.length}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
