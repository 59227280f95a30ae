import type { Metadata } from "next";
import Link from "next/link";
import { AuthPage } from "@/components/auth/auth-page";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { readPasswordReset } from "@/lib/auth/password-reset";
import { describeResetLinkProblem } from "@/lib/auth/password-reset-email";
import { PATHS } from "@/lib/routes";
import { resetPasswordAction } from "./actions";

// The token is in the URL: no Referer carries it anywhere, even to our own pages.
export const metadata: Metadata = { title: "Reset password", referrer: "no-referrer" };

type ResetPasswordPageProps = { params: Promise<{ token: string }> };

/**
 * /reset-password/<token> — public: a reset link from the email. A usable link shows the new
 * password form; an expired, used or unknown one says which and offers a new link.
 */
export default async function ResetPasswordPage({ params }: ResetPasswordPageProps) {
  const { token } = await params;
  const link = await readPasswordReset(token);
  const footer = { text: "Remembered it?", href: PATHS.login, label: "Back to sign in" };
  if (link.state !== "valid") {
    return (
      <AuthPage title="Reset password" footer={footer}>
        <div className="space-y-5">
          <Alert variant="error">{describeResetLinkProblem(link.state)}</Alert>
          <Link href={PATHS.forgotPassword} className={buttonClasses({ size: "lg", className: "w-full" })}>
            Request a new link
          </Link>
        </div>
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Reset password" description={`Choose a new password for ${link.email}. Every session signed in with the old one will be signed out.`} footer={footer}>
      <ResetPasswordForm token={token} email={link.email} action={resetPasswordAction} />
    </AuthPage>
  );
}
