/**
 * Admin "Webhook deliveries" (/settings/webhooks, DESIGN.md Decisions "Public paths"): an admin
 * reaches it from the settings sub-navigation; a recruiter gets the 403 page. Closes the hole of
 * a settings sub-page that forgets the ADMIN check the /settings overview has.
 */
import { expect, test } from "./fixtures/auth";

test.describe("as an admin", () => {
  test.use({ account: "admin" });

  test("an admin opens Webhook deliveries from the settings navigation", async ({ page }) => {
    await page.goto("/settings");

    const settingsNav = page.getByRole("navigation", { name: "Settings sections" });
    await expect(settingsNav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await settingsNav.getByRole("link", { name: "Webhook deliveries" }).click();

    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByRole("heading", { name: "Webhook deliveries", level: 1 })).toBeVisible();
    await expect(settingsNav.getByRole("link", { name: "Webhook deliveries" })).toHaveAttribute("aria-current", "page");
    // Either the inbox table or its empty state, depending on what earlier specs booked.
    await expect(page.getByRole("region", { name: "Webhook notifications" })).toBeVisible();
  });

  test("an admin can open /settings/webhooks directly, with filters in the URL", async ({ page }) => {
    await page.goto("/settings/webhooks?status=dead");
    await expect(page).toHaveURL(/\/settings\/webhooks\?status=dead$/);
    await expect(page.getByRole("heading", { name: "Webhook deliveries", level: 1 })).toBeVisible();
  });
});

test.describe("as a recruiter", () => {
  test.use({ account: "recruiter" });

  test("a recruiter on /settings/webhooks gets a 403 page", async ({ page }) => {
    const response = await page.goto("/settings/webhooks");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
  });
});
