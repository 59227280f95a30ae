import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { getAvailability } from "./availability";
import { cancelBooking, confirmBooking, createBooking, findBooking, rescheduleBooking } from "./bookings";
import { createConfiguration, deleteConfiguration, findConfiguration, listConfigurations, updateConfiguration } from "./configurations";
import { invalidRequest, notFound, SandboxApiError } from "./errors";
import { createEvent, deleteEvent, findEvent, listCalendars, listEvents, updateEvent } from "./events";
import { getFreeBusy } from "./free-busy";
import { connectSandboxGrantEndpoint, deleteGrant, findGrant, listGrants, setSandboxGrantStatusEndpoint } from "./grants";
import { exchangeOAuthToken, renderHostedSignIn, submitHostedSignIn } from "./hosted-auth";
import { CORS_HEADERS, errorToResponse, newRequestId, schedulingCacheControl, toResponse } from "./http";
import { renderMeetingRoom } from "./meeting-room";
import { listMessages, sendMessage, setMessageFaults } from "./messages";
import {
  cancelNotetaker,
  deleteNotetaker,
  expireNotetakerMediaEndpoint,
  findNotetaker,
  getNotetakerHistory,
  getNotetakerMedia,
  leaveNotetaker,
  listNotetakers,
  runNotetakerEndpoint,
  serveMediaFileEndpoint,
  setNotetakerFaults,
} from "./notetaker-endpoints";
import { matchRoute, parseRequestBody, requireApiKey, route, type Route, type SandboxContext } from "./router";
import { getUiSettings } from "./ui-settings";
import { createWebhook, deleteWebhook, findWebhook, getWebhookIpAddresses, listWebhooks, rotateWebhookSecret, updateWebhook } from "./webhooks";

const routes: Route[] = [
  // Grants, calendars, free/busy and events (API key)
  route("GET", "grants", "api_key", listGrants),
  route("GET", "grants/:grant", "api_key", findGrant),
  route("DELETE", "grants/:grant", "api_key", deleteGrant),
  route("GET", "grants/:grant/calendars", "api_key", listCalendars),
  route("POST", "grants/:grant/calendars/free-busy", "api_key", getFreeBusy),
  route("GET", "grants/:grant/events", "api_key", listEvents),
  route("POST", "grants/:grant/events", "api_key", createEvent),
  route("GET", "grants/:grant/events/:id", "api_key", findEvent),
  route("PUT", "grants/:grant/events/:id", "api_key", updateEvent),
  route("DELETE", "grants/:grant/events/:id", "api_key", deleteEvent),
  // Messages: what the app sends, newest first (API key)
  route("GET", "grants/:grant/messages", "api_key", listMessages),
  route("POST", "grants/:grant/messages/send", "api_key", sendMessage),
  // Scheduling configurations (API key)
  route("GET", "grants/:grant/scheduling/configurations", "api_key", listConfigurations),
  route("POST", "grants/:grant/scheduling/configurations", "api_key", createConfiguration),
  route("GET", "grants/:grant/scheduling/configurations/:id", "api_key", findConfiguration),
  route("PUT", "grants/:grant/scheduling/configurations/:id", "api_key", updateConfiguration),
  route("DELETE", "grants/:grant/scheduling/configurations/:id", "api_key", deleteConfiguration),
  // Public Scheduler endpoints used by <NylasScheduling> (no auth for public configurations)
  route("GET", "scheduling/ui-settings", "public", getUiSettings),
  route("GET", "scheduling/availability", "public", getAvailability),
  route("POST", "scheduling/bookings", "public", createBooking),
  route("GET", "scheduling/bookings/:id", "public", findBooking),
  route("DELETE", "scheduling/bookings/:id", "public", cancelBooking),
  route("PATCH", "scheduling/bookings/:id", "public", rescheduleBooking),
  route("PUT", "scheduling/bookings/:id", "public", confirmBooking),
  // Webhook subscriptions (API key)
  route("GET", "webhooks", "api_key", listWebhooks),
  route("POST", "webhooks", "api_key", createWebhook),
  route("GET", "webhooks/ip-addresses", "api_key", getWebhookIpAddresses),
  route("POST", "webhooks/rotate-secret/:id", "api_key", rotateWebhookSecret),
  route("GET", "webhooks/:id", "api_key", findWebhook),
  route("PUT", "webhooks/:id", "api_key", updateWebhook),
  route("DELETE", "webhooks/:id", "api_key", deleteWebhook),
  // Notetakers, grant-scoped and standalone (API key)
  ...["grants/:grant/notetakers", "notetakers"].flatMap((base) => [
    route("GET", base, "api_key", listNotetakers),
    route("GET", `${base}/:id`, "api_key", findNotetaker),
    route("DELETE", `${base}/:id`, "api_key", deleteNotetaker),
    route("DELETE", `${base}/:id/cancel`, "api_key", cancelNotetaker),
    route("POST", `${base}/:id/leave`, "api_key", leaveNotetaker),
    route("GET", `${base}/:id/media`, "api_key", getNotetakerMedia),
    route("GET", `${base}/:id/history`, "api_key", getNotetakerHistory),
  ]),
  // Sandbox-only controls (not Nylas): connect a calendar (hosted auth) or expire a grant, inject
  // send faults; run a notetaker's lifecycle now, inject media faults, end retention
  route("POST", "sandbox/grants", "api_key", connectSandboxGrantEndpoint),
  route("PATCH", "sandbox/grants/:grant", "api_key", setSandboxGrantStatusEndpoint),
  route("POST", "sandbox/grants/:grant/message-faults", "api_key", setMessageFaults),
  route("POST", "sandbox/notetakers/:id/run", "api_key", runNotetakerEndpoint),
  route("POST", "sandbox/notetakers/:id/faults", "api_key", setNotetakerFaults),
  route("POST", "sandbox/notetakers/:id/expire-media", "api_key", expireNotetakerMediaEndpoint),
  // Pre-authenticated media file URLs (signed, expiring; no API key, like Nylas's storage links)
  route("GET", "sandbox/media/:id/:kind/:name", "public", serveMediaFileEndpoint),
  route("HEAD", "sandbox/media/:id/:kind/:name", "public", serveMediaFileEndpoint),
  // The page behind sandbox conferencing links
  // Hosted OAuth: the sign-in page and its form (public, as Nylas's are), and the code exchange
  // (public route: the client_secret in the body is the credential, as at Nylas).
  route("GET", "connect/auth", "public", renderHostedSignIn),
  route("POST", "connect/auth", "public", submitHostedSignIn),
  route("POST", "connect/token", "public", exchangeOAuthToken),
  route("GET", "sandbox/meet/:provider/:code", "public", async (ctx) => renderMeetingRoom(ctx.params.provider!, ctx.params.code!)),
];

