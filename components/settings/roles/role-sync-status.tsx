"use client";

import { LocalTime } from "@/components/ui/local-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { RoleSync } from "@/lib/settings/roles";
import { cn } from "@/lib/utils";
import { describeRoleSync } from "./role-sync";

export type RoleSyncStatusProps = {
  roleTitle: string;
  sync: RoleSync;
  isRetrying: boolean;
  retryError?: string;
  onRetry: () => void;
  className?: string;
};

/**
 * A role's Nylas sync state: "Synced", "Pending" (syncing…), "Failed" with Nylas's own message,
 * or "Not synced"; Retry when it failed. The state text is in a live region, so the change from
 * pending to synced or failed is announced.
 */
export function RoleSyncStatus({ roleTitle, sync, isRetrying, retryError, onRetry, className }: RoleSyncStatusProps) {
  const view = describeRoleSync(sync);
  // eslint-disable-next-line react-hooks/purity -- the clock only picks "retrying soon…" over "syncing…"; every poll (use-role-syncs) renders this again
  const isWaitingToRetry = view.isPending && sync.attempts > 0 && sync.nextAttemptAt !== null && new Date(sync.nextAttemptAt).getTime() > Date.now();
  return (
    <div className={cn("flex min-w-0 flex-col items-start gap-1.5", className)}>
      <div aria-live="polite" className="flex flex-wrap items-center gap-2">
        <Badge variant={view.variant}>{view.label}</Badge>
        {view.isPending ? (
          <span className="inline-flex items-center gap-1.5 text-xs text-muted">
            <Spinner />
            {isWaitingToRetry ? "retrying soon…" : "syncing…"}
          </span>
        ) : null}
        {sync.status === "SYNCED" && sync.lastSyncedAt ? (
          <span className="text-xs text-muted">
            <LocalTime iso={new Date(sync.lastSyncedAt).toISOString()} display="precise" />
          </span>
        ) : null}
      </div>
      {view.error ? (
        <p className="max-w-xs text-xs text-red-800 [overflow-wrap:anywhere]">
          <span className="font-medium">{sync.status === "FAILED" ? "Nylas said:" : "Last attempt:"}</span> {view.error}
        </p>
      ) : null}
      {view.canRetry ? (
        <Button size="sm" variant={sync.status === "FAILED" ? "primary" : "secondary"} pending={isRetrying} onClick={onRetry}>
          {sync.status === "FAILED" ? "Retry" : "Sync now"}
          <span className="sr-only"> the Nylas sync of {roleTitle}</span>
        </Button>
      ) : null}
      {retryError ? (
        <p role="alert" className="text-xs text-red-700">
          {retryError}
        </p>
      ) : null}
    </div>
  );
}
