/**
 * Convenience redirect for signed-out visitors (Next 16 "proxy", formerly middleware). Not the
 * security boundary: layouts, route handlers and server actions check again (lib/auth.ts), and
 * role checks happen only there because they need the database.
 *
 * - public paths (lib/auth/public-paths.ts) pass through;
 * - signed out + /api/** → 401 JSON; signed out + page → /login?callbackUrl=<path+query>;
 * - every request that passes gets REQUEST_PATH_HEADER so server code can build callbackUrl;
 * - every response gets the security headers (lib/http/security-headers.ts; next.config.ts covers
 *   the paths this matcher leaves out).
 */
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { buildLoginUrl } from "@/lib/auth/callback-url";
import { isApiPath, isPublicPath, REQUEST_PATH_HEADER } from "@/lib/auth/public-paths";
import { usesSecureCookies } from "@/lib/auth/session-cookie";
import { getEnv } from "@/lib/env";
import { buildSecurityHeaders } from "@/lib/http/security-headers";

// Router-internal query parameters that are not part of the address the user asked for.
const INTERNAL_SEARCH_PARAMS = ["_rsc"];

function requestedPath(request: NextRequest): string {
  const search = new URLSearchParams(request.nextUrl.search);
  for (const name of INTERNAL_SEARCH_PARAMS) search.delete(name);
  const query = search.toString();
  return `${request.nextUrl.pathname}${query ? `?${query}` : ""}`;
}

export async function proxy(request: NextRequest) {
  const response = await route(request);
  const env = getEnv();
  const headers = buildSecurityHeaders({
    pathname: request.nextUrl.pathname,
    appUrl: env.APP_URL,
    nylasApiUri: env.nylasApiUri,
    careersFrameAncestors: env.CAREERS_FRAME_ANCESTORS,
    isDevelopment: env.NODE_ENV === "development",
  });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const path = requestedPath(request);

  // Always overwrite the header: a client-sent value must not survive.
  const forwardedHeaders = new Headers(request.headers);
  forwardedHeaders.set(REQUEST_PATH_HEADER, path);
  const next = () => NextResponse.next({ request: { headers: forwardedHeaders } });

  if (isPublicPath(pathname)) return next();

  const env = getEnv();
  const token = await getToken({
    req: request,
    secret: env.NEXTAUTH_SECRET,
    secureCookie: usesSecureCookies(env.APP_URL),
  });
  if (token?.sub) return next();

  if (isApiPath(pathname)) {
    return NextResponse.json({ error: { code: "unauthorized", message: "Sign in required." } }, { status: 401, headers: { "Cache-Control": "no-store" } });
  }
  const loginUrl = request.nextUrl.clone();
  const target = new URL(buildLoginUrl(path), request.nextUrl.origin);
  loginUrl.pathname = target.pathname;
  loginUrl.search = target.search;
  return NextResponse.redirect(loginUrl);
}

export const config = {
  // Everything except Next's build assets, the vendored <nylas-scheduling> module (public/vendor/,
  // content-hashed like them; its headers come from next.config.ts), (other public paths are let
  // through by isPublicPath) and the upload route: where a proxy runs, Next.js buffers the request body (10 MB at most,
  // truncating the rest), which would break streamed uploads of recordings. That route checks the
  // session itself (withAuth), like every route handler.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|vendor/|api/interviews/[^/]+/uploads).*)"],
};
