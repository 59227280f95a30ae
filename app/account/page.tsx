import type { Metadata } from "next";
import { AccountCalendar } from "@/components/account/account-calendar";
import { PageHeader } from "@/components/app-shell/page-header";
import { PasswordSection } from "@/components/account/password-section";
import { ProfileSection } from "@/components/account/profile-section";
import { RecordingPreferenceSection } from "@/components/account/recording-preference-section";
import { getRoleLabel } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth";
import { getLinkedInterviewer } from "@/lib/privacy/recording-settings";
import { PATHS } from "@/lib/routes";
import { changePasswordAction, saveOwnRecordingPreferenceAction, saveProfileAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

/** /account — the signed-in user's own account: profile (name; role shown), password, calendar connection, and for an interviewer whether interviews they run are recorded. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  const user = await requireUser(PATHS.account);
  const interviewer = await getLinkedInterviewer(user.email);
  return (
    <div className="space-y-8">
      <PageHeader title="Account" description={`${user.name} · ${user.email} · ${getRoleLabel(user.role)}`} />
      <ProfileSection name={user.name} email={user.email} roleLabel={getRoleLabel(user.role)} action={saveProfileAction} />
      <PasswordSection email={user.email} action={changePasswordAction} />
      <AccountCalendar user={user} result={(await searchParams).calendar} />
      <RecordingPreferenceSection interviewer={interviewer} email={user.email} action={saveOwnRecordingPreferenceAction} />
    </div>
  );
}
