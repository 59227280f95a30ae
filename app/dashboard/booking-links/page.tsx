import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { RoleBookingLinks } from "@/components/roles/role-booking-links";
import { EmptyState } from "@/components/ui/empty-state";
import { textLinkClasses } from "@/components/ui/text-link";
import { listPublishedRoleBookingLinks } from "@/lib/roles/booking-links-queries";
import { PATHS, settingsRolePath } from "@/lib/routes";
import { loadBookingLinksViewer } from "./load";

export const metadata: Metadata = { title: "Booking links" };

/** /dashboard/booking-links — each open role's booking links to send candidates (recruiters and admins). */
export default async function BookingLinksPage() {
  const user = await loadBookingLinksViewer();
  const roles = await listPublishedRoleBookingLinks();
  const isAdmin = user.role === "ADMIN";

  return (
    <div className="space-y-6">
      <PageHeader title="Booking links" description="Send a candidate one of these links: they pick a time with the role's interview panel." />
      {roles.length === 0 ? (
        <EmptyState title="No open roles." {...(isAdmin ? { action: { href: PATHS.settings, label: "Open settings" } } : {})}>
          A role gets booking links once an admin publishes it.
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {roles.map((links) => (
            <li key={links.roleId}>
              <section aria-labelledby={`role-${links.roleId}`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 id={`role-${links.roleId}`} className="text-base font-semibold text-ink">
                    {links.title}
                  </h2>
                  {isAdmin ? (
                    <Link href={settingsRolePath(links.roleId)} className={textLinkClasses({ className: "text-sm" })}>
                      Role settings
                    </Link>
                  ) : null}
                </div>
                <RoleBookingLinks className="mt-3" links={links} />
              </section>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
