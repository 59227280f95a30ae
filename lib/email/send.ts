import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { reminderSkipReason } from "@/lib/feedback/reminder-guard";
import { PermanentJobError, type JobContext, type JobFailure, type JobOutcome, type Tx } from "@/lib/jobs";
import { describeNylasError, NylasApiError } from "@/lib/nylas/client";
import { sendEmailMessage, type EmailRecipient } from "@/lib/nylas/messages";
import { senderGrant } from "./sender";

/**
 * Sends one queued email through Nylas (the "email.send" handler, lib/email/jobs.ts), at most once:
 *
 * - A row that is not QUEUED any more is never sent: SENT (a job that re-runs after its success was
 *   recorded), or FAILED (given up on, or skipped).
 * - A success is recorded (SENT, Nylas's message id) in the job's fenced completion. If that
 *   record is lost (the worker died between the send and the record), the next attempt sends with
 *   the same Idempotency-Key, and Nylas answers the first send again instead of sending twice.
 * - The key is "<email id>.<sendRound>". The round moves on only when Nylas answered with an error
 *   that means nothing went out (a 4xx, or an earlier error replayed under the key), so the next
 *   attempt is a fresh request; after a lost answer or a first 5xx the key is kept.
 * - A reminder is checked again just before it goes: feedback submitted or the interview cancelled
 *   meanwhile, and it is dropped (FAILED, with the reason).
 */

/** Nylas answers retrying cannot change: a malformed message or recipient, an unknown grant. */
const PERMANENT_STATUSES = new Set([400, 404, 413, 422]);

export class EmailRefusedError extends PermanentJobError {}

/** Why an email queued earlier must not go any more, or null. */
async function skipReason(email: { kind: string; interviewId: string | null }): Promise<string | null> {
  if (email.kind === "reminder" && email.interviewId) return reminderSkipReason(db, email.interviewId);
  return null;
}

export async function sendOutgoingEmail(emailId: string, ctx: Pick<JobContext<unknown>, "now">): Promise<JobOutcome> {
  const email = await db.outgoingEmail.findUnique({ where: { id: emailId } });
  if (!email || email.status !== "QUEUED") return;
  const reason = await skipReason(email);
  if (reason) {
    return async (tx) => {
      await tx.outgoingEmail.updateMany({ where: { id: emailId, status: "QUEUED" }, data: { status: "FAILED", lastError: `Not sent: ${reason}.` } });
    };
  }
  const grant = senderGrant(getEnv());
  if (!grant) throw new PermanentJobError("There is no grant to send from: set NYLAS_GRANT_ID to the coordinator's grant id.");

  let sent: Awaited<ReturnType<typeof sendEmailMessage>>;
  try {
    sent = await sendEmailMessage({ grant, to: email.to as EmailRecipient[], subject: email.subject, html: email.html, idempotencyKey: `${email.id}.${email.sendRound}` });
  } catch (error) {
    if (error instanceof NylasApiError && PERMANENT_STATUSES.has(error.statusCode ?? 0)) throw new EmailRefusedError(describeNylasError(error), { cause: error });
    throw error;
  }
  return async (tx) => {
    await tx.outgoingEmail.updateMany({ where: { id: emailId, status: "QUEUED" }, data: { status: "SENT", messageId: sent.messageId, sentAt: ctx.now, lastError: null } });
  };
}

/** Whether Nylas's answer says nothing went out under the key: the next attempt needs a fresh one. */
export function isRefusedUnderKey(error: unknown): boolean {
  const answer = error instanceof EmailRefusedError ? error.cause : error;
  if (!(answer instanceof NylasApiError)) return false; // no answer: it may have been sent
  if (answer.type === "api.concurrent_idempotent_request") return false; // still being sent under this key
  const isReplay = answer.headers?.["idempotent-response"] === "true";
  return isReplay || (answer.statusCode !== undefined && answer.statusCode < 500);
}

export function describeEmailFailure(error: unknown): string {
  return error instanceof EmailRefusedError || error instanceof PermanentJobError ? error.message : `Nylas: ${describeNylasError(error)}`;
}

/** A failed attempt, on the email's row (in the job's failing transaction): its error, and FAILED when it was the last. */
export async function recordEmailFailure(tx: Tx, emailId: string, failure: JobFailure): Promise<void> {
  await tx.outgoingEmail.updateMany({
    where: { id: emailId, status: "QUEUED" },
    data: {
      lastError: failure.message.slice(0, 1_000),
      ...(failure.retryAt ? {} : { status: "FAILED" }),
      ...(isRefusedUnderKey(failure.error) ? { sendRound: { increment: 1 } } : {}),
    },
  });
}

/** A person's Retry of a dead "email.send" job (/settings/jobs): the email waits to be sent again. */
export async function requeueEmail(tx: Tx, emailId: string): Promise<void> {
  await tx.outgoingEmail.updateMany({ where: { id: emailId, status: "FAILED", sentAt: null }, data: { status: "QUEUED", lastError: null } });
}
