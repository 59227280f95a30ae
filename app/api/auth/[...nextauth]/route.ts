import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { getAuthOptions } from "@/lib/auth/options";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request (lazily, then cached) so that `next build` needs no env.
function handler(request: NextRequest, context: NextAuthContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

/** GET /api/auth/* — next-auth: csrf token, session, providers. */
export { handler as GET };
/** POST /api/auth/* — next-auth: sign in with credentials, sign out. */
export { handler as POST };
