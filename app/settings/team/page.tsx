import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { InviteForm } from "@/components/settings/team/invite-form";
import { InvitationsTable, TeamUsersTable } from "@/components/settings/team/team-tables";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireAdmin } from "@/lib/auth";
import { buildAuditHref } from "@/lib/routes";
import { listTeam } from "@/lib/team/members";
import { changeUserRoleAction, inviteUserAction, resendInvitationAction, revokeInvitationAction, setUserActiveAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

/** /settings/team — every user (role, status, calendar, last sign-in), invitations, and the invite form. ADMIN only. */
export default async function TeamPage() {
  // The layout checks too; pages repeat it because layouts are skipped on client navigation.
  const user = await requireAdmin();
  const { users, invitations } = await listTeam();

  return (
    <div className="space-y-8">
      <PageHeader
        title="Team"
        description={
          <span className="block max-w-3xl">
            Invite people by email: the link lets them choose their name and password, and works once, for 7 days. Change a role or deactivate someone in their row; a deactivated person is signed out
            at once and cannot sign in. There is always at least one active admin.{" "}
            <Link href={buildAuditHref({ entityType: "user" })} className={textLinkClasses()}>
              Audit log of team changes
            </Link>
          </span>
        }
      />

      <section aria-labelledby="invite-heading" className="space-y-3">
        <h2 id="invite-heading" className="text-lg font-semibold text-ink">
          Invite
        </h2>
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <InviteForm action={inviteUserAction} resendAction={resendInvitationAction} />
        </div>
      </section>

      <section aria-labelledby="users-heading" className="space-y-3">
        <h2 id="users-heading" className="text-lg font-semibold text-ink">
          Users
        </h2>
        <TeamUsersTable rows={users} currentUserId={user.id} changeRoleAction={changeUserRoleAction} setActiveAction={setUserActiveAction} />
      </section>

      <section aria-labelledby="invitations-heading" className="space-y-3">
        <h2 id="invitations-heading" className="text-lg font-semibold text-ink">
          Invitations
        </h2>
        <InvitationsTable rows={invitations} resendAction={resendInvitationAction} revokeAction={revokeInvitationAction} />
      </section>
    </div>
  );
}
