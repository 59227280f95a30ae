/**
 * Pure: the sandbox's rules for sent messages (POST /v3/grants/{grant_id}/messages/send and
 * GET /v3/grants/{grant_id}/messages): what a send must carry, the Message object it answers, and
 * a plain-text reading of an HTML body (the message's `snippet`, and what the /sandbox console's
 * Outbox shows: an email's HTML is never put into the console's page).
 */
import { z } from "zod";

/** Nylas caches a send's answer under its Idempotency-Key for 1 hour, per grant. */
export const IDEMPOTENCY_WINDOW_MS = 60 * 60 * 1_000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 256;
/** Recipients per field: far above what the portal sends; keeps one request's row small. */
const MAX_RECIPIENTS = 100;
const SNIPPET_CHARS = 100;

const ZEmailName = z.looseObject({
  name: z.string().max(256, "must be at most 256 characters").optional(),
  email: z.email({ error: (issue) => (typeof issue.input === "string" ? `"${issue.input.slice(0, 320)}" is not a valid email address` : "is required") }),
});
const ZRecipients = z.array(ZEmailName, { error: "must be an array of {name, email} objects" }).max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} recipients`);

/** The JSON body of messages/send (snake_case, as the SDK sends it). Fields the sandbox has no use for are accepted and ignored. */
export const ZMessageSend = z.looseObject({
  to: z
    .array(ZEmailName, { error: (issue) => (issue.input === undefined ? "is required: at least one recipient" : "must be an array of {name, email} objects") })
    .min(1, "needs at least one recipient")
    .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} recipients`),
  cc: ZRecipients.optional(),
  bcc: ZRecipients.optional(),
  reply_to: ZRecipients.optional(),
  from: z.array(ZEmailName).max(1, "accepts a single sender").optional(),
  subject: z.string({ error: "must be a string" }).max(998, "must be at most 998 characters").optional(),
  body: z.string({ error: "must be a string" }).optional(),
  is_plaintext: z.boolean().optional(),
  send_at: z.undefined({ error: "is not supported by the sandbox: it sends at once (omit send_at)" }).optional(),
  attachments: z.array(z.unknown()).max(0, "are not supported by the sandbox").optional(),
});
export type TMessageSend = z.infer<typeof ZMessageSend>;
export type EmailName = { name?: string; email: string };

/** Recipients as stored and answered: `{name?, email}` only, the email trimmed. */
export function toEmailNames(list: readonly { name?: string; email: string }[] | undefined): EmailName[] {
  return (list ?? []).map((p) => ({ ...(p.name ? { name: p.name } : {}), email: p.email.trim() }));
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** A plain-text body as the HTML Nylas keeps ("messages with only plain-text representations are up-converted to HTML"). */
export function plainTextToHtml(text: string): string {
  return `<div>${text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!).replace(/\r?\n/g, "<br>")}</div>`;
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", middot: "·", hellip: "…", mdash: "—", ndash: "–" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Elements whose content is never text a reader sees. */
const HIDDEN = new Set(["head", "style", "script", "title", "template"]);
/** Elements that end a line (or a paragraph) where they open or close. */
const PARAGRAPHS = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "section", "article", "header", "footer"]);
const LINES = new Set(["br", "tr", "li", "hr"]);

/** Bodies longer than this are read up to here (the console shows a message, not a novel). */
const MAX_TEXT_SOURCE = 512 * 1024;

/** `html` without its comments: one indexOf pass (an unclosed comment hides the rest, as in a browser). */
function stripComments(html: string): string {
  let out = "";
  for (let at = 0; ;) {
    const start = html.indexOf("<!--", at);
    if (start < 0) return out + html.slice(at);
    out += html.slice(at, start);
    const end = html.indexOf("-->", start + 4);
    if (end < 0) return out;
    at = end + 3;
  }
}

/**
 * A readable plain-text rendering of an email's HTML: paragraphs and lines kept, list items as
 * "- …", each web or mail link followed by its address in angle brackets, entities decoded, every
 * tag dropped. Linear in the body's length: comments go in one indexOf pass, and a tag never spans
 * another "<", so no pattern backtracks over the rest of a hostile body. The result is text:
 * whoever shows it must still render it as text.
 */
