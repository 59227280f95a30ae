"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import type { TActionState } from "@/lib/actions/state";
import { createInvitation, resendInvitation, revokeInvitation } from "@/lib/team/invitations";
import { changeUserRole, setUserActive } from "@/lib/team/members";
import { PATHS } from "@/lib/routes";
import { ZChangeRole, ZInvitationId, ZInvite, ZSetActive, type TInviteState, type TTeamRowState } from "@/lib/validations/team";

function revalidateTeam<S extends TActionState>(state: S): S {
  if (state.status === "success") revalidatePath(PATHS.settingsTeam);
  return state;
}

const text = (value: FormDataEntryValue | undefined) => (typeof value === "string" ? value : "");

/** POST (server action) /settings/team — "Send invitation" (Email, Role). ADMIN only. For useActionState. */
export const inviteUserAction = defineAction({
  name: "team.invite",
  roles: ["ADMIN"],
  input: (_previous: TInviteState, formData: FormData) => formFields(formData, "email", "role"),
  schema: ZInvite,
  failed: "Could not send the invitation. Nothing was sent; try again.",
  // What was typed comes back with an error, so nothing typed is lost.
  errorData: (_previous: TInviteState, formData: FormData) => {
    const fields = formFields(formData, "email", "role");
    return { values: { email: text(fields.email).slice(0, 320), role: text(fields.role).slice(0, 20) } };
  },
  handler: async (input, user): Promise<TInviteState> => revalidateTeam(await createInvitation(user, input)),
});

/** POST (server action) /settings/team — "Resend" on an invitation: a new link, valid 7 days. ADMIN only. */
export const resendInvitationAction = defineAction({
  name: "team.invitation-resend",
  roles: ["ADMIN"],
  input: (_previous: TTeamRowState, formData: FormData) => formFields(formData, "id"),
  schema: ZInvitationId,
  failed: "Could not resend the invitation. Try again.",
  handler: async ({ id }, user): Promise<TTeamRowState> => revalidateTeam(await resendInvitation(user, id)),
});

/** POST (server action) /settings/team — "Revoke" on an invitation. ADMIN only. */
export const revokeInvitationAction = defineAction({
  name: "team.invitation-revoke",
  roles: ["ADMIN"],
  input: (_previous: TTeamRowState, formData: FormData) => formFields(formData, "id"),
  schema: ZInvitationId,
  failed: "Could not revoke the invitation. Try again.",
  handler: async ({ id }, user): Promise<TTeamRowState> => revalidateTeam(await revokeInvitation(user, id)),
});

/** POST (server action) /settings/team — a user's "Change role". ADMIN only; the last active admin stays an admin. */
export const changeUserRoleAction = defineAction({
  name: "team.role-change",
  roles: ["ADMIN"],
  input: (_previous: TTeamRowState, formData: FormData) => formFields(formData, "userId", "role"),
  schema: ZChangeRole,
  failed: "Could not change the role. Nothing was changed; try again.",
  handler: async ({ userId, role }, user): Promise<TTeamRowState> => revalidateTeam(await changeUserRole(user, userId, role)),
});

/** POST (server action) /settings/team — a user's "Deactivate" / "Reactivate". ADMIN only; not yourself, not the last active admin. */
export const setUserActiveAction = defineAction({
  name: "team.set-active",
  roles: ["ADMIN"],
  input: (_previous: TTeamRowState, formData: FormData) => formFields(formData, "userId", "active"),
  schema: ZSetActive,
  failed: "Could not change the account. Nothing was changed; try again.",
  handler: async ({ userId, active }, user): Promise<TTeamRowState> => revalidateTeam(await setUserActive(user, userId, active)),
});
