import "server-only";
import { z } from "zod";
import { enqueueEmail } from "@/lib/email/enqueue";
import { getEnv } from "@/lib/env";
import type { Tx } from "@/lib/jobs";
import { isDebriefReady } from "./debrief-ready";
import { recapEmail, type EmailInterview } from "./emails";

/**
 * "The debrief is ready" (DESIGN "Feedback due"): one recap email per recipient and interview, to
 * the interviewer (with the link to the feedback form) and to every recruiter, queued in the
 * transaction that stores the file that completes the debrief. Called for every stored file (and
 * every Notetaker file given up on); the idempotency keys make the calls after the first no-ops.
 */

/** The idempotency key of an interview's recap to its interviewer, and to one recruiter. */
export const recapKey = (interviewId: string, recruiterId?: string) => (recruiterId ? `recap:${interviewId}:${recruiterId}` : `recap:${interviewId}`);

const ZAddress = z.email();
/** Addresses a send would refuse are left out: a bad row must not block the file that is being stored. */
const isSendable = (email: string | null | undefined): email is string => !!email && ZAddress.safeParse(email).success;

export type InterviewEmailContext = {
  interview: EmailInterview & { status: string; endsAt: Date | null; feedbackRemindersSent: number; hasSubmittedFeedback: boolean };
  candidateName: string;
  roleTitle: string;
  /** The interviewer to write to (their Interviewer row, else the booking's host email); null when unknown. */
  interviewer: { name: string | null; email: string; timeZone: string } | null;
  /** The panel's time zone, for the recruiters' copy. */
  panelTimeZone: string;
};

/** What the recap and the reminders say about an interview, or null when it is gone. */
export async function loadInterviewEmailContext(tx: Tx, interviewId: string): Promise<InterviewEmailContext | null> {
  const row = await tx.interview.findUnique({
    where: { id: interviewId },
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      completedAt: true,
      title: true,
      guestName: true,
      interviewerEmail: true,
      feedbackRemindersSent: true,
      candidate: { select: { name: true } },
      interviewer: { select: { name: true, email: true, timezone: true } },
      application: { select: { role: { select: { title: true, panel: { select: { timezone: true } } } } } },
      feedback: { where: { submittedAt: { not: null } }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  const email = row.interviewer?.email ?? row.interviewerEmail;
  const timeZone = row.interviewer?.timezone ?? row.application?.role.panel.timezone ?? "UTC";
  return {
    interview: {
      id: row.id,
      startsAt: row.startsAt ?? row.completedAt ?? row.endsAt ?? new Date(0),
      timeZone,
      status: row.status,
      endsAt: row.endsAt,
      feedbackRemindersSent: row.feedbackRemindersSent,
      hasSubmittedFeedback: row.feedback.length > 0,
    },
    candidateName: row.candidate?.name ?? row.guestName ?? "",
    roleTitle: row.application?.role.title ?? row.title ?? "",
    interviewer: isSendable(email) ? { name: row.interviewer?.name ?? null, email, timeZone } : null,
    panelTimeZone: row.application?.role.panel.timezone ?? timeZone,
  };
}

/**
 * Queues the recap emails of a completed interview once its debrief is ready (isDebriefReady), in
 * the caller's transaction, which holds the interview's lock (lib/interviews/lock.ts): the media
 * download's completion and the upload. Returns how many emails this call queued.
 */
export async function queueDebriefReadyEmails(tx: Tx, interviewId: string): Promise<number> {
  const [assets, interview] = await Promise.all([
    tx.mediaAsset.findMany({ where: { interviewId }, select: { kind: true, status: true } }),
    tx.interview.findUnique({ where: { id: interviewId }, select: { status: true, summaryText: true } }),
  ]);
  if (interview?.status !== "COMPLETED" || !isDebriefReady(assets)) return 0;
  const context = await loadInterviewEmailContext(tx, interviewId);
  if (!context) return 0;
  const [actionItems, recruiters] = await Promise.all([
    tx.actionItem.findMany({ where: { interviewId }, orderBy: { position: "asc" }, select: { text: true } }),
    tx.user.findMany({ where: { role: "RECRUITER" }, orderBy: { email: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  const base = { appUrl: getEnv().APP_URL, candidateName: context.candidateName, roleTitle: context.roleTitle, summary: interview.summaryText, actionItems: actionItems.map((a) => a.text) };

  let queued = 0;
  const { interviewer } = context;
  if (interviewer) {
    const content = recapEmail({ ...base, interview: { ...context.interview, timeZone: interviewer.timeZone }, recipient: { name: interviewer.name, kind: "interviewer" } });
    const to = [{ ...(interviewer.name ? { name: interviewer.name } : {}), email: interviewer.email }];
    if ((await enqueueEmail(tx, { idempotencyKey: recapKey(interviewId), kind: "recap", to, interviewId, ...content })).isNew) queued++;
  }
  for (const recruiter of recruiters) {
    // A recruiter who ran the interview has the interviewer's copy.
    if (!isSendable(recruiter.email) || recruiter.email === interviewer?.email.toLowerCase()) continue;
    const content = recapEmail({ ...base, interview: { ...context.interview, timeZone: context.panelTimeZone }, recipient: { name: recruiter.name, kind: "recruiter" } });
    const to = [{ name: recruiter.name, email: recruiter.email }];
    if ((await enqueueEmail(tx, { idempotencyKey: recapKey(interviewId, recruiter.id), kind: "recap", to, interviewId, ...content })).isNew) queued++;
  }
  return queued;
}
