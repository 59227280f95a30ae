import type { Metadata } from "next";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PATHS } from "@/lib/routes";

export const metadata: Metadata = { title: "Page not found" };

/** Rendered with HTTP 404 for unknown URLs and notFound(). */
export default function NotFound() {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-ink">Page not found</h1>
      <p className="mt-2 max-w-md text-sm text-muted">The page you are looking for does not exist or has moved.</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Link href={PATHS.careers} className={buttonClasses()}>
          See open roles
        </Link>
        <Link href={PATHS.dashboard} className={buttonClasses({ variant: "secondary" })}>
          Go to the dashboard
        </Link>
      </div>
    </main>
  );
}
