/**
 * "Connect calendar" (issue 17): Nylas Hosted OAuth through the real `nylas` SDK against the
 * sandbox over HTTP, on real Postgres. The browser's part (the hosted sign-in page's form) is
 * played with fetch: GET /v3/connect/auth, then POST its form, which answers 303 to our callback.
 * Covers the grant exchange, the email mismatch, a wrong state, a replayed code or state, a
 * provider error (Deny), an expired state, and the token endpoint's OAuth errors as the SDK reads them.
 */
import { NylasOAuthError } from "nylas";
import { describe, expect, it } from "vitest";
import { completeCalendarConnect, getCalendarConnectionView, startCalendarConnect } from "@/lib/calendar/connect";
import { calendarCallbackUrl } from "@/lib/calendar/connect-rules";
import { getEnv, SANDBOX_CLIENT_ID } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { runNylasHealthCheck } from "@/lib/nylas/health";
import { configurationSyncJob } from "@/lib/nylas/sync-configurations";
import { drainJobs } from "../support/jobs";
import { offeredSlots } from "../support/notetaker-sandbox";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const ANA = { name: "Ana Lee", email: "ana.lee@northwind.example" };
const { prisma, server, configurationOf } = setupSeededSandbox({ syncConfigurations: true });

/** Ana: an interviewer account on the Product & design panel, with no calendar (no grant) yet. */
async function createAna() {
  const user = await prisma.user.create({ data: { email: ANA.email, name: ANA.name, role: "INTERVIEWER", passwordHash: "x" } });
  const interviewer = await prisma.interviewer.create({ data: { name: ANA.name, email: ANA.email, timezone: "Europe/Berlin" } });
  const panel = await prisma.panel.findUniqueOrThrow({ where: { name: "Product & design panel" }, select: { id: true } });
  await prisma.panelMember.create({ data: { panelId: panel.id, interviewerId: interviewer.id, position: 9 } });
  return { user: { id: user.id, email: user.email, name: user.name }, interviewerId: interviewer.id };
}

/** The hosted page's form, as a browser posts it; returns the callback URL it redirects to. */
async function signIn(authUrl: string, choice: { decision: "approve" | "deny"; email?: string; provider?: string }): Promise<URL> {
  const page = await fetch(authUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const url = new URL(authUrl);
  const form = new URLSearchParams({
    client_id: url.searchParams.get("client_id")!,
    redirect_uri: url.searchParams.get("redirect_uri")!,
    state: url.searchParams.get("state")!,
    provider: choice.provider ?? "google",
    email: choice.email ?? /name="email" required autocomplete="email" value="([^"]*)"/.exec(html)![1]!,
    decision: choice.decision,
  });
  const res = await fetch(`${server.origin}/v3/connect/auth`, { method: "POST", body: form, redirect: "manual", headers: { origin: server.origin } });
  expect(res.status).toBe(303);
  return new URL(res.headers.get("location")!);
}

async function started(user: { id: string; email: string; name: string }) {
  const start = await startCalendarConnect(user);
  if (!start.ok) throw new Error("not configured");
  return start;
}

const nothingStored = async (userId: string) => {
  expect(await prisma.calendarConnection.findUnique({ where: { userId } })).toBeNull();
  expect(await prisma.auditLog.count({ where: { action: "calendar_connected" } })).toBe(0);
};

