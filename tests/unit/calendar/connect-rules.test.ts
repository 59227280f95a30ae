import Nylas from "nylas";
import { describe, expect, it } from "vitest";
import {
  buildConnectUrlConfig,
  calendarCallbackUrl,
  CALENDAR_RESULTS,
  CONNECT_STATE_COOKIE,
  connectStateCookie,
  describeCalendarResult,
  isSameEmail,
  parseCalendarResult,
  parseCallbackQuery,
} from "@/lib/calendar/connect-rules";
import { issueToken } from "@/lib/auth/tokens";
import { accountCalendarResultPath } from "@/lib/routes";

describe("the Hosted OAuth URL", () => {
  it("is Nylas's /v3/connect/auth with our client id, callback, state and the person's email as login_hint (built by the SDK)", () => {
    const { token } = issueToken();
    const config = buildConnectUrlConfig({ clientId: "client-123", appUrl: "https://hiring.acme.example/", state: token, email: "ana@acme.example" });
    const url = new URL(new Nylas({ apiKey: "key", apiUri: "https://api.us.nylas.com" }).auth.urlForOAuth2(config));
    expect(url.origin + url.pathname).toBe("https://api.us.nylas.com/v3/connect/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client-123",
      redirect_uri: "https://hiring.acme.example/account/calendar/callback",
      access_type: "online",
      response_type: "code",
      login_hint: "ana@acme.example",
      state: token,
    });
  });

  it("in sandbox mode points at the app's own origin (apiUri = APP_URL)", () => {
    const config = buildConnectUrlConfig({ clientId: "sandbox-client-id", appUrl: "http://localhost:3000", state: "s", email: "a@b.example" });
    expect(new Nylas({ apiKey: "k", apiUri: "http://localhost:3000" }).auth.urlForOAuth2(config)).toMatch(/^http:\/\/localhost:3000\/v3\/connect\/auth\?/);
  });

  it("the callback URL ignores APP_URL's path", () => {
    expect(calendarCallbackUrl("https://x.example/some/path")).toBe("https://x.example/account/calendar/callback");
  });
});

describe("the state cookie", () => {
  it("is httpOnly, SameSite=Lax, scoped to /account/calendar, 10 minutes; Secure only over https", () => {
    expect(connectStateCookie("http://localhost:3000", "v")).toEqual({
      name: CONNECT_STATE_COOKIE,
      value: "v",
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/account/calendar",
      maxAge: 600,
    });
    expect(connectStateCookie("https://hiring.acme.example", "v").secure).toBe(true);
    expect(connectStateCookie("https://hiring.acme.example", "", 0).maxAge).toBe(0);
  });
});

describe("parseCallbackQuery", () => {
  it("a code with its state", () => {
    expect(parseCallbackQuery(new URLSearchParams("code=abc&state=xyz"))).toEqual({ kind: "code", code: "abc", state: "xyz" });
  });
  it("a provider error wins over a code, and keeps the state", () => {
    expect(parseCallbackQuery(new URLSearchParams("error=access_denied&error_description=no&state=xyz&code=abc"))).toEqual({ kind: "provider_error", error: "access_denied", state: "xyz" });
    expect(parseCallbackQuery(new URLSearchParams("error=server_error"))).toEqual({ kind: "provider_error", error: "server_error", state: null });
  });
  it("no code, no state, or an absurd code: malformed", () => {
    for (const q of ["", "code=abc", "state=xyz", `code=${"a".repeat(3000)}&state=x`]) expect(parseCallbackQuery(new URLSearchParams(q))).toEqual({ kind: "malformed" });
  });
});

describe("results", () => {
  it("only known results are shown; each has one line, and only 'connected' is a success", () => {
    expect(parseCalendarResult("connected")).toBe("connected");
    expect(parseCalendarResult("<script>")).toBeNull();
    expect(parseCalendarResult(["connected"])).toBeNull();
    expect(parseCalendarResult(undefined)).toBeNull();
    for (const r of CALENDAR_RESULTS) {
      const line = describeCalendarResult(r, "ana@acme.example");
      expect(line.tone).toBe(r === "connected" ? "success" : "error");
      expect(line.text.length).toBeGreaterThan(20);
    }
    expect(describeCalendarResult("mismatch", "ana@acme.example").text).toContain("connect the one of ana@acme.example");
  });
  it("the result path lands on /account's Calendar section", () => {
    expect(accountCalendarResultPath("mismatch")).toBe("/account?calendar=mismatch#calendar");
  });
  it("emails match case- and space-insensitively", () => {
    expect(isSameEmail(" Ana@Acme.example", "ana@acme.example")).toBe(true);
    expect(isSameEmail("ana@acme.example", "ana@acme.example.evil")).toBe(false);
  });
});
