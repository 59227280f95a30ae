/**
 * The team in the browser (issue 17, DESIGN "Team and calendars"):
 * - an admin invites a recruiter on /settings/team; the invitation goes out through Nylas's
 *   messages/send (the sandbox keeps sent messages); the link in it opens /invite/<token>, where
 *   the recruiter sets name and password, is signed in and lands on the dashboard; the link then
 *   says it has been used and offers nothing else;
 * - an admin deactivates a signed-in user: that user's next navigation lands on /login, and
 *   signing in again is refused with the reason. The admin's own row offers no "Deactivate".
 */
import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { hashPassword } from "../../lib/auth/password";
import { expect, test } from "./fixtures/auth";
import { queryOnce } from "../../scripts/lib/pg-once";
import { invitationLinkFor } from "./support";

async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an admin invites a recruiter; the emailed link creates the account and signs them in", async ({ browser, pageAs }) => {
  test.setTimeout(120_000);
  const email = `rita.invited.${randomUUID().slice(0, 8)}@example.org`;
  const admin = await pageAs("admin");
  await admin.goto("/settings/team");
  await expect(admin.getByRole("heading", { name: "Team", level: 1 })).toBeVisible();

  const invite = admin.getByRole("region", { name: "Invite" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption({ label: "Recruiter" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const invitations = admin.getByRole("table", { name: "Open invitations, most recently sent first" });
  await expect(invitations.getByRole("row").filter({ hasText: email })).toContainText("Pending");

  // The same email again: refused with the reason, and "Resend invitation" offered instead.
  await invite.getByLabel("Email").fill(email.toUpperCase());
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`${email} already has a pending invitation as Recruiter.`)).toBeVisible();
  await expect(admin.getByRole("button", { name: `Resend invitation ${email}` })).toBeVisible();

  const link = await invitationLinkFor(admin.request, email);
  const invitee = await signedOutPage(browser);
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(invitee.getByText(`You were invited as Recruiter with ${email}`)).toBeVisible();
  await invitee.getByLabel("Name").fill("Rita Invited");
  await invitee.getByLabel("Password").fill("a-good-long-password");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  const session = (await (await invitee.request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  expect(session.user?.email).toBe(email);

  // Used once: the link now says so, with no form.
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await expect(invitee.getByRole("button", { name: "Create account" })).toHaveCount(0);

  // The team page lists the new recruiter; the invitation is no longer open.
  await admin.goto("/settings/team");
  const row = admin.getByRole("table", { name: "Users, active first, by name" }).getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Rita Invited");
  await expect(row).toContainText("Active");
  await expect(row.getByLabel("Role for Rita Invited")).toHaveValue("RECRUITER");
  await expect(invitations.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await invitee.context().close();
});

test("an admin deactivates a signed-in user, whose next navigation lands on /login and who cannot sign in again", async ({ browser, pageAs }) => {
  test.setTimeout(90_000);
  const suffix = randomUUID().slice(0, 8);
  const email = `dana.deactivated.${suffix}@example.org`;
  const name = `Dana Deactivated ${suffix}`;
  const password = "dana-password-123";
  await queryOnce(process.env.E2E_DATABASE_URL!, "INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES ($1, $2, $3, 'INTERVIEWER', $4, now())", [
    randomUUID(),
    email,
    name,
    await hashPassword(password),
  ]);

  const user = await signedOutPage(browser);
  await signInWithForm(user, email, password);
  await expect(user).toHaveURL(/\/dashboard/);

  const admin = await pageAs("admin");
  await admin.goto("/settings/team");
  const users = admin.getByRole("table", { name: "Users, active first, by name" });
  // The admin's own row: no Deactivate.
  await expect(
    users
      .getByRole("row")
      .filter({ hasText: "admin@example.com" })
      .getByRole("button", { name: /^Deactivate/ }),
  ).toHaveCount(0);
  const row = users.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(admin.getByText(`${name} is deactivated and signed out everywhere.`)).toBeVisible();
  await expect(row).toContainText("Deactivated");
  await expect(row.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();

  // The user's session ends at their next request.
  await user.goto("/dashboard");
  await expect(user).toHaveURL(/\/login/);
  await signInWithForm(user, email, password);
  await expect(user.getByText("This account has been deactivated. Ask an admin to reactivate it.")).toBeVisible();

  // Reactivated: they can sign in again.
  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(admin.getByText(`${name} is active again and can sign in.`)).toBeVisible();
  await signInWithForm(user, email, password);
  await expect(user).toHaveURL(/\/dashboard/);
  await user.context().close();
});
