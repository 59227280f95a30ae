/**
 * Hostile input on "Connect calendar" (issue 17): the OAuth callback (/account/calendar/callback)
 * and the sandbox's Hosted OAuth endpoints (the sign-in page, its form, the code exchange),
 * generated with fast-check against the production server. Closes the holes of a callback that
 * crashes or stores a connection on forged parameters, a sign-in page that reflects its query or
 * form unescaped, and a token endpoint that answers a 5xx or a grant to junk.
 */
import { expect } from "@playwright/test";
import fc from "fast-check";
import { accountOf, test } from "./fixtures/auth";
import { armPage, checkProperty, expectClientError, expectHealthy, expectNoUnescapedMarkup, expectNothingRan, hostileWellFormed, XSS_PAYLOADS } from "./hostile-arbitraries";
import { countRows } from "./support";

const LENA = "lena.fischer@northwind.example";
const hostile = fc.oneof(hostileWellFormed, fc.constantFrom(...XSS_PAYLOADS), fc.string({ maxLength: 3000 }));

test.describe.configure({ mode: "serial" });

test("the callback refuses forged parameters: a known one-line result, nothing stored, nothing reflected", async ({ pageAs, request }) => {
  const page = await pageAs(accountOf(LENA));
  const before = await countRows(["calendar_connections", "audit_logs"]);
  await checkProperty("calendar callback", fc.record({ code: hostile, state: hostile, error: fc.option(hostile, { nil: undefined }) }), 40, async (params) => {
    const query = new URLSearchParams({ code: params.code, state: params.state, ...(params.error !== undefined ? { error: params.error } : {}) });
    const res = await page.request.get(`/account/calendar/callback?${query}`, { maxRedirects: 0 });
    // A refusal redirects back to /account with a known result; a URL too long for the server is a 4xx (431/414).
    expectClientError(res.status(), "GET /account/calendar/callback", [303]);
    if (res.status() === 303) expect(res.headers()["location"]).toMatch(/\/account\?calendar=(state|malformed|expired)#calendar$/);
  });
  const dialogs = await armPage(page);
  for (const payload of XSS_PAYLOADS) {
    await page.goto(`/account/calendar/callback?${new URLSearchParams({ code: payload, state: payload, error: payload })}`);
    await expect(page).toHaveURL(/\/account\?calendar=/);
    expectNoUnescapedMarkup(await page.content(), "/account after a hostile callback");
  }
  await expectNothingRan(page, dialogs, "the callback");
  expect(await countRows(["calendar_connections", "audit_logs"])).toEqual(before);
  await expectHealthy(request);
});

test("the sandbox's sign-in page, its form and the code exchange: escaped, never a 5xx, no code or grant for junk", async ({ page, request, baseURL }) => {
  const redirectUri = `${baseURL}/account/calendar/callback`;
  const before = await countRows(["sandbox_oauth_codes", "calendar_connections"]);
  await checkProperty("hosted sign-in page", fc.record({ login_hint: hostile, state: hostile, client_id: fc.oneof(fc.constant("sandbox-client-id"), hostile), provider: hostile }), 30, async (q) => {
    const res = await request.get(`/v3/connect/auth?${new URLSearchParams({ ...q, redirect_uri: redirectUri, response_type: "code" })}`);
    expectClientError(res.status(), "GET /v3/connect/auth", [200]);
    expectNoUnescapedMarkup(await res.text(), "the sign-in page");
  });
  await checkProperty(
    "hosted sign-in form",
    fc.record({ email: hostile, provider: hostile, decision: fc.oneof(fc.constant("approve"), hostile), redirect_uri: fc.oneof(fc.constant(redirectUri), hostile) }),
    30,
    async (form) => {
      const res = await request.post("/v3/connect/auth", { form: { ...form, client_id: "sandbox-client-id", state: "s" }, maxRedirects: 0 });
      // A junk email or provider shows the form again with the reason (400); junk redirect_uri or decision: refused.
      expectClientError(res.status(), "POST /v3/connect/auth");
      expectNoUnescapedMarkup(await res.text(), "the sign-in form's answer");
    },
  );
  await checkProperty(
    "code exchange",
    fc.record({ code: hostile, redirect_uri: hostile, client_secret: hostile, grant_type: fc.oneof(fc.constant("authorization_code"), hostile) }),
    30,
    async (body) => {
      const res = await request.post("/v3/connect/token", { data: { ...body, client_id: "sandbox-client-id" } });
      expectClientError(res.status(), "POST /v3/connect/token");
      expect(Object.keys(await res.json())).toEqual(expect.arrayContaining(["error", "error_description"]));
    },
  );
  expect(await countRows(["sandbox_oauth_codes", "calendar_connections"])).toEqual(before);

  const dialogs = await armPage(page);
  await page.goto(`/v3/connect/auth?${new URLSearchParams({ client_id: "sandbox-client-id", redirect_uri: redirectUri, response_type: "code", login_hint: XSS_PAYLOADS[2], state: XSS_PAYLOADS[0] })}`);
  await expect(page.getByLabel("Email")).toHaveValue(XSS_PAYLOADS[2]);
  await expectNothingRan(page, dialogs, "the sign-in page");
  await expectHealthy(request);
});
