/**
 * Passwords in the browser (issue 17): "Forgot password?" on /login emails a one-time link (the
 * sandbox's Outbox shows what the portal sent through Nylas), the link sets a new password, the
 * old one stops working and the link works once; the form answers the same for an email with no
 * account. On /account a user renames themselves and changes their password: the browser that
 * changed it stays signed in, another browser signed in before is sent to /login at its next
 * navigation, and only the new password signs in.
 *
 * Each test has a user of its own (createSpecUser) and its own client address (x-forwarded-for),
 * so it neither changes a seeded user's password nor feeds a rate limit other specs meet.
 */
import type { Browser, Page } from "@playwright/test";
import { PASSWORD_RESET_EMAIL_SUBJECT } from "../../lib/auth/password-reset-email";
import { expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, createSpecUser, outboxEmail } from "./support";

const OLD_PASSWORD = "old-password-1";
const NEW_PASSWORD = "brand-new-password-2";
const ANSWER = "If an account exists for that email, we've sent a link to reset its password.";

let address = 0;
/** A browser of its own, from its own client address. */
async function newBrowserPage(browser: Browser): Promise<Page> {
  address++;
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `10.17.${test.info().retry}.${address}` } });
  return context.newPage();
}

async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("forgot password → the link from the Outbox → a new password; the old one fails and the link works once", async ({ browser, pageAs }) => {
  test.setTimeout(120_000);
  const email = attemptEmail("rae.reset");
  await createSpecUser({ email, name: attempt("Rae Reset"), password: OLD_PASSWORD });
  const page = await newBrowserPage(browser);

  // /login → "Forgot password?" → the same answer for an email with no account and for this one.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot password" })).toBeVisible();
  await page.getByLabel("Email").fill(attemptEmail("nobody.here"));
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(ANSWER)).toBeVisible();
  const answerForNobody = await page.getByText(ANSWER).textContent();
  await page.reload();
  await expect(page.getByText(ANSWER)).toHaveCount(0);
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(ANSWER)).toBeVisible();
  expect(await page.getByText(ANSWER).textContent()).toBe(answerForNobody);

  // The email, as the sandbox's Outbox shows what the portal sent.
  const admin = await pageAs("admin");
  const sent = await outboxEmail(admin, PASSWORD_RESET_EMAIL_SUBJECT, email);
  await expect(sent).toHaveCount(1);
  const link = /\/reset-password\/[A-Za-z0-9_-]{43}/.exec((await sent.textContent()) ?? "")?.[0];
  expect(link, "the reset link in the email").toBeTruthy();
  await expect(sent).toContainText("works once, for 1 hour");

  // The link: mismatched confirmation first (nothing lost), then the new password.
  await page.goto(link!);
  await expect(page.getByText(`Choose a new password for ${email}`)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(`${NEW_PASSWORD}x`);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two new passwords do not match.")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL(/\/login\?notice=password-reset$/);
  await expect(page.getByText("Your password has been reset. Sign in with your new password.")).toBeVisible();

  // The old password fails; the new one signs in.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Incorrect email or password.")).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);

  // The link works once: it says so and offers a new one.
  const again = await newBrowserPage(browser);
  await again.goto(link!);
  await expect(again.getByText("This reset link has already been used: each link works once.")).toBeVisible();
  await expect(again.getByLabel("New password", { exact: true })).toHaveCount(0);
  await again.getByRole("link", { name: "Request a new link" }).click();
  await expect(again).toHaveURL(/\/forgot-password$/);
});

test("/account: rename, then a password change keeps this browser signed in and signs every other one out", async ({ browser }) => {
  test.setTimeout(120_000);
  const email = attemptEmail("pat.password");
  await createSpecUser({ email, name: "Pat Before", password: OLD_PASSWORD, role: "INTERVIEWER" });
  const here = await newBrowserPage(browser);
  const elsewhere = await newBrowserPage(browser);
  for (const page of [here, elsewhere]) {
    await signInThroughForm(page, email, OLD_PASSWORD);
    await page.waitForURL(/\/dashboard/);
  }

  // Profile: the role is shown, the name saved.
  await here.goto("/account");
  const profile = here.getByRole("region", { name: "Profile" });
  await expect(profile).toContainText("Interviewer");
  await profile.getByLabel("Name").fill("Pat After");
  await profile.getByRole("button", { name: "Save name" }).click();
  await expect(profile.getByText("Name saved.")).toBeVisible();
  await here.reload();
  await expect(here.getByRole("region", { name: "Profile" }).getByLabel("Name")).toHaveValue("Pat After");

  // Password: a wrong current password is refused (and what was typed stays), then the change.
  const password = here.getByRole("region", { name: "Password" });
  await password.getByLabel("Current password").fill("not-my-password");
  await password.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await password.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Your current password is not right.")).toBeVisible();
  await expect(password.getByLabel("New password", { exact: true })).toHaveValue(NEW_PASSWORD);
  await password.getByLabel("Current password").fill(OLD_PASSWORD);
  await password.getByRole("button", { name: "Change password" }).click();
  await expect(password.getByText("Password changed. Every other session of yours has been signed out. You are still signed in here.")).toBeVisible();
  await expect(password.getByLabel("Current password")).toHaveValue("");

  // This browser is still signed in; the other one is sent to /login at its next navigation.
  await here.goto("/account");
  await expect(here.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  await elsewhere.goto("/account");
  await expect(elsewhere).toHaveURL(/\/login\?callbackUrl=%2Faccount/);

  // Only the new password signs in.
  await signInThroughForm(elsewhere, email, OLD_PASSWORD);
  await expect(elsewhere.getByText("Incorrect email or password.")).toBeVisible();
  await elsewhere.getByLabel("Password", { exact: true }).fill(NEW_PASSWORD);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await elsewhere.waitForURL(/\/dashboard/);
});
