import Link from "next/link";
import { WEBHOOK_STATUS_LABELS } from "@/components/settings/webhooks/webhook-status-badge";
import { buildWebhookEventsHref } from "@/lib/routes";
import { cn } from "@/lib/utils";
import { WEBHOOK_EVENT_STATUSES, type TWebhookEventFilters, type TWebhookEventStatus } from "@/lib/validations/webhooks";

export type WebhookStatusFilterProps = {
  filters: TWebhookEventFilters;
  counts: Record<TWebhookEventStatus | "all", number>;
};

const CHIPS: ReadonlyArray<{ status: TWebhookEventStatus | undefined; label: string }> = [
  { status: undefined, label: "All" },
  ...WEBHOOK_EVENT_STATUSES.map((status) => ({ status, label: WEBHOOK_STATUS_LABELS[status] })),
];

/** Status chips with counts; each one is a link that filters the list (keeping the type filter). */
export function WebhookStatusFilter({ filters, counts }: WebhookStatusFilterProps) {
  return (
    <nav aria-label="Filter by status">
      <ul className="flex flex-wrap gap-2">
        {CHIPS.map(({ status, label }) => {
          const isActive = filters.status === status;
          const count = counts[status ?? "all"];
          const isAlarming = status === "DEAD" && count > 0;
          return (
            <li key={label}>
              <Link
                href={buildWebhookEventsHref({ status, type: filters.type })}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-flex h-8 items-center gap-2 rounded-full border px-3 text-sm font-medium transition-colors",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
                  isActive ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-ink hover:bg-slate-50",
                )}
              >
                {label}
                <span
                  className={cn(
                    "rounded-full px-1.5 text-xs tabular-nums",
                    // A white pill on the active (brand) chip: white text on a translucent white tint was 4.2:1.
                    isActive ? "bg-white text-brand-700" : isAlarming ? "bg-red-50 text-red-800" : "bg-slate-100 text-muted",
                  )}
                >
                  {count}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
