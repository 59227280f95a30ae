import { describe, expect, it } from "vitest";
import { buildLoginUrl, getSafeCallbackUrl, parseSafeCallbackUrl } from "@/lib/auth/callback-url";

describe("getSafeCallbackUrl", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/settings/webhooks", "/settings/webhooks"],
    ["/dashboard/interviews?status=all&page=2", "/dashboard/interviews?status=all&page=2"],
    ["/dashboard#notes", "/dashboard#notes"],
    ["/", "/"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(getSafeCallbackUrl(input)).toBe(expected);
  });

  it.each([
    ["protocol-relative //evil.com", "//evil.com"],
    ["protocol-relative with path //evil.com/dashboard", "//evil.com/dashboard"],
    ["absolute https://evil.com", "https://evil.com"],
    ["absolute http://localhost:3000/dashboard (still absolute)", "http://localhost:3000/dashboard"],
    ["backslash /\\evil.com", "/\\evil.com"],
    ["backslash later /\\/evil.com", "/\\/evil.com"],
    ["javascript: URL", "javascript:alert(1)"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["tab that browsers strip /\\t/evil.com", "/\t/evil.com"],
    ["newline /\\n/evil.com", "/\n/evil.com"],
    ["relative path without leading slash", "dashboard"],
    ["empty string", ""],
  ])("falls back to /dashboard for %s", (_name, input) => {
    expect(parseSafeCallbackUrl(input)).toBeNull();
    expect(getSafeCallbackUrl(input)).toBe("/dashboard");
  });

  it("falls back for non-strings and overlong values", () => {
    expect(getSafeCallbackUrl(undefined)).toBe("/dashboard");
    expect(getSafeCallbackUrl(null)).toBe("/dashboard");
    expect(getSafeCallbackUrl(["/settings"])).toBe("/dashboard");
    expect(getSafeCallbackUrl(`/${"a".repeat(3000)}`)).toBe("/dashboard");
  });

  it("uses the given fallback", () => {
    expect(getSafeCallbackUrl("//evil.com", "/careers")).toBe("/careers");
  });
});

describe("buildLoginUrl", () => {
  it("encodes the path and query as callbackUrl", () => {
    expect(buildLoginUrl("/dashboard/interviews?status=all")).toBe("/login?callbackUrl=%2Fdashboard%2Finterviews%3Fstatus%3Dall");
  });

  it("drops an unsafe or missing path", () => {
    expect(buildLoginUrl("//evil.com")).toBe("/login");
    expect(buildLoginUrl(null)).toBe("/login");
    expect(buildLoginUrl(undefined)).toBe("/login");
  });

  it("does not point back at /login itself", () => {
    expect(buildLoginUrl("/login")).toBe("/login");
    expect(buildLoginUrl("/login?callbackUrl=%2Fsettings")).toBe("/login");
  });
});
