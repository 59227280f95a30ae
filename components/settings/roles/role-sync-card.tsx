"use client";

import { useMemo } from "react";
import type { RoleSync } from "@/lib/settings/roles";
import { RoleSyncStatus } from "./role-sync-status";
import { useRoleSyncs, type RoleSyncActions } from "./use-role-syncs";

export type RoleSyncCardProps = {
  roleId: string;
  roleTitle: string;
  sync: RoleSync;
  actions: RoleSyncActions;
};

/** One role's Nylas sync state on its edit page, polled while pending, with Retry. */
export function RoleSyncCard({ roleId, roleTitle, sync, actions }: RoleSyncCardProps) {
  // Stable while the server's `sync` is the same object (useRoleSyncs resets on a new one).
  const initial = useMemo(() => ({ [roleId]: sync }), [roleId, sync]);
  const { syncs, retrying, retryErrors, retry } = useRoleSyncs(initial, actions);
  return (
    <section aria-labelledby="role-sync-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="role-sync-heading" className="text-sm font-semibold text-ink">
        Nylas sync
      </h2>
      <p className="mt-1 text-sm text-muted">Saving the role or its panel updates its scheduling configuration in Nylas.</p>
      <RoleSyncStatus className="mt-3" roleTitle={roleTitle} sync={syncs[roleId] ?? sync} isRetrying={retrying.has(roleId)} retryError={retryErrors[roleId]} onRetry={() => retry(roleId)} />
    </section>
  );
}
