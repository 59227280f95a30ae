import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, buildSecurityHeaders, HSTS_VALUE, isFrameablePath, parseFrameAncestors, STATIC_SECURITY_HEADERS, type TSecurityHeaderOptions } from "@/lib/http/security-headers";

const sandbox: TSecurityHeaderOptions = { pathname: "/settings", appUrl: "http://localhost:3000", nylasApiUri: "http://localhost:3000", careersFrameAncestors: undefined, isDevelopment: false };
const live: TSecurityHeaderOptions = { ...sandbox, appUrl: "https://jobs.northwind.example", nylasApiUri: "https://api.us.nylas.com" };

function directive(csp: string, name: string): string | undefined {
  return csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);
}

describe("buildContentSecurityPolicy", () => {
  it("allows only the app itself in sandbox mode (the sandbox is the Nylas API)", () => {
    const csp = buildContentSecurityPolicy(sandbox);
    expect(directive(csp, "default-src")).toBe("'self'");
    expect(directive(csp, "connect-src")).toBe("'self'");
    expect(directive(csp, "form-action")).toBe("'self'");
    expect(directive(csp, "script-src")).toBe("'self' 'unsafe-inline'");
    expect(directive(csp, "style-src")).toBe("'self' 'unsafe-inline'");
    expect(directive(csp, "img-src")).toBe("'self' data: blob:");
    expect(directive(csp, "media-src")).toBe("'self' data: blob:");
    expect(directive(csp, "base-uri")).toBe("'self'");
    expect(directive(csp, "object-src")).toBe("'none'");
    expect(directive(csp, "frame-ancestors")).toBe("'none'");
  });

  it("lets the browser call the live Nylas API and post forms towards it", () => {
    const csp = buildContentSecurityPolicy(live);
    expect(directive(csp, "connect-src")).toBe("'self' https://api.us.nylas.com");
    // Nylas's hosted sign-in may hand on to any identity provider (Google, Microsoft, a company's SSO).
    expect(directive(csp, "form-action")).toBe("'self' https:");
  });

  it("allows eval only in development", () => {
    expect(directive(buildContentSecurityPolicy({ ...sandbox, isDevelopment: true }), "script-src")).toBe("'self' 'unsafe-inline' 'unsafe-eval'");
  });

  it.each(["/careers", "/careers/backend-engineer", "/book/backend-engineer"])("lets exactly CAREERS_FRAME_ANCESTORS frame %s", (pathname) => {
    const csp = buildContentSecurityPolicy({ ...sandbox, pathname, careersFrameAncestors: "https://www.northwind.example https://*.partner.example" });
    expect(directive(csp, "frame-ancestors")).toBe("https://www.northwind.example https://*.partner.example");
  });

  it.each(["/settings", "/settings/team", "/dashboard", "/login", "/careersx", "/api/health", "/v3/scheduling/availability"])(
    "never lets %s be framed, even with CAREERS_FRAME_ANCESTORS set",
    (pathname) => {
      expect(directive(buildContentSecurityPolicy({ ...sandbox, pathname, careersFrameAncestors: "https://www.northwind.example" }), "frame-ancestors")).toBe("'none'");
    },
  );

  it("keeps careers pages unframeable when CAREERS_FRAME_ANCESTORS is unset", () => {
    expect(directive(buildContentSecurityPolicy({ ...sandbox, pathname: "/careers" }), "frame-ancestors")).toBe("'none'");
  });

  it("drops a token that would inject another directive", () => {
    const csp = buildContentSecurityPolicy({ ...sandbox, pathname: "/careers", careersFrameAncestors: "https://ok.example; script-src *" });
    expect(csp).not.toContain("script-src *");
    expect(directive(csp, "frame-ancestors")).toBe("'none'");
  });
});

describe("parseFrameAncestors", () => {
  it("accepts origins, wildcard subdomains and 'self', without trailing slashes or duplicates", () => {
    expect(parseFrameAncestors(" https://a.example/  http://localhost:8080 'self' https://*.b.example https://a.example ")).toEqual({
      sources: ["https://a.example", "http://localhost:8080", "'self'", "https://*.b.example"],
      invalid: [],
    });
  });

  it("refuses anything that is not an origin", () => {
    expect(parseFrameAncestors("* https://a.example/path javascript:alert(1) 'none' a.example").invalid).toEqual(["*", "https://a.example/path", "javascript:alert(1)", "'none'", "a.example"]);
  });
});

describe("isFrameablePath", () => {
  it("covers the careers pages and the sandbox's hosted booking page only", () => {
    expect([isFrameablePath("/careers"), isFrameablePath("/careers/x"), isFrameablePath("/book/x"), isFrameablePath("/bookings"), isFrameablePath("/sandbox")]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("buildSecurityHeaders", () => {
  it("sends nosniff, the referrer policy and the CSP on every response", () => {
    expect(buildSecurityHeaders(sandbox)).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Content-Security-Policy": buildContentSecurityPolicy(sandbox),
    });
  });

  it("adds HSTS when APP_URL is https", () => {
    expect(buildSecurityHeaders(live)["Strict-Transport-Security"]).toBe(HSTS_VALUE);
  });
});

describe("STATIC_SECURITY_HEADERS", () => {
  it("allows nothing to load from or frame the assets the proxy does not see", () => {
    expect(STATIC_SECURITY_HEADERS["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
  });
});
