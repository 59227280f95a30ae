import Link from "next/link";
import { Logo } from "@/components/careers/logo";

/** Top bar of the public careers site. */
export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6 lg:px-8">
        <Link href="/careers" className="flex items-center gap-3 rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-600">
          <Logo />
          <span className="hidden border-l border-slate-200 pl-3 text-sm font-medium text-muted sm:inline">Careers</span>
        </Link>
        <nav aria-label="Main">
          <Link
            href="/careers#open-roles"
            className="inline-flex h-9 items-center rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Open roles
          </Link>
        </nav>
      </div>
    </header>
  );
}
