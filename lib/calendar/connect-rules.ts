/**
 * Pure rules of "Connect calendar" (Nylas Hosted OAuth): the callback URL, the auth URL's
 * parameters, the `state` cookie, what a callback's query says, and what each outcome tells the
 * person on /account. No database, no clock of its own; client components may import it.
 */
import { normalizeEmail } from "@/lib/utils";

/** How long a started connection may take before its `state` expires. */
export const CONNECT_STATE_TTL_MINUTES = 10;

/** The httpOnly cookie that binds a started connection's `state` to this browser. */
export const CONNECT_STATE_COOKIE = "portal.calendar-state";

/** Where Nylas sends the browser back: APP_URL/account/calendar/callback (registered as a callback URI in live mode). */
export function calendarCallbackUrl(appUrl: string): string {
  return new URL("/account/calendar/callback", appUrl).toString();
}

/** The SDK's urlForOAuth2 configuration: the person's own email as the login hint. */
export function buildConnectUrlConfig(input: { clientId: string; appUrl: string; state: string; email: string }) {
  return { clientId: input.clientId, redirectUri: calendarCallbackUrl(input.appUrl), state: input.state, loginHint: input.email };
}

/** The state cookie's attributes: httpOnly, SameSite=Lax (sent on the top-level redirect back), Secure over https, only for the callback. */
export function connectStateCookie(appUrl: string, value: string, maxAgeSeconds = CONNECT_STATE_TTL_MINUTES * 60) {
  return {
    name: CONNECT_STATE_COOKIE,
    value,
    httpOnly: true,
    sameSite: "lax" as const,
    secure: new URL(appUrl).protocol === "https:",
    path: "/account/calendar",
    maxAge: maxAgeSeconds,
  };
}

export type CallbackQuery = { kind: "code"; code: string; state: string } | { kind: "provider_error"; error: string; state: string | null } | { kind: "malformed" };

/** What the provider sent back: a code with its state, an OAuth error, or nothing usable. */
export function parseCallbackQuery(query: URLSearchParams): CallbackQuery {
  const error = query.get("error");
  if (error) return { kind: "provider_error", error: error.slice(0, 100), state: query.get("state") };
  const code = query.get("code");
  const state = query.get("state");
  if (!code || !state || code.length > 2048) return { kind: "malformed" };
  return { kind: "code", code, state };
}

/** Every way a connection attempt ends; /account?calendar=<result> shows its line. */
export const CALENDAR_RESULTS = ["connected", "denied", "provider_error", "state", "expired", "mismatch", "exchange", "unavailable", "unconfigured", "malformed"] as const;
export type CalendarResult = (typeof CALENDAR_RESULTS)[number];

export function parseCalendarResult(value: string | string[] | undefined): CalendarResult | null {
  return typeof value === "string" && (CALENDAR_RESULTS as readonly string[]).includes(value) ? (value as CalendarResult) : null;
}

const TRY_AGAIN = "Press “Connect calendar” to start again.";

/** Each result's line; a function of the signed-in person's email. */
const RESULT_LINES: Record<CalendarResult, (email: string) => string> = {
  connected: () => "Your calendar is connected: you can now be booked for interviews.",
  denied: () => `Nothing was connected: access was denied on the sign-in page. ${TRY_AGAIN}`,
  provider_error: () => `Nothing was connected: the calendar provider reported an error. ${TRY_AGAIN}`,
  state: () => `Nothing was connected: that sign-in was not started from this browser, or it was already used. ${TRY_AGAIN}`,
  expired: () => `Nothing was connected: the sign-in took longer than ${CONNECT_STATE_TTL_MINUTES} minutes. ${TRY_AGAIN}`,
  mismatch: (email) => `Nothing was connected: the calendar you approved belongs to another email address. Calendars are matched by email, so connect the one of ${email}.`,
  exchange: () => `Nothing was connected: Nylas refused the sign-in code (it may have been used already). ${TRY_AGAIN}`,
  unavailable: () => `Nothing was connected: Nylas could not be reached to finish the sign-in. Try again in a minute: press “Connect calendar”.`,
  unconfigured: () => "Calendar connection is not set up: an administrator must set NYLAS_CLIENT_ID (see “Calendar connection is not set up” below).",
  malformed: () => `Nothing was connected: the sign-in came back incomplete. ${TRY_AGAIN}`,
};

/** The one line /account shows after an attempt (`email`: the signed-in person's). */
export function describeCalendarResult(result: CalendarResult, email: string): { tone: "success" | "error"; text: string } {
  return { tone: result === "connected" ? "success" : "error", text: RESULT_LINES[result](email) };
}

export type CalendarConnectionView = { status: "none" } | { status: "valid" | "invalid"; email: string; provider: string; connectedAt: Date };

/** "Google" for "google", and so on; other providers as Nylas names them. */
export function providerLabel(provider: string): string {
  const known: Record<string, string> = { google: "Google", microsoft: "Microsoft", icloud: "iCloud", ews: "Exchange", imap: "IMAP" };
  return known[provider] ?? provider;
}

/** A grant is the person's when its email is theirs (case and spaces aside): grants are matched by email. */
export function isSameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b);
}
