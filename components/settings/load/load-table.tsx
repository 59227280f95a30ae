import { Skeleton } from "@/components/ui/skeleton";
import type { LoadReport } from "@/lib/load/queries";
import { cn } from "@/lib/utils";

export type LoadTableProps = {
  id: string;
  report: Pick<LoadReport, "weeks" | "interviewers">;
};

/** The chart's numbers as a table: one row per interviewer, one column per week (the current one marked). */
export function LoadTable({ id, report }: LoadTableProps) {
  return (
    // Scrolls sideways on narrow screens; focusable so keyboard users can scroll it too.
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
      <table id={id} className="min-w-full text-sm">
        <caption id={`${id}-caption`} className="px-4 pt-3 text-left text-sm font-semibold text-ink">
          Interviews per week
          <span className="block font-normal text-muted">Weeks start on Monday, in each interviewer&apos;s time zone; cancelled interviews are not counted.</span>
        </caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-medium uppercase tracking-wide text-muted">
            <th scope="col" className="sticky left-0 bg-white px-4 py-2">
              Interviewer
            </th>
            {report.weeks.map((week) => (
              <th key={week.key} scope="col" className={cn("px-3 py-2 text-right whitespace-nowrap", week.isCurrent && "bg-brand-50 text-brand-700")}>
                <time dateTime={week.key}>{week.label}</time>
                {week.isCurrent ? <span className="block normal-case tracking-normal">This week</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {report.interviewers.map((interviewer) => (
            <tr key={interviewer.id}>
              <th scope="row" className="sticky left-0 bg-white px-4 py-2 text-left font-medium whitespace-nowrap text-ink">
                {interviewer.name}
              </th>
              {interviewer.counts.map((count, index) => (
                <td key={report.weeks[index]!.key} className={cn("px-3 py-2 text-right tabular-nums", report.weeks[index]!.isCurrent && "bg-brand-50", count === 0 && "text-muted")}>
                  {count}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LoadTableSkeleton() {
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <Skeleton className="h-5 w-48" />
      {Array.from({ length: 4 }, (_, index) => (
        <Skeleton key={index} className="h-6 w-full" />
      ))}
    </div>
  );
}
