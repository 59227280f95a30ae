import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { Pagination } from "@/components/ui/pagination";
import { WebhookEventsTable } from "@/components/settings/webhooks/webhook-events-table";
import { WEBHOOK_STATUS_LABELS } from "@/components/settings/webhooks/webhook-status-badge";
import { WebhookStatusFilter } from "@/components/settings/webhooks/webhook-status-filter";
import { WebhookTypeFilter } from "@/components/settings/webhooks/webhook-type-filter";
import { buttonClasses } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth";
import { buildWebhookEventsHref } from "@/lib/routes";
import { parseWebhookEventFilters } from "@/lib/validations/webhooks";
import { listWebhookEvents } from "@/lib/webhooks/queries";
import { RETRY_POLICIES } from "@/lib/jobs/retry-policies";
import { getWebhookEventPayloadAction, retryWebhookEventAction } from "./actions";

export const metadata: Metadata = { title: "Webhook deliveries" };

const linkClass =
  "font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

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
            Notifications Nylas sent to this app: bookings created, rescheduled or cancelled, and Notetaker updates. Each one
            is stored before it is acknowledged, then processed by a background worker that retries failures up to{" "}
            {RETRY_POLICIES.standard.maxAttempts} times. One that still fails is marked Dead; retry it once the cause is fixed.
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
        <section
          aria-label="Webhook notifications"
          className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center"
        >
          <p className="mx-auto max-w-md text-sm text-muted">
            <span className="block text-base font-semibold text-ink">No webhook notifications yet.</span> They appear here
            when Nylas — or the built-in sandbox — sends one.
          </p>
        </section>
      ) : (
        <>
          <div className="flex flex-wrap items-end justify-between gap-4">
            <WebhookStatusFilter filters={filters} counts={list.counts} />
            <WebhookTypeFilter filters={filters} types={list.types} />
          </div>

          {list.total === 0 ? (
            <section
              aria-label="Webhook notifications"
              className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-sm text-muted"
            >
              <p>
                <span className="block text-base font-semibold text-ink">No notifications match these filters.</span>
                {filters.status ? `Status: ${WEBHOOK_STATUS_LABELS[filters.status]}. ` : null}
                {filters.type ? `Type: ${filters.type}. ` : null}
              </p>
              <p className="mt-4">
                <Link href="/settings/webhooks" className={linkClass}>
                  Show all notifications
                </Link>
              </p>
            </section>
          ) : (
            <section aria-label="Webhook notifications" className="space-y-4">
              <WebhookEventsTable
                rows={list.rows}
                maxAttempts={RETRY_POLICIES.standard.maxAttempts}
                retryAction={retryWebhookEventAction}
                loadPayload={getWebhookEventPayloadAction}
              />
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
