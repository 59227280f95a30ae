import type { ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";

export type PageLoadingProps = {
  /** Announced to screen readers, e.g. "Loading background jobs…". */
  label: string;
  /** The page's own placeholders below its header. */
  children?: ReactNode;
};

/** A page's loading state (loading.tsx): its title and description as placeholders, then `children`. */
export function PageLoading({ label, children }: PageLoadingProps) {
  return (
    <div className="space-y-8" aria-busy="true">
      <span className="sr-only" role="status">
        {label}
      </span>
      <div className="space-y-2">
        <Skeleton className="h-8 w-64" />
        <Skeleton className="h-4 w-full max-w-3xl" />
        <Skeleton className="h-4 w-2/3 max-w-2xl" />
      </div>
      {children}
    </div>
  );
}
