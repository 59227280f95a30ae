/**
 * Pure: the IANA time zones the settings forms offer, from the runtime's own list (plus UTC, which
 * some runtimes leave out). Computed on the server and passed to the form, so the server's and
 * the browser's lists cannot differ during hydration.
 */
export function listTimeZones(extra: readonly string[] = []): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [...new Set([...known, "UTC", ...extra.filter(Boolean)])].sort((a, b) => a.localeCompare(b));
}
