import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireAdmin } from "@/lib/auth";

export const metadata: Metadata = { title: { default: "Settings", template: "%s · Settings · Northwind Hiring" } };

/** Every /settings page: ADMIN only (signed out → /login, other roles → 403 page). */
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin();
  return (
    <AppShell user={user}>
      <div className="space-y-8">
        <SettingsNav />
        {children}
      </div>
    </AppShell>
  );
}
