import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
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

  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <p className="text-center text-sm font-semibold tracking-wide text-brand-700">Northwind Hiring</p>
        <h1 className="mt-2 text-center text-2xl font-semibold tracking-tight text-ink">Sign in</h1>
        <p className="mt-2 text-center text-sm text-muted">For recruiters, interviewers and admins.</p>

        <div className="mt-8 rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <LoginForm callbackUrl={callbackUrl} initialError={error} />
        </div>

        <p className="mt-6 text-center text-sm text-muted">
          Looking for a job?{" "}
          <Link href={PATHS.careers} className={textLinkClasses()}>
            See open roles
          </Link>
        </p>
      </div>
    </main>
  );
}
