/**
 * Access rules (DESIGN.md Decisions "Public paths" and "Sign-in"), one test per rule. Each closes
 * a hole: signed-out visitors reach nothing but the careers pages and public endpoints; a
 * recruiter cannot open settings.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";

async function signIn(page: Page, email: string, password = "password") {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("careers pages are public", async ({ page }) => {
  const response = await page.goto("/careers/backend-engineer");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Backend Engineer", exact: true })).toBeVisible();
});

test("an unknown role is a 404 page", async ({ page }) => {
  const response = await page.goto("/careers/no-such-role");
  expect(response?.status()).toBe(404);
});

test("health and the sandbox API are public; the sandbox's grant endpoints need its API key", async ({ request }) => {
  expect((await request.get("/api/health")).status()).toBe(200);
  const grants = await request.get("/v3/grants");
  expect(grants.status()).toBe(401);
  expect((await grants.json()).error.type).toBe("unauthorized");
});

test("signed-out page visits redirect to /login with a callbackUrl", async ({ page }) => {
  await page.goto("/dashboard?status=all");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard%3Fstatus%3Dall$/);
});

test("signed-out API calls get 401 JSON", async ({ request }) => {
  const response = await request.get("/api/settings/panels");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
});

test("the login page has exactly the Email and Password inputs and a Sign in button", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toHaveCount(1);
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Sign in" })).toHaveCount(1);
});

test("wrong credentials show an error and do not sign in", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "recruiter@example.com", "not-the-password");
  await expect(page.getByText(/incorrect email or password/i)).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("after sign-in the user lands on the callbackUrl", async ({ page }) => {
  await page.goto("/dashboard");
  await signIn(page, "recruiter@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Interviews" })).toBeVisible();
});

test("a recruiter on /settings gets a 403 page", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, "recruiter@example.com");
  await expect(page).toHaveURL(/\/dashboard$/);
  const response = await page.goto("/settings");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Settings" })).toHaveCount(0);
});

test("an admin can open /settings and sign out", async ({ page }) => {
  await page.goto("/login?callbackUrl=%2Fsettings");
  await signIn(page, "admin@example.com");
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await expect(page.getByText("Engineering panel").first()).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login|\/careers/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings$/);
});
