/**
 * proxy.ts, the convenience redirect: signed-out page visits go to /login?callbackUrl=…, signed-out
 * API calls get 401 JSON, public paths and signed-in requests pass (with the request path header).
 */
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { proxy } from "@/proxy";

async function sessionCookie(): Promise<string> {
  const token = await encode({ token: { sub: "00000000-0000-4000-8000-000000000001", role: "RECRUITER" }, secret: getEnv().NEXTAUTH_SECRET });
  return `next-auth.session-token=${token}`;
}

function request(path: string, cookie?: string): NextRequest {
  return new NextRequest(`http://app.test${path}`, cookie ? { headers: { cookie } } : undefined);
}

describe("proxy", () => {
  it("redirects a signed-out page visit to /login with path and query as callbackUrl", async () => {
    const response = await proxy(request("/dashboard/interviews?status=all"));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://app.test/login?callbackUrl=%2Fdashboard%2Finterviews%3Fstatus%3Dall");
  });

  it("drops the router's _rsc parameter from callbackUrl", async () => {
    const response = await proxy(request("/settings?_rsc=1x2y"));
    expect(response.headers.get("location")).toBe("http://app.test/login?callbackUrl=%2Fsettings");
  });

  it("answers a signed-out API call with 401 JSON", async () => {
    const response = await proxy(request("/api/interviews"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Sign in required." } });
  });

  it.each(["/careers", "/careers/backend-engineer", "/login", "/api/auth/session", "/api/webhooks/nylas", "/api/health", "/v3/grants", "/favicon.svg"])(
    "lets %s through when signed out",
    async (path) => {
      const response = await proxy(request(path));
      expect(response.headers.get("x-middleware-next")).toBe("1");
    },
  );

  it("lets a signed-in request through and records the requested path for the server", async () => {
    const response = await proxy(request("/dashboard?page=2", await sessionCookie()));
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("x-middleware-request-x-portal-request-path")).toBe("/dashboard?page=2");
  });

  it("ignores a forged session cookie", async () => {
    const response = await proxy(request("/dashboard", "next-auth.session-token=forged"));
    expect(response.status).toBe(307);
  });
});

describe("proxy: security headers (lib/http/security-headers.ts)", () => {
  it.each([
    ["a redirect to /login", "/dashboard", undefined],
    ["a 401 for a signed-out API call", "/api/interviews", undefined],
    ["a public page", "/login", undefined],
    ["the sandbox API", "/v3/grants", undefined],
  ])("sets them on %s", async (_label, path, cookie) => {
    const response = await proxy(request(path, cookie));
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });

  it("sets them on a signed-in request that passes", async () => {
    const response = await proxy(request("/settings", await sessionCookie()));
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
  });
});
