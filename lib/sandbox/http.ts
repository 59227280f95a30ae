/** Response helpers that speak Nylas's wire format (envelopes, x-request-id, CORS). */
import { randomUUID } from "node:crypto";
import { SandboxApiError } from "./errors";

// `<NylasScheduling>` sends these headers on every call (nylas-contract §2.2); answering the
// preflight lets the component run on another origin too.
export const CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET,POST,PUT,PATCH,DELETE,OPTIONS",
  "access-control-allow-headers": "content-type, authorization, x-source, x-nylas-web-elements-version, x-nylas-application-public-id",
  "access-control-max-age": "600",
};

/** `headers`: extra response headers (e.g. `Idempotent-Response: true` on a replayed send). */
export type SandboxResult = { status: number; body: unknown; headers?: Record<string, string> };

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json", "x-request-id": requestId, ...CORS_HEADERS },
  });
}

export function toResponse(result: SandboxResult, requestId: string): Response {
  const body = result.body && typeof result.body === "object" ? { request_id: requestId, ...result.body } : { request_id: requestId };
  return respond(result.status, body, requestId, result.headers);
}

/**
 * Cache-Control for the scheduler's endpoints (`/v3/scheduling/<endpoint>`, issue 18):
 * - ui-settings of a public configuration: public (as at Nylas), so a shared cache in front of the
 *   app may keep it for a minute; a browser asks again on every load, because an admin's edit (a
 *   new duration, the consent question) must show on the candidate's next load, not a minute later;
 * - ui-settings with a booking (reschedule/cancel: the guest's details) or an API key: never stored;
 * - availability: may never be used stale (a slot booked meanwhile would be offered again);
 * - anything else (bookings): never stored.
 */
export function schedulingCacheControl(method: string, endpoint: string | undefined, query: URLSearchParams, hasApiKey: boolean): string {
  if (method !== "GET") return "no-store";
  if (endpoint === "ui-settings" && !query.has("booking_id") && !hasApiKey) return "public, max-age=0, s-maxage=60";
  if (endpoint === "availability") return "private, max-age=0, must-revalidate";
  return "no-store";
}

export function errorToResponse(error: unknown, requestId: string): Response {
  if (error instanceof SandboxApiError) {
    return respond(error.status, { request_id: requestId, error: { type: error.type, message: error.message } }, requestId);
  }
  console.error("[sandbox] unexpected error", error);
  return respond(500, { request_id: requestId, error: { type: "internal_error", message: "Internal error in the Nylas sandbox." } }, requestId);
}

export function newRequestId(): string {
  return randomUUID();
}

/** `{data}` success payload. */
export const data = (value: unknown, status = 200): SandboxResult => ({ status, body: { data: value } });
/** `{data, next_cursor}` list payload. */
export const list = (value: unknown[], nextCursor: string | null): SandboxResult => ({
  status: 200,
  body: { data: value, next_cursor: nextCursor },
});
/** `{request_id}` only (deletes, cancels). */
export const empty = (): SandboxResult => ({ status: 200, body: {} });

/** Offset cursors, opaque to clients. Nylas: limit defaults to 50, max 200. */
export function parsePaging(query: URLSearchParams): { limit: number; offset: number } {
  const rawLimit = Number(query.get("limit") ?? 50);
  const limit = Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 200) : 50;
  const token = query.get("page_token");
  let offset = 0;
  if (token) {
    const decoded = Number(Buffer.from(token, "base64url").toString("utf8"));
    if (!Number.isInteger(decoded) || decoded < 0) throw new SandboxApiError(400, "invalid_request_error", "Invalid page_token.");
    offset = decoded;
  }
  return { limit, offset };
}

export function nextCursor(offset: number, limit: number, returned: number): string | null {
  return returned < limit ? null : Buffer.from(String(offset + limit)).toString("base64url");
}
