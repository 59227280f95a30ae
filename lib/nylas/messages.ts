import "server-only";
import { getNylas } from "./client";

/**
 * Sending email through Nylas (DESIGN "Outgoing email"): POST /v3/grants/{grant}/messages/send
 * through the SDK, never SMTP. The same call reaches the sandbox in sandbox mode.
 */

export type EmailRecipient = { name?: string; email: string };

export type SendEmailRequest = {
  /** The sending grant: its id, or its email (Nylas accepts either as the identifier). */
  grant: string;
  to: readonly EmailRecipient[];
  subject: string;
  /**
   * The HTML body. Nylas's send takes one body, sent as HTML (`is_plaintext: false`); the JSON API
   * has no field for a separate plain-text part, so the caller keeps its text alternative itself.
   */
  html: string;
  /** Nylas's Idempotency-Key header: a repeat within 1 hour answers the first answer and sends nothing. */
  idempotencyKey: string;
};

/** Sends one message. Throws NylasApiError when Nylas answers with an error, another error when no answer came. */
export async function sendEmailMessage(request: SendEmailRequest): Promise<{ messageId: string; isReplay: boolean }> {
  const response = await getNylas().messages.send({
    identifier: request.grant,
    requestBody: { to: request.to.map((r) => ({ ...(r.name ? { name: r.name } : {}), email: r.email })), subject: request.subject, body: request.html },
    overrides: { headers: { "Idempotency-Key": request.idempotencyKey } },
  });
  return { messageId: response.data.id, isReplay: response.rawHeaders?.["idempotent-response"] === "true" };
}
