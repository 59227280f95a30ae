import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: { default: "Dashboard", template: "%s · Northwind Hiring" } };

/** Every /dashboard page: signed-in users only (signed out → /login?callbackUrl=…). */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
