import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { requireUser } from "@/lib/auth";

/** /dashboard — the recruiter's home: interviews. */
export default async function DashboardPage() {
  // Layouts are not re-rendered on client navigation, so the page checks too (cached per request).
  const user = await requireUser("/dashboard");

  return (
    <div className="space-y-8">
      <PageHeader title="Interviews" description={`Welcome back, ${user.name}.`} />
      <section
        aria-label="Interviews"
        className="flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center"
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.5" className="size-10 text-slate-400">
          <rect x="3" y="4.5" width="18" height="16" rx="2" />
          <path d="M3 9h18M8 2.5v4M16 2.5v4" strokeLinecap="round" />
        </svg>
        <p className="mt-4 max-w-md text-sm text-muted">
          <span className="block text-base font-semibold text-ink">No interviews yet.</span>{" "}
          They appear here as soon as a candidate books on the careers page.
        </p>
        <Link href="/careers" className={buttonClasses({ variant: "secondary", className: "mt-6" })}>
          Open the careers page
        </Link>
      </section>
    </div>
  );
}
