import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/app-shell/page-header";
import { RecordingPolicySection } from "@/components/settings/privacy/recording-policy-section";
import { RetentionPreviewList, RetentionPreviewLoading, RetentionSection } from "@/components/settings/privacy/retention-section";
import { requireAdmin } from "@/lib/auth";
import { listDeletionLog, previewRetention } from "@/lib/privacy/retention-run";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { PATHS } from "@/lib/routes";
import { saveRecordingPolicyAction } from "./actions";
import { saveRetentionRulesAction } from "./retention-actions";

export const metadata: Metadata = { title: "Privacy" };

/**
 * /settings/privacy — the organisation's privacy settings (issue 16): the recording policy, the
 * retention rules with what the next run deletes, and the deletion log. ADMIN only. Each section is
 * a component of components/settings/privacy/, given its data and its action.
 */
export default async function PrivacyPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  await requireAdmin(PATHS.settingsPrivacy);
  const [settings, log] = await Promise.all([getPrivacySettings(), listDeletionLog()]);
  return (
    <div className="space-y-8">
      <PageHeader
        title="Privacy"
        description="How interviews are recorded and what candidates are asked first; how long recordings, transcripts and candidates' details are kept, and what has been deleted."
      />
      <RecordingPolicySection action={saveRecordingPolicyAction} />
      <RetentionSection
        settings={settings}
        preview={
          <Suspense fallback={<RetentionPreviewLoading />}>
            <NextRunPreview />
          </Suspense>
        }
        log={log}
        save={saveRetentionRulesAction}
      />
    </div>
  );
}

/** The preview walks every candidate with due work: seconds with a large backlog, so it streams in. */
async function NextRunPreview() {
  return <RetentionPreviewList preview={await previewRetention(new Date())} />;
}
