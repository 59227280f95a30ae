/** Schemas for sign-in and user management, shared by the login form, authorize() and scripts. */
import { z } from "zod";

export const USER_ROLES = ["ADMIN", "RECRUITER", "INTERVIEWER"] as const;
export const MIN_PASSWORD_LENGTH = 8;
// scrypt cost does not depend on length, but there is no reason to accept megabytes.
export const MAX_PASSWORD_LENGTH = 1024;

export const ZEmail = z.string().trim().min(1, "Enter your email address.").max(320, "That email address is too long.").pipe(z.email("Enter a valid email address."));

/** Sign-in form / credentials provider input. */
export const ZSignIn = z.object({
  email: ZEmail,
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH, "That password is too long."),
});
export type TSignIn = z.infer<typeof ZSignIn>;

/** A password being set (user:create, future profile pages). */
export const ZNewPassword = z
  .string({ error: "Enter a new password." })
  .min(MIN_PASSWORD_LENGTH, `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `Password must be at most ${MAX_PASSWORD_LENGTH} characters.`);

export const ZUserRole = z.preprocess((value) => (typeof value === "string" ? value.trim().toUpperCase() : value), z.enum(USER_ROLES, { error: `Role must be one of ${USER_ROLES.join(", ")}.` }));

/** `npm run user:create` arguments (the password is read separately when not given). */
export const ZUserCreateArgs = z.object({
  email: ZEmail,
  role: ZUserRole,
  name: z.string().trim().min(1, "Name must not be empty.").max(200).optional(),
  password: ZNewPassword.optional(),
});
export type TUserCreateArgs = z.infer<typeof ZUserCreateArgs>;
