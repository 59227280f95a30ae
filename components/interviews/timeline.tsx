import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { InterviewerName, JoinMeetingLink } from "@/components/interviews/interview-parts";
import { InterviewStatusBadge } from "@/components/interviews/status-badge";
import { Skeleton } from "@/components/ui/skeleton";
import { textLinkClasses } from "@/components/ui/text-link";
import type { LinkedInterview, TimelineInterview } from "@/lib/interviews/queries";
import { interviewPath } from "@/lib/routes";
import { cn } from "@/lib/utils";
import type { TInterviewHistoryEntry, TInterviewStatus } from "@/lib/validations/interviews";

export type InterviewTimelineProps = {
  /** Newest first. */
  interviews: TimelineInterview[];
};

const DOT: Record<TInterviewStatus, string> = {
  SCHEDULED: "bg-brand-600",
  RESCHEDULED: "bg-amber-500",
  CANCELLED: "bg-red-600",
  COMPLETED: "bg-emerald-600",
};

const anchorOf = (id: string) => `interview-${id}`;
const isoOfSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();

/** A link to another interview on the same timeline, labelled with its start time. */
function LinkedInterviewTime({ interview }: { interview: LinkedInterview }) {
  return (
    <a href={`#${anchorOf(interview.id)}`} className={textLinkClasses()}>
      {interview.startsAt ? <LocalTime iso={interview.startsAt.toISOString()} /> : "an interview without a time"}
    </a>
  );
}

function HistoryText({ entry }: { entry: TInterviewHistoryEntry }) {
  switch (entry.kind) {
    case "created":
      return (
        <>
          Booked
          {entry.startsAt !== null ? (
            <>
              {" for "}
              <LocalTime iso={isoOfSeconds(entry.startsAt)} />
            </>
          ) : null}
        </>
      );
    case "rescheduled":
      return (
        <>
          Rescheduled
          {entry.previousStartsAt !== null ? (
            <>
              {" from "}
              <LocalTime iso={isoOfSeconds(entry.previousStartsAt)} />
            </>
          ) : null}
          {entry.startsAt !== null ? (
            <>
              {" to "}
              <LocalTime iso={isoOfSeconds(entry.startsAt)} />
            </>
          ) : null}
        </>
      );
    case "cancelled":
      return <>{entry.reason ? `Cancelled: ${entry.reason}` : "Cancelled"}</>;
  }
}

