import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/page-header";
import { InterviewerCaps } from "@/components/settings/load/interviewer-caps";
import { LoadChart } from "@/components/settings/load/load-chart";
import { LoadTable } from "@/components/settings/load/load-table";
import { TalkTimeTable } from "@/components/settings/load/talk-time-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth";
import { LOAD_CAP_BLOCK_TITLE } from "@/lib/load/cap-rules";
import { getLoadReport } from "@/lib/load/queries";
import { listTalkTimeAverages, TALK_TIME_WINDOW_DAYS } from "@/lib/load/talk-time";
import { PATHS } from "@/lib/routes";
import { setWeeklyCapAction } from "./actions";

export const metadata: Metadata = { title: "Interview load" };

const TABLE_ID = "load-per-week";

/** /settings/load — interviews per interviewer per week across every panel, upcoming load, weekly caps, and talk time for coaching. */
export default async function LoadPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settingsLoad);
  const [report, talkTime] = await Promise.all([getLoadReport(), listTalkTimeAverages()]);
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

      <section aria-labelledby="talk-time-heading" className="space-y-4">
        <div>
          <h2 id="talk-time-heading" className="text-lg font-semibold text-ink">
            Talk time
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-muted">
            For coaching: the interviewer&apos;s share of the talking, the questions they ask, and the longest monologue in their interviews (by anyone). A good interview leaves most of the talking to
            the candidate.
          </p>
        </div>
        <TalkTimeTable rows={talkTime} days={TALK_TIME_WINDOW_DAYS} />
      </section>
    </div>
  );
}
