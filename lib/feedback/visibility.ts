/**
 * Pure: "blind until you submit" (DESIGN "Scorecards and feedback"). An interviewer sees other
 * people's feedback on a candidate only after submitting their own feedback for every completed
 * interview of that application they ran; recruiters and admins see everything. The server applies
 * this to pages, actions and any API; this module is the one place the rule is written.
 *
 * Decisions:
 * - An interviewer who ran no completed interview of the application (none yet, only scheduled or
 *   cancelled ones, or none at all) sees no one else's feedback: they have not formed their own view
 *   yet, and a colleague outside the panel has no reason to read it.
 * - A signed-in INTERVIEWER not linked to a panel member (no `interviewerId`) sees nothing of others.
 * - A draft (not submitted) is seen only by its author, whoever the viewer is: until it is submitted
 *   it is not feedback, and showing it would make "Feedback submitted" mean nothing.
 */

import type { InterviewStatus, UserRole } from "@/lib/generated/prisma/enums";

export type FeedbackViewer = { id: string; role: UserRole; interviewerId?: string | null };
export type ApplicationInterviews = { interviews: ReadonlyArray<{ id: string; interviewerId: string | null; status: InterviewStatus }> };
/** A feedback record: the interview it is about, and when it was submitted (null for a draft). */
export type FeedbackRecord = { interviewId: string; submittedAt: Date | null };

const isStaff = (viewer: FeedbackViewer) => viewer.role === "ADMIN" || viewer.role === "RECRUITER";

/** The completed interviews of the application that this viewer ran. */
function ownCompletedInterviewIds(viewer: FeedbackViewer, application: ApplicationInterviews): string[] {
  if (!viewer.interviewerId) return [];
  return application.interviews.filter((i) => i.status === "COMPLETED" && i.interviewerId === viewer.interviewerId).map((i) => i.id);
}

/** Whether the viewer may see feedback written by other people on this application. */
export function canSeeOthersFeedback(viewer: FeedbackViewer, application: ApplicationInterviews, submittedInterviewIds: ReadonlySet<string>): boolean {
  if (isStaff(viewer)) return true;
  const own = ownCompletedInterviewIds(viewer, application);
  return own.length > 0 && own.every((id) => submittedInterviewIds.has(id));
}

/**
 * The feedback this viewer may see, in the given order: their own always (drafts included), others'
 * submitted feedback once canSeeOthersFeedback allows it. Feedback on an interview that is not part
 * of this application is never returned. Pass all of the application's feedback: who has submitted
 * what is read from it.
 */
export function visibleFeedback<T extends FeedbackRecord>(viewer: FeedbackViewer, application: ApplicationInterviews, feedbacks: readonly T[]): T[] {
  const interviewerOf = new Map(application.interviews.map((i) => [i.id, i.interviewerId]));
  const submitted = new Set(feedbacks.filter((f) => f.submittedAt !== null).map((f) => f.interviewId));
  const seesOthers = canSeeOthersFeedback(viewer, application, submitted);
  return feedbacks.filter((feedback) => {
    if (!interviewerOf.has(feedback.interviewId)) return false;
    const isOwn = !!viewer.interviewerId && interviewerOf.get(feedback.interviewId) === viewer.interviewerId;
    if (isOwn) return true;
    return seesOthers && feedback.submittedAt !== null;
  });
}
