import Link from "next/link";
import { LogoMark } from "@/components/careers/logo";

/** Footer of the public careers site. */
export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-6 px-4 py-10 sm:flex-row sm:items-center sm:justify-between sm:px-6 lg:px-8">
        <div className="flex items-center gap-3">
          <LogoMark className="size-7" />
          <p className="text-sm text-muted">© {year} Northwind. Built with care for every candidate.</p>
        </div>
        <nav aria-label="Footer" className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <Link href="/careers#open-roles" className="text-muted hover:text-ink">
            Open roles
          </Link>
          <Link href="/careers#how-we-interview" className="text-muted hover:text-ink">
            How we interview
          </Link>
          <Link href="/login" className="text-muted hover:text-ink">
            Team sign-in
          </Link>
        </nav>
      </div>
    </footer>
  );
}
