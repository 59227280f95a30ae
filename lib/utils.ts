/** Joins class names, skipping falsy values. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** Emails are compared and stored normalised (trim + lowercase); the raw value is kept beside. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
