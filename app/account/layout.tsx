import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireUser } from "@/lib/auth";

export const metadata: Metadata = { title: { default: "Account", template: "%s · Northwind Hiring" } };

/** /account: any signed-in user (signed out → /login?callbackUrl=…). */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
