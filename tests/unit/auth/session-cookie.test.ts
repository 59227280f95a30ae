/**
 * Session cookies are Secure exactly when APP_URL is https (issue 17): usesSecureCookies feeds
 * next-auth's useSecureCookies (lib/auth/options.ts) and proxy.ts's cookie name, and next-auth's
 * own cookie defaults turn it into the `__Secure-` name and the Secure attribute.
 */
import { createRequire } from "node:module";
import path from "node:path";
import type { CookiesOptions } from "next-auth";
import { describe, expect, it } from "vitest";
import { usesSecureCookies } from "@/lib/auth/session-cookie";

// next-auth's cookie defaults are not in its package exports: loaded by file path.
const { defaultCookies } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/lib/cookie.js")) as { defaultCookies: (useSecureCookies: boolean) => CookiesOptions };

describe("usesSecureCookies", () => {
  it("makes the session cookie Secure (and __Secure-) on https", () => {
    const cookies = defaultCookies(usesSecureCookies("https://jobs.northwind.example"));
    expect(cookies.sessionToken.name).toBe("__Secure-next-auth.session-token");
    expect(cookies.sessionToken.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    expect(cookies.csrfToken.options.secure).toBe(true);
  });

  it("leaves it plain on http (localhost development), where a browser would drop a Secure cookie", () => {
    const cookies = defaultCookies(usesSecureCookies("http://localhost:3000"));
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
    expect(cookies.sessionToken.options.secure).toBe(false);
  });
});
