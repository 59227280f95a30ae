import "server-only";
import type { Tx } from "@/lib/jobs";

/**
 * Whether a feedback reminder queued for an interview may still go (checked again just before it is
 * sent, lib/email/send.ts): only while the feedback is due. Returns why not, or null. "Submitted" is
 * any submitted feedback on the interview: only the interviewer who ran it can submit one
 * (lib/feedback/visibility.ts reads it the same way).
 */
export async function reminderSkipReason(client: Pick<Tx, "interview">, interviewId: string): Promise<string | null> {
  const interview = await client.interview.findUnique({
    where: { id: interviewId },
    select: { status: true, feedback: { where: { submittedAt: { not: null } }, select: { id: true }, take: 1 } },
  });
  if (!interview) return "the interview no longer exists";
  if (interview.status === "CANCELLED") return "the interview was cancelled";
  if (interview.status !== "COMPLETED") return "the interview has not taken place";
  if (interview.feedback.length > 0) return "the interviewer has submitted their feedback";
  return null;
}
