/**
 * Pure: the invitation email (DESIGN "Team and calendars", "Outgoing email"): a subject, an HTML
 * body and its plain-text alternative, with the one-time link to /invite/<token>. The inviter's
 * name is a person's text: escaped in the HTML and flattened to one line.
 */
import { escapeHtml, htmlDocument, link, oneLine, type Email } from "@/lib/email/html";
import { getRoleLabel } from "@/lib/auth/roles";
import type { UserRole } from "@/lib/generated/prisma/enums";
import { invitePath } from "@/lib/routes";
import { INVITATION_VALID_DAYS } from "./rules";

export type InvitationEmailInput = {
  appUrl: string;
  token: string;
  role: UserRole;
  inviterName: string;
  expiresAt: Date;
};

/** The absolute link an invitation email carries. */
export function invitationLink(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}${invitePath(token)}`;
}

const formatDate = (date: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);

export function invitationEmail(input: InvitationEmailInput): Email {
  const href = invitationLink(input.appUrl, input.token);
  const inviter = oneLine(input.inviterName, 80) || "An admin";
  const role = getRoleLabel(input.role);
  const subject = "You're invited to Northwind Hiring";
  const intro = `${inviter} invited you to join Northwind Hiring as ${role === "Admin" ? "an" : "a"} ${role}.`;
  const validity = `The link works once and for ${INVITATION_VALID_DAYS} days (until ${formatDate(input.expiresAt)}). If you did not expect this invitation, ignore this email.`;
  const text = ["Hi,", "", intro, "Choose your name and a password to create your account:", "", href, "", validity].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p>Hi,</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${link(href, "Create your account")}</p>`,
      `<p>Or paste this link into your browser: ${escapeHtml(href)}</p>`,
      `<p>${escapeHtml(validity)}</p>`,
    ].join("\n"),
  );
  return { subject, html, text };
}
