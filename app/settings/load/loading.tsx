import { InterviewerCapsSkeleton } from "@/components/settings/load/interviewer-caps";
import { LoadTableSkeleton } from "@/components/settings/load/load-table";
import { Skeleton } from "@/components/ui/skeleton";

export default function LoadLoading() {
  return (
    <div className="space-y-8" aria-busy="true">
      <span className="sr-only" role="status">
        Loading interview load…
      </span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-4 w-full max-w-3xl" />
        <Skeleton className="h-4 w-2/3 max-w-2xl" />
      </div>
      <Skeleton className="h-80 w-full rounded-xl" />
      <LoadTableSkeleton />
      <InterviewerCapsSkeleton />
    </div>
  );
}
