import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormPageHeader } from "@/components/settings/form/form-page-header";
import { RoleForm } from "@/components/settings/roles/role-form";
import { RoleBookingLinks } from "@/components/roles/role-booking-links";
import { RoleSyncCard } from "@/components/settings/roles/role-sync-card";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { textLinkClasses } from "@/components/ui/text-link";
import { buildAuditHref, careersRolePath, settingsPanelPath } from "@/lib/routes";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { getRoleBookingLinks } from "@/lib/roles/booking-links-queries";
import { listPanelOptions } from "@/lib/settings/roles";
import { getRoleSyncStatesAction, retryRoleSyncAction, saveRoleAction } from "../../actions";
import { loadRole } from "./load";

export const metadata: Metadata = { title: "Edit role" };

export type EditRolePageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** /settings/roles/<id> — edit a role, see its Nylas sync state (Retry when it failed). */
export default async function EditRolePage({ params, searchParams }: EditRolePageProps) {
  const { id } = await params;
  // The layout checks too (loadRole asks for ADMIN); pages repeat it because layouts are skipped on client navigation.
  const [role, panels, privacy] = await Promise.all([loadRole(id), listPanelOptions(), getPrivacySettings()]);
  if (!role) notFound();
  const links = await getRoleBookingLinks(role.id);
  const isJustCreated = (await searchParams).saved === "created";

  return (
    <div className="space-y-6">
      <FormPageHeader
        title={role.input.title}
        description={
          <>
            Role · booked through{" "}
            <Link href={settingsPanelPath(role.input.panelId)} className={textLinkClasses()}>
              {role.panelName}
            </Link>
          </>
        }
        actions={
          <>
            <Link href={buildAuditHref({ entityType: "role", entityId: role.id })} className={buttonClasses({ variant: "ghost", size: "sm" })}>
              History
            </Link>
            {role.input.published ? (
              <Link href={careersRolePath(role.input.slug)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                View careers page
              </Link>
            ) : null}
          </>
        }
      />
      {isJustCreated ? (
        <Alert variant="success" title="Role created.">
          {role.input.published
            ? "It is published: its careers page opens for booking once Nylas has its configuration."
            : "It is a draft: tick “Published” and save when it should appear on the careers page."}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <RoleForm
            key={role.id}
            roleId={role.id}
            initial={role.input}
            updatedAt={role.updatedAt}
            scorecardVersion={role.scorecardVersion}
            panels={panels}
            organisationPolicy={privacy.recordingPolicy}
            save={saveRoleAction}
          />
        </div>
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <RoleSyncCard roleId={role.id} roleTitle={role.input.title} sync={role.sync} actions={{ loadStates: getRoleSyncStatesAction, retry: retryRoleSyncAction }} />
          {links ? (
            <section aria-labelledby="role-links-heading" className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="role-links-heading" className="text-sm font-semibold text-ink">
                Booking links
              </h2>
              <RoleBookingLinks className="mt-3" links={links} />
            </section>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
