import { LocalTime } from "@/components/ui/local-time";
import { RetryWebhookEventForm, type RetryWebhookEventFormProps } from "@/components/settings/webhooks/retry-webhook-event-form";
import { WebhookPayloadDetails, type WebhookPayloadDetailsProps } from "@/components/settings/webhooks/webhook-payload-details";
import { WebhookStatusBadge } from "@/components/settings/webhooks/webhook-status-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { cn, truncate } from "@/lib/utils";
import type { TWebhookEventStatus } from "@/lib/validations/webhooks";

export type WebhookEventTableRow = {
  id: string;
  notificationId: string;
  type: string;
  status: TWebhookEventStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  nextAttemptAt: Date;
};

export type WebhookEventsTableProps = {
  rows: WebhookEventTableRow[];
  /** Attempts before a row is dead-lettered (MAX_JOB_ATTEMPTS). */
  maxAttempts: number;
  retryAction: RetryWebhookEventFormProps["action"];
  loadPayload: WebhookPayloadDetailsProps["loadPayload"];
};

/** Errors are messages, not stack traces, but a pathological one must not swamp the table. */
const MAX_ERROR_CHARS = 300;

// Below md the table collapses into one card per notification (each <tbody> is a card); the
// column headers are then repeated as small labels inside the cells that need them.
const mobileLabel = "text-xs font-medium text-muted md:hidden";
const cell = "md:table-cell md:px-4 md:py-3 md:align-top";

/** The inbox, newest first: one <tbody> per notification, with its payload disclosure below the row. */
export function WebhookEventsTable({ rows, maxAttempts, retryAction, loadPayload }: WebhookEventsTableProps) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">Webhook notifications, newest first</caption>
        <thead className="hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted md:table-header-group">
          <tr>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Received</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Type</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Notification id</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Status</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Attempts</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">Last error</th>
            <th scope="col" className="whitespace-nowrap px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        {rows.map((row) => {
          const error = row.lastError && truncate(row.lastError, MAX_ERROR_CHARS);
          const isWaitingToRetry = row.status === "PENDING" && row.attempts > 0;
          return (
            <tbody key={row.id} className="block border-t border-slate-200 first-of-type:border-t-0 md:table-row-group md:first-of-type:border-t">
              <tr className="grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-2 px-4 pt-4 md:table-row md:p-0">
                <td className={cn("order-2 col-span-2 text-xs text-muted md:whitespace-nowrap md:text-sm md:text-ink", cell)}>
                  <LocalTime iso={row.receivedAt.toISOString()} display="stacked" />
                </td>
                <td className={cn("order-1 font-medium text-ink", cell)}>{row.type}</td>
                <td className={cn("order-3 col-span-2 min-w-0", cell)}>
                  <span className={mobileLabel}>Notification id </span>
                  <span title={row.notificationId} className="inline-block max-w-full truncate align-bottom font-mono text-xs text-ink md:block md:max-w-40">
                    {row.notificationId}
                  </span>
                </td>
                <td className={cn("order-1 justify-self-end text-right md:text-left", cell)}>
                  <WebhookStatusBadge status={row.status} />
                  {isWaitingToRetry ? (
                    // Backoff is at most ~43 minutes, so the time of day is enough (the tooltip has the instant).
                    <span className="mt-1 block whitespace-nowrap text-xs text-muted">
                      Next attempt <LocalTime iso={row.nextAttemptAt.toISOString()} display="time" className="md:block" />
                    </span>
                  ) : null}
                </td>
                <td className={cn("order-4 self-center whitespace-nowrap tabular-nums text-ink", cell)}>
                  <span className={mobileLabel}>Attempts </span>
                  {row.attempts} / {maxAttempts}
                </td>
                <td className={cn("order-5 col-span-2 md:w-full md:min-w-52 md:max-w-xs", error ? "" : "hidden", cell)}>
                  {error ? (
                    <span className="block text-xs text-muted [overflow-wrap:anywhere]" title={row.lastError ?? undefined}>
                      <span className={mobileLabel}>Last error: </span>
                      {error}
                    </span>
                  ) : (
                    <span className="text-muted">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">None</span>
                    </span>
                  )}
                </td>
                <td className={cn("order-4 justify-self-end", cell)}>
                  <RetryWebhookEventForm eventId={row.id} notificationId={row.notificationId} status={row.status} action={retryAction} />
                </td>
              </tr>
              <tr className="block px-4 pb-4 pt-2 md:table-row md:p-0">
                <td colSpan={7} className="block md:table-cell md:px-4 md:pb-3 md:pt-0">
                  <WebhookPayloadDetails eventId={row.id} loadPayload={loadPayload} />
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

/** The table's loading placeholder (loading.tsx). */
export function WebhookEventsTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="hidden h-10 border-b border-slate-200 bg-slate-50 md:block" />
      <ul className="divide-y divide-slate-200">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index} className="flex flex-col gap-3 px-4 py-4 md:flex-row md:items-center md:gap-6">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-4 w-36" />
            <Skeleton className="h-5 w-20 rounded-full" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-8 w-20 md:ml-auto" />
          </li>
        ))}
      </ul>
    </div>
  );
}
