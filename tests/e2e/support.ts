import { expect, test, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { queryOnce } from "../../scripts/lib/pg-once";

export const SANDBOX_API_KEY = "nylas-sandbox-dev-api-key";
export const ENGINEERING_PANEL = ["sarah.kim@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example"];

/** Events the sandbox booked on an interviewer's primary calendar, through its Nylas-style API. */
export async function listBookedEvents(
  baseURL: string,
  email: string,
): Promise<{ id: string; title: string; status: string; when: { start_time: number; end_time: number }; conferencing?: { details?: { url?: string } } }[]> {
  const res = await fetch(`${baseURL}/v3/grants/${encodeURIComponent(email)}/events?calendar_id=primary&limit=200`, {
    headers: { authorization: `Bearer ${SANDBOX_API_KEY}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { id: string; title: string; status: string; when: { start_time: number; end_time: number }; metadata: Record<string, string> }[] };
  return body.data.filter((e) => e.metadata?.source === "scheduler");
}

/**
 * Books the first offered time in <NylasScheduling>: first day with slots, first time, then the
 * booking form. Returns once the component shows its own confirmation card.
 */
export async function bookFirstSlot(page: Page, guest: { name: string; email: string; linkedin?: string }): Promise<void> {
  const scheduler = page.getByTestId("booking-scheduler");
  await expect(scheduler).toBeVisible();
  // Time slots appear once availability has loaded for the selected (first available) day.
  const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
  await expect(firstTime).toBeVisible({ timeout: 45_000 });
  await firstTime.click();
  await scheduler.getByRole("button", { name: /^next$/i }).click();
  await scheduler.getByLabel(/name/i).first().fill(guest.name);
  await scheduler.getByLabel(/email/i).first().fill(guest.email);
  if (guest.linkedin) await scheduler.getByLabel(/linkedin/i).fill(guest.linkedin);
  await scheduler.getByRole("button", { name: /book now/i }).click();
  await expect(scheduler.getByText(/booking confirmed/i)).toBeVisible({ timeout: 30_000 });
}

/** Names (and emails) unique per attempt: a retried test must not see the bookings of its failed attempt. */
export const attempt = (name: string) => (test.info().retry ? `${name} R${test.info().retry}` : name);

/** An email unique per attempt, so a retry books a new candidate rather than the failed attempt's. */
export const attemptEmail = (local: string) => (test.info().retry ? `${local}.r${test.info().retry}@example.org` : `${local}@example.org`);

/** A candidate books `roleSlug` on the careers page, in a browser context of their own. */
export async function bookOnCareersPage(browser: Browser, roleSlug: string, guest: { name: string; email: string }): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`/careers/${roleSlug}`);
    await bookFirstSlot(page, guest);
  } finally {
    await context.close();
  }
}

/**
 * As an admin on /sandbox: presses `button` ("Run interview now" or "Fail entry") on the
 * candidate's Notetaker card. Returns the card's "Open the interview" link (the debrief path), once
 * the app has recorded the interview, and the host the card names.
 */
export async function runSandboxNotetaker(page: Page, guestName: string, button: "Run interview now" | "Fail entry"): Promise<{ debriefPath: string; hostEmail: string }> {
  await page.goto("/sandbox");
  await expect(page.getByRole("heading", { name: "Sandbox console", level: 1 })).toBeVisible();
  const card = page.getByRole("listitem", { name: `Interview with ${guestName}`, exact: true });
  await expect(async () => {
    if (!(await card.isVisible())) await page.reload();
    await expect(card.getByRole("button", { name: button })).toBeEnabled({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await card.getByRole("button", { name: button }).click();
  // Once the notetaker has run, the card says so and both buttons are disabled.
  await expect(card.getByText(button === "Run interview now" ? "Done: the interview ran and its media is available." : "Done: the Notetaker failed to enter (admission timeout).")).toBeVisible();
  await expect(card.getByRole("button", { name: "Run interview now" })).toBeDisabled();
  await expect(card.getByRole("button", { name: "Fail entry" })).toBeDisabled();
  const open = card.getByRole("link", { name: /^Open the interview/ });
  await expect(async () => {
    if (!(await open.isVisible())) await page.reload();
    await expect(open).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const href = await open.getAttribute("href");
  expect(href).toMatch(/^\/dashboard\/interviews\/[0-9a-f-]{36}$/);
  const hostEmail = /host (\S+@\S+?)\s*·/.exec((await card.textContent()) ?? "")?.[1];
  expect(hostEmail).toBeTruthy();
  return { debriefPath: href!, hostEmail: hostEmail! };
}

/**
 * The dashboard row of the candidate's interview, looked for on every page of /dashboard and
 * waited for (with reloads) until `ready` passes on it.
 */
export async function findDashboardRow(page: Page, candidate: string, ready: (row: Locator) => Promise<void> = async () => {}): Promise<Locator> {
  const open = page.getByRole("link", { name: `Open the interview with ${candidate}`, exact: true });
  const row = page.getByRole("row").filter({ has: open });
  await expect(async () => {
    for (let n = 1; ; n++) {
      await page.goto(n === 1 ? "/dashboard" : `/dashboard?page=${n}`);
      await expect(page.getByRole("heading", { name: "Interviews", level: 1 })).toBeVisible({ timeout: 5_000 });
      if ((await row.count()) > 0) break;
      const next = page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Next" });
      if ((await next.count()) === 0) throw new Error(`No dashboard row for ${candidate} yet`);
    }
    await expect(row).toHaveCount(1, { timeout: 1_000 });
    await ready(row);
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
  return row;
}

/**
 * Read-only SQL against this run's database (E2E_DATABASE_URL, set by scripts/test.ts): for specs
 * that must prove what was, or was not, written. Opens and closes a connection per call.
 */
export async function queryDatabase<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  return queryOnce<T>(url, sql, params);
}

/** Row counts of `tables`, e.g. { candidates: 3, interviews: 5 }. */
export async function countRows<Table extends string>(tables: readonly Table[]): Promise<Record<Table, number>> {
  const rows = await queryDatabase<{ name: Table; n: string }>(tables.map((t) => `SELECT '${t}' AS name, count(*) AS n FROM "${t}"`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.n)])) as Record<Table, number>;
}

/** A secret the app accepts on POST /api/webhooks/nylas: the sandbox subscription's, as stored by the bootstrap. */
export async function getWebhookSecret(): Promise<string> {
  const rows = await queryDatabase<{ secret: string }>("SELECT secret FROM webhook_subscriptions WHERE active ORDER BY created_at LIMIT 1");
  expect(rows[0]?.secret, "an active webhook subscription (bootstrap)").toBeTruthy();
  return rows[0]!.secret;
}

/** Nylas's x-nylas-signature: lowercase hex HMAC-SHA256 of the exact body bytes. */
export async function signWebhookBody(body: string | Buffer, secret: string): Promise<string> {
  const { createHmac } = await import("node:crypto");
  return createHmac("sha256", secret).update(body).digest("hex");
}

/**
 * Waits (up to `timeoutMs`) until the sandbox has no webhook delivery due or in flight, so row
 * counts taken next are not moved by an earlier spec's late delivery.
 */
export async function waitForSandboxDeliveries(timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM sandbox_webhook_deliveries WHERE status = 'pending' AND next_attempt_at < now() + interval '30 seconds'");
    if (Number(row?.n ?? 0) === 0 || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The Outbox's email with this subject to this address, waited for (reloading the console). */
export async function outboxEmail(page: Page, subject: string, toEmail: string): Promise<Locator> {
  const email = page
    .getByRole("region", { name: "Outbox" })
    .getByRole("list", { name: "Sent emails" })
    .getByRole("listitem", { name: new RegExp(`^${escapeRegExp(subject)}, to (.+ )?<?${escapeRegExp(toEmail)}>?$`) });
  await expect(async () => {
    if (!(await email.first().isVisible())) await page.goto("/sandbox#outbox");
    await expect(email.first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  return email;
}

/**
 * A user of the spec's own (never a seeded one, whose passwords and names other specs rely on):
 * inserted with `password` hashed as the app hashes it; an existing row with that email (a retry)
 * is reset to it. Returns the user's id.
 */
export async function createSpecUser(user: { email: string; name: string; password: string; role?: "ADMIN" | "RECRUITER" | "INTERVIEWER" }): Promise<string> {
  const { hashPassword } = await import("../../lib/auth/password");
  const [row] = await queryOnce<{ id: string }>(
    process.env.E2E_DATABASE_URL!,
    `INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES (gen_random_uuid(), $1, $2, $3::"UserRole", $4, now())
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash, deactivated_at = NULL, session_version = users.session_version + 1
     RETURNING id`,
    [user.email, user.name, user.role ?? "RECRUITER", await hashPassword(user.password)],
  );
  return row!.id;
}

/** The invitation link sent to `email`, read from the sandbox's sent messages (waits for the email job). */
export async function invitationLinkFor(request: APIRequestContext, email: string): Promise<string> {
  let link = "";
  await expect(async () => {
    const res = await request.get(`/v3/grants/recruiting%40northwind.example/messages?limit=50`, { headers: { authorization: `Bearer ${SANDBOX_API_KEY}` } });
    expect(res.status()).toBe(200);
    const { data } = (await res.json()) as { data: { to: { email: string }[]; subject: string; body: string }[] };
    const message = data.find((m) => m.subject === "You're invited to Northwind Hiring" && m.to.some((t) => t.email === email));
    expect(message, `invitation email to ${email}`).toBeTruthy();
    const match = /href="([^"]+\/invite\/[A-Za-z0-9_-]{43})"/.exec(message!.body);
    expect(match).toBeTruthy();
    link = match![1]!;
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000] });
  return link;
}
