import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function PrivacyLoading() {
  return (
    <PageLoading label="Loading privacy settings…">
      <Skeleton className="h-72 w-full rounded-xl" />
    </PageLoading>
  );
}
