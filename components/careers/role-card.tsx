import Link from "next/link";
import { ArrowRightIcon } from "@/components/careers/icons";
import { RoleFacts } from "@/components/careers/role-facts";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { PublicRoleSummary } from "@/lib/roles/queries";
import { careersRolePath } from "@/lib/routes";

export type RoleCardProps = {
  role: PublicRoleSummary;
  /** Heading level of the role title, to fit the page outline (default h3). */
  headingLevel?: "h2" | "h3" | "h4";
};

/** One open role in the careers list. The whole card is clickable through the "View role" link. */
export function RoleCard({ role, headingLevel: Heading = "h3" }: RoleCardProps) {
  return (
    <Card className="group relative flex h-full flex-col p-6 transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-100 hover:shadow-md">
      <Heading className="text-lg font-semibold leading-snug text-ink group-hover:text-brand-700">{role.title}</Heading>
      <RoleFacts role={role} className="mt-2 gap-x-4 gap-y-1" />
      <p className="mt-4 flex-1 text-sm leading-6 text-slate-600">{role.summary}</p>
      <Link
        href={careersRolePath(role.slug)}
        className="mt-5 inline-flex items-center gap-1.5 text-sm font-semibold text-brand-600 outline-none after:absolute after:inset-0 after:rounded-xl after:content-[''] group-hover:text-brand-700"
      >
        View role<span className="sr-only">: {role.title}</span>
        <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
      </Link>
    </Card>
  );
}

/** Placeholder with the card's shape, for loading.tsx. */
export function RoleCardSkeleton() {
  return (
    <Card className="flex flex-col p-6">
      <Skeleton className="h-6 w-2/3" />
      <div className="mt-3 flex gap-4">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-4 w-20" />
      </div>
      <Skeleton className="mt-5 h-4 w-full" />
      <Skeleton className="mt-2 h-4 w-5/6" />
      <Skeleton className="mt-6 h-4 w-24" />
    </Card>
  );
}
