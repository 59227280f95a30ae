/**
 * Pure: the "reset your password" email (issue 17): subject, HTML body and plain-text alternative,
 * with the one-time link (APP_URL/reset-password/<token>) and how long it works. The person's name
 * is escaped in the HTML and flattened to one line, so a hostile name renders as text.
 */
import { escapeHtml, htmlDocument, link, oneLine, type Email } from "@/lib/email/html";
import { PATHS, resetPasswordPath } from "@/lib/routes";
import type { ResetLinkProblem } from "@/lib/validations/account";

export const PASSWORD_RESET_EMAIL_SUBJECT = "Reset your Northwind Hiring password";

export type PasswordResetEmailInput = {
  appUrl: string;
  /** The account's name, for the greeting. */
  name: string;
  token: string;
  validMinutes: number;
};

/** APP_URL/reset-password/<token>, and APP_URL/forgot-password for a new link. */
export function passwordResetLinks(appUrl: string, token: string): { reset: string; requestNew: string } {
  const base = appUrl.replace(/\/+$/, "");
  return { reset: `${base}${resetPasswordPath(token)}`, requestNew: `${base}${PATHS.forgotPassword}` };
}

const validFor = (minutes: number) => (minutes % 60 === 0 ? `${minutes / 60} ${minutes === 60 ? "hour" : "hours"}` : `${minutes} minutes`);

export function passwordResetEmail(input: PasswordResetEmailInput): Email {
  const { reset, requestNew } = passwordResetLinks(input.appUrl, input.token);
  const name = oneLine(input.name, 80);
  const greeting = name ? `Hi ${name},` : "Hi,";
  const intro = "Someone (hopefully you) asked to reset the password of your Northwind Hiring account.";
  const validity = `The link works once, for ${validFor(input.validMinutes)}. Afterwards, ask for a new one: ${requestNew}`;
  const ignore = "If you did not ask, ignore this email: your password stays as it is.";
  const text = [greeting, "", intro, "", `Choose a new password: ${reset}`, "", validity, "", ignore].join("\n");
  const html = htmlDocument(
    PASSWORD_RESET_EMAIL_SUBJECT,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${link(reset, "Choose a new password")}</p>`,
      `<p>The link works once, for ${escapeHtml(validFor(input.validMinutes))}. Afterwards, ${link(requestNew, "ask for a new one")}.</p>`,
      `<p>${escapeHtml(ignore)}</p>`,
    ].join("\n"),
  );
  return { subject: PASSWORD_RESET_EMAIL_SUBJECT, html, text };
}

/** What "Send reset link" always answers: the same whether or not the email has an account. */
export const FORGOT_PASSWORD_ANSWER = "If an account exists for that email, we've sent a link to reset its password. It works once, for 1 hour.";

/** Why a reset link cannot be used, as the reset page says it. */
export function describeResetLinkProblem(problem: ResetLinkProblem): string {
  if (problem === "expired") return "This reset link has expired: links work for 1 hour.";
  if (problem === "used") return "This reset link has already been used: each link works once.";
  return "This reset link is not valid. Check that you opened the whole link from the email.";
}
