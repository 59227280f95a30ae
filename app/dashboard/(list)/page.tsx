import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/page-header";
import { DueFeedback } from "@/components/feedback/due-feedback";
import { AutoRefresh } from "@/components/interviews/auto-refresh";
import { InterviewFilters } from "@/components/interviews/filters";
import { InterviewTable } from "@/components/interviews/interview-table";
import { Pagination } from "@/components/ui/pagination";
import { ViewerTimeZone } from "@/components/interviews/time-zone";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { listOwnDueFeedback } from "@/lib/feedback/queries";
import { viewerScope } from "@/lib/interviews/filters-sql";
import { listInterviewFilterOptions, listInterviews } from "@/lib/interviews/queries";
import { buildInterviewsHref, PATHS } from "@/lib/routes";
import { getLinkedInterviewer } from "@/lib/privacy/recording-settings";
import { hasActiveInterviewFilters, parseInterviewFilters } from "@/lib/validations/interviews";

export const metadata: Metadata = { title: "Interviews" };

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10">
      <rect x="3" y="4.5" width="18" height="16" rx="2" />
      <path d="M3 9h18M8 2.5v4M16 2.5v4" strokeLinecap="round" />
    </svg>
  );
}

export type DashboardPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * /dashboard — every interview (an interviewer: their own), upcoming first, with filters; an
 * interviewer's starts with their own feedback due. Searching transcripts (`q`) lists the matches
 * most relevant first, each with where its transcript says the words.
 */
export default async function DashboardPage({ searchParams }: DashboardPageProps) {
  // Layouts are not re-rendered on client navigation, so the page checks too (cached per request).
  const user = await requireUser();
  const params = await searchParams;
  const filters = parseInterviewFilters(params);
  const isErasedNotice = params.notice === "candidate-erased";
  const isInterviewer = user.role === "INTERVIEWER";
  const feedbackDueHours = getEnv().FEEDBACK_DUE_HOURS;
  // An interviewer is resolved to their panel member once, for both their list and their feedback
  // due, from the app shell's lookup of the same person (cached per request).
  const resolving = isInterviewer ? getLinkedInterviewer(user.email).then((member) => viewerScope(user, member)) : Promise.resolve(null);
  const [list, options, due] = await Promise.all([
    resolving.then((scope) => listInterviews(user, filters, { scope })),
    listInterviewFilterOptions(),
    resolving.then((scope) => (scope ? listOwnDueFeedback(user, { scope }) : null)),
  ]);
  // The page actually shown (a page past the end is clamped), for links that keep the filters.
  const shownFilters = { ...filters, page: list.page };
  const isFiltered = hasActiveInterviewFilters(filters);
  const order = list.search
    ? `most relevant first${list.search.isCapped ? ` among the ${list.search.rankedCount.toLocaleString("en-US")} most recent matches, then the older ones, most recent first` : ""}`
    : "upcoming first (soonest first), then past (most recent first)";

  return (
    <div className="space-y-6">
      <PageHeader
        title="Interviews"
        description={
          <>
            {isInterviewer ? "The interviews you run" : "Every interview booked on the careers page"}, {list.search ? "the transcript search's most relevant first" : "upcoming first"}. Times are in{" "}
            <ViewerTimeZone />.
          </>
        }
        actions={<AutoRefresh />}
      />

      {isErasedNotice ? (
        <Alert variant="success" title="Candidate deleted.">
          Their rows are gone; their files, Nylas&apos;s copies and upcoming bookings are being removed in the background (see Jobs in Settings).
        </Alert>
      ) : null}

      {due ? <DueFeedback rows={due.rows} total={due.total} feedbackDueHours={feedbackDueHours} /> : null}

      {!list.hasAnyInterviews ? (
        <EmptyState label="Interviews" title="No interviews yet." icon={<CalendarIcon />} action={{ href: PATHS.careers, label: "Open the careers page", variant: "secondary" }}>
          They appear here as soon as a candidate books on the careers page.
        </EmptyState>
      ) : (
        <>
          <InterviewFilters filters={filters} options={options} showInterviewerFilter={!isInterviewer} feedbackDueHours={feedbackDueHours} />

          {list.total === 0 ? (
            <EmptyState label="Interviews" title="No interviews match these filters." action={{ href: PATHS.dashboard, label: "Reset filters", variant: "link" }} />
          ) : (
            <section aria-label="Interviews" className="space-y-4">
              {list.search?.isCapped ? (
                <p className="text-sm text-muted">
                  Ranked by relevance among the {list.search.rankedCount.toLocaleString("en-US")} most recent of {list.total.toLocaleString("en-US")} matches; add words to narrow the search.
                </p>
              ) : null}
              <InterviewTable rows={list.rows} caption={`Interviews${isFiltered ? " matching the filters" : ""}: ${order}. Page ${list.page} of ${list.pageCount}.`} />
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
