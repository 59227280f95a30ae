"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export type AutoRefreshProps = {
  /** How often to refresh while the tab is visible. */
  intervalMs?: number;
};

const MINUTE_MS = 60_000;

function describeAge(ageMs: number): string {
  if (ageMs < MINUTE_MS) return "Updated just now";
  const minutes = Math.floor(ageMs / MINUTE_MS);
  return minutes === 1 ? "Updated 1 minute ago" : `Updated ${minutes} minutes ago`;
}

/**
 * Re-renders the page's server components (router.refresh(): new data, same scroll position and
 * form state) every `intervalMs` while the tab is visible, at once when the tab comes back, and on
 * "Refresh". The "Updated …" line describes the button; it only changes text when data gets stale,
 * so screen readers are not interrupted every few seconds.
 */
export function AutoRefresh({ intervalMs = 10_000 }: AutoRefreshProps) {
  const router = useRouter();
  const statusId = useId();
  const [isPending, startTransition] = useTransition();
  const [isManual, setIsManual] = useState(false);
  // null until the first refresh or tick: the page was just rendered on the server.
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [now, setNow] = useState<number | null>(null);
  const wasPending = useRef(false);

  // A refresh has finished once its transition is no longer pending.
  useEffect(() => {
    if (wasPending.current && !isPending) {
      const finishedAt = Date.now();
      setUpdatedAt(finishedAt);
      setNow(finishedAt);
      setIsManual(false);
    }
    wasPending.current = isPending;
  }, [isPending]);

  useEffect(() => {
    const refresh = () => startTransition(() => router.refresh());
    let timer: ReturnType<typeof setInterval> | null = null;
    const start = () => {
      if (timer === null) timer = setInterval(refresh, intervalMs);
    };
    const stop = () => {
      if (timer !== null) clearInterval(timer);
      timer = null;
    };
    const onVisibilityChange = () => {
      if (document.visibilityState === "visible") {
        refresh();
        start();
      } else {
        stop();
      }
    };
    const mountedAt = Date.now();
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibilityChange);
    // Keeps "Updated N minutes ago" honest when refreshes stop (hidden tab, offline server).
    const clock = setInterval(() => {
      setUpdatedAt((value) => value ?? mountedAt);
      setNow(Date.now());
    }, 15_000);
    return () => {
      stop();
      clearInterval(clock);
      document.removeEventListener("visibilitychange", onVisibilityChange);
    };
  }, [router, intervalMs]);

  const label = updatedAt === null || now === null ? "Updated just now" : describeAge(now - updatedAt);

  return (
    <div className="flex items-center gap-3">
      <p id={statusId} className="text-sm text-muted" aria-live="polite">
        {label}
      </p>
      <Button
        variant="secondary"
        size="sm"
        aria-describedby={statusId}
        // Not `pending`: disabling the button would drop keyboard focus mid-refresh.
        aria-busy={isPending && isManual ? true : undefined}
        onClick={() => {
          setIsManual(true);
          startTransition(() => router.refresh());
        }}
      >
        {isPending && isManual ? <Spinner /> : null}
        Refresh
      </Button>
    </div>
  );
}
