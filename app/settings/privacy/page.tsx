import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/page-header";
import { RecordingPolicySection } from "@/components/settings/privacy/recording-policy-section";
import { requireAdmin } from "@/lib/auth";
import { PATHS } from "@/lib/routes";
import { saveRecordingPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Privacy" };

/**
 * /settings/privacy — the organisation's privacy settings (issue 16). ADMIN only. Each section is a
 * component of components/settings/privacy/ that loads its own data and is given its action, so a
 * section is one line here.
 */
export default async function PrivacyPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settingsPrivacy);
  return (
    <div className="space-y-8">
      <PageHeader title="Privacy" description="How interviews are recorded, and what candidates are asked first." />
      <RecordingPolicySection action={saveRecordingPolicyAction} />
    </div>
  );
}
