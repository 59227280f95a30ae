import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function AccountLoading() {
  return (
    <PageLoading label="Loading your account…">
      <Skeleton className="h-40 w-full max-w-3xl rounded-xl" />
    </PageLoading>
  );
}
