"use server";

import { definePublicAction, formFields } from "@/lib/actions/define-action";
import { acceptInvitation } from "@/lib/team/invitations";
import { ZAcceptInvitation, type TAcceptInvitationState } from "@/lib/validations/team";

/**
 * POST (server action) /invite/<token> — "Create account" (Name, Password). Public: the one-time
 * token is the authority (single use, expiring, looked up by its hash). On success the page signs
 * the new account in (next-auth's credentials sign-in, client side) and lands on the dashboard.
 */
export const acceptInvitationAction = definePublicAction({
  name: "team.invitation-accept",
  input: (_previous: TAcceptInvitationState, formData: FormData) => formFields(formData, "token", "name", "password"),
  schema: ZAcceptInvitation,
  failed: "Could not create your account. Nothing was saved; try again.",
  errorData: (_previous: TAcceptInvitationState, formData: FormData) => {
    const name = formData instanceof FormData ? formData.get("name") : null;
    return { values: { name: typeof name === "string" ? name.slice(0, 200) : "" } };
  },
  handler: (input): Promise<TAcceptInvitationState> => acceptInvitation(input),
});
