/** Joins class names, skipping falsy values. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** Emails are compared and stored normalised (trim + lowercase); the raw value is kept beside. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `text` cut to `max` characters with an ellipsis: long error messages must not swamp a table. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
