import { RoleCardSkeleton } from "@/components/careers/role-card";
import { Skeleton } from "@/components/ui/skeleton";

export default function CareersLoading() {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">Loading open roles…</span>
      <div className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24 lg:px-8">
          <Skeleton className="h-4 w-40" />
          <Skeleton className="mt-4 h-12 w-full max-w-2xl" />
          <Skeleton className="mt-3 h-12 w-2/3 max-w-xl" />
          <Skeleton className="mt-6 h-5 w-full max-w-2xl" />
          <Skeleton className="mt-2 h-5 w-5/6 max-w-xl" />
        </div>
      </div>
      <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="mt-10 h-6 w-32" />
        <div className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <RoleCardSkeleton />
          <RoleCardSkeleton />
          <RoleCardSkeleton />
        </div>
      </div>
    </div>
  );
}
