import type { Metadata } from "next";
import { FormPageHeader } from "@/components/settings/form/form-page-header";
import { RoleForm } from "@/components/settings/roles/role-form";
import { requireAdmin } from "@/lib/auth";
import { PATHS } from "@/lib/routes";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { defaultRoleInput, listPanelOptions } from "@/lib/settings/roles";
import { saveRoleAction } from "../../actions";

export const metadata: Metadata = { title: "New role" };

/** /settings/roles/new — create a role (saved as a draft unless "Published" is ticked). */
export default async function NewRolePage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.newRole);
  const [panels, privacy] = await Promise.all([listPanelOptions(), getPrivacySettings()]);
  const only = panels.length === 1 ? panels[0]!.id : "";
  return (
    <div className="space-y-6">
      <FormPageHeader title="New role" description="A job opening with its own careers page, booked through one interview panel." />
      <div className="max-w-3xl">
        <RoleForm roleId={null} initial={defaultRoleInput(only)} updatedAt={null} scorecardVersion={null} panels={panels} organisationPolicy={privacy.recordingPolicy} save={saveRoleAction} />
      </div>
    </div>
  );
}
