import { DataTable, DataTableSkeleton, type DataTableColumn } from "@/components/ui/data-table";
import type { InterviewerLoad, LoadReport } from "@/lib/load/queries";
import { cn } from "@/lib/utils";

export type LoadTableProps = {
  id: string;
  report: Pick<LoadReport, "weeks" | "interviewers">;
};

// The interviewer's name stays in view while the weeks scroll sideways.
const STICKY = "sticky left-0";

function columns(weeks: LoadReport["weeks"]): DataTableColumn<InterviewerLoad>[] {
  return [
    {
      id: "interviewer",
      header: "Interviewer",
      isRowHeader: true,
      className: cn(STICKY, "bg-white font-medium whitespace-nowrap text-ink"),
      headerClassName: cn(STICKY, "bg-slate-50"),
      cell: (interviewer) => interviewer.name,
    },
    ...weeks.map((week, index): DataTableColumn<InterviewerLoad> => ({
      id: week.key,
      header: (
        <>
          <time dateTime={week.key}>{week.label}</time>
          {week.isCurrent ? <span className="block normal-case tracking-normal">This week</span> : null}
        </>
      ),
      align: "end",
      headerClassName: cn("whitespace-nowrap", week.isCurrent && "bg-brand-50 text-brand-700"),
      className: (interviewer) => cn("tabular-nums", week.isCurrent && "bg-brand-50", (interviewer.counts[index] ?? 0) === 0 && "text-muted"),
      cell: (interviewer) => interviewer.counts[index] ?? 0,
    })),
  ];
}

/** The chart's numbers as a table: one row per interviewer, one column per week (the current one marked). */
export function LoadTable({ id, report }: LoadTableProps) {
  return (
    <DataTable
      id={id}
      rows={report.interviewers}
      columns={columns(report.weeks)}
      getRowKey={(interviewer) => interviewer.id}
      density="compact"
      isCaptionVisible
      caption={
        <>
          Interviews per week
          <span className="block font-normal text-muted">Weeks start on Monday, in each interviewer&apos;s time zone; cancelled interviews are not counted.</span>
        </>
      }
    />
  );
}

export function LoadTableSkeleton() {
  return <DataTableSkeleton rows={4} cells={["w-32", "w-10", "w-10", "w-10", "w-10", "w-10", "w-10"]} />;
}
