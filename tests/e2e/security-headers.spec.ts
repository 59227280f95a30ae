/**
 * Security headers and hosted booking pages (issue 17).
 *
 * Holes closed: a response without a CSP or nosniff (any kind of route: page, redirect, API,
 * sandbox API, build asset, the streamed upload route); a signed-in page framed by another site
 * (clickjacking of settings); a careers page that the company's own site cannot frame when
 * CAREERS_FRAME_ANCESTORS allows it. Every spec using fixtures/auth.ts also fails on any CSP
 * violation in the browser (fixtures/csp-violations.ts), so this spec's pages — the careers page's
 * scheduler and the hosted page's — are checked too.
 *
 * The e2e server runs with CAREERS_FRAME_ANCESTORS=http://127.0.0.1:<E2E_PORT + 10000>
 * (playwright.config.ts), where the framing test serves the company's own site.
 */
import { createServer } from "node:http";
import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { watchCspViolations } from "./fixtures/csp-violations";
import { attempt, attemptEmail, bookFirstSlot } from "./support";

/** The origin allowed to frame the careers pages (playwright.config.ts). */
const embedderPort = (baseURL: string | undefined) => Number(new URL(baseURL!).port) + 10000;
const embedder = (baseURL: string | undefined) => `http://127.0.0.1:${embedderPort(baseURL)}`;
const ZERO_UUID = "00000000-0000-4000-8000-000000000000";

function expectBaseHeaders(res: APIResponse, label: string) {
  const headers = res.headers();
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("strict-origin-when-cross-origin");
  // Plain http here: no HSTS (lib/http/security-headers.ts adds it when APP_URL is https; unit-tested).
  expect(headers["strict-transport-security"], label).toBeUndefined();
  return headers["content-security-policy"] ?? "";
}

test("every kind of response carries the security headers; only careers pages may be framed, by the configured origin", async ({ request, authStates, baseURL }) => {
  const allowedEmbedder = embedder(baseURL);
  const framedBy = (csp: string) => /frame-ancestors ([^;]+)/.exec(csp)?.[1];
  const cases: { label: string; res: () => Promise<APIResponse>; frameAncestors: string }[] = [
    { label: "careers list", res: () => request.get("/careers"), frameAncestors: allowedEmbedder },
    { label: "careers role page", res: () => request.get("/careers/backend-engineer"), frameAncestors: allowedEmbedder },
    { label: "unknown hosted page (404)", res: () => request.get("/book/no-such-page"), frameAncestors: allowedEmbedder },
    { label: "login page", res: () => request.get("/login"), frameAncestors: "'none'" },
    { label: "signed-out redirect", res: () => request.get("/settings", { maxRedirects: 0 }), frameAncestors: "'none'" },
    { label: "route handler", res: () => request.get("/api/health"), frameAncestors: "'none'" },
    { label: "signed-out API 401", res: () => request.get("/api/interviews"), frameAncestors: "'none'" },
    { label: "sandbox API", res: () => request.get("/v3/grants"), frameAncestors: "'none'" },
    { label: "a POST to a page (as server actions are)", res: () => request.post("/careers", { data: "[]" }), frameAncestors: allowedEmbedder },
  ];
  for (const c of cases) {
    const res = await c.res();
    const csp = expectBaseHeaders(res, c.label);
    expect(csp, c.label).toContain("default-src 'self'");
    expect(csp, c.label).toContain("object-src 'none'");
    expect(framedBy(csp), c.label).toBe(c.frameAncestors);
  }

  // Signed in: settings can never be framed.
  const admin = await authStates.request("admin");
  try {
    const res = await admin.get("/settings");
    expect(res.status()).toBe(200);
    expect(framedBy(expectBaseHeaders(res, "settings"))).toBe("'none'");
  } finally {
    await admin.dispose();
  }

  // Outside the proxy's matcher (next.config.ts headers()): a build asset and the upload route.
  const html = await (await request.get("/login")).text();
  const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
  expect(asset, "a script of the login page").toBeTruthy();
  for (const [label, res] of [
    ["build asset", await request.get(asset!)],
    ["upload route", await request.post(`/api/interviews/${ZERO_UUID}/uploads`)],
  ] as const) {
    expect(expectBaseHeaders(res, label), label).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test("the browser lets the allowed origin frame a careers page, and no one frame the login page", async ({ browser, baseURL }) => {
  // The company's site: a real page on loopback embedding a careers page and the login page.
  const site = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end(`<!doctype html><title>Company site</title><iframe name="careers" src="${baseURL}/careers"></iframe><iframe name="login" src="${baseURL}/login"></iframe>`);
  });
  await new Promise<void>((resolve) => site.listen(embedderPort(baseURL), "127.0.0.1", resolve));
  // A context of its own: the blocked frame is a CSP violation this test causes on purpose.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors")) blocked.push(message.text());
    });
    await page.goto(`${embedder(baseURL)}/`);
    await expect(
      page
        .frameLocator("iframe[name=careers]")
        .getByRole("link", { name: /backend engineer/i })
        .first(),
    ).toBeVisible();
    // Chromium names only the framed page's origin: the login frame is the one refused.
    await expect.poll(() => blocked.join("\n")).toContain(`Framing '${new URL(baseURL!).origin}/' violates the following Content Security Policy directive: "frame-ancestors 'none'"`);
    expect(blocked).toHaveLength(1);
    await expect(page.frameLocator("iframe[name=login]").getByLabel("Email")).toHaveCount(0);
  } finally {
    await context.close();
    await new Promise((resolve) => site.close(resolve));
  }
});

