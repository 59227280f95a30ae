/**
 * The one session getter and the access checks built on it.
 *
 * - getCurrentUser(): the signed-in user, re-read from the database (role, name) once per request.
 * - requireUser() / requireAdmin(): for pages, layouts (redirect to /login, or the 403 page).
 * - withAuth(handler, { roles }): for route handlers (401 / 403 JSON; what a handler throws goes
 *   through the one error mapper, toErrorResponse in lib/errors.ts).
 * - requireActionUser(roles): for server actions, through defineAction (lib/actions/define-action.ts).
 *
 * proxy.ts only redirects signed-out visitors as a convenience; these checks are the boundary.
 */
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { NextRequest } from "next/server";
import { cache } from "react";
import { buildLoginUrl } from "@/lib/auth/callback-url";
import { getAuthOptions } from "@/lib/auth/options";
import { REQUEST_PATH_HEADER } from "@/lib/auth/public-paths";
import { findSessionUserById, type SessionUser } from "@/lib/auth/users";
import { db } from "@/lib/db";
import { forbiddenError, toErrorResponse, unauthorizedError } from "@/lib/errors";
import type { UserRole } from "@/lib/generated/prisma/enums";

export type { SessionUser } from "@/lib/auth/users";

export type AccessOptions = {
  /** Roles allowed in; any signed-in user when omitted. */
  roles?: readonly UserRole[];
};

/** The signed-in user with role and name fresh from the database, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // Per-request by nature: reading headers first opts the page out of prerendering before env or
  // cookies are touched (a build has no runtime configuration).
  await headers();
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  if (!id) return null;
  return findSessionUserById(db, id, session.user.sessionVersion ?? 0);
});

export function isAdmin(user: Pick<SessionUser, "role"> | null | undefined): boolean {
  return user?.role === "ADMIN";
}

function hasRole(user: SessionUser, roles: readonly UserRole[] | undefined): boolean {
  return !roles || roles.includes(user.role);
}

/**
 * The path + query of the page being rendered, as recorded by proxy.ts; null when unknown.
 * Used only to build callbackUrl (which is sanitised), never for access decisions.
 */
export async function getRequestPath(): Promise<string | null> {
  return (await headers()).get(REQUEST_PATH_HEADER);
}

/**
 * For pages and layouts: the signed-in user, or a redirect to /login?callbackUrl=<path>.
 * `callbackPath` defaults to the requested path recorded by proxy.ts.
 */
export async function requireUser(callbackPath?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(buildLoginUrl(callbackPath ?? (await getRequestPath())));
  return user;
}

/** For pages and layouts: a signed-in ADMIN; signed out → /login, any other role → the 403 page. */
export async function requireAdmin(callbackPath?: string): Promise<SessionUser> {
  const user = await requireUser(callbackPath);
  if (!isAdmin(user)) forbidden();
  return user;
}

// ───────────────────────────── Route handlers ─────────────────────────────

type RouteParams = Record<string, string | string[] | undefined>;
type RouteContext<P extends RouteParams> = { params: Promise<P> };

export type AuthedRouteHandler<P extends RouteParams> = (request: NextRequest, context: RouteContext<P> & { user: SessionUser }) => Response | Promise<Response>;

/**
 * Wraps a route handler: 401 JSON when signed out, 403 JSON when the role is not in `roles`, else
 * calls `handler` with the user. Whatever the handler throws is answered by the one error mapper
 * (toErrorResponse: our errors keep their status, zod → 422, Prisma unique → 409, not found → 404,
 * anything else a logged 500), so a handler has no try/catch of its own.
 *
 *   export const GET = withAuth(async (request, { user, params }) => Response.json(...), { roles: ["ADMIN"] });
 */
export function withAuth<P extends RouteParams = RouteParams>(handler: AuthedRouteHandler<P>, options: AccessOptions = {}): (request: NextRequest, context: RouteContext<P>) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw unauthorizedError();
      if (!hasRole(user, options.roles)) throw forbiddenError();
      return await handler(request, { ...context, user });
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

// ───────────────────────────── Server actions ─────────────────────────────

/**
 * For server actions (every action is a public POST endpoint; lib/actions/define-action.ts calls
 * this first): the signed-in user, or a redirect to /login when signed out and forbidden() when
 * the role is not in `roles`.
 */
export async function requireActionUser(roles?: readonly UserRole[]): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(buildLoginUrl(await getRequestPath()));
  if (!hasRole(user, roles)) forbidden();
  return user;
}
