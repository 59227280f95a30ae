import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { TInterviewStatus } from "@/lib/validations/interviews";

export const INTERVIEW_STATUS_LABELS: Record<TInterviewStatus, string> = {
  SCHEDULED: "Scheduled",
  RESCHEDULED: "Rescheduled",
  CANCELLED: "Cancelled",
  COMPLETED: "Completed",
};

const VARIANTS: Record<TInterviewStatus, BadgeVariant> = {
  SCHEDULED: "info",
  RESCHEDULED: "warning",
  CANCELLED: "danger",
  COMPLETED: "success",
};

export type InterviewStatusBadgeProps = { status: TInterviewStatus; className?: string };

/** An interview's status as a text label ("Scheduled", "Cancelled", …); colour only reinforces it. */
export function InterviewStatusBadge({ status, className }: InterviewStatusBadgeProps) {
  return (
    <Badge variant={VARIANTS[status]} className={className}>
      {INTERVIEW_STATUS_LABELS[status]}
    </Badge>
  );
}
