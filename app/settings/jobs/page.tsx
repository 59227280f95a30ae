import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { JobFailuresTable } from "@/components/settings/jobs/job-failures-table";
import { JobQueuesTable } from "@/components/settings/jobs/job-queues-table";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireAdmin } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { getJobQueues, JOB_FAILURES_SHOWN, listJobFailures } from "@/lib/jobs/queries";
import { parseScheduleOverrides } from "@/lib/jobs/schedule";
import { buildJobsHref } from "@/lib/routes";
import { parseJobFilters } from "@/lib/validations/jobs";
import { listJobKinds } from "@/lib/workers";
import { retryJobAction } from "./actions";

export const metadata: Metadata = { title: "Background jobs" };

const hrefForKind = (kind?: string) => buildJobsHref({ kind, section: "failures" });

export type JobsPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /settings/jobs — operators' view of the job runner: every kind's queue, the latest failures, Retry. */
export default async function JobsPage({ searchParams }: JobsPageProps) {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin();
  const filters = parseJobFilters(await searchParams);
  const env = getEnv();
  const kinds = listJobKinds(env);
  const overrides = (() => {
    try {
      return parseScheduleOverrides(env.JOB_SCHEDULES);
    } catch {
      return new Map<string, string>();
    }
  })();
  const [queues, failures] = await Promise.all([getJobQueues(kinds.map((k) => k.name)), listJobFailures({ kind: filters.kind })]);
  const rows = queues.map((q) => {
    const kind = kinds.find((k) => k.name === q.kind);
    return { ...q, title: kind?.title ?? null, schedule: kind?.schedule ? (overrides.get(kind.name) ?? kind.schedule) : null };
  });

  return (
    <div className="space-y-8">
      <PageHeader
        title="Background jobs"
        description={
          <span className="block max-w-3xl">
            Every kind of background work runs on one job runner in PostgreSQL: workers in each app process (and in <code className="text-xs">npm run worker</code>) claim due jobs, hold them under a
            lease they renew while they run, and retry failures with backoff. A job that fails its last attempt is dead: fix the cause, then retry it here.
          </span>
        }
        actions={
          <Link href={buildJobsHref({ kind: filters.kind })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Refresh
          </Link>
        }
      />

      <section aria-labelledby="queues-heading" className="space-y-3">
        <h2 id="queues-heading" className="text-lg font-semibold text-ink">
          Queues
        </h2>
        <JobQueuesTable rows={rows} hrefForKind={hrefForKind} />
      </section>

      <section aria-labelledby="failures-heading" id="failures" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="failures-heading" className="text-lg font-semibold text-ink">
            {filters.kind ? (
              <>
                Recent failures of <span className="font-mono text-base">{filters.kind}</span>
              </>
            ) : (
              "Recent failures"
            )}
          </h2>
          {filters.kind ? (
            <Link href={hrefForKind()} className={textLinkClasses()}>
              Show every kind
            </Link>
          ) : null}
        </div>
        <JobFailuresTable
          rows={failures}
          retryAction={retryJobAction}
          empty={
            <EmptyState title={`No failed jobs${filters.kind ? " of this kind" : ""}.`}>A job that fails shows here with its last error while it waits to retry, and stays here if it dies.</EmptyState>
          }
        />
        {failures.length === JOB_FAILURES_SHOWN ? <p className="text-xs text-muted">The {JOB_FAILURES_SHOWN} most recent are shown; pick a kind above to see its own.</p> : null}
      </section>
    </div>
  );
}
