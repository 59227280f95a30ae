/**
 * How the careers page loads <nylas-scheduling> (issue 18): the vendored single-element module is a
 * module script in the HTML's <head>, the element is in the HTML with its attributes, and the
 * component's first request (ui-settings) is preloaded. The holes these close: a change that puts
 * the component back behind hydration (or back into a client bundle), a preload the component does
 * not use (two ui-settings requests per load), and a hydration error from rendering a custom
 * element on the server.
 */
import type { Page } from "@playwright/test";
import type { TAvailabilityPrefill } from "@/lib/scheduling";
import { expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookFirstSlot, ENGINEERING_PANEL, listBookedEvents } from "./support";

const ROLE_PAGE = "/careers/backend-engineer";
const VENDORED = /\/vendor\/nylas-scheduling\.[0-9a-f]{16}\.js/;

/** The availability the page's HTML gave the element (lib/scheduling/scheduler-prefill.ts). */
async function readPrefill(page: Page): Promise<TAvailabilityPrefill> {
  return JSON.parse((await page.locator("script[data-nylas-scheduling-prefill]").textContent()) ?? "null") as TAvailabilityPrefill;
}

async function configurationIdOf(page: Page): Promise<string> {
  return (await page.locator("nylas-scheduling").getAttribute("configuration-id"))!;
}

async function cancelBooking(baseURL: string, configurationId: string, bookingId: string): Promise<void> {
  const res = await fetch(`${baseURL}/v3/scheduling/bookings/${bookingId}?configuration_id=${configurationId}`, {
    method: "DELETE",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ cancellation_reason: "careers-scheduler spec clean-up" }),
  });
  expect(res.status).toBe(200);
}

test("the role page's HTML holds the element, the vendored module in <head> and the ui-settings preload; the module is cached for good", async ({ request }) => {
  const html = await (await request.get(ROLE_PAGE)).text();
  const head = html.slice(0, html.indexOf("</head>"));
  const script = /<script[^>]*\bsrc="(\/vendor\/nylas-scheduling\.[0-9a-f]{16}\.js)"[^>]*>/.exec(head);
  expect(script, "a module script for the vendored scheduler in <head>").not.toBeNull();
  expect(script![0]).toContain('type="module"');

  const element = /<nylas-scheduling ([^>]*)>/.exec(html);
  expect(element, "<nylas-scheduling> in the HTML").not.toBeNull();
  const configurationId = /configuration-id="([0-9a-f-]{36})"/.exec(element![1]!)?.[1];
  expect(configurationId).toBeTruthy();
  for (const attribute of ['scheduler-api-url="/"', 'nylas-branding="false"', 'enable-user-feedback="false"']) expect(element![1]).toContain(attribute);

  const preload = new RegExp(`<link[^>]*rel="preload"[^>]*href="/v3/scheduling/ui-settings\\?configuration_id=${configurationId}"[^>]*>`).exec(head);
  expect(preload, "the ui-settings preload").not.toBeNull();
  expect(preload![0]).toContain('as="fetch"');

  // No client chunk carries a Nylas element any more (the old page shipped all of @nylas/react).
  for (const src of html.matchAll(/<script[^>]*\bsrc="(\/_next\/[^"]+\.js)"/g)) {
    expect(await (await request.get(src[1]!)).text(), src[1]).not.toContain("nylas-timeslot-picker");
  }

  const vendored = await request.get(script![1]!);
  expect(vendored.status()).toBe(200);
  expect(vendored.headers()["content-type"]).toContain("javascript");
  expect(vendored.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(vendored.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await vendored.text()).toContain('"nylas-scheduling"');
  // Compressed ahead of time (brotli for a browser that takes it, else gzip), not gzipped on the fly
  // by `next start` on every request as a public/ file is: Next's compression only ever sends gzip.
  expect(vendored.headers()["content-encoding"]).toBe("br");
  expect(vendored.headers()["vary"]).toContain("Accept-Encoding");
  const gzipped = await request.get(script![1]!, { headers: { "Accept-Encoding": "gzip" } });
  expect(gzipped.headers()["content-encoding"]).toBe("gzip");
  expect(gzipped.headers()["content-length"], "a stored copy has its length up front").toBeTruthy();
  expect(await gzipped.text()).toContain('"nylas-scheduling"');
});