export function htmlToText(html: string): string {
  const source = stripComments(html.length > MAX_TEXT_SOURCE ? html.slice(0, MAX_TEXT_SOURCE) : html);
  const out: string[] = [];
  const links: (string | null)[] = [];
  let hidden: { tag: string; depth: number } | null = null;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>|<![^<>]*>/g;
  const text = (chunk: string) => {
    if (!hidden && chunk) out.push(decodeEntities(chunk.replace(/\s+/g, " ")));
  };
  let last = 0;
  for (let match = tag.exec(source); match; match = tag.exec(source)) {
    text(source.slice(last, match.index));
    last = tag.lastIndex;
    const name = match[2]?.toLowerCase();
    if (!name) continue; // a doctype
    const isClosing = match[1] === "/";
    if (hidden) {
      if (name === hidden.tag) hidden.depth += isClosing ? -1 : 1;
      if (hidden.depth === 0) hidden = null;
      continue;
    }
    if (HIDDEN.has(name) && !isClosing && !/\/\s*$/.test(match[3] ?? "")) {
      hidden = { tag: name, depth: 1 };
      continue;
    }
    if (PARAGRAPHS.has(name)) out.push("\n\n");
    else if (name === "br" || name === "hr" || (LINES.has(name) && !isClosing)) out.push("\n");
    if (name === "li" && !isClosing) out.push("- ");
    if (name !== "a") continue;
    if (!isClosing) {
      const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(match[3] ?? "");
      links.push(href ? decodeEntities(href[1] ?? href[2] ?? href[3] ?? "").trim() : null);
    } else {
      const href = links.pop();
      if (href && /^(https?:|mailto:)/i.test(href)) out.push(` <${href}>`);
    }
  }
  text(source.slice(last));
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The first 100 characters of the text, on one line (Nylas's `snippet`). */
export function snippetOf(html: string): string {
  return htmlToText(html).replace(/\s+/g, " ").slice(0, SNIPPET_CHARS);
}

export type StoredMessage = {
  id: string;
  grantId: string;
  to: unknown;
  cc: unknown;
  bcc: unknown;
  replyTo: unknown;
  from: unknown;
  subject: string;
  body: string;
  date: Date;
};

/** A sent message in Nylas's Message object shape. */
export function serializeMessage(m: StoredMessage) {
  return {
    id: m.id,
    grant_id: m.grantId,
    object: "message",
    // Each message the sandbox sends starts its own thread.
    thread_id: m.id,
    subject: m.subject,
    body: m.body,
    snippet: snippetOf(m.body),
    from: m.from,
    to: m.to,
    cc: m.cc,
    bcc: m.bcc,
    reply_to: m.replyTo,
    date: Math.floor(m.date.getTime() / 1000),
    folders: ["SENT"],
    unread: false,
    starred: false,
    attachments: [],
  };
}

const ZFaultCount = z.number().int().min(0).max(1000);

/** Test knobs for a grant's sends (POST /v3/sandbox/grants/{grant_id}/message-faults); each counts down per send. */
export const ZMessageFaults = z.strictObject({
  /** Refuse the next `count` sends with `status` (default 503): nothing is sent. */
  fail: z.strictObject({ count: ZFaultCount, status: z.number().int().min(400).max(599).optional() }).optional(),
  /** Send the next `count` messages, then answer 504 as if the provider's answer was lost (the ambiguous failure). */
  lose_answer: z.strictObject({ count: ZFaultCount }).optional(),
});
export type MessageFaults = z.infer<typeof ZMessageFaults>;

/** The fault that applies to this send, and the faults left after it. */
export function takeMessageFault(faults: MessageFaults): { fault: { kind: "fail"; status: number } | { kind: "lose_answer" } | null; rest: MessageFaults } {
  if (faults.fail && faults.fail.count > 0) return { fault: { kind: "fail", status: faults.fail.status ?? 503 }, rest: { ...faults, fail: { ...faults.fail, count: faults.fail.count - 1 } } };
  if (faults.lose_answer && faults.lose_answer.count > 0) return { fault: { kind: "lose_answer" }, rest: { ...faults, lose_answer: { count: faults.lose_answer.count - 1 } } };
  return { fault: null, rest: faults };
}
