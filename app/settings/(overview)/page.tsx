import Link from "next/link";
import { Suspense } from "react";
import { PageHeader } from "@/components/app-shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NylasHealthSection, NylasHealthSkeleton } from "@/components/settings/nylas-health";
import { PanelCard } from "@/components/settings/panels/panel-card";
import { RolesTable } from "@/components/settings/roles/roles-table";
import { buttonClasses } from "@/components/ui/button";
import { requireAdmin } from "@/lib/auth";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { PATHS } from "@/lib/routes";
import { listPanelsForSettings, listRolesForSettings } from "@/lib/settings/queries";
import { listRoleSyncStates } from "@/lib/settings/roles";
import { getRoleSyncStatesAction, retryRoleSyncAction, setRolePublishedAction } from "../actions";

/** /settings — admin overview: roles (published, Nylas sync), the panels they book, Nylas health. */
export default async function SettingsPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settings);
  const [panels, roles, syncStates, privacy] = await Promise.all([listPanelsForSettings(), listRolesForSettings(), listRoleSyncStates(), getPrivacySettings()]);
  const syncs = Object.fromEntries(syncStates.map(({ roleId, sync }) => [roleId, sync]));

  return (
    <div className="space-y-10">
      <PageHeader
        title="Settings"
        description="Roles, the interview panels they book, and whether Nylas is in step."
        actions={
          <>
            <Link href={PATHS.newPanel} className={buttonClasses({ variant: "secondary" })}>
              New panel
            </Link>
            <Link href={PATHS.newRole} className={buttonClasses()}>
              New role
            </Link>
          </>
        }
      />

      <section aria-labelledby="roles-heading" className="space-y-4">
        <div>
          <h2 id="roles-heading" className="text-lg font-semibold text-ink">
            Roles
          </h2>
          <p className="mt-1 text-sm text-muted">
            Each role is one Nylas scheduling configuration. A change is saved here first, then synced to Nylas; a sync Nylas refuses shows its message, with Retry.
          </p>
        </div>
        <RolesTable
          roles={roles}
          syncs={syncs}
          recordingDefault={privacy.recordingPolicy}
          actions={{ loadStates: getRoleSyncStatesAction, retry: retryRoleSyncAction, setPublished: setRolePublishedAction }}
          empty={
            <EmptyState title="No roles yet." action={{ href: PATHS.newRole, label: "Create the first role" }}>
              Published roles are listed on the careers page, where candidates book an interview with the role&apos;s panel.
            </EmptyState>
          }
        />
      </section>

      <section aria-labelledby="panels-heading" className="space-y-4">
        <div>
          <h2 id="panels-heading" className="text-lg font-semibold text-ink">
            Panels
          </h2>
          <p className="mt-1 text-sm text-muted">The interviewers a role&apos;s bookings rotate through, and how interviews are booked and recorded.</p>
        </div>
        {panels.length === 0 ? (
          <EmptyState title="No panels yet." action={{ href: PATHS.newPanel, label: "Create the first panel" }}>
            A panel is the group of interviewers a role&apos;s bookings rotate through. Create one before your first role.
          </EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {panels.map((panel) => (
              <li key={panel.id}>
                <PanelCard panel={panel} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <Suspense fallback={<NylasHealthSkeleton />}>
        <NylasHealthSection />
      </Suspense>
    </div>
  );
}
