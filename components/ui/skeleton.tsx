import type { ComponentPropsWithoutRef } from "react";
import { cn } from "@/lib/utils";

export type SkeletonProps = ComponentPropsWithoutRef<"div">;

/** A pulsing placeholder block; decorative, so hidden from assistive technology. */
export function Skeleton({ className, ...props }: SkeletonProps) {
  return <div aria-hidden="true" className={cn("animate-pulse rounded-md bg-slate-200/70", className)} {...props} />;
}