function hasSandboxApiKey(headers: Headers): boolean {
  const header = headers.get("authorization") ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(getEnv().NYLAS_SANDBOX_API_KEY);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Decoded path segments; empty ones (a trailing slash, as in `POST /v3/webhooks/`) are dropped. */
function decodePath(path: string[]): string[] {
  try {
    return path.filter(Boolean).map((segment) => decodeURIComponent(segment));
  } catch {
    throw invalidRequest("Malformed URL path.");
  }
}

/** Entry point for app/v3/[...path]/route.ts: the whole sandbox API. 404 in live mode. */
export async function handleSandboxRequest(request: Request, path: string[]): Promise<Response> {
  const requestId = newRequestId();
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS_HEADERS });
  try {
    if (getEnv().NYLAS_MODE !== "sandbox") throw notFound("Not found. The Nylas sandbox is disabled in live mode.");
    const match = matchRoute(routes, request.method, decodePath(path));
    if (match === null) throw notFound(`No such endpoint: ${request.method} /v3/${path.join("/")}`);
    if (match === "method_not_allowed") throw new SandboxApiError(405, "invalid_request_error", `Method ${request.method} is not allowed here.`);
    const url = new URL(request.url);
    const ctx: SandboxContext = {
      method: request.method,
      params: match.params,
      query: url.searchParams,
      body: request.method === "GET" || request.method === "HEAD" ? undefined : await parseRequestBody(request),
      headers: request.headers,
      hasApiKey: hasSandboxApiKey(request.headers),
      now: new Date(),
    };
    if (match.route.auth === "api_key") requireApiKey(ctx);
    const started = performance.now();
    const result = await match.route.handler(ctx);
    if (result instanceof Response) return result;
    // The scheduler's own calls say how long the handler took (the careers bench reads it from
    // Resource Timing; same-origin, so no Timing-Allow-Origin is needed).
    // Their caching is set here, in one place (schedulingCacheControl).
    const [area, endpoint] = match.route.segments;
    const schedulingHeaders: Record<string, string> =
      area === "scheduling" ? { "server-timing": `app;dur=${(performance.now() - started).toFixed(1)}`, "cache-control": schedulingCacheControl(ctx.method, endpoint, ctx.query, ctx.hasApiKey) } : {};
    return toResponse({ ...result, headers: { ...result.headers, ...schedulingHeaders } }, requestId);
  } catch (error) {
    return errorToResponse(error, requestId);
  }
}
