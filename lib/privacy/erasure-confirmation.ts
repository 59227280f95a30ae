/**
 * Pure: the typed-email confirmation of "Delete candidate". The email must match the candidate's,
 * ignoring case and surrounding spaces; the dialog uses it to enable "Delete permanently" and the
 * server checks it again (lib/privacy/erasure.ts).
 */
import { z } from "zod";
import { ZId } from "@/lib/validations/ids";

export const ERASURE_CONFIRM_LABEL = "Type the candidate's email to confirm";
export const ERASURE_MISMATCH_MESSAGE = "That is not the candidate's email. Nothing was deleted.";

export function isErasureConfirmed(candidateEmail: string, typed: string): boolean {
  const typedEmail = typed.trim().toLowerCase();
  return typedEmail !== "" && typedEmail === candidateEmail.trim().toLowerCase();
}

export const ZErasureInput = z.object({
  candidateId: ZId,
  confirmEmail: z.string().trim().min(1, "Type the candidate's email.").max(320, "That is not the candidate's email."),
});
export type TErasureInput = z.infer<typeof ZErasureInput>;
