import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { STAGE_LABELS } from "@/lib/feedback/decision";
import { RATING_LABELS, type Rating } from "@/lib/feedback/ratings";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";

const RATING_VARIANTS: Record<Rating, BadgeVariant> = { STRONG_NO: "danger", NO: "warning", YES: "info", STRONG_YES: "success" };

/** A rating or recommendation as its label ("Strong no" … "Strong yes"); colour only reinforces it. */
export function RatingBadge({ rating }: { rating: Rating }) {
  return <Badge variant={RATING_VARIANTS[rating]}>{RATING_LABELS[rating]}</Badge>;
}

const STAGE_VARIANTS: Record<ApplicationStage, BadgeVariant> = {
  APPLIED: "neutral",
  INTERVIEWING: "info",
  DEBRIEF: "info",
  OFFER: "warning",
  HIRED: "success",
  REJECTED: "danger",
};

/** An application's stage as its label ("Interviewing", "Rejected", …). */
export function StageBadge({ stage }: { stage: ApplicationStage }) {
  return <Badge variant={STAGE_VARIANTS[stage]}>{STAGE_LABELS[stage]}</Badge>;
}
