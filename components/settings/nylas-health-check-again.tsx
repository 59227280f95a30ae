"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";

/**
 * "Check again": re-renders the page's server components (router.refresh()), which runs the Nylas
 * health check again. The current report stays visible until the new one arrives; meanwhile the
 * button is busy and says so.
 */
export function NylasHealthCheckAgain() {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <Button variant="secondary" size="sm" pending={isPending} onClick={() => startTransition(() => router.refresh())}>
        Check again
      </Button>
      <span className="sr-only" aria-live="polite">
        {isPending ? "Checking Nylas again…" : ""}
      </span>
    </>
  );
}
