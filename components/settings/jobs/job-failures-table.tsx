import { RetryJobForm, type RetryJobFormProps } from "@/components/settings/jobs/retry-job-form";
import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import type { JobFailureRow } from "@/lib/jobs/queries";
import { truncate } from "@/lib/utils";

export type JobFailuresTableProps = {
  rows: JobFailureRow[];
  retryAction: RetryJobFormProps["action"];
};

/** Errors are messages, not stack traces, but a pathological one must not swamp the table. */
const MAX_ERROR_CHARS = 300;

/** The latest failures, newest first: dead jobs (Retry) and jobs waiting to retry (Run now). */
export function JobFailuresTable({ rows, retryAction }: JobFailuresTableProps) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[52rem] text-sm">
        <caption className="sr-only">Failed jobs, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3">Job</th>
            <th scope="col" className="px-4 py-3">State</th>
            <th scope="col" className="px-4 py-3 text-right">Attempts</th>
            <th scope="col" className="px-4 py-3">Last error</th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {rows.map((row) => {
            const isDead = row.state === "DEAD";
            const error = truncate(row.lastError, MAX_ERROR_CHARS);
            return (
              <tr key={row.id} className="align-top">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="block font-mono text-xs font-medium text-ink">
                    {row.kind} #{row.id}
                  </span>
                  <code className="mt-1 block max-w-xs text-xs text-muted [overflow-wrap:anywhere]">{row.payload}</code>
                </th>
                <td className="whitespace-nowrap px-4 py-3">
                  <Badge variant={isDead ? "danger" : "warning"}>{isDead ? "Dead" : "Retrying"}</Badge>
                  <span className="mt-1 block text-xs text-muted">
                    {isDead ? "Failed " : "Next attempt "}
                    <LocalTime iso={(isDead ? row.failedAt : row.runAt).toISOString()} display="stacked" />
                  </span>
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums">
                  {row.attempts} / {row.maxAttempts}
                </td>
                <td className="px-4 py-3">
                  <span className="block max-w-md text-xs text-ink [overflow-wrap:anywhere]" title={row.lastError}>
                    {error}
                  </span>
                </td>
                <td className="px-4 py-3">
                  <RetryJobForm jobId={row.id} kind={row.kind} isDead={isDead} action={retryAction} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
