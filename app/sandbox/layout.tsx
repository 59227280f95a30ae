import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireAdmin } from "@/lib/auth";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: { default: "Sandbox console", template: "%s · Sandbox · Northwind Hiring" } };

/** /sandbox: the Nylas sandbox's console. ADMIN only (signed out → /login, others → 403); 404 in live mode. */
export default async function SandboxLayout({ children }: { children: React.ReactNode }) {
  // Per request: the mode is runtime configuration (a build has none).
  await connection();
  if (getEnv().NYLAS_MODE !== "sandbox") notFound();
  const user = await requireAdmin();
  return <AppShell user={user}>{children}</AppShell>;
}