/** One interview on the timeline: what, when, with whom, and everything that happened to the booking. */
function TimelineItem({ interview }: { interview: TimelineInterview }) {
  const isCancelled = interview.status === "CANCELLED";
  return (
    <li id={anchorOf(interview.id)} className="relative scroll-mt-6 pb-8 pl-8 last:pb-0">
      {/* The vertical line and the dot; decorative (the status badge carries the meaning). */}
      <span aria-hidden="true" className="absolute left-[0.4375rem] top-3 bottom-0 w-px bg-slate-200 [li:last-child>&]:hidden" />
      <span aria-hidden="true" className={cn("absolute left-0 top-1.5 size-3.5 rounded-full ring-4 ring-slate-50", DOT[interview.status])} />

      <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm [li:target>&]:ring-2 [li:target>&]:ring-brand-600 sm:p-5">
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <h3 className="text-base font-semibold text-ink">{interview.role?.title ?? "Unknown role"}</h3>
            <p className="mt-0.5 text-sm text-ink">
              {interview.startsAt ? (
                <LocalTime iso={interview.startsAt.toISOString()} endIso={interview.endsAt?.toISOString()} className={cn(isCancelled && "text-muted line-through decoration-slate-400")} />
              ) : (
                <span className="text-muted">Time pending</span>
              )}
            </p>
          </div>
          <InterviewStatusBadge status={interview.status} />
        </header>

        <dl className="mt-4 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:gap-x-6">
          <dt className="text-muted">Interviewer</dt>
          <dd>
            <InterviewerName interviewer={interview.interviewer} interviewerEmail={interview.interviewerEmail} />
          </dd>
          {interview.meetingUrl && !isCancelled ? (
            <>
              <dt className="text-muted">Meeting</dt>
              <dd>
                <JoinMeetingLink url={interview.meetingUrl} />
              </dd>
            </>
          ) : null}
          {isCancelled ? (
            <>
              <dt className="text-muted">Cancellation reason</dt>
              <dd className="text-ink [overflow-wrap:anywhere]">{interview.cancellationReason ?? <span className="text-muted">None given</span>}</dd>
            </>
          ) : null}
          {interview.notRecordedMessage && !isCancelled ? (
            <>
              <dt className="text-muted">Recording</dt>
              <dd className="text-ink">{interview.notRecordedMessage}</dd>
            </>
          ) : null}
          {interview.guestTimezone ? (
            <>
              <dt className="text-muted">Candidate&apos;s timezone</dt>
              <dd className="text-ink">{interview.guestTimezone.replaceAll("_", " ")}</dd>
            </>
          ) : null}
        </dl>

        {interview.summaryText || interview.actionItems.length ? (
          <div className="mt-4 space-y-3 rounded-lg bg-slate-50 p-3 sm:p-4">
            {interview.summaryText ? (
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">Summary</h4>
                <p className="mt-1 whitespace-pre-line text-sm text-ink [overflow-wrap:anywhere]">{interview.summaryText}</p>
              </div>
            ) : null}
            {interview.actionItems.length ? (
              <div>
                <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">Action items</h4>
                <ul className="mt-1 space-y-1 text-sm">
                  {interview.actionItems.map((item) => (
                    <li key={item.id} className="flex items-start gap-2">
                      <span aria-hidden="true" className={cn("mt-0.5 text-xs", item.isDone ? "text-emerald-700" : "text-muted")}>
                        {item.isDone ? "✓" : "○"}
                      </span>
                      <span className={cn("text-ink [overflow-wrap:anywhere]", item.isDone && "text-muted line-through decoration-slate-400")}>
                        <span className="sr-only">{item.isDone ? "Done: " : "Open: "}</span>
                        {item.text}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}

        {interview.canOpenDebrief ? (
          <p className="mt-3 text-sm">
            <Link href={interviewPath(interview.id)} className={textLinkClasses()}>
              Open the debrief<span className="sr-only"> of the {interview.role?.title ?? ""} interview</span>
            </Link>
          </p>
        ) : null}

        {interview.needsLookup ? <p className="mt-3 text-sm text-amber-800">Details pending: the participants of this booking are still being looked up.</p> : null}

        {interview.replaces || interview.replacedBy.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm text-ink">
            {interview.replaces ? (
              <li>
                Rebooked after cancelling <LinkedInterviewTime interview={interview.replaces} />
              </li>
            ) : null}
            {interview.replacedBy.map((next) => (
              <li key={next.id}>
                Cancelled, then rebooked for <LinkedInterviewTime interview={next} />
              </li>
            ))}
          </ul>
        ) : null}

        {interview.history.length > 0 ? (
          <div className="mt-4 border-t border-slate-100 pt-3">
            <h4 className="text-xs font-semibold uppercase tracking-wide text-muted">History</h4>
            <ol className="mt-2 space-y-1.5 text-sm">
              {interview.history.map((entry, index) => (
                <li key={`${entry.kind}-${entry.at}-${index}`} className="flex flex-col gap-x-3 sm:flex-row sm:items-baseline">
                  <span className="shrink-0 text-xs text-muted sm:w-44">
                    <LocalTime iso={isoOfSeconds(entry.at)} />
                  </span>
                  <span className="text-ink [overflow-wrap:anywhere]">
                    <HistoryText entry={entry} />
                  </span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </article>
    </li>
  );
}

/** Every interview of one person, newest first, on a vertical line; rebookings link to what they replace. */
export function InterviewTimeline({ interviews }: InterviewTimelineProps) {
  return (
    <ol className="relative" aria-label="Interviews, newest first">
      {interviews.map((interview) => (
        <TimelineItem key={interview.id} interview={interview} />
      ))}
    </ol>
  );
}

/** The timeline's loading placeholder. */
export function InterviewTimelineSkeleton({ items = 3 }: { items?: number }) {
  return (
    <ul className="space-y-6">
      {Array.from({ length: items }, (_, index) => (
        <li key={index} className="flex gap-4">
          <Skeleton className="mt-1.5 size-3.5 shrink-0 rounded-full" />
          <div className="w-full space-y-3 rounded-xl border border-slate-200 bg-white p-5">
            <div className="flex justify-between">
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-5 w-20 rounded-full" />
            </div>
            <Skeleton className="h-4 w-56" />
            <Skeleton className="h-4 w-72" />
          </div>
        </li>
      ))}
    </ul>
  );
}
