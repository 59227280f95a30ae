import Link from "next/link";
import { ArrowLeftIcon } from "@/components/careers/icons";

/** Shown for unknown or unpublished role slugs. */
export default function RoleNotFound() {
  return (
    <div className="mx-auto flex max-w-2xl flex-col items-center px-4 py-24 text-center sm:px-6">
      <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">404</p>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-ink">We couldn&apos;t find that role</h1>
      <p className="mt-4 text-base leading-7 text-muted">It may have been filled or closed, or the link may be mistyped. Our current openings are all on the careers page.</p>
      <Link
        href="/careers#open-roles"
        className="mt-8 inline-flex h-11 items-center gap-2 rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <ArrowLeftIcon className="size-4" />
        See all open roles
      </Link>
    </div>
  );
}
