import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InterviewTimeline } from "@/components/interviews/timeline";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth";
import { PATHS } from "@/lib/routes";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { loadTimeline } from "./load";

export type CandidatePageProps = { params: Promise<{ id: string }> };

const STAGES: Record<ApplicationStage, { label: string; variant: BadgeVariant }> = {
  APPLIED: { label: "Applied", variant: "neutral" },
  INTERVIEWING: { label: "Interviewing", variant: "info" },
  DEBRIEF: { label: "Debrief", variant: "info" },
  OFFER: { label: "Offer", variant: "warning" },
  HIRED: { label: "Hired", variant: "success" },
  REJECTED: { label: "Rejected", variant: "danger" },
};

export async function generateMetadata({ params }: CandidatePageProps): Promise<Metadata> {
  const timeline = await loadTimeline((await params).id);
  return { title: timeline?.candidate.name ?? "Candidate not found" };
}

/** /dashboard/candidates/[id] — one person: contact, applications, and every interview (incl. cancelled and rebooked). */
export default async function CandidatePage({ params }: CandidatePageProps) {
  // Layouts are not re-rendered on client navigation, so the page checks too (cached per request).
  await requireUser();
  const timeline = await loadTimeline((await params).id);
  // Unknown id, or an interviewer who never interviewed this person: the same 404.
  if (!timeline) notFound();
  const { candidate, applications, interviews } = timeline;

  return (
    <div className="space-y-8">
      <div className="space-y-4">
        <Link href={PATHS.dashboard} className={textLinkClasses({ className: "inline-flex items-center gap-1 text-sm" })}>
          <span aria-hidden="true">←</span> All interviews
        </Link>
        <header>
          <h1 className="text-2xl font-semibold tracking-tight text-ink [overflow-wrap:anywhere]">{candidate.name}</h1>
          <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm sm:gap-x-6">
            <dt className="text-muted">Email</dt>
            <dd className="min-w-0 break-all">
              <a href={`mailto:${candidate.email}`} className={textLinkClasses()}>
                {candidate.email}
              </a>
            </dd>
            {candidate.linkedinUrl ? (
              <>
                <dt className="text-muted">Profile</dt>
                <dd className="min-w-0 break-all">
                  <a href={candidate.linkedinUrl} target="_blank" rel="noopener noreferrer nofollow" className={textLinkClasses()}>
                    {candidate.linkedinUrl.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "")}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </a>
                </dd>
              </>
            ) : null}
            <dt className="text-muted">Timezone</dt>
            <dd className="text-ink">{candidate.timezone ? candidate.timezone.replaceAll("_", " ") : <span className="text-muted">Unknown</span>}</dd>
          </dl>
        </header>
      </div>

      <section aria-labelledby="applications-heading" className="space-y-3">
        <h2 id="applications-heading" className="text-lg font-semibold text-ink">
          Applications
        </h2>
        {applications.length === 0 ? (
          <p className="text-sm text-muted">No applications: this person booked through a configuration no role owns.</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {applications.map((application) => (
              <li key={application.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <span className="font-medium text-ink">{application.role.title}</span>
                <span className="flex items-center gap-2 text-muted">
                  <span className="sr-only">Stage:</span>
                  <Badge variant={STAGES[application.stage].variant}>{STAGES[application.stage].label}</Badge>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="interviews-heading" className="space-y-3">
        <h2 id="interviews-heading" className="text-lg font-semibold text-ink">
          Interviews <span className="text-sm font-normal text-muted">({interviews.length})</span>
        </h2>
        {interviews.length === 0 ? <p className="text-sm text-muted">No interviews yet.</p> : <InterviewTimeline interviews={interviews} />}
      </section>
    </div>
  );
}
