/**
 * The account forms (issue 17): "Profile" and "Password" on /account, "Forgot password?" on
 * /forgot-password and the new password on /reset-password/<token>. What they send and what a
 * save answers. Pure and client-safe (no db, no next/*, no node:*): the forms, the server actions
 * and lib/auth share them.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { MAX_PASSWORD_LENGTH, ZEmail, ZNewPassword } from "@/lib/validations/auth";

export const MAX_NAME_LENGTH = 200;

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A person's name, as they type it on /account or the invitation page. */
export const ZPersonName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(MAX_NAME_LENGTH, `Your name must be at most ${MAX_NAME_LENGTH} characters.`)
  .refine((name) => !CONTROL_CHARACTERS.test(name), "Your name cannot contain line breaks or control characters.");

export const ZProfileInput = z.object({ name: ZPersonName });
export type TProfileInput = z.infer<typeof ZProfileInput>;
/** A save of the profile: on success, the name now stored. */
export type TProfileState = TActionState<{ name: string }>;

const ZConfirmPassword = z.string({ error: "Type the new password again." }).min(1, "Type the new password again.");
const PASSWORDS_DIFFER = { path: ["confirmPassword"], message: "The two new passwords do not match." };

export const ZChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH, "That password is too long."),
    newPassword: ZNewPassword,
    confirmPassword: ZConfirmPassword,
  })
  .refine((v) => v.newPassword === v.confirmPassword, PASSWORDS_DIFFER)
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a new password that differs from your current one." });
export type TChangePasswordInput = z.infer<typeof ZChangePasswordInput>;
export type TChangePasswordState = TActionState;

export const ZForgotPasswordInput = z.object({ email: z.string({ error: "Enter your email address." }).pipe(ZEmail) });
export type TForgotPasswordState = TActionState;

export const ZResetPasswordInput = z
  .object({
    // Its shape is checked by lib/auth/password-reset.ts (isTokenShape) before any query.
    token: z.string({ error: "This reset link is not valid." }).max(100, "This reset link is not valid."),
    newPassword: ZNewPassword,
    confirmPassword: ZConfirmPassword,
  })
  .refine((v) => v.newPassword === v.confirmPassword, PASSWORDS_DIFFER);
export type TResetPasswordInput = z.infer<typeof ZResetPasswordInput>;

/** Why a reset link cannot be used (lib/auth/password-reset.ts). */
export type ResetLinkProblem = "expired" | "used" | "invalid";
/** A reset: success redirects to /login; an error may say the link itself is the problem (then the page offers a new link). */
export type TResetPasswordState = TActionState<object, { linkProblem?: ResetLinkProblem }>;
