"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import type { SettingsRole } from "@/lib/settings/queries";
import type { RoleSync } from "@/lib/settings/roles";
import type { TSaveState } from "@/lib/validations/settings";
import { RoleSyncStatus } from "./role-sync-status";
import { useRoleSyncs, type RoleSyncActions } from "./use-role-syncs";

const linkClass =
  "font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

const NOT_SYNCED: RoleSync = { status: "NONE", configurationId: null, lastSyncedAt: null, error: null, attempts: 0, nextAttemptAt: null };

export type RolesTableProps = {
  roles: SettingsRole[];
  /** Each role's sync state by role id (a role missing here has never been queued). */
  syncs: Record<string, RoleSync>;
  actions: RoleSyncActions & {
    /** setRolePublishedAction. */
    setPublished: (id: string, published: boolean) => Promise<TSaveState>;
  };
};

/** The roles on /settings: careers link, panel, published, Nylas sync (polled while pending) and actions. */
export function RolesTable({ roles, syncs: initialSyncs, actions }: RolesTableProps) {
  const { syncs, retrying, retryErrors, retry } = useRoleSyncs(initialSyncs, actions);
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-4 py-3">Role</th>
            <th scope="col" className="px-4 py-3">Panel</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Nylas sync</th>
            <th scope="col" className="px-4 py-3 text-right">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {roles.map((role) => (
            <tr key={role.id} className="align-top">
              <th scope="row" className="px-4 py-3 text-left font-normal">
                <Link href={`/settings/roles/${role.id}`} className="font-medium text-ink underline-offset-4 hover:underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
                  {role.title}
                </Link>
                <span className="mt-0.5 block text-xs">
                  {role.published ? (
                    <Link href={`/careers/${role.slug}`} className={linkClass}>
                      /careers/{role.slug}
                    </Link>
                  ) : (
                    <span className="text-muted">/careers/{role.slug}</span>
                  )}
                </span>
              </th>
              <td className="px-4 py-3">
                <Link href={`/settings/panels/${role.panel.id}`} className={linkClass}>
                  {role.panel.name}
                </Link>
              </td>
              <td className="px-4 py-3">
                <Badge variant={role.published ? "success" : "neutral"}>{role.published ? "Published" : "Draft"}</Badge>
              </td>
              <td className="px-4 py-3">
                <RoleSyncStatus
                  roleTitle={role.title}
                  sync={syncs[role.id] ?? NOT_SYNCED}
                  isRetrying={retrying.has(role.id)}
                  retryError={retryErrors[role.id]}
                  onRetry={() => retry(role.id)}
                />
              </td>
              <td className="px-4 py-3">
                <div className="flex flex-wrap items-start justify-end gap-2">
                  <PublishButton role={role} setPublished={actions.setPublished} />
                  <Link href={`/settings/roles/${role.id}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                    Edit<span className="sr-only"> {role.title}</span>
                  </Link>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type PublishButtonProps = { role: SettingsRole; setPublished: RolesTableProps["actions"]["setPublished"] };

/** Publish / Unpublish one role; the page refreshes from the server on success, the error stays by the button. */
function PublishButton({ role, setPublished }: PublishButtonProps) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const verb = role.published ? "Unpublish" : "Publish";
  return (
    <div className="flex flex-col items-end">
      <Button
        size="sm"
        variant="secondary"
        pending={isPending}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            try {
              const result = await setPublished(role.id, !role.published);
              if (result.status === "error") setError(Object.values(result.fieldErrors)[0] ?? result.message);
            } catch {
              setError("Could not reach the server. Try again.");
            }
          })
        }
      >
        {verb}
        <span className="sr-only"> {role.title}</span>
      </Button>
      {error ? (
        <p role="alert" className="mt-1 max-w-48 text-right text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
