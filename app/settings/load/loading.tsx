import { InterviewerCapsSkeleton } from "@/components/settings/load/interviewer-caps";
import { LoadTableSkeleton } from "@/components/settings/load/load-table";
import { TalkTimeTableSkeleton } from "@/components/settings/load/talk-time-table";
import { PageLoading } from "@/components/ui/page-loading";
import { Skeleton } from "@/components/ui/skeleton";

export default function LoadLoading() {
  return (
    <PageLoading label="Loading interview load…">
      <Skeleton className="h-80 w-full rounded-xl" />
      <LoadTableSkeleton />
      <InterviewerCapsSkeleton />
      <TalkTimeTableSkeleton />
    </PageLoading>
  );
}
