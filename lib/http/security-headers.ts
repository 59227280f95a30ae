/**
 * Pure: the security headers every response carries (issue 17). proxy.ts applies them to what it
 * sees (pages, route handlers, server actions, the sandbox's /v3); next.config.ts headers() gives
 * the paths the proxy's matcher leaves out (build assets, the streamed upload route) the
 * environment-independent part (STATIC_SECURITY_HEADERS).
 *
 * - CSP: 'self' for everything, plus the Nylas API origin for connect-src (<NylasScheduling> calls
 *   it from the browser in live mode). form-action is 'self' in sandbox mode; in live mode it also
 *   allows any https: origin, because "Connect calendar" is a form post answered by a redirect to
 *   Nylas's hosted sign-in, which may redirect on to Google, Microsoft or a company's own single
 *   sign-on (Okta, ADFS, …), and Chromium checks form-action on every redirect of a form's
 *   navigation: no fixed list of origins can be right for every customer.
 *   Scripts need 'unsafe-inline' (Next.js's inline bootstrap scripts; no nonces, so pages stay
 *   static) and, in development only, 'unsafe-eval' (React's dev tooling).
 * - frame-ancestors 'none' everywhere (no clickjacking of settings or the team page), except the
 *   careers pages and the sandbox's hosted booking page, which allow exactly CAREERS_FRAME_ANCESTORS.
 * - HSTS only when APP_URL is https (a browser ignores it over http, and localhost must not be pinned).
 */

/** Careers pages and the sandbox's hosted booking page: the only pages another site may frame. */
const FRAMEABLE_TREES = ["/careers", "/book"] as const;

/** A frame-ancestors source we accept from CAREERS_FRAME_ANCESTORS: an http(s) origin (a leading `*.` allowed) or 'self'. */
const FRAME_ANCESTOR_SOURCE = /^(?:'self'|https?:\/\/(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d{1,5})?)$/;

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/** Headers that do not depend on the path or the environment. */
const BASE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

/** For responses the proxy does not see (next.config.ts): JS, CSS, images and the upload route's JSON. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...BASE_HEADERS,
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
};

export type TFrameAncestors = { sources: string[]; invalid: string[] };

/** Splits CAREERS_FRAME_ANCESTORS into accepted sources and the tokens refused (lib/env.ts reports those). */
export function parseFrameAncestors(value: string | undefined): TFrameAncestors {
  const tokens = (value ?? "").split(/\s+/).filter(Boolean);
  const sources: string[] = [];
  const invalid: string[] = [];
  for (const token of tokens) {
    const source = token.replace(/\/+$/, "");
    if (FRAME_ANCESTOR_SOURCE.test(source)) {
      if (!sources.includes(source)) sources.push(source);
    } else invalid.push(token);
  }
  return { sources, invalid };
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** True for the pages another site may embed (when CAREERS_FRAME_ANCESTORS names it). */
export function isFrameablePath(pathname: string): boolean {
  return FRAMEABLE_TREES.some((prefix) => isUnder(pathname, prefix));
}

export type TSecurityHeaderOptions = {
  pathname: string;
  appUrl: string;
  /** The Nylas API the browser may call (the app's own origin in sandbox mode). */
  nylasApiUri: string;
  careersFrameAncestors: string | undefined;
  isDevelopment: boolean;
};

export function buildContentSecurityPolicy(options: TSecurityHeaderOptions): string {
  // In sandbox mode the Nylas API is the app itself: 'self' covers it.
  const nylasApiOrigin = new URL(options.nylasApiUri).origin;
  const nylas = nylasApiOrigin === new URL(options.appUrl).origin ? [] : [nylasApiOrigin];
  const ancestors = isFrameablePath(options.pathname) ? parseFrameAncestors(options.careersFrameAncestors).sources : [];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", "'unsafe-inline'", ...(options.isDevelopment ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["media-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...nylas]],
    ["form-action", ["'self'", ...(nylas.length ? ["https:"] : [])]],
    ["base-uri", ["'self'"]],
    ["object-src", ["'none'"]],
    ["frame-ancestors", ancestors.length ? ancestors : ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/** Every header for one response, by path. */
export function buildSecurityHeaders(options: TSecurityHeaderOptions): Record<string, string> {
  return {
    ...BASE_HEADERS,
    "Content-Security-Policy": buildContentSecurityPolicy(options),
    ...(options.appUrl.startsWith("https://") ? { "Strict-Transport-Security": HSTS_VALUE } : {}),
  };
}
