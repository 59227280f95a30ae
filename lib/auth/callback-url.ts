/**
 * Where to send a user after sign-in. Only same-origin relative paths are accepted, so that
 * `/login?callbackUrl=…` cannot be used as an open redirect. Pure; used by the proxy, the login
 * page (server) and the login form (client).
 */
export const DEFAULT_SIGNED_IN_PATH = "/dashboard";
export const LOGIN_PATH = "/login";

const MAX_CALLBACK_LENGTH = 2048;

/** The value if it is a safe relative path ("/x", not "//x", not "/\x", no control characters), else null. */
export function parseSafeCallbackUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  if (value.length === 0 || value.length > MAX_CALLBACK_LENGTH) return null;
  if (!value.startsWith("/")) return null; // absolute URLs, javascript:, relative paths
  if (value.startsWith("//") || value.startsWith("/\\")) return null; // protocol-relative
  // Browsers strip tabs/newlines inside URLs ("/\t/evil.com" becomes "//evil.com") and treat "\" as "/".
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  // Belt and braces: resolving against a dummy origin must keep that origin.
  try {
    const base = "http://callback.invalid";
    if (new URL(value, base).origin !== base) return null;
  } catch {
    return null;
  }
  return value;
}

/** A safe callback URL, or `fallback` (the dashboard) when the value is missing or unsafe. */
export function getSafeCallbackUrl(value: unknown, fallback: string = DEFAULT_SIGNED_IN_PATH): string {
  return parseSafeCallbackUrl(value) ?? fallback;
}

/** `/login?callbackUrl=<path>` for a safe path, plain `/login` otherwise. */
export function buildLoginUrl(callbackPath: string | null | undefined): string {
  const safe = parseSafeCallbackUrl(callbackPath);
  if (!safe || safe === LOGIN_PATH || safe.startsWith(`${LOGIN_PATH}?`)) return LOGIN_PATH;
  return `${LOGIN_PATH}?${new URLSearchParams({ callbackUrl: safe }).toString()}`;
}
