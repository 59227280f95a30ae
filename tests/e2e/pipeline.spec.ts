/**
 * The whole pipeline in a browser: a candidate books on the careers page → the sandbox delivers
 * signed booking webhooks → the inbox worker records the interview → a recruiter sees it on the
 * dashboard; the candidate cancels → the recruiter sees it cancelled.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { bookFirstSlot } from "./support";

/** The dashboard row for a candidate, waiting (with reloads) until the webhook has been processed. */
async function findRow(page: Page, candidate: string, status: RegExp) {
  await expect(async () => {
    await page.reload();
    const row = page.getByRole("row").filter({ hasText: candidate });
    await expect(row).toHaveCount(1, { timeout: 1_000 });
    await expect(row.getByText(status)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1_000, 2_000] });
  return page.getByRole("row").filter({ hasText: candidate });
}

test("a booking shows up for the recruiter, and a cancellation shows as cancelled", async ({ browser, pageAs }) => {
  // Unique per attempt, so a retry never sees the rows of a failed attempt.
  const name = test.info().retry ? `Morgan Webhook R${test.info().retry}` : "Morgan Webhook";
  const email = `morgan.webhook${test.info().retry || ""}@example.org`;
  const candidatePage = await browser.newPage();
  await candidatePage.goto("/careers/product-designer");
  await bookFirstSlot(candidatePage, { name, email });

  const recruiter = await pageAs("recruiter");
  await recruiter.goto("/dashboard");
  const row = await findRow(recruiter, name, /^Scheduled$/);
  await expect(row.getByText(/Priya Patel|Lena Fischer/)).toBeVisible();
  await expect(row.getByText("Product Designer")).toBeVisible();

  // The candidate cancels from the component's confirmation card.
  const scheduler = candidatePage.getByTestId("booking-scheduler");
  await scheduler.getByRole("button", { name: /cancel booking/i }).click();
  await scheduler.getByRole("textbox").first().fill("Accepted another offer");
  await scheduler
    .getByRole("button", { name: /cancel booking/i })
    .last()
    .click();
  await expect(scheduler.getByText(/cancelled/i).first()).toBeVisible();

  await findRow(recruiter, name, /^Cancelled$/);

  // Rebooking with the same email ties back to the same candidate, linked to the cancelled interview.
  await candidatePage.goto("/careers/product-designer");
  await bookFirstSlot(candidatePage, { name, email: email.replace("morgan", "Morgan") });
  await expect(async () => {
    await recruiter.reload();
    await expect(recruiter.getByRole("row").filter({ hasText: name })).toHaveCount(2, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await recruiter.getByRole("link", { name }).first().click();
  await expect(recruiter.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(recruiter.getByText(/^Cancelled$/).first()).toBeVisible();
  await expect(recruiter.getByText(/^Scheduled$/).first()).toBeVisible();
});
