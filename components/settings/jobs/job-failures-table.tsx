import type { ReactNode } from "react";
import { RetryJobForm, type RetryJobFormProps } from "@/components/settings/jobs/retry-job-form";
import { Badge } from "@/components/ui/badge";
import { DataTable, type DataTableColumn } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import type { JobFailureRow } from "@/lib/jobs/queries";
import { truncate } from "@/lib/utils";

export type JobFailuresTableProps = {
  rows: JobFailureRow[];
  retryAction: RetryJobFormProps["action"];
  /** Shown instead of the table when nothing failed. */
  empty?: ReactNode;
};

/** Errors are messages, not stack traces, but a pathological one must not swamp the table. */
const MAX_ERROR_CHARS = 300;

const isDead = (row: JobFailureRow) => row.state === "DEAD";

function columns(retryAction: RetryJobFormProps["action"]): DataTableColumn<JobFailureRow>[] {
  return [
    {
      id: "job",
      header: "Job",
      isRowHeader: true,
      cell: (row) => (
        <>
          <span className="block font-mono text-xs font-medium text-ink">
            {row.kind} #{row.id}
          </span>
          <code className="mt-1 block max-w-xs text-xs text-muted [overflow-wrap:anywhere]">{row.payload}</code>
        </>
      ),
    },
    {
      id: "state",
      header: "State",
      className: "whitespace-nowrap",
      cell: (row) => (
        <>
          <Badge variant={isDead(row) ? "danger" : "warning"}>{isDead(row) ? "Dead" : "Retrying"}</Badge>
          <span className="mt-1 block text-xs text-muted">
            {isDead(row) ? "Failed " : "Next attempt "}
            <LocalTime iso={(isDead(row) ? row.failedAt : row.runAt).toISOString()} display="stacked" />
          </span>
        </>
      ),
    },
    {
      id: "attempts",
      header: "Attempts",
      align: "end",
      className: "whitespace-nowrap tabular-nums",
      cell: (row) => `${row.attempts} / ${row.maxAttempts}`,
    },
    {
      id: "error",
      header: "Last error",
      cell: (row) => (
        <span className="block max-w-md text-xs text-ink [overflow-wrap:anywhere]" title={row.lastError}>
          {truncate(row.lastError, MAX_ERROR_CHARS)}
        </span>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      cell: (row) => <RetryJobForm jobId={row.id} kind={row.kind} isDead={isDead(row)} action={retryAction} />,
    },
  ];
}

/** The latest failures, newest first: dead jobs (Retry) and jobs waiting to retry (Run now). */
export function JobFailuresTable({ rows, retryAction, empty }: JobFailuresTableProps) {
  return <DataTable rows={rows} columns={columns(retryAction)} getRowKey={(row) => row.id} caption="Failed jobs, newest first" tableClassName="min-w-[52rem]" empty={empty} />;
}
