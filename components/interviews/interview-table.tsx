"use client";

import Link from "next/link";
import { FeedbackDueBadge } from "@/components/feedback/feedback-due-badge";
import { InterviewerName, JoinMeetingLink } from "@/components/interviews/interview-parts";
import { InterviewStatusBadge } from "@/components/interviews/status-badge";
import { TranscriptSnippet } from "@/components/interviews/transcript-snippet";
import { DataTable, DataTableSkeleton, StackLabel, type DataTableColumn } from "@/components/ui/data-table";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import type { InterviewListRow } from "@/lib/interviews/queries";
import type { Tone } from "@/lib/notetaker/status";
import { candidatePath, interviewPath } from "@/lib/routes";
import { cn } from "@/lib/utils";

export type InterviewTableProps = {
  rows: InterviewListRow[];
  /** Read by screen readers before the table (e.g. the order and the page). */
  caption: string;
};

const TONE_CLASSES: Record<Tone, string> = {
  neutral: "text-muted",
  info: "text-brand-700",
  success: "text-emerald-800",
  warning: "text-amber-800",
  danger: "text-red-700",
};

/** The Notetaker's state as text (the colour only reinforces it). */
function NotetakerStateText({ label, tone }: { label: string; tone: Tone }) {
  return <span className={cn("text-sm", TONE_CLASSES[tone])}>{label}</span>;
}

const guestName = (row: InterviewListRow) => row.candidate?.name ?? row.guestName ?? "an unknown guest";

// Below md each interview is a card: a two-column grid where `order-*` and `col-span-*` place the
// cells (candidate and status on top), and <StackLabel> names the values that need it.
const COLUMNS: DataTableColumn<InterviewListRow>[] = [
  {
    id: "candidate",
    header: "Candidate",
    isRowHeader: true,
    className: "order-1 min-w-0",
    cell: (row) =>
      row.candidate ? (
        <>
          <Link href={candidatePath(row.candidate.id)} className={textLinkClasses()}>
            {row.candidate.name}
          </Link>
          <span className="block truncate text-xs text-muted" title={row.candidate.email}>
            {row.candidate.email}
          </span>
        </>
      ) : (
        <span className="font-medium text-ink">{row.guestName ?? "Unknown guest"}</span>
      ),
  },
  {
    id: "role",
    header: "Role",
    className: "order-3 col-span-2",
    cell: (row) => (
      <>
        <StackLabel>Role: </StackLabel>
        {row.role ? <span className="text-ink">{row.role.title}</span> : <span className="text-muted">Unknown role</span>}
      </>
    ),
  },
  {
    id: "interviewer",
    header: "Interviewer",
    className: "order-4 col-span-2",
    cell: (row) => (
      <>
        <StackLabel>Interviewer: </StackLabel>
        <InterviewerName interviewer={row.interviewer} interviewerEmail={row.interviewerEmail} />
      </>
    ),
  },
  {
    id: "time",
    header: "Time",
    className: "order-5 col-span-2 md:min-w-44",
    cell: (row) => (
      <>
        <StackLabel>Time: </StackLabel>
        {row.startsAt ? (
          <LocalTime iso={row.startsAt.toISOString()} endIso={row.endsAt?.toISOString()} className={cn("text-ink", row.status === "CANCELLED" && "text-muted line-through decoration-slate-400")} />
        ) : (
          <span className="text-muted">Time pending</span>
        )}
      </>
    ),
  },
  {
    id: "status",
    header: "Status",
    className: "order-2 flex flex-col items-end gap-1 md:items-start",
    cell: (row) => (
      <>
        <InterviewStatusBadge status={row.status} />
        <FeedbackDueBadge status={row.feedback} />
        {row.replacesInterviewId ? (
          <span className="block text-xs text-muted" title="Booked again after a cancelled interview">
            Rebooked
          </span>
        ) : null}
        {row.needsLookup || !row.candidate ? <span className="block text-xs text-amber-800">Details pending</span> : null}
      </>
    ),
  },
  {
    id: "notetaker",
    header: "Notetaker",
    className: (row) => cn("order-6 col-span-2", !row.notetaker && !row.alert && "hidden"),
    cell: (row) => (
      <>
        <StackLabel>Notetaker: </StackLabel>
        {row.notetaker ? <NotetakerStateText label={row.notetaker.label} tone={row.notetaker.tone} /> : <span className="text-muted">None</span>}
        {row.alert ? (
          <span className="mt-1 flex items-start gap-1 text-xs font-medium text-amber-800" title={row.alert.message}>
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="mt-px size-3.5 shrink-0">
              <path
                fillRule="evenodd"
                d="M8.5 3.1a1.7 1.7 0 0 1 3 0l6.3 11.2a1.7 1.7 0 0 1-1.5 2.5H3.7a1.7 1.7 0 0 1-1.5-2.5L8.5 3.1ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                clipRule="evenodd"
              />
            </svg>
            <span>
              <span className="sr-only">Needs attention: </span>
              {row.alert.title}
            </span>
          </span>
        ) : null}
      </>
    ),
  },
  {
    id: "meeting",
    header: "Meeting",
    className: (row) => cn("order-7 col-span-2", !(row.meetingUrl && row.status !== "CANCELLED") && "hidden"),
    cell: (row) =>
      row.meetingUrl && row.status !== "CANCELLED" ? (
        <JoinMeetingLink url={row.meetingUrl} />
      ) : (
        <span className="text-muted">
          <span aria-hidden="true">—</span>
          <span className="sr-only">No meeting link</span>
        </span>
      ),
  },
  {
    id: "debrief",
    header: "Debrief",
    isHeaderHidden: true,
    className: "order-8 col-span-2",
    cell: (row) => (
      <Link href={interviewPath(row.id)} className={textLinkClasses()}>
        Open<span className="sr-only"> the interview with {guestName(row)}</span>
      </Link>
    ),
  },
];

/**
 * One page of interviews: a table from md up, one card per interview on phones. While searching
 * transcripts, each row that has a snippet shows it on a line of its own under the row.
 *
 * A client component on purpose: the page sends the rows' data (~0.6 KB a row) and the markup is
 * built from it, in the server's HTML pass and again on hydration. As server-rendered elements each
 * row was also sent as ~4 KB of serialised markup in the page's RSC payload — most of the dashboard
 * response's bytes and a good part of its server time at 25 rows.
 */
export function InterviewTable({ rows, caption }: InterviewTableProps) {
  const hasSnippets = rows.some((row) => row.snippet);
  return (
    <DataTable
      rows={rows}
      columns={COLUMNS}
      getRowKey={(row) => row.id}
      caption={caption}
      layout="stack"
      renderDetails={hasSnippets ? (row) => (row.snippet ? <TranscriptSnippet snippet={row.snippet} /> : null) : undefined}
    />
  );
}

/** The table's loading placeholder (loading.tsx). */
export function InterviewTableSkeleton() {
  return <DataTableSkeleton layout="stack" cells={[["w-32", "w-40"], "w-32", "w-28", "w-44", "h-5 w-20 rounded-full", "w-10 md:ml-auto"]} />;
}
