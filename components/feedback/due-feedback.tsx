"use client";

import Link from "next/link";
import { FeedbackDueBadge } from "@/components/feedback/feedback-due-badge";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import { FEEDBACK_FORM_ANCHOR } from "@/lib/feedback/emails";
import type { OwnDueFeedback } from "@/lib/feedback/queries";
import { buildInterviewsHref, interviewPath } from "@/lib/routes";

export type DueFeedbackProps = {
  rows: OwnDueFeedback[];
  /** Every due one, of which `rows` are the first (overdue first). */
  total: number;
  feedbackDueHours: number;
};

/**
 * The top of an interviewer's dashboard: the interviews they ran whose feedback is still due,
 * overdue first, each linking to its feedback form on the debrief. Says so when there are none.
 * A client component for the interview table's reason (components/interviews/interview-table.tsx):
 * its rows travel as data, not as serialised markup on top of their HTML.
 */
export function DueFeedback({ rows, total, feedbackDueHours }: DueFeedbackProps) {
  const overdue = rows.filter((row) => row.status === "overdue").length;
  return (
    <section aria-labelledby="due-feedback-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <div>
        <h2 id="due-feedback-heading" className="text-lg font-semibold text-ink">
          Your feedback due {total > 0 ? <span className="text-sm font-normal text-muted">({total})</span> : null}
        </h2>
        <p className="mt-0.5 text-sm text-muted">
          {total === 0
            ? "Nothing due: you have given feedback on every interview you ran."
            : `Interviews you ran that still need your feedback, overdue first (overdue ${feedbackDueHours} hours after the end)${overdue > 0 ? `: ${overdue} overdue` : ""}.`}
        </p>
      </div>
      {rows.length > 0 ? (
        <ul className="divide-y divide-slate-200 border-t border-slate-200">
          {rows.map((row) => {
            const who = row.candidate?.name ?? row.guestName ?? "an unknown guest";
            return (
              <li key={row.interviewId} className="flex flex-wrap items-center gap-x-4 gap-y-1.5 py-3 text-sm">
                <FeedbackDueBadge status={row.status} />
                <Link href={`${interviewPath(row.interviewId)}#${FEEDBACK_FORM_ANCHOR}`} className={textLinkClasses()}>
                  Give feedback on {who}
                  {row.role ? `, ${row.role.title}` : ""}
                </Link>
                <span className="text-muted sm:ml-auto">
                  Ended <LocalTime iso={row.endsAt.toISOString()} />
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {total > rows.length ? (
        <p className="text-sm text-muted">
          {total - rows.length} more:{" "}
          <Link href={buildInterviewsHref({ feedback: "DUE" })} className={textLinkClasses()}>
            list all interviews with feedback due
          </Link>
          .
        </p>
      ) : null}
    </section>
  );
}
