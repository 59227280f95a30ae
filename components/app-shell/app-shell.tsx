import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLink } from "@/components/app-shell/nav-link";
import { Badge } from "@/components/ui/badge";
import { getRoleLabel } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/users";
import { getEnv } from "@/lib/env";
import { getLinkedInterviewer } from "@/lib/privacy/recording-settings";
import { PATHS } from "@/lib/routes";

export type AppShellProps = {
  user: SessionUser;
  children: React.ReactNode;
};

/** The signed-in chrome shared by /dashboard, /settings and /account: top nav, user, sign out. */
export async function AppShell({ user, children }: AppShellProps) {
  // "Account" holds an interviewer's own preferences (recording): shown to those who are one.
  const isInterviewer = (await getLinkedInterviewer(user.email)) !== null;
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a href="#main" className="sr-only z-50 rounded-md bg-white px-4 py-2 text-sm font-medium text-ink shadow focus:not-sr-only focus:fixed focus:left-4 focus:top-4">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
          <Link href={PATHS.dashboard} className="rounded-sm text-base font-semibold tracking-tight text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600">
            Northwind Hiring
          </Link>
          <nav aria-label="Main">
            <ul className="flex items-center gap-1">
              <li>
                <NavLink href={PATHS.dashboard}>Dashboard</NavLink>
              </li>
              {user.role !== "INTERVIEWER" ? (
                <li>
                  <NavLink href={PATHS.bookingLinks}>Booking links</NavLink>
                </li>
              ) : null}
              {user.role === "ADMIN" ? (
                <li>
                  <NavLink href={PATHS.settings}>Settings</NavLink>
                </li>
              ) : null}
              {isInterviewer ? (
                <li>
                  <NavLink href={PATHS.account}>Account</NavLink>
                </li>
              ) : null}
              {user.role === "ADMIN" && getEnv().NYLAS_MODE === "sandbox" ? (
                <li>
                  <NavLink href={PATHS.sandbox}>Sandbox</NavLink>
                </li>
              ) : null}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            <p className="flex items-center gap-2 text-sm">
              <span className="font-medium text-ink">{user.name}</span>
              <Badge variant={user.role === "ADMIN" ? "info" : "neutral"}>{getRoleLabel(user.role)}</Badge>
            </p>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
