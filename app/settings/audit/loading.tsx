import { Skeleton } from "@/components/ui/skeleton";

export default function AuditLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the audit log…
      </span>
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-8 w-72 rounded-full" />
      {[0, 1, 2].map((n) => (
        <Skeleton key={n} className="h-32 w-full rounded-xl" />
      ))}
    </div>
  );
}
