/**
 * Pure: when an interview's feedback is due, and when to remind its interviewer (DESIGN "Feedback
 * due" and "Outgoing email"). No clock: `now` is passed in. The reminder job sends the reminder that
 * nextReminder names, once, under its idempotency key.
 *
 * - Feedback is "due" once a completed interview has ended without submitted feedback, and
 *   "overdue" `dueHours` (FEEDBACK_DUE_HOURS, default 24) after the end.
 * - Reminders: the first 1 hour after the end, then one a day, at most 10, only while the feedback
 *   is due (never after submission or for an interview that is not completed).
 */
import type { InterviewStatus } from "@/lib/generated/prisma/enums";

export const DEFAULT_FEEDBACK_DUE_HOURS = 24;
export const MAX_REMINDERS = 10;
export const FIRST_REMINDER_AFTER_MS = 60 * 60 * 1_000;
export const REMINDER_INTERVAL_MS = 24 * 60 * 60 * 1_000;

export type FeedbackStatus = "not_due" | "due" | "overdue" | "submitted";
export type FeedbackDueInput = { status: InterviewStatus; endsAt: Date; submittedAt: Date | null };

/** Where an interview's feedback stands at `now`. */
export function feedbackStatus(interview: FeedbackDueInput, now: Date, dueHours: number = DEFAULT_FEEDBACK_DUE_HOURS): FeedbackStatus {
  if (interview.status !== "COMPLETED") return "not_due";
  if (interview.submittedAt) return "submitted";
  const sinceEnd = now.getTime() - interview.endsAt.getTime();
  if (sinceEnd < 0) return "not_due";
  return sinceEnd >= dueHours * 60 * 60 * 1_000 ? "overdue" : "due";
}

/** When each reminder goes: 1 hour after the end, then daily; `max` of them (10 by default). */
export function reminderTimes(endsAt: Date, options: { max?: number } = {}): Date[] {
  const max = Math.max(0, Math.min(options.max ?? MAX_REMINDERS, MAX_REMINDERS));
  return Array.from({ length: max }, (_, i) => new Date(endsAt.getTime() + FIRST_REMINDER_AFTER_MS + i * REMINDER_INTERVAL_MS));
}

/** The job's idempotency key for reminder `n` (1-based) of an interview. */
export function reminderKey(interviewId: string, n: number): string {
  return `reminder:${interviewId}:${n}`;
}

export type ReminderState = FeedbackDueInput & { interviewId: string; /** The number `n` of the last reminder sent; 0 for none. */ sent: number };
export type NextReminder = { n: number; at: Date; idempotencyKey: string };

/**
 * The next reminder to send, or null when there is none (feedback submitted, interview not
 * completed, all 10 sent). `at` may be in the past: it is due now. After downtime the job does not
 * send the missed ones in a burst: it skips to the latest reminder whose time has come, so the
 * schedule keeps its numbering (`n` is the slot, and `sent` the last slot sent, not a count).
 */
export function nextReminder(state: ReminderState, now: Date): NextReminder | null {
  if (state.status !== "COMPLETED" || state.submittedAt) return null;
  const times = reminderTimes(state.endsAt);
  const reached = times.filter((at) => at.getTime() <= now.getTime()).length;
  const n = Math.max(state.sent + 1, reached);
  const at = times[n - 1];
  return at ? { n, at, idempotencyKey: reminderKey(state.interviewId, n) } : null;
}
