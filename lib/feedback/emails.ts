/**
 * Pure: the text of the feedback emails (issue 15): the recap when a debrief is ready and the
 * reminders while feedback is due. Each has a subject, an HTML body and a plain-text alternative,
 * and links back to the portal (DESIGN "Outgoing email"). Every value that people or Nylas wrote
 * (names, role titles, summaries, action items) is HTML-escaped in the HTML body and flattened to
 * one line in the subject, so a hostile value renders as text and cannot add a header.
 */
import { interviewPath } from "@/lib/routes";
import { MAX_REMINDERS } from "./due";

/** The debrief's feedback form; the debrief page gives the form this id. */
export const FEEDBACK_FORM_ANCHOR = "feedback";
export const MAX_SUMMARY_CHARS = 2_000;
export const MAX_ACTION_ITEMS = 10;

export type Email = { subject: string; html: string; text: string };
export type EmailInterview = { id: string; startsAt: Date; timeZone?: string };
export type RecapRecipient = { name: string | null; kind: "interviewer" | "recruiter" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One line, no control characters, at most `max` characters: safe in a subject. */
export function oneLine(value: string, max = 120): string {
  const flat = value
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function truncate(value: string, max: number): string {
  const trimmed = value.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max - 1).trimEnd()}…` : trimmed;
}

/** Absolute portal URLs for an interview: its debrief, and the feedback form on it. */
export function interviewLinks(appUrl: string, interviewId: string): { debrief: string; feedbackForm: string } {
  const debrief = `${appUrl.replace(/\/+$/, "")}${interviewPath(interviewId)}`;
  return { debrief, feedbackForm: `${debrief}#${FEEDBACK_FORM_ANCHOR}` };
}

const formatIn = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone, timeZoneName: "short" }).format(date);

/** "2 Mar 2026, 10:00 UTC" in the interview's time zone; UTC when it has none or an unknown one. */
function formatWhen(interview: EmailInterview): string {
  try {
    return formatIn(interview.startsAt, interview.timeZone ?? "UTC");
  } catch {
    return formatIn(interview.startsAt, "UTC");
  }
}

const greeting = (name: string | null | undefined) => (name && oneLine(name) ? `Hi ${oneLine(name, 80)},` : "Hi,");

/** Paragraphs (blank-line separated) with line breaks kept, escaped. */
function htmlParagraphs(value: string): string {
  return value
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
}

export const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937;">
${body}
</body></html>`;
}

export type RecapEmailInput = {
  appUrl: string;
  interview: EmailInterview;
  candidateName: string;
  roleTitle: string;
  /** The Notetaker's summary; null or blank when there is none. */
  summary: string | null;
  actionItems: readonly string[];
  recipient: RecapRecipient;
};

/** "The debrief is ready": to the interviewer (with a link to the feedback form) and to recruiters. */
export function recapEmail(input: RecapEmailInput): Email {
  const { debrief, feedbackForm } = interviewLinks(input.appUrl, input.interview.id);
  const candidate = oneLine(input.candidateName, 80) || "the candidate";
  const role = oneLine(input.roleTitle, 80) || "the role";
  const when = formatWhen(input.interview);
  const subject = oneLine(`Debrief ready: ${candidate}, ${role}`, 150);
  const summary = truncate(input.summary ?? "", MAX_SUMMARY_CHARS);
  const items = input.actionItems.map((item) => oneLine(item, 300)).filter(Boolean);
  const shown = items.slice(0, MAX_ACTION_ITEMS);
  const more = items.length - shown.length;
  const isInterviewer = input.recipient.kind === "interviewer";
  const intro = `The debrief for ${candidate}'s interview for ${role} (${when}) is ready.`;
  const ask = isInterviewer ? "Please add your feedback while it is fresh." : "Feedback from the interviewer will follow.";

  const text = [
    greeting(input.recipient.name),
    "",
    `${intro} ${ask}`,
    "",
    "Summary",
    summary || "No summary was produced for this interview.",
    ...(shown.length > 0 ? ["", "Action items", ...shown.map((item) => `- ${item}`), ...(more > 0 ? [`- and ${more} more in the portal`] : [])] : []),
    "",
    ...(isInterviewer ? [`Add your feedback: ${feedbackForm}`] : []),
    `Open the debrief: ${debrief}`,
  ].join("\n");

  const html = htmlDocument(
    subject,
    [
      `<p>${escapeHtml(greeting(input.recipient.name))}</p>`,
      `<p>${escapeHtml(intro)} ${escapeHtml(ask)}</p>`,
      `<h2 style="font-size: 16px;">Summary</h2>`,
      summary ? htmlParagraphs(summary) : "<p>No summary was produced for this interview.</p>",
      ...(shown.length > 0
        ? [
            `<h2 style="font-size: 16px;">Action items</h2>`,
            `<ul>\n${shown.map((item) => `<li>${escapeHtml(item)}</li>`).join("\n")}${more > 0 ? `\n<li>and ${more} more in the portal</li>` : ""}\n</ul>`,
          ]
        : []),
      `<p>${isInterviewer ? `${link(feedbackForm, "Add your feedback")} · ` : ""}${link(debrief, "Open the debrief")}</p>`,
    ].join("\n"),
  );
  return { subject, html, text };
}

export type ReminderEmailInput = {
  appUrl: string;
  interview: EmailInterview;
  candidateName: string;
  roleTitle: string;
  /** Which reminder this is, 1-based (lib/feedback/due nextReminder). */
  n: number;
  overdue: boolean;
  /** The interviewer's name, for the greeting. */
  recipientName?: string | null;
};

/** A reminder to the interviewer while their feedback is due. */
export function reminderEmail(input: ReminderEmailInput): Email {
  const { debrief, feedbackForm } = interviewLinks(input.appUrl, input.interview.id);
  const candidate = oneLine(input.candidateName, 80) || "the candidate";
  const role = oneLine(input.roleTitle, 80) || "the role";
  const when = formatWhen(input.interview);
  const subject = oneLine(input.overdue ? `Feedback overdue: ${candidate}, ${role}` : `Feedback due: ${candidate}, ${role}`, 150);
  const body = `Your feedback on ${candidate}'s interview for ${role} (${when}) is ${input.overdue ? "overdue" : "due"}. It only takes a few minutes, and the team is waiting for it to decide.`;
  const last = input.n >= MAX_REMINDERS ? "This is the last reminder." : null;

  const text = [greeting(input.recipientName), "", body, ...(last ? ["", last] : []), "", `Add your feedback: ${feedbackForm}`, `Open the debrief: ${debrief}`].join("\n");
  const html = htmlDocument(
    subject,
    [
      `<p>${escapeHtml(greeting(input.recipientName))}</p>`,
      `<p>${escapeHtml(body)}</p>`,
      ...(last ? [`<p>${escapeHtml(last)}</p>`] : []),
      `<p>${link(feedbackForm, "Add your feedback")} · ${link(debrief, "Open the debrief")}</p>`,
    ].join("\n"),
  );
  return { subject, html, text };
}
