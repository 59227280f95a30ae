import { Skeleton } from "@/components/ui/skeleton";

export type FormSkeletonProps = { label: string; sections?: number };

/** loading.tsx of a form page: a back link and title, then a few section-shaped blocks. */
export function FormSkeleton({ label, sections = 3 }: FormSkeletonProps) {
  return (
    <div className="space-y-6" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      <Skeleton className="h-4 w-20" />
      <Skeleton className="h-8 w-64" />
      {Array.from({ length: sections }, (_, n) => (
        <Skeleton key={n} className="h-48 w-full rounded-xl" />
      ))}
    </div>
  );
}
