import { Badge } from "@/components/ui/badge";
import type { FeedbackStatus } from "@/lib/feedback/due";

// Apart from the other feedback badges: the interview table is a client component, and their labels'
// module (lib/feedback/decision) brings zod with it.

/** "Feedback due" / "Feedback overdue" on a completed interview still waiting for its feedback; nothing otherwise. */
export function FeedbackDueBadge({ status }: { status: FeedbackStatus }) {
  if (status === "due") return <Badge variant="warning">Feedback due</Badge>;
  if (status === "overdue") return <Badge variant="danger">Feedback overdue</Badge>;
  return null;
}
