import type { Metadata } from "next";
import { AuthPage } from "@/components/auth/auth-page";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { PATHS } from "@/lib/routes";
import { requestPasswordResetAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password" };

/** /forgot-password — public: ask for a reset link by email (the answer never says whether the account exists). */
export default function ForgotPasswordPage() {
  return (
    <AuthPage
      title="Forgot password"
      description="Enter the email you sign in with. If it has an account, we'll email it a link to choose a new password."
      footer={{ text: "Remembered it?", href: PATHS.login, label: "Back to sign in" }}
    >
      <ForgotPasswordForm action={requestPasswordResetAction} />
    </AuthPage>
  );
}
