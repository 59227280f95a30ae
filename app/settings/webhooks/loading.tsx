import { WebhookEventsTableSkeleton } from "@/components/settings/webhooks/webhook-events-table";
import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function WebhooksLoading() {
  return (
    <PageLoading label="Loading webhook deliveries…">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="flex flex-wrap gap-2">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-24 rounded-full" />
          ))}
        </div>
        <Skeleton className="h-8 w-72" />
      </div>
      <WebhookEventsTableSkeleton />
    </PageLoading>
  );
}
