import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PATHS } from "@/lib/routes";

export const metadata: Metadata = { title: "No access" };

/** Rendered with HTTP 403 by forbidden(): signed in, but not allowed here (settings, or another interviewer's interview). */
export default function Forbidden() {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">You don&apos;t have access to this page</h1>
      <p className="mt-2 max-w-md text-sm text-muted">Settings are for admins, and interviewers see only the interviews they run. If you need access, ask an admin.</p>
      <Link href={PATHS.dashboard} className={buttonClasses({ className: "mt-6" })}>
        Back to the dashboard
      </Link>
    </main>
  );
}
