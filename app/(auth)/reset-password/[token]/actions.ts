"use server";

import { redirect } from "next/navigation";
import { definePublicAction, formFields } from "@/lib/actions/define-action";
import { resetPassword } from "@/lib/auth/password-reset";
import { describeResetLinkProblem } from "@/lib/auth/password-reset-email";
import { loginNoticeHref } from "@/lib/routes";
import { ZResetPasswordInput, type TResetPasswordState } from "@/lib/validations/account";

/**
 * POST (server action) /reset-password/<token> — "Set new password". Public: the one-time token is
 * the credential. On success the link is spent, every session of the person ends, and the browser
 * goes to /login with a notice; a spent, expired or unknown link says which. For useActionState.
 */
export const resetPasswordAction = definePublicAction({
  name: "auth.password-reset",
  input: (_previous: TResetPasswordState, formData: FormData) => formFields(formData, "token", "newPassword", "confirmPassword"),
  schema: ZResetPasswordInput,
  failed: "Could not set your new password. It is unchanged. Try again.",
  handler: async ({ token, newPassword }): Promise<TResetPasswordState> => {
    const result = await resetPassword({ token, newPassword });
    if (!result.ok) return { status: "error", message: describeResetLinkProblem(result.problem), fieldErrors: {}, linkProblem: result.problem };
    redirect(loginNoticeHref("password-reset"));
  },
});
