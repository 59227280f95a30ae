import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/page-header";
import { InterviewerCaps } from "@/components/settings/load/interviewer-caps";
import { LoadChart } from "@/components/settings/load/load-chart";
import { LoadTable } from "@/components/settings/load/load-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth";
import { LOAD_CAP_BLOCK_TITLE } from "@/lib/load/cap-rules";
import { getLoadReport } from "@/lib/load/queries";
import { PATHS } from "@/lib/routes";
import { setWeeklyCapAction } from "./actions";

export const metadata: Metadata = { title: "Interview load" };

const TABLE_ID = "load-per-week";

/** /settings/load — interviews per interviewer per week across every panel, upcoming load, and weekly caps. */
export default async function LoadPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settingsLoad);
  const report = await getLoadReport();
  const series = report.interviewers.map((i) => ({ id: i.id, name: i.name, counts: i.counts }));

  return (
    <div className="space-y-8">
      <PageHeader
        title="Interview load"
        description={
          <span className="block max-w-3xl">
            Nylas balances each role&apos;s scheduling on its own, but interviewers sit on several panels. This page counts their interviews across every panel. When an interviewer reaches their
            weekly cap, a busy &ldquo;{LOAD_CAP_BLOCK_TITLE}
            &rdquo; event goes on their calendar for the rest of that week, so no role offers them; a cancellation that brings them under the cap removes it.
          </span>
        }
      />

      <section aria-labelledby="load-chart-heading" className="space-y-4">
        <h2 id="load-chart-heading" className="text-lg font-semibold text-ink">
          Interviews per week
        </h2>
        {report.interviewers.length === 0 ? (
          <EmptyState title="No interviewers yet.">Add interviewers to a panel; their load appears here.</EmptyState>
        ) : report.totalInWeeks === 0 && report.totalUpcoming === 0 ? (
          <EmptyState title="No interviews yet.">Interviews appear here once candidates book them from the careers pages.</EmptyState>
        ) : (
          <>
            <LoadChart weeks={report.weeks} series={series} tableId={TABLE_ID} />
            <LoadTable id={TABLE_ID} report={report} />
          </>
        )}
      </section>

      {report.interviewers.length > 0 ? (
        <section aria-labelledby="load-caps-heading" className="space-y-4">
          <div>
            <h2 id="load-caps-heading" className="text-lg font-semibold text-ink">
              Upcoming load and weekly caps
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-muted">A cap counts booked interviews (not cancelled ones) per week, Monday to Sunday in the interviewer&apos;s time zone.</p>
          </div>
          <InterviewerCaps report={report} action={setWeeklyCapAction} />
        </section>
      ) : null}
    </div>
  );
}
