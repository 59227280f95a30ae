/**
 * Which paths need no sign-in (DESIGN.md, Decisions, "Public paths").
 * Pure; used by proxy.ts (the convenience redirect) and by the server-side checks.
 *
 * Public: /careers/**, /book/** (the sandbox's hosted booking pages), /login, /forgot-password,
 * /reset-password/** (a password-reset link), /invite/** (an invitation link: its token is the
 * authority), /api/auth/**, /api/webhooks/nylas, /api/health, /bench/scheduler/** (404 unless
 * BENCH_PAGES=on), /v3/** (the
 * sandbox has its own Nylas-style auth), and static assets: /_next/**, /favicon.ico, top-level
 * files from /public (e.g. /robots.txt, /logo.svg) and anything under /assets/**.
 * Everything else requires sign-in. Roles are checked where the data is: the /settings and
 * /sandbox layouts (requireAdmin), and each route handler and server action (lib/auth.ts).
 */

/** Header proxy.ts sets to the path + query being requested, so server code can build callbackUrl. */
export const REQUEST_PATH_HEADER = "x-portal-request-path";

/** `prefix` itself or anything below it (`/careers`, `/careers/x`, but not `/careersx`). */
function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

// /book: the sandbox's hosted booking pages (404 in live mode, where Nylas serves them).
// /bench/scheduler: the careers bench's bare scheduler page, public like the careers pages it is
// compared with (a candidate is signed out); 404 unless BENCH_PAGES=on (npm run bench only).
const PUBLIC_TREES = ["/careers", "/book", "/invite", "/reset-password", "/api/auth", "/v3", "/_next", "/assets", "/bench/scheduler"] as const;
// /api/bench/webhook-baseline answers 404 unless BENCH_BASELINE_ROUTE=on (npm run bench only).
const PUBLIC_EXACT = ["/login", "/forgot-password", "/api/webhooks/nylas", "/api/bench/webhook-baseline", "/api/health", "/favicon.ico"] as const;

// Files served from /public at the top level. Only single-segment paths, so a route such as
// /dashboard/x/recording.mp4 can never become public by its extension.
const TOP_LEVEL_ASSET = /^\/[A-Za-z0-9._-]+\.(?:ico|png|jpe?g|gif|svg|webp|avif|txt|xml|webmanifest|json|woff2?)$/;

function stripTrailingSlash(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.slice(0, -1) : pathname;
}

export function isStaticAssetPath(pathname: string): boolean {
  const path = stripTrailingSlash(pathname);
  return isUnder(path, "/_next") || isUnder(path, "/assets") || path === "/favicon.ico" || TOP_LEVEL_ASSET.test(path);
}

/** True when the path is reachable without signing in. */
export function isPublicPath(pathname: string): boolean {
  const path = stripTrailingSlash(pathname);
  if (path === "/") return true; // redirects to /careers (app/page.tsx)
  if ((PUBLIC_EXACT as readonly string[]).includes(path)) return true;
  if (PUBLIC_TREES.some((prefix) => isUnder(path, prefix))) return true;
  return isStaticAssetPath(path);
}

/** API routes answer 401/403 with JSON instead of redirecting. */
export function isApiPath(pathname: string): boolean {
  return isUnder(stripTrailingSlash(pathname), "/api");
}
