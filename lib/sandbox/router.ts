/**
 * A small method + path router for the sandbox's `/v3/**` API. Route handlers receive parsed
 * inputs and return a SandboxResult (or a raw Response for non-JSON pages); errors are thrown as
 * SandboxApiError and rendered in Nylas's envelope by the caller.
 */
import { SandboxApiError, invalidRequest, unauthorized } from "./errors";
import type { SandboxResult } from "./http";

export type SandboxContext = {
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
  /** true when the request carried the sandbox API key as a Bearer token */
  hasApiKey: boolean;
  now: Date;
};

type SandboxHandler = (ctx: SandboxContext) => Promise<SandboxResult | Response>;

/** "api_key": grant-scoped and admin endpoints; "public": scheduler endpoints (key optional). */
type RouteAuth = "api_key" | "public";

export type Route = { method: string; segments: string[]; auth: RouteAuth; handler: SandboxHandler };

export function route(method: string, path: string, auth: RouteAuth, handler: SandboxHandler): Route {
  return { method, segments: path.split("/").filter(Boolean), auth, handler };
}

type RouteMatch = { route: Route; params: Record<string, string> };

/** Matches a path (split, decoded, without the leading "v3" or empty segments). */
export function matchRoute(routes: Route[], method: string, segments: string[]): RouteMatch | "method_not_allowed" | null {
  let pathMatched = false;
  for (const candidate of routes) {
    if (candidate.segments.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segments.length; i++) {
      const pattern = candidate.segments[i]!;
      const value = segments[i]!;
      if (pattern.startsWith(":")) params[pattern.slice(1)] = value;
      else if (pattern !== value) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    pathMatched = true;
    if (candidate.method === method) return { route: candidate, params };
  }
  return pathMatched ? "method_not_allowed" : null;
}

/**
 * The request body: JSON, or a form (`application/x-www-form-urlencoded`, as the hosted sign-in
 * page posts and as Nylas's `/v3/connect/token` also accepts) as an object of its fields.
 */
export async function parseRequestBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return undefined;
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("Request body is not valid JSON.");
  }
}

export function requireApiKey(ctx: SandboxContext): void {
  if (!ctx.hasApiKey) throw unauthorized("Unauthorized. Send the sandbox API key as `Authorization: Bearer <NYLAS_SANDBOX_API_KEY>`.");
}

export function assertObjectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalidRequest("Request body must be a JSON object.");
  return body as Record<string, unknown>;
}

export { SandboxApiError };
