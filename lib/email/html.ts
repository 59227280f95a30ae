/**
 * Pure: the pieces every outgoing email is built from (DESIGN "Outgoing email"): escaping for the
 * HTML body, one-line values for subjects (no control characters, so a hostile value cannot add a
 * header), links, and the HTML document around a body. Each email has a subject, an HTML body and
 * a plain-text alternative.
 */

export type Email = { subject: string; html: string; text: string };

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

export const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;

export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #1f2937;">
${body}
</body></html>`;
}
