import { LocalTime } from "@/components/ui/local-time";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { AssignmentRecord, MemberStatus } from "@/lib/assignment/explain";

const STATUS: Record<MemberStatus, { label: string; variant: BadgeVariant }> = {
  chosen: { label: "Chosen", variant: "success" },
  busy: { label: "Busy", variant: "warning" },
  capped: { label: "At weekly cap", variant: "danger" },
  free: { label: "Free", variant: "neutral" },
  unknown: { label: "Unknown", variant: "neutral" },
};

const METHOD: Record<AssignmentRecord["method"], string> = {
  "max-fairness": "Round robin, max fairness: only the member first in line is offered at each time.",
  "max-availability": "Round robin, max availability: every free member is offered; the one first in line is booked.",
};

/**
 * "Why this interviewer": the panel in round-robin order at booking time, each member's last
 * booking in this role, who was busy (Nylas free/busy) or at their weekly cap, and who was chosen.
 */
export function AssignmentExplanation({ assignment, pending }: { assignment: AssignmentRecord | null; pending: boolean }) {
  if (pending && !assignment) {
    return (
      <p className="text-sm text-muted" role="status">
        Being worked out from the panel&apos;s records and Nylas free/busy; it appears here in a moment.
      </p>
    );
  }
  if (!assignment) {
    return <p className="text-sm text-muted">Not recorded for this interview (it was booked before the app kept this, or the panel has changed since).</p>;
  }
  return (
    <div className="space-y-3 text-sm">
      {pending ? (
        <p className="text-muted" role="status">
          The booking was updated since: this is being checked again.
        </p>
      ) : null}
      <p className="text-ink">{assignment.verdict}</p>
      <p className="text-muted">{METHOD[assignment.method]}</p>
      {assignment.freeBusyError ? (
        <p className="text-muted" role="note">
          Busy times could not be read from Nylas when this was worked out: {assignment.freeBusyError}
        </p>
      ) : null}
      <ol className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Panel members in round-robin order">
        {assignment.members.map((member) => {
          const status = STATUS[member.status];
          return (
            <li key={member.email} className="flex items-start gap-3 px-4 py-2.5">
              <span className="w-5 shrink-0 pt-0.5 text-right tabular-nums text-muted">{member.rank}.</span>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-ink [overflow-wrap:anywhere]">{member.name}</p>
                <p className="text-xs text-muted">
                  {member.lastBookedAt ? (
                    <>
                      Last booked <LocalTime iso={member.lastBookedAt} />
                    </>
                  ) : (
                    "Never booked in this role"
                  )}
                  {member.detail ? ` · ${member.detail}` : null}
                </p>
              </div>
              <Badge variant={status.variant}>{status.label}</Badge>
            </li>
          );
        })}
      </ol>
      <p className="text-xs text-muted">
        Worked out <LocalTime iso={assignment.computedAt} /> for the slot <LocalTime iso={assignment.slot.start} endIso={assignment.slot.end} />.
      </p>
    </div>
  );
}
