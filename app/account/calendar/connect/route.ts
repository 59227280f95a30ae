import { NextResponse } from "next/server";
import { withAuth } from "@/lib/auth";
import { startCalendarConnect } from "@/lib/calendar/connect";
import { connectStateCookie } from "@/lib/calendar/connect-rules";
import { getEnv } from "@/lib/env";
import { accountCalendarResultPath } from "@/lib/routes";

export const dynamic = "force-dynamic";

/** POST /account/calendar/connect — "Connect calendar": binds a fresh OAuth state to this browser and sends it to Nylas's hosted sign-in. */
export const POST = withAuth(async (_request, { user }) => {
  const started = await startCalendarConnect(user);
  const env = getEnv();
  if (!started.ok) return NextResponse.redirect(new URL(accountCalendarResultPath(started.result), env.APP_URL), 303);
  const response = NextResponse.redirect(started.url, 303);
  response.cookies.set(connectStateCookie(env.APP_URL, started.state));
  return response;
});
