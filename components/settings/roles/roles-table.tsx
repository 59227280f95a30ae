"use client";

import Link from "next/link";
import { useState, useTransition, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { DataTable, DataTableSkeleton, type DataTableColumn } from "@/components/ui/data-table";
import { textLinkClasses } from "@/components/ui/text-link";
import { effectiveRecordingPolicy, RECORDING_POLICY_LABELS, type RecordingPolicy } from "@/lib/privacy/policy";
import { careersRolePath, settingsPanelPath, settingsRolePath } from "@/lib/routes";
import type { SettingsRole } from "@/lib/settings/queries";
import type { RoleSync } from "@/lib/settings/roles";
import type { TSaveState } from "@/lib/validations/settings";
import { RoleSyncStatus } from "./role-sync-status";
import { useRoleSyncs, type RoleSyncActions } from "./use-role-syncs";

const NOT_SYNCED: RoleSync = { status: "NONE", configurationId: null, lastSyncedAt: null, error: null, attempts: 0, nextAttemptAt: null };

export type RolesTableProps = {
  roles: SettingsRole[];
  /** Each role's sync state by role id (a role missing here has never been queued). */
  syncs: Record<string, RoleSync>;
  /** The organisation's default recording policy (what a role without its own runs under). */
  recordingDefault: RecordingPolicy;
  actions: RoleSyncActions & {
    /** setRolePublishedAction. */
    setPublished: (id: string, published: boolean) => Promise<TSaveState>;
  };
  /** Shown instead of the table when there are no roles. */
  empty?: ReactNode;
};

/** The roles on /settings: careers link, panel, recording policy in force, published, Nylas sync (polled while pending) and actions. */
export function RolesTable({ roles, syncs: initialSyncs, recordingDefault, actions, empty }: RolesTableProps) {
  const { syncs, retrying, retryErrors, retry } = useRoleSyncs(initialSyncs, actions);
  const columns: DataTableColumn<SettingsRole>[] = [
    {
      id: "role",
      header: "Role",
      isRowHeader: true,
      cell: (role) => (
        <>
          <Link href={settingsRolePath(role.id)} className={textLinkClasses({ tone: "ink", className: "font-medium" })}>
            {role.title}
          </Link>
          <span className="mt-0.5 block text-xs">
            {role.published ? (
              <Link href={careersRolePath(role.slug)} className={textLinkClasses()}>
                {careersRolePath(role.slug)}
              </Link>
            ) : (
              <span className="text-muted">{careersRolePath(role.slug)}</span>
            )}
          </span>
        </>
      ),
    },
    {
      id: "panel",
      header: "Panel",
      cell: (role) => (
        <Link href={settingsPanelPath(role.panel.id)} className={textLinkClasses()}>
          {role.panel.name}
        </Link>
      ),
    },
    {
      id: "recording",
      header: "Recording",
      cell: (role) => (
        <>
          {RECORDING_POLICY_LABELS[effectiveRecordingPolicy(recordingDefault, role.recordingPolicy)]}
          <span className="mt-0.5 block text-xs text-muted">{role.recordingPolicy ? "Own policy" : "Organisation default"}</span>
        </>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: (role) => <Badge variant={role.published ? "success" : "neutral"}>{role.published ? "Published" : "Draft"}</Badge>,
    },
    {
      id: "sync",
      header: "Nylas sync",
      cell: (role) => <RoleSyncStatus roleTitle={role.title} sync={syncs[role.id] ?? NOT_SYNCED} isRetrying={retrying.has(role.id)} retryError={retryErrors[role.id]} onRetry={() => retry(role.id)} />,
    },
    {
      id: "actions",
      header: "Actions",
      isHeaderHidden: true,
      align: "end",
      cell: (role) => (
        <div className="flex flex-wrap items-start justify-end gap-2">
          <PublishButton role={role} setPublished={actions.setPublished} />
          <Link href={settingsRolePath(role.id)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Edit<span className="sr-only"> {role.title}</span>
          </Link>
        </div>
      ),
    },
  ];
  return <DataTable rows={roles} columns={columns} getRowKey={(role) => role.id} caption="Roles with their careers page, panel, recording policy, status and sync state" empty={empty} />;
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

/** The table's loading placeholder (loading.tsx). */
export function RolesTableSkeleton() {
  return <DataTableSkeleton rows={3} cells={["w-48", "w-32", "w-28", "h-5 w-20 rounded-full", "w-24", "h-8 w-32 ml-auto"]} />;
}
