import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeftIcon, ClockIcon } from "@/components/careers/icons";
import { InterviewDetails } from "@/components/careers/interview-details";
import { RoleFacts } from "@/components/careers/role-facts";
import { RoleDescription } from "@/components/careers/role-description";
import { BookingScheduler } from "@/components/scheduling/booking-scheduler";
import { Card } from "@/components/ui/card";
import { getPublishedRoleBySlug, getSchedulerSettings } from "@/lib/roles/queries";

// Reads the database at request time, never at build. No loading.tsx on purpose: a streamed
// response is committed as 200 before notFound() runs, and unknown roles must answer 404.
export const dynamic = "force-dynamic";

type RolePageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: RolePageProps): Promise<Metadata> {
  const { slug } = await params;
  const role = await getPublishedRoleBySlug(slug);
  if (!role) return { title: "Role not found" };
  return { title: role.title, description: role.summary };
}

export default async function RolePage({ params }: RolePageProps) {
  const { slug } = await params;
  const role = await getPublishedRoleBySlug(slug);
  if (!role) notFound();
  const { schedulerApiUrl } = getSchedulerSettings();
  const canBook = role.configurationId !== null;

  return (
    <>
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto max-w-5xl px-4 pb-10 pt-8 sm:px-6 lg:px-8">
          <Link
            href="/careers#open-roles"
            className="inline-flex items-center gap-1.5 rounded text-sm font-medium text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <ArrowLeftIcon className="size-4" />
            All open roles
          </Link>
          <p className="mt-8 text-sm font-semibold uppercase tracking-wider text-brand-600">{role.team}</p>
          <h1 className="mt-2 text-3xl font-bold tracking-tight text-ink sm:text-4xl">{role.title}</h1>
          <RoleFacts role={role} showTeam className="mt-4 gap-x-6 gap-y-2" />
          <p className="mt-6 max-w-3xl text-lg leading-8 text-slate-700">{role.summary}</p>
        </div>
      </section>

      <div className="mx-auto grid max-w-5xl gap-10 px-4 py-12 sm:px-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:px-8">
        <section aria-labelledby="about-heading" className="min-w-0">
          <h2 id="about-heading" className="text-xl font-semibold text-ink">
            About the role
          </h2>
          <div className="mt-5">
            <RoleDescription text={role.description} />
          </div>
        </section>
        <aside aria-label="Interview details" className="lg:sticky lg:top-24 lg:self-start">
          <InterviewDetails interview={role.interview} canBook={canBook} />
        </aside>
      </div>

      <section id="book" aria-labelledby="book-heading" className="scroll-mt-16 border-t border-slate-200 bg-slate-50">
        <div className="mx-auto max-w-5xl px-4 py-12 sm:px-6 lg:px-8">
          <h2 id="book-heading" className="text-2xl font-bold tracking-tight text-ink">
            Book your interview
          </h2>
          <p className="mt-2 max-w-2xl text-base leading-7 text-muted">
            Pick a day and a time that work for you. Times are shown in your time zone. You&apos;ll get a confirmation with the video call link straight away, and you can reschedule or cancel from it.
          </p>
          <div className="mt-8">
            {role.configurationId ? (
              <BookingScheduler configurationId={role.configurationId} schedulerApiUrl={schedulerApiUrl} consentMessage={role.interview.consentMessage} />
            ) : (
              <Card role="status" className="mx-auto flex max-w-xl flex-col items-center px-6 py-12 text-center">
                <span className="flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">
                  <ClockIcon className="size-6" />
                </span>
                <p className="mt-4 text-base font-semibold text-ink">Booking for this role opens shortly — check back in a minute.</p>
                <p className="mt-2 text-sm text-muted">We&apos;re getting our interviewers&apos; calendars ready.</p>
              </Card>
            )}
          </div>
        </div>
      </section>
    </>
  );
}
