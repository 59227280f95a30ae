import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { Skeleton } from "@/components/ui/skeleton";
import { formatWaitingAge } from "@/lib/jobs/format-age";
import type { JobQueueStats } from "@/lib/jobs/queries";
import { cn } from "@/lib/utils";

export type JobQueueRow = JobQueueStats & { title: string | null; schedule: string | null };

export type JobQueuesTableProps = {
  rows: JobQueueRow[];
  /** Links a kind to its failures (?kind=…). */
  hrefForKind: (kind: string) => string;
};

const linkClass =
  "font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
const num = "px-4 py-3 text-right tabular-nums";

/** One row per kind of background work: what waits, what runs, what failed for good. */
export function JobQueuesTable({ rows, hrefForKind }: JobQueuesTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-sm">
        <caption className="sr-only">Job queues, one row per kind of background work</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3">Kind</th>
            <th scope="col" className="px-4 py-3 text-right">Queued</th>
            <th scope="col" className="px-4 py-3 text-right">Retrying</th>
            <th scope="col" className="px-4 py-3 text-right">Running</th>
            <th scope="col" className="px-4 py-3 text-right">Dead</th>
            <th scope="col" className="px-4 py-3">Oldest waiting</th>
            <th scope="col" className="px-4 py-3">Schedule</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => (
            <tr key={row.kind}>
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <span className="block font-mono text-xs font-medium text-ink">{row.kind}</span>
                {row.title ? <span className="block text-xs text-muted">{row.title}</span> : null}
              </th>
              <td className={num}>{row.queued}</td>
              <td className={cn(num, row.retrying > 0 && "font-medium text-amber-800")}>
                {row.retrying > 0 ? (
                  <Link href={hrefForKind(row.kind)} className={linkClass}>
                    {row.retrying}
                    <span className="sr-only"> {row.kind} jobs waiting to retry: show them</span>
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td className={num}>
                {row.running}
                {row.stalled > 0 ? <span className="block text-xs font-medium text-amber-800">{row.stalled} past its lease</span> : null}
              </td>
              <td className={cn(num, row.dead > 0 && "font-semibold text-red-700")}>
                {row.dead > 0 ? (
                  <Link href={hrefForKind(row.kind)} className={cn(linkClass, "text-red-700")}>
                    {row.dead}
                    <span className="sr-only"> dead {row.kind} jobs: show them</span>
                  </Link>
                ) : (
                  0
                )}
              </td>
              <td className={cn("whitespace-nowrap px-4 py-3", row.oldestWaitingSeconds !== null && row.oldestWaitingSeconds >= 60 && "font-medium text-amber-800")}>
                {row.oldestWaitingSeconds === null ? <span className="text-muted">Nothing due</span> : formatWaitingAge(row.oldestWaitingSeconds)}
              </td>
              <td className="px-4 py-3 text-xs text-muted">
                {row.schedule ? (
                  <>
                    <span className="block font-mono text-ink">{row.schedule}</span>
                    {row.nextRunAt ? (
                      <span className="block">
                        Next <LocalTime iso={row.nextRunAt.toISOString()} display="time" />
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span>On demand</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table's loading placeholder (loading.tsx). */
export function JobQueuesTableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="h-10 border-b border-slate-200 bg-slate-50" />
      <ul className="divide-y divide-slate-200">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index} className="flex items-center gap-6 px-4 py-4">
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-4 w-10" />
            <Skeleton className="h-4 w-10" />
            <Skeleton className="h-4 w-10" />
            <Skeleton className="h-4 w-10" />
            <Skeleton className="h-4 w-24" />
          </li>
        ))}
      </ul>
    </div>
  );
}
