/**
 * "email.send": one job per queued email (lib/email/enqueue.ts), retried on the standard policy
 * (network calls: 10 s, 40 s, 2.7 min, 10.7 min, 42.7 min, then FAILED). Registered in lib/workers.ts.
 */
import "server-only";
import { defineJobKind } from "@/lib/jobs";
import { describeEmailFailure, recordEmailFailure, requeueEmail, sendOutgoingEmail } from "./send";

export type TEmailSendJob = { emailId: string };

export const emailSendJob = defineJobKind<TEmailSendJob>({
  name: "email.send",
  title: "Send emails through Nylas",
  concurrency: 2,
  retry: "standard",
  // One attempt per email at a time, and at most one waiting.
  serialKey: (p) => p.emailId,
  dedupKey: (p) => p.emailId,
  run: ({ emailId }, ctx) => sendOutgoingEmail(emailId, ctx),
  onFailure: (tx, { emailId }, failure) => recordEmailFailure(tx, emailId, failure),
  onRetry: (tx, { emailId }) => requeueEmail(tx, emailId),
  describeError: describeEmailFailure,
});
