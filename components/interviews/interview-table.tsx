import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { InterviewStatusBadge } from "@/components/interviews/status-badge";
import { Skeleton } from "@/components/ui/skeleton";
import type { InterviewListRow } from "@/lib/interviews/queries";
import type { Tone } from "@/lib/notetaker/status";
import { cn } from "@/lib/utils";

export type InterviewTableProps = {
  rows: InterviewListRow[];
  /** Read by screen readers before the table (e.g. the order and the page). */
  caption: string;
};

export const linkClass =
  "rounded-sm font-medium text-brand-700 underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

// Below md the table collapses into one card per interview (each row is a grid); the column
// headers are then repeated as small labels inside the cells that need them.
const mobileLabel = "text-xs font-medium text-muted md:hidden";
const cell = "md:table-cell md:px-4 md:py-3 md:align-top";

/** The "Join" link: a new tab, never for a cancelled interview or an unsafe URL. */
export function JoinMeetingLink({ url, className }: { url: string; className?: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={cn(linkClass, "inline-flex items-center gap-1", className)}>
      Join
      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="size-3.5">
        <path d="M11 3a1 1 0 1 0 0 2h2.59l-6.3 6.3a1 1 0 1 0 1.42 1.4L15 6.42V9a1 1 0 1 0 2 0V4a1 1 0 0 0-1-1h-5Z" />
        <path d="M5 5a2 2 0 0 0-2 2v8c0 1.1.9 2 2 2h8a2 2 0 0 0 2-2v-3a1 1 0 1 0-2 0v3H5V7h3a1 1 0 0 0 0-2H5Z" />
      </svg>
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}

/** Who runs the interview: the interviewer's name, else the host email from the booking, else "Unassigned". */
export function InterviewerName({ interviewer, interviewerEmail }: Pick<InterviewListRow, "interviewer" | "interviewerEmail">) {
  if (interviewer) return <span className="text-ink">{interviewer.name}</span>;
  if (interviewerEmail) return <span className="break-all text-ink">{interviewerEmail}</span>;
  return <span className="text-muted">Unassigned</span>;
}

const TONE_CLASSES: Record<Tone, string> = {
  neutral: "text-muted",
  info: "text-brand-700",
  success: "text-emerald-800",
  warning: "text-amber-800",
  danger: "text-red-700",
};

/** The Notetaker's state as text (the colour only reinforces it). */
export function NotetakerStateText({ label, tone }: { label: string; tone: Tone }) {
  return <span className={cn("text-sm", TONE_CLASSES[tone])}>{label}</span>;
}

/** One page of interviews: a table from md up, one card per interview on phones. */
export function InterviewTable({ rows, caption }: InterviewTableProps) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="block w-full text-sm md:table">
        <caption className="sr-only">{caption}</caption>
        <thead className="hidden bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-muted md:table-header-group">
          <tr>
            <th scope="col" className="px-4 py-3">Candidate</th>
            <th scope="col" className="px-4 py-3">Role</th>
            <th scope="col" className="px-4 py-3">Interviewer</th>
            <th scope="col" className="px-4 py-3">Time</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Notetaker</th>
            <th scope="col" className="px-4 py-3">Meeting</th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Debrief</span>
            </th>
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 md:table-row-group">
          {rows.map((row) => {
            const isCancelled = row.status === "CANCELLED";
            const isPending = row.needsLookup || !row.candidate;
            return (
              <tr key={row.id} className="grid grid-cols-[1fr_auto] items-start gap-x-4 gap-y-1.5 p-4 md:table-row md:p-0">
                <td className={cn("order-1 min-w-0", cell)}>
                  {row.candidate ? (
                    <>
                      <Link href={`/dashboard/candidates/${row.candidate.id}`} className={linkClass}>
                        {row.candidate.name}
                      </Link>
                      <span className="block truncate text-xs text-muted" title={row.candidate.email}>
                        {row.candidate.email}
                      </span>
                    </>
                  ) : (
                    <span className="font-medium text-ink">{row.guestName ?? "Unknown guest"}</span>
                  )}
                </td>
                <td className={cn("order-3 col-span-2", cell)}>
                  <span className={mobileLabel}>Role: </span>
                  {row.role ? <span className="text-ink">{row.role.title}</span> : <span className="text-muted">Unknown role</span>}
                </td>
                <td className={cn("order-4 col-span-2", cell)}>
                  <span className={mobileLabel}>Interviewer: </span>
                  <InterviewerName interviewer={row.interviewer} interviewerEmail={row.interviewerEmail} />
                </td>
                <td className={cn("order-5 col-span-2 md:min-w-44", cell)}>
                  <span className={mobileLabel}>Time: </span>
                  {row.startsAt ? (
                    <LocalTime
                      iso={row.startsAt.toISOString()}
                      endIso={row.endsAt?.toISOString()}
                      className={cn("text-ink", isCancelled && "text-muted line-through decoration-slate-400")}
                    />
                  ) : (
                    <span className="text-muted">Time pending</span>
                  )}
                </td>
                <td className={cn("order-2 flex flex-col items-end gap-1 md:items-start", cell)}>
                  <InterviewStatusBadge status={row.status} />
                  {row.replacesInterviewId ? (
                    <span className="block text-xs text-muted" title="Booked again after a cancelled interview">
                      Rebooked
                    </span>
                  ) : null}
                  {isPending ? <span className="block text-xs text-amber-800">Details pending</span> : null}
                </td>
                <td className={cn("order-6 col-span-2", row.notetaker || row.alert ? "" : "hidden", cell)}>
                  <span className={mobileLabel}>Notetaker: </span>
                  {row.notetaker ? <NotetakerStateText label={row.notetaker.label} tone={row.notetaker.tone} /> : <span className="text-muted">None</span>}
                  {row.alert ? (
                    <span className="mt-1 flex items-start gap-1 text-xs font-medium text-amber-800" title={row.alert.message}>
                      <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-px size-3.5 shrink-0">
                        <path fillRule="evenodd" d="M8.5 3.1a1.7 1.7 0 0 1 3 0l6.3 11.2a1.7 1.7 0 0 1-1.5 2.5H3.7a1.7 1.7 0 0 1-1.5-2.5L8.5 3.1ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clipRule="evenodd" />
                      </svg>
                      <span>
                        <span className="sr-only">Needs attention: </span>
                        {row.alert.title}
                      </span>
                    </span>
                  ) : null}
                </td>
                <td className={cn("order-7 col-span-2", row.meetingUrl && !isCancelled ? "" : "hidden", cell)}>
                  {row.meetingUrl && !isCancelled ? (
                    <JoinMeetingLink url={row.meetingUrl} />
                  ) : (
                    <span className="text-muted">
                      <span aria-hidden="true">—</span>
                      <span className="sr-only">No meeting link</span>
                    </span>
                  )}
                </td>
                <td className={cn("order-8 col-span-2", cell)}>
                  <Link href={`/dashboard/interviews/${row.id}`} className={linkClass}>
                    Open<span className="sr-only"> the interview with {row.candidate?.name ?? row.guestName ?? "an unknown guest"}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The table's loading placeholder (loading.tsx). */
export function InterviewTableSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="hidden h-10 border-b border-slate-200 bg-slate-50 md:block" />
      <ul className="divide-y divide-slate-200">
        {Array.from({ length: rows }, (_, index) => (
          <li key={index} className="flex flex-col gap-3 px-4 py-4 md:flex-row md:items-center md:gap-6">
            <div className="space-y-1.5 md:w-44">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-3 w-40" />
            </div>
            <Skeleton className="h-4 w-32" />
            <Skeleton className="h-4 w-28" />
            <Skeleton className="h-4 w-44" />
            <Skeleton className="h-5 w-20 rounded-full" />
            <Skeleton className="h-4 w-10 md:ml-auto" />
          </li>
        ))}
      </ul>
    </div>
  );
}
