"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { PATHS } from "@/lib/routes";
import { cn } from "@/lib/utils";

const under = (pathname: string, base: string) => pathname === base || pathname.startsWith(`${base}/`);

const ITEMS = [
  {
    href: PATHS.settings,
    label: "Overview",
    // Roles and panels are edited from the overview.
    isActive: (pathname: string) => pathname === PATHS.settings || under(pathname, `${PATHS.settings}/roles`) || under(pathname, `${PATHS.settings}/panels`),
  },
  { href: PATHS.settingsTeam, label: "Team", isActive: (pathname: string) => under(pathname, PATHS.settingsTeam) },
  { href: PATHS.settingsLoad, label: "Load", isActive: (pathname: string) => under(pathname, PATHS.settingsLoad) },
  { href: PATHS.settingsAudit, label: "Audit log", isActive: (pathname: string) => under(pathname, PATHS.settingsAudit) },
  { href: PATHS.settingsWebhooks, label: "Webhook deliveries", isActive: (pathname: string) => under(pathname, PATHS.settingsWebhooks) },
  { href: PATHS.settingsJobs, label: "Jobs", isActive: (pathname: string) => under(pathname, PATHS.settingsJobs) },
  { href: PATHS.settingsPrivacy, label: "Privacy", isActive: (pathname: string) => under(pathname, PATHS.settingsPrivacy) },
] as const;

/** The sub-navigation inside /settings: one tab per settings page; the current one is marked. */
export function SettingsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Settings sections" className="border-b border-slate-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {ITEMS.map((item) => {
          const isActive = item.isActive(pathname);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={isActive ? "page" : undefined}
                className={cn(
                  "inline-flex items-center border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                  "rounded-t-md focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600",
                  isActive ? "border-brand-600 text-brand-700" : "border-transparent text-muted hover:border-slate-300 hover:text-ink",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