test("a load asks for ui-settings once (the preload is the component's request) and never for availability: the slots come from the HTML's prefill and are bookable; no script or hydration error, themed from CSS", async ({
  page,
  baseURL,
}) => {
  const calls: string[] = [];
  page.on("request", (r) => {
    const { pathname } = new URL(r.url());
    if (pathname.startsWith("/v3/scheduling/")) calls.push(pathname);
  });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    // Chromium warns about a preload nobody used; React (production) logs hydration failures as errors.
    if (message.type() === "error" || /preloaded .* not used/i.test(message.text())) problems.push(`${message.type()}: ${message.text()}`);
  });

  await page.goto(ROLE_PAGE);
  const prefill = await readPrefill(page);
  expect(prefill.time_slots.length, "the HTML carries the configuration's availability").toBeGreaterThan(0);
  const scheduler = page.getByTestId("booking-scheduler");
  await expect(scheduler.locator("[part~='ntp__timeslot']").first()).toBeVisible({ timeout: 45_000 });
  await expect(scheduler.locator("[data-scheduler-loading]")).toBeHidden();
  expect(calls.filter((p) => p === "/v3/scheduling/ui-settings")).toHaveLength(1);
  // The component took the prefill as its store state (a Nylas upgrade that reads another shape
  // would fetch, or show no slot, and fail here).
  expect(calls.filter((p) => p === "/v3/scheduling/availability")).toHaveLength(0);
  // The module was fetched once, from the <head> (a RegExp cannot cross into the page: its source does).
  expect(await page.evaluate((source) => performance.getEntriesByType("resource").filter((e) => new RegExp(source).test(e.name)).length, VENDORED.source)).toBe(1);

  const host = page.locator("nylas-scheduling");
  expect(await host.evaluate((el) => getComputedStyle(el).getPropertyValue("--nylas-primary").trim())).toBe("#1f57d1");

  // Bookable from the prefill alone: the first slot, then cancelled (other specs count this panel's bookings).
  const booked = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/v3/scheduling/bookings");
  await bookFirstSlot(page, { name: attempt("Prefill Booker"), email: attemptEmail("prefill.booker") });
  const body = (await (await booked).json()) as { data: { booking_id: string } };
  expect(calls.filter((p) => p === "/v3/scheduling/availability")).toHaveLength(0);
  expect(problems).toEqual([]);
  await cancelBooking(baseURL!, await configurationIdOf(page), body.data.booking_id);
});

test("a stale prefill cannot book a time taken since the page was rendered: the component shows the endpoint's refusal, nobody is double-booked", async ({ page, baseURL }) => {
  await page.goto(ROLE_PAGE);
  const prefill = await readPrefill(page);
  const configurationId = await configurationIdOf(page);
  const scheduler = page.getByTestId("booking-scheduler");
  const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
  await expect(firstTime).toBeVisible({ timeout: 45_000 });

  // Others take the first prefilled time from every panel member, after the page was rendered.
  const first = prefill.time_slots[0]!;
  const taken: string[] = [];
  try {
    for (let i = 0; i <= ENGINEERING_PANEL.length; i++) {
      const res = await fetch(`${baseURL}/v3/scheduling/bookings?configuration_id=${configurationId}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ start_time: first.start_time, end_time: first.end_time, guest: { name: `Stale ${i}`, email: attemptEmail(`stale.taker.${i}`) }, timezone: "Europe/Paris" }),
      });
      if (res.status !== 200) {
        expect(res.status).toBe(409);
        break;
      }
      taken.push(((await res.json()) as { data: { booking_id: string } }).data.booking_id);
    }
    expect(taken.length).toBeGreaterThan(0);

    const refused = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/v3/scheduling/bookings");
    await firstTime.click();
    await scheduler.getByRole("button", { name: /^next$/i }).click();
    await scheduler.getByLabel(/name/i).first().fill(attempt("Stale Prefill"));
    await scheduler.getByLabel(/email/i).first().fill(attemptEmail("stale.prefill"));
    await scheduler.getByRole("button", { name: /book now/i }).click();
    expect((await refused).status()).toBe(409);
    await expect(page.getByText(/selected timeslot is unavailable/i).first()).toBeVisible({ timeout: 15_000 });
    await expect(scheduler.getByText(/booking confirmed/i)).toBeHidden();

    // Nobody holds two live bookings at that time.
    for (const email of ENGINEERING_PANEL) {
      const atThatTime = (await listBookedEvents(baseURL!, email)).filter((e) => e.status !== "cancelled" && e.when.start_time < first.end_time && first.start_time < e.when.end_time);
      expect(atThatTime.length, email).toBeLessThanOrEqual(1);
      expect(atThatTime.filter((e) => e.title.includes("Stale Prefill"))).toEqual([]);
    }
  } finally {
    for (const id of taken) await cancelBooking(baseURL!, configurationId, id);
  }
});

test("the next month is still fetched by the component", async ({ page }) => {
  await page.goto(ROLE_PAGE);
  const scheduler = page.getByTestId("booking-scheduler");
  await expect(scheduler.locator("[part~='ntp__timeslot']").first()).toBeVisible({ timeout: 45_000 });
  const next = scheduler.locator("[part~='ndp__month-button']").last();
  test.skip(await next.isDisabled(), "the booking horizon ends this month");
  const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === "/v3/scheduling/availability");
  await next.click();
  await fetched;
});

test("the panel's recording notice reaches the component without React: with Next's scripts blocked, the element still upgrades and carries it", async ({ page }) => {
  await page.route("**/_next/static/**", (route) => route.abort());
  await page.goto(ROLE_PAGE);
  const host = page.locator("nylas-scheduling");
  const message = await host.getAttribute("data-consent-message");
  expect(message, "the notice rendered into the HTML").toBeTruthy();
  await expect(host).toHaveClass(/hydrated/, { timeout: 45_000 });
  await expect.poll(() => host.evaluate((el) => (el as HTMLElement & { localization?: { en?: { notetakerConsentMessage?: string } } }).localization?.en?.notetakerConsentMessage)).toBe(message);
});

test("only the current vendored module is cached for good: a miss for another hash is not", async ({ request }) => {
  const miss = await request.get("/vendor/nylas-scheduling.0000000000000000.js");
  expect(miss.status()).toBe(404);
  expect(miss.headers()["cache-control"] ?? "").not.toContain("immutable");
});