describe("Connect calendar", () => {
  it("the hosted sign-in page shows the provider choice and the email from login_hint; approving connects the grant, links the interviewer and makes them bookable", async () => {
    const { user, interviewerId } = await createAna();
    const start = await started(user);
    const authUrl = new URL(start.url);
    expect(authUrl.origin + authUrl.pathname).toBe(`${server.origin}/v3/connect/auth`);
    expect(authUrl.searchParams.get("login_hint")).toBe(ANA.email);
    expect(authUrl.searchParams.get("redirect_uri")).toBe(calendarCallbackUrl(getEnv().APP_URL));
    // Only the state's hash is stored.
    const row = await prisma.calendarConnectState.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.stateHash).not.toBe(start.state);
    expect(row.stateHash).toHaveLength(64);

    const page = await (await fetch(start.url)).text();
    for (const text of ["Google", "Microsoft", "Approve", "Deny", `value="${ANA.email}"`]) expect(page).toContain(text);
    expect(page).not.toContain("<script");

    // Before: the product roles' configurations offer no slot with Ana.
    const designer = configurationOf["product-designer"]!;
    expect((await offeredSlots(designer)).some((s) => s.emails.includes(ANA.email))).toBe(false);

    const callback = await signIn(start.url, { decision: "approve" });
    expect(callback.origin + callback.pathname).toBe(calendarCallbackUrl(getEnv().APP_URL));
    expect(callback.searchParams.get("state")).toBe(start.state);
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("connected");

    const connection = await prisma.calendarConnection.findUniqueOrThrow({ where: { userId: user.id } });
    const grant = (await getNylas().grants.find({ grantId: connection.grantId })).data;
    expect(connection).toMatchObject({ email: ANA.email, provider: "google", grantStatus: "valid", apiUri: getEnv().nylasApiUri });
    expect(grant).toMatchObject({ email: ANA.email, grantStatus: "valid" });
    expect((await prisma.interviewer.findUniqueOrThrow({ where: { id: interviewerId } })).userId).toBe(user.id);
    expect(await prisma.auditLog.findFirst({ where: { action: "calendar_connected", entityId: user.id } })).toMatchObject({ actorEmail: ANA.email, entityType: "user" });

    // The re-sync queued for both roles on that panel; once it runs, Ana is offered.
    const roles = await prisma.roleConfiguration.findMany({ where: { role: { slug: { in: ["product-designer", "senior-product-manager"] } } }, select: { syncStatus: true } });
    expect(roles.map((r) => r.syncStatus)).toEqual(["PENDING", "PENDING"]);
    await drainJobs([configurationSyncJob]);
    expect((await prisma.roleConfiguration.findMany({ where: { role: { slug: "product-designer" } } }))[0]!.syncStatus).toBe("SYNCED");
    expect((await offeredSlots(designer)).some((s) => s.emails.includes(ANA.email))).toBe(true);

    // Replaying the callback: the state is spent; the code, exchanged again, is refused by the token endpoint.
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("state");
    const replay = await getNylas()
      .auth.exchangeCodeForToken({ clientId: SANDBOX_CLIENT_ID, redirectUri: calendarCallbackUrl(getEnv().APP_URL), code: callback.searchParams.get("code")! })
      .catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(NylasOAuthError);
    expect(replay).toMatchObject({ statusCode: 400, error: "invalid_grant", errorDescription: expect.stringContaining("already been used") });
  });

  it("a grant whose email is not the person's is refused, and nothing is stored", async () => {
    const { user } = await createAna();
    const start = await started(user);
    const callback = await signIn(start.url, { decision: "approve", email: "someone.else@northwind.example", provider: "microsoft" });
    expect(await prisma.sandboxGrant.findUnique({ where: { email: "someone.else@northwind.example" } })).not.toBeNull();
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("mismatch");
    await nothingStored(user.id);
    // The application does not keep access to an account nobody in the portal has: its grant is deleted.
    expect(await prisma.sandboxGrant.findUnique({ where: { email: "someone.else@northwind.example" } })).toBeNull();
  });

  it("a mismatched grant of an account the portal knows (another user's) is refused but left alone", async () => {
    const { user } = await createAna();
    const before = await prisma.sandboxGrant.findUniqueOrThrow({ where: { email: "priya.patel@northwind.example" }, select: { id: true } });
    const start = await started(user);
    const callback = await signIn(start.url, { decision: "approve", email: "priya.patel@northwind.example", provider: "google" });
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("mismatch");
    await nothingStored(user.id);
    expect(await prisma.sandboxGrant.findUnique({ where: { email: "priya.patel@northwind.example" }, select: { id: true } })).toEqual(before);
  });

  it("a state that is not this browser's, or not this user's, is refused before any exchange", async () => {
    const { user } = await createAna();
    const other = await prisma.user.findUniqueOrThrow({ where: { email: "recruiter@example.com" }, select: { id: true, email: true, name: true } });
    const start = await started(user);
    const callback = await signIn(start.url, { decision: "approve" });
    const elsewhere = await started(user);
    // The cookie of another attempt; no cookie; another user presenting Ana's state and cookie.
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: elsewhere.state })).toBe("state");
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: null })).toBe("state");
    expect(await completeCalendarConnect({ user: other, query: callback.searchParams, cookieState: start.state })).toBe("state");
    await nothingStored(user.id);
    // The code was never exchanged: the right browser still can.
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("connected");
  });

  it("Deny: the provider's access_denied ends the attempt, spends the state and stores nothing", async () => {
    const { user } = await createAna();
    const start = await started(user);
    const callback = await signIn(start.url, { decision: "deny" });
    expect(callback.searchParams.get("error")).toBe("access_denied");
    expect(callback.searchParams.get("error_description")).toBeTruthy();
    expect(callback.searchParams.get("state")).toBe(start.state);
    expect(callback.searchParams.get("code")).toBeNull();
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state })).toBe("denied");
    await nothingStored(user.id);
    expect((await prisma.calendarConnectState.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();
  });

  it("a state older than 10 minutes has expired", async () => {
    const { user } = await createAna();
    const start = await started(user);
    const callback = await signIn(start.url, { decision: "approve" });
    expect(await completeCalendarConnect({ user, query: callback.searchParams, cookieState: start.state, now: new Date(Date.now() + 11 * 60_000) })).toBe("expired");
    await nothingStored(user.id);
  });

  it("the token endpoint: Nylas's OAuth errors, as the SDK reads them", async () => {
    const { user } = await createAna();
    const start = await started(user);
    const code = (await signIn(start.url, { decision: "approve" })).searchParams.get("code")!;
    const redirectUri = calendarCallbackUrl(getEnv().APP_URL);
    const exchange = (body: Record<string, string>) =>
      fetch(`${server.origin}/v3/connect/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    const base = { client_id: SANDBOX_CLIENT_ID, client_secret: getEnv().NYLAS_SANDBOX_API_KEY, grant_type: "authorization_code", code, redirect_uri: redirectUri };

    expect(await exchange({ ...base, client_secret: "wrong" })).toMatchObject({ status: 401, body: { error: "invalid_client", error_code: 401, error_description: expect.any(String) } });
    expect(await exchange({ ...base, grant_type: "password" })).toMatchObject({ status: 400, body: { error: "unsupported_grant_type" } });
    expect(await exchange({ ...base, redirect_uri: `${redirectUri}/other` })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(await exchange({ ...base, code: "nope" })).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    // None of those spent the code; a form-encoded exchange (Nylas accepts both) does.
    const ok = await fetch(`${server.origin}/v3/connect/token`, { method: "POST", body: new URLSearchParams(base) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ grant_id: expect.any(String), email: ANA.email, provider: "google", token_type: "Bearer", access_token: expect.any(String), expires_in: 3600 });
    expect(await exchange(base)).toMatchObject({ status: 400, body: { error: "invalid_grant", error_description: expect.stringContaining("already been used") } });
  });

  it("the sign-in page refuses an unknown client, a foreign redirect_uri, and a form posted from another site", async () => {
    const q = (params: Record<string, string>) => `${server.origin}/v3/connect/auth?${new URLSearchParams(params)}`;
    const good = { client_id: SANDBOX_CLIENT_ID, redirect_uri: calendarCallbackUrl(getEnv().APP_URL), response_type: "code", state: "s" };
    expect((await fetch(q(good))).status).toBe(200);
    expect((await fetch(q({ ...good, client_id: "other" }))).status).toBe(400);
    expect((await fetch(q({ ...good, redirect_uri: "https://evil.example/callback" }))).status).toBe(400);
    expect((await fetch(q({ ...good, response_type: "token" }))).status).toBe(400);
    // From another site, and from an opaque origin (a sandboxed frame sends "Origin: null").
    for (const origin of ["https://evil.example", "null"]) {
      const forged = await fetch(`${server.origin}/v3/connect/auth`, {
        method: "POST",
        redirect: "manual",
        headers: { origin },
        body: new URLSearchParams({ ...good, email: ANA.email, provider: "google", decision: "approve" }),
      });
      expect(forged.status).toBe(400);
    }
    expect(await prisma.sandboxOAuthCode.count()).toBe(0);
    // Hostile text in the query is shown as text.
    const hostile = await (await fetch(q({ ...good, login_hint: '"><script>alert(1)</script>', state: "<b>x</b>" }))).text();
    expect(hostile).not.toContain("<script>alert(1)");
    expect(hostile).toContain("&#34;&#62;&#60;script&#62;");
  });

  it("the seed records the demo interviewers' connections from their sandbox grants", async () => {
    const connections = await prisma.calendarConnection.findMany({ include: { user: { select: { email: true } } } });
    expect(connections.map((c) => c.user.email).sort()).toEqual(["lena.fischer@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example", "sarah.kim@northwind.example"]);
    expect(connections.every((c) => c.grantStatus === "valid" && c.email === c.user.email)).toBe(true);
  });

  it("the stored grant status follows Nylas where the grant is looked up: /account and the health check", async () => {
    const lena = await prisma.user.findUniqueOrThrow({ where: { email: "lena.fischer@northwind.example" }, select: { id: true } });
    const status = async () => (await prisma.calendarConnection.findUniqueOrThrow({ where: { userId: lena.id } })).grantStatus;
    const grantId = (await prisma.calendarConnection.findUniqueOrThrow({ where: { userId: lena.id } })).grantId;
    const control = (body: Record<string, string>) =>
      fetch(`${server.origin}/v3/sandbox/grants/${grantId}`, {
        method: "PATCH",
        headers: { authorization: `Bearer ${getEnv().NYLAS_SANDBOX_API_KEY}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });

    expect((await control({ grant_status: "invalid" })).status).toBe(200);
    expect(await getCalendarConnectionView(lena.id)).toMatchObject({ status: "invalid", email: "lena.fischer@northwind.example" });
    expect(await status()).toBe("invalid");

    expect((await control({ grant_status: "valid" })).status).toBe(200);
    await runNylasHealthCheck();
    expect(await status()).toBe("valid");
    // Gone at Nylas: it needs reconnecting.
    await getNylas().grants.destroy({ grantId });
    expect((await getCalendarConnectionView(lena.id)).status).toBe("invalid");
  });

  it("the health check records a calendar connected outside the portal (no connection row yet) for the person with that email", async () => {
    const sarah = await prisma.user.findUniqueOrThrow({ where: { email: "sarah.kim@northwind.example" }, select: { id: true } });
    const before = await prisma.calendarConnection.findUniqueOrThrow({ where: { userId: sarah.id } });
    // As on a deployment upgraded from before "Connect calendar": the grant exists, the row does not.
    await prisma.calendarConnection.delete({ where: { userId: sarah.id } });
    await runNylasHealthCheck();
    expect(await prisma.calendarConnection.findUnique({ where: { userId: sarah.id } })).toMatchObject({ grantId: before.grantId, email: before.email, provider: "google", grantStatus: "valid" });
  });
});
