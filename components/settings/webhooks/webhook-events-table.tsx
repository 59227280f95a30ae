import { RetryWebhookEventForm, type RetryWebhookEventFormProps } from "@/components/settings/webhooks/retry-webhook-event-form";
import { WebhookPayloadDetails, type WebhookPayloadDetailsProps } from "@/components/settings/webhooks/webhook-payload-details";
import { WebhookStatusBadge } from "@/components/settings/webhooks/webhook-status-badge";
import { DataTable, DataTableSkeleton, StackLabel, type DataTableColumn } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
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

const isWaitingToRetry = (row: WebhookEventTableRow) => row.status === "PENDING" && row.attempts > 0;

// Below md each notification is a card: a two-column grid where `order-*` and `col-span-*` place
// the cells (type and status on top), and <StackLabel> names the values that need it.
function columns(maxAttempts: number, retryAction: WebhookEventsTableProps["retryAction"]): DataTableColumn<WebhookEventTableRow>[] {
  return [
    {
      id: "received",
      header: "Received",
      headerClassName: "whitespace-nowrap",
      className: "order-2 col-span-2 text-xs text-muted md:whitespace-nowrap md:text-sm md:text-ink",
      cell: (row) => <LocalTime iso={row.receivedAt.toISOString()} display="stacked" />,
    },
    { id: "type", header: "Type", headerClassName: "whitespace-nowrap", className: "order-1 font-medium text-ink", cell: (row) => row.type },
    {
      id: "notification",
      header: "Notification id",
      isRowHeader: true,
      headerClassName: "whitespace-nowrap",
      className: "order-3 col-span-2 min-w-0",
      cell: (row) => (
        <>
          <StackLabel>Notification id </StackLabel>
          <span title={row.notificationId} className="inline-block max-w-full truncate align-bottom font-mono text-xs text-ink md:block md:max-w-40">
            {row.notificationId}
          </span>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      headerClassName: "whitespace-nowrap",
      className: "order-1 justify-self-end text-right md:text-left",
      cell: (row) => (
        <>
          <WebhookStatusBadge status={row.status} />
          {isWaitingToRetry(row) ? (
            // Backoff is at most ~43 minutes, so the time of day is enough (the tooltip has the instant).
            <span className="mt-1 block whitespace-nowrap text-xs text-muted">
              Next attempt <LocalTime iso={row.nextAttemptAt.toISOString()} display="time" className="md:block" />
            </span>
          ) : null}
        </>
      ),
    },
    {
      id: "attempts",
      header: "Attempts",
      headerClassName: "whitespace-nowrap",
      className: "order-4 self-center whitespace-nowrap tabular-nums text-ink",
      cell: (row) => (
        <>
          <StackLabel>Attempts </StackLabel>
          {row.attempts} / {maxAttempts}
        </>
      ),
    },
    {
      id: "error",
      header: "Last error",
      headerClassName: "whitespace-nowrap",
      className: (row) => cn("order-5 col-span-2 md:w-full md:min-w-52 md:max-w-xs", !row.lastError && "hidden"),
      cell: (row) =>
        row.lastError ? (
          <span className="block text-xs text-muted [overflow-wrap:anywhere]" title={row.lastError}>
            <StackLabel>Last error: </StackLabel>
            {truncate(row.lastError, MAX_ERROR_CHARS)}
          </span>
        ) : (
          <span className="text-muted">
            <span aria-hidden="true">—</span>
            <span className="sr-only">None</span>
          </span>
        ),
    },
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      className: "order-4 justify-self-end",
      cell: (row) => <RetryWebhookEventForm eventId={row.id} notificationId={row.notificationId} status={row.status} action={retryAction} />,
    },
  ];
}

/** The inbox, newest first: one <tbody> per notification, with its payload disclosure below the row. */
export function WebhookEventsTable({ rows, maxAttempts, retryAction, loadPayload }: WebhookEventsTableProps) {
  return (
    <DataTable
      rows={rows}
      columns={columns(maxAttempts, retryAction)}
      getRowKey={(row) => row.id}
      caption="Webhook notifications, newest first"
      layout="stack"
      renderDetails={(row) => <WebhookPayloadDetails eventId={row.id} loadPayload={loadPayload} />}
    />
  );
}

/** The table's loading placeholder (loading.tsx). */
export function WebhookEventsTableSkeleton() {
  return <DataTableSkeleton layout="stack" cells={["w-40", "w-28", "w-36", "h-5 w-20 rounded-full", "w-12", "h-8 w-20 md:ml-auto"]} />;
}
