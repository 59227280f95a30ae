import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApplicationFeedback } from "@/components/feedback/application-feedback";
import { StageBadge } from "@/components/feedback/badges";
import { CandidatePrivacy } from "@/components/candidates/candidate-privacy";
import { InterviewTimeline } from "@/components/interviews/timeline";
import { textLinkClasses } from "@/components/ui/text-link";
import { requireUser } from "@/lib/auth";
import { listDecisions } from "@/lib/feedback/decide";
import { getCandidateFeedback } from "@/lib/feedback/queries";
import { candidateExportPath, PATHS } from "@/lib/routes";
import { decideApplicationAction, eraseCandidateAction } from "./actions";
import { loadTimeline } from "./load";

export type CandidatePageProps = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: CandidatePageProps): Promise<Metadata> {
  const timeline = await loadTimeline((await params).id);
  return { title: timeline?.candidate.name ?? "Candidate not found" };
}

/**
 * /dashboard/candidates/[id] — one person: contact, applications, everyone's feedback side by side
 * (blind until the viewing interviewer has submitted theirs) with the decision for recruiters and
 * admins, and every interview (incl. cancelled and rebooked).
 */
export default async function CandidatePage({ params }: CandidatePageProps) {
  // Layouts are not re-rendered on client navigation, so the page checks too (cached per request).
  const user = await requireUser();
  const timeline = await loadTimeline((await params).id);
  // Unknown id, or an interviewer who never interviewed this person: the same 404.
  if (!timeline) notFound();
  const { candidate, applications, interviews } = timeline;
  const isStaff = user.role === "ADMIN" || user.role === "RECRUITER";
  const feedback = await getCandidateFeedback(user, candidate.id);
  // Decisions (and their reasons) are for recruiters and admins only: a reason may echo colleagues' feedback.
  const decisions = isStaff ? await listDecisions(feedback.map((view) => view.applicationId)) : null;

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
                  <StageBadge stage={application.stage} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="feedback-heading" className="space-y-4">
        <h2 id="feedback-heading" className="text-lg font-semibold text-ink">
          Feedback
        </h2>
        {feedback.length === 0 ? (
          <p className="text-sm text-muted">No applications, so no feedback: this person booked through a configuration no role owns.</p>
        ) : (
          <div className="space-y-8">
            {feedback.map((view) => (
              <ApplicationFeedback
                key={view.applicationId}
                view={view}
                isStaff={isStaff}
                hasSeveralApplications={feedback.length > 1}
                decision={decisions ? { history: decisions.get(view.applicationId) ?? [], decide: decideApplicationAction } : null}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="interviews-heading" className="space-y-3">
        <h2 id="interviews-heading" className="text-lg font-semibold text-ink">
          Interviews <span className="text-sm font-normal text-muted">({interviews.length})</span>
        </h2>
        {interviews.length === 0 ? <p className="text-sm text-muted">No interviews yet.</p> : <InterviewTimeline interviews={interviews} />}
      </section>

      {user.role === "ADMIN" ? (
        <section aria-labelledby="privacy-heading" className="space-y-3">
          <h2 id="privacy-heading" className="text-lg font-semibold text-ink">
            Data and privacy
          </h2>
          <CandidatePrivacy candidateId={candidate.id} email={candidate.email} exportHref={candidateExportPath(candidate.id)} erase={eraseCandidateAction} />
        </section>
      ) : null}
    </div>
  );
}
