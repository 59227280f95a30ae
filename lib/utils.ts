/** Joins class names, skipping falsy values. */
export function cn(...classes: Array<string | false | null | undefined>): string {
  return classes.filter(Boolean).join(" ");
}

/** Emails are compared and stored normalised (trim + lowercase); the raw value is kept beside. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** "1 minute", "5 minutes" (at least 1, rounded up): how long to wait. */
export function formatMinutes(minutes: number): string {
  const n = Math.max(1, Math.ceil(minutes));
  return `${n} ${n === 1 ? "minute" : "minutes"}`;
}

/** `text` cut to `max` characters with an ellipsis: long error messages must not swamp a table. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The list with the item at `from` moved to `to` (clamped); a copy even when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** A seeded random number generator in [0, 1) (mulberry32: small, fast, the same sequence for a seed on every run). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
