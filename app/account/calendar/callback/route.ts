import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth";
import { completeCalendarConnect } from "@/lib/calendar/connect";
import { CONNECT_STATE_COOKIE, connectStateCookie } from "@/lib/calendar/connect-rules";
import { getEnv } from "@/lib/env";
import { accountCalendarResultPath } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** GET /account/calendar/callback — Nylas Hosted OAuth's redirect back: checks the state, exchanges the code, stores the grant; back to /account with the result. */
export const GET = withAuth(async (request, { user }) => {
  // Nylas unreachable or failing (network, 5xx) mid-exchange: a line on /account, not an error page.
  const result = await completeCalendarConnect({ user, query: request.nextUrl.searchParams, cookieState: request.cookies.get(CONNECT_STATE_COOKIE)?.value ?? null }).catch((error: unknown) => {
    console.error(`[calendar] connecting a calendar for user ${user.id} failed`, error);
    return "unavailable" as const;
  });
  const env = getEnv();
  const response = NextResponse.redirect(new URL(accountCalendarResultPath(result), env.APP_URL), 303);
  // The state is spent either way: the cookie goes with it.
  response.cookies.set(connectStateCookie(env.APP_URL, "", 0));
  return response;
});
