import Link from "next/link";
import { DataTable, DataTableSkeleton, type DataTableColumn } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import { formatWaitingAge } from "@/lib/jobs/format-age";
import type { JobQueueStats } from "@/lib/jobs/queries";
import { cn } from "@/lib/utils";

export type JobQueueRow = JobQueueStats & { title: string | null; schedule: string | null };

export type JobQueuesTableProps = {
  rows: JobQueueRow[];
  /** Links a kind to its failures (?kind=…). */
  hrefForKind: (kind: string) => string;
};

const num = "tabular-nums";

function columns(hrefForKind: (kind: string) => string): DataTableColumn<JobQueueRow>[] {
  return [
    {
      id: "kind",
      header: "Kind",
      isRowHeader: true,
      cell: (row) => (
        <>
          <span className="block font-mono text-xs font-medium text-ink">{row.kind}</span>
          {row.title ? <span className="block text-xs text-muted">{row.title}</span> : null}
        </>
      ),
    },
    { id: "queued", header: "Queued", align: "end", className: num, cell: (row) => row.queued },
    {
      id: "retrying",
      header: "Retrying",
      align: "end",
      className: (row) => cn(num, row.retrying > 0 && "font-medium text-amber-800"),
      cell: (row) =>
        row.retrying > 0 ? (
          <Link href={hrefForKind(row.kind)} className={textLinkClasses()}>
            {row.retrying}
            <span className="sr-only"> {row.kind} jobs waiting to retry: show them</span>
          </Link>
        ) : (
          0
        ),
    },
    {
      id: "running",
      header: "Running",
      align: "end",
      className: num,
      cell: (row) => (
        <>
          {row.running}
          {row.stalled > 0 ? <span className="block text-xs font-medium text-amber-800">{row.stalled} past its lease</span> : null}
        </>
      ),
    },
    {
      id: "dead",
      header: "Dead",
      align: "end",
      className: (row) => cn(num, row.dead > 0 && "font-semibold text-red-700"),
      cell: (row) =>
        row.dead > 0 ? (
          <Link href={hrefForKind(row.kind)} className={textLinkClasses({ tone: "danger" })}>
            {row.dead}
            <span className="sr-only"> dead {row.kind} jobs: show them</span>
          </Link>
        ) : (
          0
        ),
    },
    {
      id: "oldest",
      header: "Oldest waiting",
      className: (row) => cn("whitespace-nowrap", row.oldestWaitingSeconds !== null && row.oldestWaitingSeconds >= 60 && "font-medium text-amber-800"),
      cell: (row) => (row.oldestWaitingSeconds === null ? <span className="text-muted">Nothing due</span> : formatWaitingAge(row.oldestWaitingSeconds)),
    },
    {
      id: "schedule",
      header: "Schedule",
      className: "text-xs text-muted",
      cell: (row) =>
        row.schedule ? (
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
        ),
    },
  ];
}

/** One row per kind of background work: what waits, what runs, what failed for good. */
export function JobQueuesTable({ rows, hrefForKind }: JobQueuesTableProps) {
  return <DataTable rows={rows} columns={columns(hrefForKind)} getRowKey={(row) => row.kind} caption="Job queues, one row per kind of background work" tableClassName="min-w-[48rem]" />;
}

/** The table's loading placeholder (loading.tsx). */
export function JobQueuesTableSkeleton() {
  return <DataTableSkeleton rows={8} cells={["w-56", "w-10", "w-10", "w-10", "w-10", "w-24"]} />;
}
