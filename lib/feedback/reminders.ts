import "server-only";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue";
import { getEnv } from "@/lib/env";
import { lockInterview } from "@/lib/interviews/lock";
import { FIRST_REMINDER_AFTER_MS, feedbackStatus, MAX_REMINDERS, nextReminder, REMINDER_INTERVAL_MS } from "./due";
import { reminderEmail } from "./emails";
import { loadInterviewEmailContext } from "./notify";

/**
 * Feedback reminders (DESIGN "Feedback due"): while an interview's feedback is due, its interviewer
 * gets a reminder 1 hour after the end, then one a day, at most 10 (lib/feedback/due.ts). The
 * periodic "feedback.reminders" job (lib/feedback/jobs.ts) calls queueDueReminders every minute.
 *
 * - Found in SQL, bounded: completed interviews that ended within the reminders' span (the last
 *   slot is 1 h + 9 days after the end; a day's grace after it), through the (status, starts_at)
 *   index, whose reminder slot has come and which have no submitted feedback. At 30,000 interviews
 *   that is the last ~11 days' worth, not the table.
 * - Each reminder is queued with enqueueEmail under "reminder:<interview>:<n>" in the transaction
 *   that records it on the interview (feedbackRemindersSent = n, the slot: after downtime the missed
 *   slots are skipped, not sent in a burst), under the interview's lock. A second run finds nothing
 *   new; the send itself checks again that the feedback is still due (lib/email/send.ts).
 */

const LAST_SLOT_MS = FIRST_REMINDER_AFTER_MS + (MAX_REMINDERS - 1) * REMINDER_INTERVAL_MS;
const GRACE_MS = 24 * 60 * 60 * 1_000;
/** Interviews last less than a day: bounds starts_at from ends_at, so the index on (status, starts_at) applies. */
const MAX_INTERVIEW_MS = 24 * 60 * 60 * 1_000;
const BATCH = 200;

/** Ids of interviews whose next reminder is due at `now`, in (ends_at, id) order after `after`. */
async function listDueReminders(now: Date, after: { endsAt: Date; id: string } | null): Promise<{ id: string; ends_at: Date }[]> {
  const oldestEnd = new Date(now.getTime() - LAST_SLOT_MS - GRACE_MS);
  const newestEnd = new Date(now.getTime() - FIRST_REMINDER_AFTER_MS);
  return db.$queryRaw<{ id: string; ends_at: Date }[]>`
    SELECT i.id::text AS id, i.ends_at
      FROM interviews i
     WHERE i.status = 'COMPLETED'
       AND i.starts_at >= ${new Date(oldestEnd.getTime() - MAX_INTERVIEW_MS)}
       AND i.starts_at <= ${newestEnd}
       AND i.ends_at > ${oldestEnd} AND i.ends_at <= ${newestEnd}
       AND i.feedback_reminders_sent < ${MAX_REMINDERS}
       AND i.ends_at + make_interval(secs => ${FIRST_REMINDER_AFTER_MS / 1000}::float8 + ${REMINDER_INTERVAL_MS / 1000}::float8 * i.feedback_reminders_sent) <= ${now}
       AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.interview_id = i.id AND f.submitted_at IS NOT NULL)
       AND (${after?.endsAt ?? null}::timestamptz IS NULL OR (i.ends_at, i.id) > (${after?.endsAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
     ORDER BY i.ends_at, i.id
     LIMIT ${BATCH}`;
}

/**
 * Queues the interview's next reminder if it is due at `now` (and records it), in one transaction
 * under the interview's lock. Returns the reminder's number, or null when none was queued.
 */
export async function queueReminder(interviewId: string, now: Date): Promise<number | null> {
  return db.$transaction(async (tx) => {
    await lockInterview(tx, interviewId);
    const context = await loadInterviewEmailContext(tx, interviewId);
    if (!context?.interviewer || !context.interview.endsAt || context.interview.status !== "COMPLETED" || context.interview.hasSubmittedFeedback) return null;
    const { interview, interviewer } = context;
    const endsAt = context.interview.endsAt;
    const next = nextReminder({ interviewId, status: "COMPLETED", endsAt, submittedAt: null, sent: interview.feedbackRemindersSent }, now);
    if (!next || next.at.getTime() > now.getTime()) return null;
    const env = getEnv();
    const content = reminderEmail({
      appUrl: env.APP_URL,
      interview,
      candidateName: context.candidateName,
      roleTitle: context.roleTitle,
      n: next.n,
      overdue: feedbackStatus({ status: "COMPLETED", endsAt, submittedAt: null }, now, env.FEEDBACK_DUE_HOURS) === "overdue",
      recipientName: interviewer.name,
    });
    const to = [{ ...(interviewer.name ? { name: interviewer.name } : {}), email: interviewer.email }];
    await enqueueEmail(tx, { idempotencyKey: next.idempotencyKey, kind: "reminder", to, interviewId, ...content });
    await tx.interview.update({ where: { id: interviewId }, data: { feedbackRemindersSent: next.n } });
    return next.n;
  });
}

/** Queues every reminder due at `now`. Returns how many were queued. */
export async function queueDueReminders(now: Date): Promise<number> {
  let queued = 0;
  let after: { endsAt: Date; id: string } | null = null;
  for (;;) {
    const due = await listDueReminders(now, after);
    for (const row of due) if ((await queueReminder(row.id, now)) !== null) queued++;
    if (due.length < BATCH) return queued;
    const last = due[due.length - 1]!;
    after = { endsAt: last.ends_at, id: last.id };
  }
}
