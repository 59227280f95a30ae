"use server";

import { headers } from "next/headers";
import { definePublicAction, formFields } from "@/lib/actions/define-action";
import { actionError } from "@/lib/actions/state";
import { getClientIp } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/auth/password-reset";
import { FORGOT_PASSWORD_ANSWER } from "@/lib/auth/password-reset-email";
import { getEnv } from "@/lib/env";
import { formatMinutes } from "@/lib/utils";
import { ZForgotPasswordInput, type TForgotPasswordState } from "@/lib/validations/account";

/**
 * POST (server action) /forgot-password — "Send reset link". Public. The same answer whether or
 * not the email has an account; rate-limited per IP address and per email. For useActionState.
 */
export const requestPasswordResetAction = definePublicAction({
  name: "auth.password-reset-request",
  input: (_previous: TForgotPasswordState, formData: FormData) => formFields(formData, "email"),
  schema: ZForgotPasswordInput,
  failed: "Could not send a reset link. Try again in a moment.",
  handler: async ({ email }): Promise<TForgotPasswordState> => {
    const result = await requestPasswordReset({ email, ip: getClientIp(await headers()), appUrl: getEnv().APP_URL });
    if (result.status === "rate_limited") return actionError(`Too many reset requests. Try again in ${formatMinutes(result.retryAfterMinutes)}.`);
    return { status: "success", message: FORGOT_PASSWORD_ANSWER };
  },
});
