/**
 * Pure: how a role's Nylas sync state (RoleSync, lib/settings/roles.ts) reads on the settings
 * pages, and how often the overview polls while a sync is pending.
 */
import type { BadgeVariant } from "@/components/ui/badge";
import type { RoleSync } from "@/lib/settings/roles";

export type RoleSyncView = {
  label: "Synced" | "Pending" | "Failed" | "Not synced";
  variant: BadgeVariant;
  /** A sync is queued or running: show "syncing…" and keep polling. */
  isPending: boolean;
  /** Retry is offered (failed, or never queued). */
  canRetry: boolean;
  /** Nylas's own message: why the last attempt failed (also while a retry is pending). */
  error: string | null;
};

export function describeRoleSync(sync: Pick<RoleSync, "status" | "error">): RoleSyncView {
  switch (sync.status) {
    case "SYNCED":
      return { label: "Synced", variant: "success", isPending: false, canRetry: false, error: null };
    case "PENDING":
      return { label: "Pending", variant: "info", isPending: true, canRetry: false, error: sync.error };
    case "FAILED":
      return { label: "Failed", variant: "danger", isPending: false, canRetry: true, error: sync.error ?? "Nylas refused the configuration without a message." };
    default:
      return { label: "Not synced", variant: "neutral", isPending: false, canRetry: true, error: null };
  }
}

/** Every 2 s for the first half minute of pending, then every 10 s (a sync retrying with backoff). */
export function nextPollDelayMs(pendingForMs: number): number {
  return pendingForMs < 30_000 ? 2_000 : 10_000;
}
