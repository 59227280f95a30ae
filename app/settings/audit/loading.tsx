import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <PageLoading label="Loading the audit log…">
      <Skeleton className="h-8 w-72 rounded-full" />
      {[0, 1, 2].map((n) => (
        <Skeleton key={n} className="h-32 w-full rounded-xl" />
      ))}
    </PageLoading>
  );
}
