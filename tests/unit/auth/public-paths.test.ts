import { describe, expect, it } from "vitest";
import { isApiPath, isPublicPath } from "@/lib/auth/public-paths";

// One case per rule in DESIGN.md, Decisions, "Public paths".
describe("isPublicPath", () => {
  it.each([
    ["/careers/** — the careers list", "/careers"],
    ["/careers/** — a role page", "/careers/backend-engineer"],
    ["/careers/** — nested", "/careers/backend-engineer/book"],
    ["/book/** — the sandbox's hosted booking page", "/book/backend-engineer"],
    ["/login", "/login"],
    ["/forgot-password — asking for a reset link", "/forgot-password"],
    ["/reset-password/** — a reset link", "/reset-password/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["/invite/** — an invitation link", "/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde"],
    ["/api/auth/** — next-auth session", "/api/auth/session"],
    ["/api/auth/** — credentials callback", "/api/auth/callback/credentials"],
    ["/api/webhooks/nylas", "/api/webhooks/nylas"],
    ["/api/health", "/api/health"],
    ["/bench/scheduler/** — the careers bench's bare page (404 unless BENCH_PAGES=on)", "/bench/scheduler/abc"],
    ["/v3/** — sandbox Nylas API", "/v3/scheduling/availability"],
    ["/v3/** — grants", "/v3/grants/abc/events"],
    ["static: /_next/**", "/_next/static/chunks/main.js"],
    ["static: /favicon.ico", "/favicon.ico"],
    ["static: a top-level file from /public", "/favicon.svg"],
    ["static: robots.txt", "/robots.txt"],
    ["static: /assets/**", "/assets/logo.png"],
    ["/ (redirects to /careers)", "/"],
    ["trailing slash is the same path", "/careers/"],
  ])("%s is public", (_rule, path) => {
    expect(isPublicPath(path)).toBe(true);
  });

  it.each([
    ["the dashboard", "/dashboard"],
    ["a dashboard page", "/dashboard/interviews/123"],
    ["settings", "/settings"],
    ["settings/webhooks", "/settings/webhooks"],
    ["an app API route", "/api/interviews"],
    ["the settings API", "/api/settings/panels"],
    ["a media file route", "/api/media/abc/recording.mp4"],
    ["a look-alike of /careers", "/careersx"],
    ["a look-alike of /book", "/bookings"],
    ["a look-alike of /login", "/login-admin"],
    ["a look-alike of /forgot-password", "/forgot-password-admin"],
    ["below /forgot-password", "/forgot-password/x"],
    ["a look-alike of /reset-password", "/reset-passwords/x"],
    ["/account (changing a password needs sign-in)", "/account"],
    ["a look-alike of /invite", "/invitex/abc"],
    ["the team page that sends invitations", "/settings/team"],
    ["a subpath of the webhook route", "/api/webhooks/nylas/replay"],
    ["another webhook", "/api/webhooks/other"],
    ["a look-alike of /api/health", "/api/healthz"],
    ["a look-alike of /v3", "/v3x/grants"],
    ["another /bench path", "/bench/other"],
    ["a look-alike of /bench/scheduler", "/bench/schedulers"],
    ["a nested file with an asset extension", "/dashboard/report.png"],
    ["an unknown page", "/admin"],
  ])("%s requires sign-in", (_name, path) => {
    expect(isPublicPath(path)).toBe(false);
  });
});

describe("isApiPath", () => {
  it("is true for /api and below only", () => {
    expect(isApiPath("/api/interviews")).toBe(true);
    expect(isApiPath("/api")).toBe(true);
    expect(isApiPath("/apis")).toBe(false);
    expect(isApiPath("/dashboard")).toBe(false);
  });
});
