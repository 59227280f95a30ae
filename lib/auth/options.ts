/**
 * next-auth (v4) configuration: email + password (Credentials provider) with JWT sessions.
 *
 * Built lazily by getAuthOptions(), not at import, because `next build` imports route modules
 * and getEnv() must not run then (a production build has no NYLAS_MODE).
 */
import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { getClientIp } from "@/lib/auth/client-ip";
import { usesSecureCookies } from "@/lib/auth/session-cookie";
import { DEACTIVATED_CODE, rateLimitedErrorCode } from "@/lib/auth/sign-in-errors";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";

const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

let cached: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    useSecureCookies: usesSecureCookies(env.APP_URL),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    // Our own page; next-auth's error redirects land there too (it reads ?error=).
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials, request) {
          const result = await authenticateWithPassword(db, {
            credentials,
            ip: getClientIp(request.headers),
            now: new Date(),
            policy: { maxFailures: env.LOGIN_MAX_FAILURES, windowMinutes: env.LOGIN_WINDOW_MINUTES },
          });
          if (result.ok) return { ...result.user, sessionVersion: result.sessionVersion };
          if (result.reason === "deactivated") throw new Error(DEACTIVATED_CODE);
          // next-auth passes a thrown message to the client as `error`; null becomes "CredentialsSignin".
          if (result.reason === "rate_limited") throw new Error(rateLimitedErrorCode(result.retryAfterMinutes));
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        // `user` is only present right after sign-in. The role here is a hint for proxy.ts;
        // server-side checks re-read it from the database (lib/auth.ts).
        if (user) {
          token.sub = user.id;
          token.role = user.role;
          token.sv = user.sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) {
          session.user = {
            id: token.sub,
            email: token.email ?? "",
            name: token.name ?? "",
            role: (token.role ?? "INTERVIEWER") satisfies UserRole,
            sessionVersion: token.sv ?? 0,
          };
        }
        return session;
      },
      // Only same-origin redirects (the login form navigates itself; this guards next-auth's own).
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
        try {
          if (new URL(url).origin === baseUrl) return url;
        } catch {
          // fall through
        }
        return baseUrl;
      },
    },
  };
  return cached;
}
