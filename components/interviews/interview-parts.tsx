import { textLinkClasses } from "@/components/ui/text-link";
import type { InterviewListRow } from "@/lib/interviews/queries";
import { cn } from "@/lib/utils";

/**
 * Pieces of an interview's row that the debrief and the candidate's timeline show too. Plain
 * components without hooks: server components render them, and so does the client-side interview table.
 */

/** The "Join" link: a new tab, never for a cancelled interview or an unsafe URL. */
export function JoinMeetingLink({ url, className }: { url: string; className?: string }) {
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" className={textLinkClasses({ className: cn("inline-flex items-center gap-1", className) })}>
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
