import "server-only";
import { z } from "zod";
import { enqueue, type Tx } from "@/lib/jobs";
import { ZId } from "@/lib/validations/ids";
import { emailSendJob } from "./jobs";

/**
 * Queues an email (DESIGN "Outgoing email"), inside the transaction of the write that causes it:
 * an OutgoingEmail row, once per idempotency key, and an "email.send" job for it only when the row
 * is new. Queueing the same key again (a job that re-runs, a second stored file) changes nothing.
 */

export const ZOutgoingEmail = z.object({
  /** Once per key, for good: e.g. "recap:<interview id>", "reminder:<interview id>:<n>". */
  idempotencyKey: z.string().min(1).max(200),
  /** What it is, for operators and for the send-time check: "recap", "reminder", … */
  kind: z.string().min(1).max(40),
  to: z.array(z.object({ name: z.string().max(256).optional(), email: z.email() })).min(1),
  subject: z.string().min(1).max(998),
  html: z.string().min(1),
  /** The plain-text alternative: kept with the email (Nylas's send takes the HTML body only). */
  text: z.string().min(1),
  interviewId: ZId.nullish(),
});
export type TOutgoingEmail = z.input<typeof ZOutgoingEmail>;

/** Returns the email's id, and whether this call queued it (false: the key was queued before). */
export async function enqueueEmail(tx: Tx, input: TOutgoingEmail): Promise<{ id: string; isNew: boolean }> {
  const email = ZOutgoingEmail.parse(input);
  // INSERT … ON CONFLICT (idempotency_key) DO NOTHING: only a new row comes back.
  const [created] = await tx.outgoingEmail.createManyAndReturn({
    data: [{ idempotencyKey: email.idempotencyKey, kind: email.kind, to: email.to, subject: email.subject, html: email.html, text: email.text, interviewId: email.interviewId ?? null }],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) {
    await enqueue(tx, emailSendJob, { emailId: created.id });
    return { id: created.id, isNew: true };
  }
  const existing = await tx.outgoingEmail.findUniqueOrThrow({ where: { idempotencyKey: email.idempotencyKey }, select: { id: true } });
  return { id: existing.id, isNew: false };
}
