import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { Pagination } from "@/components/ui/pagination";
import { WebhookEventsTable } from "@/components/settings/webhooks/webhook-events-table";
import { WEBHOOK_STATUS_LABELS } from "@/components/settings/webhooks/webhook-status-badge";
import { WebhookStatusFilter } from "@/components/settings/webhooks/webhook-status-filter";
import { WebhookTypeFilter } from "@/components/settings/webhooks/webhook-type-filter";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth";
import { buildWebhookEventsHref, PATHS } from "@/lib/routes";
import { parseWebhookEventFilters } from "@/lib/validations/webhooks";
import { listWebhookEvents } from "@/lib/webhooks/queries";
import { RETRY_POLICIES } from "@/lib/jobs/retry-policies";
import { getWebhookEventPayloadAction, retryWebhookEventAction } from "./actions";

export const metadata: Metadata = { title: "Webhook deliveries" };

export type WebhooksPageProps = {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /settings/webhooks — admin view of the webhook inbox: what Nylas sent, how processing went, retry. */
export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin();
  const filters = parseWebhookEventFilters(await searchParams);
  const list = await listWebhookEvents({ status: filters.status, type: filters.type, page: filters.page });
  // The page actually shown (a page past the end is clamped), for links that keep the filters.
  const shownFilters = { ...filters, page: list.page };
  const hasFilters = Boolean(filters.status || filters.type);
  const isInboxEmpty = list.types.length === 0;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Webhook deliveries"
        description={
          <span className="block max-w-3xl">
            Notifications Nylas sent to this app: bookings created, rescheduled or cancelled, and Notetaker updates. Each one is stored before it is acknowledged, then processed by a background worker
            that retries failures up to {RETRY_POLICIES.standard.maxAttempts} times. One that still fails is marked Dead; retry it once the cause is fixed.
          </span>
        }
        actions={
          isInboxEmpty ? null : (
            <Link href={buildWebhookEventsHref(shownFilters)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Refresh
            </Link>
          )
        }
      />

      {isInboxEmpty && !hasFilters ? (
        <EmptyState label="Webhook notifications" title="No webhook notifications yet.">
          They appear here when Nylas — or the built-in sandbox — sends one.
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-4">
            <WebhookStatusFilter filters={filters} counts={list.counts} />
            <WebhookTypeFilter filters={filters} types={list.types} />
          </div>

          {list.total === 0 ? (
            <EmptyState label="Webhook notifications" title="No notifications match these filters." action={{ href: PATHS.settingsWebhooks, label: "Show all notifications", variant: "link" }}>
              {filters.status ? `Status: ${WEBHOOK_STATUS_LABELS[filters.status]}. ` : null}
              {filters.type ? `Type: ${filters.type}. ` : null}
            </EmptyState>
          ) : (
            <section aria-label="Webhook notifications" className="space-y-4">
              <WebhookEventsTable rows={list.rows} maxAttempts={RETRY_POLICIES.standard.maxAttempts} retryAction={retryWebhookEventAction} loadPayload={getWebhookEventPayloadAction} />
              <Pagination
                noun={["notification", "notifications"]}
                hrefForPage={(page) => buildWebhookEventsHref({ ...shownFilters, page })}
                page={list.page}
                pageCount={list.pageCount}
                pageSize={list.pageSize}
                total={list.total}
                shown={list.rows.length}
              />
            </section>
          )}
        </>
      )}
    </div>
  );
}
