import { TeamTablesSkeleton } from "@/components/settings/team/team-tables";
import { PageLoading } from "@/components/ui/page-loading";

export default function TeamLoading() {
  return (
    <PageLoading label="Loading the team…">
      <TeamTablesSkeleton />
    </PageLoading>
  );
}
