/**
 * Schemas for the team page's forms and actions and the invitation page (issue 17). Pure and
 * client-safe: the forms show the same messages the actions answer.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { isTokenShape } from "@/lib/auth/tokens";
import { zId } from "@/lib/validations/ids";
import { ZPersonName } from "./account";
import { USER_ROLES, ZEmail, ZNewPassword } from "./auth";

const ZRole = z.enum(USER_ROLES, { error: "Choose Admin, Recruiter or Interviewer." });

/** "Send invitation": Email and Role. */
export const ZInvite = z.object({ email: ZEmail, role: ZRole });
export type TInvite = z.infer<typeof ZInvite>;

/** The invite form's state: an email that already has a pending invitation offers "Resend" for it. */
export type TInviteState = TActionState<object, { pendingInvitationId?: string; values?: { email: string; role: string } }>;

/** Resend or revoke one invitation. */
export const ZInvitationId = z.object({ id: zId("That is not an invitation.") });

/** A row's "Change role". */
export const ZChangeRole = z.object({ userId: zId("That is not a user."), role: ZRole });

/** A row's "Deactivate" / "Reactivate". */
export const ZSetActive = z.object({ userId: zId("That is not a user."), active: z.enum(["true", "false"], { error: "Say whether to deactivate or reactivate." }).transform((v) => v === "true") });

/** /invite/<token>: "Name" and "Password" → "Create account". */
export const ZAcceptInvitation = z.object({
  token: z.string().refine(isTokenShape, "This invitation link is not valid."),
  name: ZPersonName,
  password: ZNewPassword,
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

/** On success the page signs the new account in with the email the invitation was for. */
export type TAcceptInvitationState = TActionState<{ email: string }, { values?: { name: string } }>;

export type TTeamRowState = TActionState;
