import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthPage } from "@/components/auth/auth-page";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { textLinkClasses } from "@/components/ui/text-link";
import { getCurrentUser } from "@/lib/auth";
import { DEFAULT_SIGNED_IN_PATH, getSafeCallbackUrl } from "@/lib/auth/callback-url";
import { PATHS } from "@/lib/routes";

export const metadata: Metadata = { title: "Sign in" };

type LoginPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** /login — email + password sign-in; signed-in visitors go straight to the dashboard. */
export default async function LoginPage({ searchParams }: LoginPageProps) {
  const user = await getCurrentUser();
  if (user) redirect(DEFAULT_SIGNED_IN_PATH);

  const params = await searchParams;
  const callbackUrl = getSafeCallbackUrl(first(params.callbackUrl));
  const error = first(params.error) ?? null;
  // After a reset link set a new password (loginNoticeHref("password-reset")).
  const notice = first(params.notice) === "password-reset" ? <Alert variant="success">Your password has been reset. Sign in with your new password.</Alert> : null;

  return (
    <AuthPage title="Sign in" description="For recruiters, interviewers and admins." notice={notice} footer={{ text: "Looking for a job?", href: PATHS.careers, label: "See open roles" }}>
      <LoginForm callbackUrl={callbackUrl} initialError={error} />
      <p className="mt-5 text-center text-sm">
        <Link href={PATHS.forgotPassword} className={textLinkClasses()}>
          Forgot password?
        </Link>
      </p>
    </AuthPage>
  );
}