test("the CSP blocks a call to another origin, and the violation watcher every spec uses sees it", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const found: string[] = [];
  watchCspViolations(context, found);
  try {
    const page = await context.newPage();
    await page.goto("/careers");
    const outcome = await page.evaluate(
      async (url) =>
        fetch(url).then(
          () => "loaded",
          () => "blocked",
        ),
      `${embedder(baseURL)}/api/health`,
    );
    expect(outcome).toBe("blocked");
    await expect.poll(() => found.join("\n")).toMatch(/connect-src/);
  } finally {
    await context.close();
  }
});

/** The new role's id, from its edit page's address. */
async function createRoleWithHostedPage(page: Page, title: string): Promise<{ id: string; slug: string }> {
  await page.goto("/settings/roles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();
  await page.getByLabel("Team", { exact: true }).fill("Engineering");
  await page.getByLabel("Location", { exact: true }).fill("Remote");
  await page.getByLabel("Summary", { exact: true }).fill("A role with a hosted booking page.");
  await page.getByLabel("Description", { exact: true }).fill("What you will do:\n\n- Book interviews");
  const panel = page.getByLabel("Panel", { exact: true });
  await panel.selectOption((await panel.locator("option", { hasText: "Engineering panel" }).getAttribute("value"))!);
  await page.getByLabel("Published", { exact: true }).check();
  await page.getByLabel("Nylas-hosted booking page").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByRole("region", { name: "Nylas sync" }).getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
  return { id: /\/settings\/roles\/([0-9a-f-]{36})/.exec(page.url())![1]!, slug };
}

test.describe("hosted booking page", () => {
  test.use({ account: "admin" });

  test("an admin publishes a role's hosted page, a recruiter copies its link, a candidate books on it; turning it off takes it down", async ({ page, pageAs, baseURL }) => {
    const title = attempt(`Hosted Page Engineer ${Date.now() % 100000}`);
    const role = await createRoleWithHostedPage(page, title);
    const hostedUrl = `${baseURL}/book/${role.slug}`;

    // The admin sees both links on the role page (reloaded: the sync finished after the save).
    await page.reload();
    const adminLinks = page.getByRole("region", { name: "Booking links" });
    await expect(adminLinks.getByRole("link", { name: hostedUrl })).toBeVisible();
    await expect(adminLinks.getByRole("link", { name: `${baseURL}/careers/${role.slug}` })).toBeVisible();

    // A recruiter finds them under "Booking links" and copies the hosted one.
    const recruiter = await pageAs("recruiter");
    await recruiter.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL! });
    await recruiter.goto("/dashboard");
    await recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Booking links" }).click();
    const card = recruiter.getByRole("region", { name: title });
    await expect(card.getByRole("link", { name: hostedUrl })).toBeVisible();
    await card.getByRole("button", { name: `Copy link: ${title}, hosted booking page` }).click();
    await expect(card.getByText("Copied")).toBeVisible();
    expect(await recruiter.evaluate(() => navigator.clipboard.readText())).toBe(hostedUrl);

    // A candidate opens the link: the sandbox's hosted page books through the slug.
    const candidate = await pageAs("recruiter");
    await candidate.goto(hostedUrl);
    // The page's own heading (the component shows the same title as its own h1).
    await expect(candidate.locator("header").getByRole("heading", { level: 1, name: `${title} interview` })).toBeVisible();
    await bookFirstSlot(candidate, { name: attempt("Hosted Page Candidate"), email: attemptEmail("hosted.page.candidate") });

    // Off: the configuration's slug is cleared, so the page is gone and the link says so.
    await page.getByLabel("Nylas-hosted booking page").uncheck();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("region", { name: "Nylas sync" }).getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => (await page.request.get(hostedUrl)).status(), { timeout: 30_000 }).toBe(404);
    await recruiter.reload();
    await expect(recruiter.getByRole("region", { name: title }).getByText(/^Off\./)).toBeVisible();
  });
});
