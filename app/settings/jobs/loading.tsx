import { JobQueuesTableSkeleton } from "@/components/settings/jobs/job-queues-table";
import { PageLoading } from "@/components/ui/page-loading";

export default function JobsLoading() {
  return (
    <PageLoading label="Loading background jobs…">
      <JobQueuesTableSkeleton />
    </PageLoading>
  );
}
