import type { Metadata } from "next";
import Link from "next/link";
import { CalendarIcon, CheckCircleIcon, MicIcon, SparkIcon, UsersIcon, VideoIcon } from "@/components/careers/icons";
import { RoleCard } from "@/components/careers/role-card";
import { Card } from "@/components/ui/card";
import { groupRolesByTeam } from "@/lib/roles/group-by-team";
import { listPublishedRoles } from "@/lib/roles/queries";

// Reads the database at request time, never at build.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { absolute: "Careers at Northwind" },
  description: "Open roles at Northwind. Pick a role and book your interview yourself, at a time that suits you.",
};

const VALUES = [
  {
    icon: SparkIcon,
    title: "Own real problems",
    text: "Small teams own whole products, from the first sketch to the on-call rota. Your work ships to customers every week.",
  },
  {
    icon: UsersIcon,
    title: "Work with kind, senior people",
    text: "We write things down, review each other's work generously and keep meetings rare, so there is time to think.",
  },
  {
    icon: CheckCircleIcon,
    title: "Grow on purpose",
    text: "A yearly learning budget, a written career framework and regular time set aside to learn something new.",
  },
] as const;

const STEPS = [
  {
    icon: CalendarIcon,
    title: "Book your own slot",
    text: "Choose a role and pick a time straight from our interviewers' live calendars. No back-and-forth emails.",
  },
  {
    icon: VideoIcon,
    title: "Join the video call",
    text: "Your confirmation includes the video call link and a calendar invite. Plans changed? Reschedule or cancel from the confirmation.",
  },
  {
    icon: MicIcon,
    title: "Know what to expect",
    text: "A focused conversation with one interviewer from the team about your experience and the role. Interviews may be recorded and transcribed with your consent, so your interviewer can listen instead of taking notes.",
  },
] as const;

export default async function CareersPage() {
  const roles = await listPublishedRoles();
  const teams = groupRolesByTeam(roles);

  return (
    <>
      {/* Hero */}
      <section className="relative overflow-hidden border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
        <svg aria-hidden="true" className="pointer-events-none absolute -right-24 -top-24 size-[28rem] text-brand-100 sm:-right-10" viewBox="0 0 200 200" fill="none">
          <circle cx="100" cy="100" r="98" stroke="currentColor" strokeWidth="2" />
          <circle cx="100" cy="100" r="70" stroke="currentColor" strokeWidth="2" />
          <circle cx="100" cy="100" r="42" stroke="currentColor" strokeWidth="2" />
          <path d="M40 40 118 82 100 100 82 118Z" fill="currentColor" />
          <path d="M118 82 160 160 82 118 100 100Z" fill="currentColor" fillOpacity={0.5} />
        </svg>
        <div className="relative mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24 lg:px-8">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-600">Careers at Northwind</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-ink sm:text-5xl">Help us move the world&apos;s goods, on time, every time.</h1>
          <p className="mt-6 max-w-2xl text-lg leading-8 text-muted">
            Northwind builds the routing, inventory and delivery software that thousands of independent distributors run on every day. We are a small, remote-friendly team that ships carefully and
            takes good care of each other — and of every candidate who talks to us.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="#open-roles"
              className="inline-flex h-11 items-center rounded-lg bg-brand-600 px-5 text-sm font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              See open roles
            </Link>
            <Link
              href="#how-we-interview"
              className="inline-flex h-11 items-center rounded-lg border border-slate-300 bg-white px-5 text-sm font-semibold text-ink shadow-sm transition-colors hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              How we interview
            </Link>
          </div>
        </div>
      </section>

      {/* Why Northwind */}
      <section aria-labelledby="why-heading" className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
        <h2 id="why-heading" className="sr-only">
          Why Northwind
        </h2>
        <div className="grid gap-8 sm:grid-cols-3">
          {VALUES.map(({ icon: Icon, title, text }) => (
            <div key={title}>
              <span className="flex size-10 items-center justify-center rounded-lg bg-brand-50 text-brand-600">
                <Icon className="size-5" />
              </span>
              <h3 className="mt-4 text-base font-semibold text-ink">{title}</h3>
              <p className="mt-2 text-sm leading-6 text-muted">{text}</p>
            </div>
          ))}
        </div>
      </section>

      {/* Open roles */}
      <section id="open-roles" aria-labelledby="open-roles-heading" className="scroll-mt-20 border-y border-slate-200 bg-slate-50">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 lg:px-8">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
            <h2 id="open-roles-heading" className="text-3xl font-bold tracking-tight text-ink">
              Open roles
            </h2>
            {roles.length > 0 ? (
              <p className="text-sm text-muted">
                {roles.length} {roles.length === 1 ? "open position" : "open positions"} across {teams.length} {teams.length === 1 ? "team" : "teams"}
              </p>
            ) : null}
          </div>

          {teams.length === 0 ? (
            <Card className="mt-10 flex flex-col items-center px-6 py-14 text-center">
              <span className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">
                <SparkIcon className="size-6" />
              </span>
              <h3 className="mt-4 text-lg font-semibold text-ink">No open roles right now</h3>
              <p className="mt-2 max-w-md text-sm leading-6 text-muted">We are not hiring for any positions at the moment. New roles are posted here first, so check back soon.</p>
            </Card>
          ) : (
            <div className="mt-10 space-y-12">
              {teams.map(({ team, roles: teamRoles }) => (
                <section key={team} aria-label={team}>
                  <h3 className="flex items-center gap-3 text-lg font-semibold text-ink">
                    {team}
                    <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-muted ring-1 ring-slate-200">{teamRoles.length}</span>
                  </h3>
                  <ul className="mt-4 grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
                    {teamRoles.map((role) => (
                      <li key={role.slug}>
                        <RoleCard role={role} headingLevel="h4" />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </div>
      </section>

      {/* How interviewing works */}
      <section id="how-we-interview" aria-labelledby="how-heading" className="mx-auto max-w-6xl scroll-mt-20 px-4 py-16 sm:px-6 lg:px-8">
        <h2 id="how-heading" className="text-3xl font-bold tracking-tight text-ink">
          How interviewing works
        </h2>
        <p className="mt-3 max-w-2xl text-base leading-7 text-muted">We want interviewing with us to be simple and respectful of your time.</p>
        <ol className="mt-10 grid gap-6 md:grid-cols-3">
          {STEPS.map(({ icon: Icon, title, text }, index) => (
            <li key={title}>
              <Card className="h-full p-6">
                <div className="flex items-center gap-3">
                  <span className="flex size-10 items-center justify-center rounded-lg bg-brand-600 text-white">
                    <Icon className="size-5" />
                  </span>
                  <span className="text-sm font-semibold text-brand-600">Step {index + 1}</span>
                </div>
                <h3 className="mt-4 text-base font-semibold text-ink">{title}</h3>
                <p className="mt-2 text-sm leading-6 text-muted">{text}</p>
              </Card>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
