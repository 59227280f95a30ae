import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { getRoleLabel } from "@/lib/auth/roles";
import { getInvitationForToken } from "@/lib/team/invitations";
import { INVITATION_UNUSABLE_MESSAGES } from "@/lib/team/rules";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Create your account", referrer: "no-referrer" };

type InvitePageProps = { params: Promise<{ token: string }> };

/**
 * /invite/<token> — public. A pending invitation: its email and role, and "Name", "Password" →
 * "Create account". An expired, used, revoked or unknown link says which, and offers nothing else.
 */
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const invitation = await getInvitationForToken(token);
  const unusable = invitation.status === "pending" ? null : INVITATION_UNUSABLE_MESSAGES[invitation.status];

  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700">Northwind Hiring</p>
        <h1 className="mt-2 text-center text-2xl font-semibold tracking-tight text-ink">{unusable ? unusable.title : "Create your account"}</h1>
        {unusable ? (
          <p className="mt-4 text-center text-sm text-muted">{unusable.body}</p>
        ) : invitation.status === "pending" ? (
          <>
            <p className="mt-2 text-center text-sm text-muted [overflow-wrap:anywhere]">
              You were invited as {getRoleLabel(invitation.role)} with <span className="font-medium text-ink">{invitation.email}</span>. Choose your name and a password.
            </p>
            <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
              <AcceptInvitationForm token={token} action={acceptInvitationAction} />
            </div>
          </>
        ) : null}
      </div>
    </main>
  );
}
