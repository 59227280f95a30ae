/**
 * Recording policy, admin side (issue 16; DESIGN "Recording consent, retention and erasure"), in
 * a browser against the built-in sandbox. An admin sets the "Default recording policy" to "Ask
 * for consent" on /settings/privacy, and the careers page's real <NylasScheduling> booking form
 * then asks "Recording consent" with its two options; an interviewer opts out of being recorded on
 * /account, and the panel page shows it. Both pages pass axe.
 *
 * Closes the holes of a policy that is saved but never reaches Nylas (the form would not ask), and
 * of an opt-out that nobody can see. Every test puts back what it changed (the default, the
 * opt-out), so later specs book through the careers page as before.
 */
import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, test, type AuthStates } from "./fixtures/auth";
import { queryDatabase } from "./support";

const LENA = { name: "Lena Fischer", email: "lena.fischer@northwind.example" };

/** Waits until the role's configuration is synced again (a save marks it PENDING in its own transaction). */
async function waitForRoleSynced(slug: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const [row] = await queryDatabase<{ sync_status: string }>("SELECT rc.sync_status FROM role_configurations rc JOIN roles r ON r.id = rc.role_id WHERE r.slug = $1", [slug]);
        return row?.sync_status;
      },
      { timeout: 45_000, intervals: [250, 500, 1_000] },
    )
    .toBe("SYNCED");
}

/** Chooses `label` in the "Default recording policy" group and saves; returns the outcome's text. */
async function saveDefault(page: Page, label: "Inform only" | "Ask for consent" | "Never record"): Promise<void> {
  await page.goto("/settings/privacy");
  const group = page.getByRole("radiogroup", { name: "Default recording policy" });
  await group.getByRole("radio", { name: label }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(new RegExp(`^(Saved: the default is now|No changes to save: the default is already) “${label}”`))).toBeVisible();
}

/** Puts the default back to "Inform only" (what the other specs book under) and waits for the syncs. */
async function restoreDefault(browser: Browser, authStates: AuthStates): Promise<void> {
  const context = await browser.newContext({ storageState: await authStates.file("admin") });
  try {
    await saveDefault(await context.newPage(), "Inform only");
    await waitForRoleSynced("backend-engineer");
  } finally {
    await context.close();
  }
}

test.describe("the default recording policy", () => {
  test.use({ account: "admin" });
  test.afterAll(async ({ browser, authStates }) => restoreDefault(browser, authStates));

  test("“Ask for consent” saved on /settings/privacy makes the careers page's booking form ask “Recording consent”", async ({ page, browser }) => {
    test.setTimeout(150_000);
    await page.goto("/settings");
    await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Privacy" }).click();
    await expect(page.getByRole("heading", { name: "Privacy", level: 1 })).toBeVisible();
    const group = page.getByRole("radiogroup", { name: "Default recording policy" });
    for (const label of ["Inform only", "Ask for consent", "Never record"]) await expect(group.getByRole("radio", { name: label })).toBeVisible();
    await expect(group.getByText("The booking form asks “Recording consent” (required); the Notetaker joins only when the candidate says yes.")).toBeVisible();
    // Which roles follow the default, with links to them.
    const roles = page.getByRole("complementary", { name: "Roles" });
    await expect(roles.getByRole("link", { name: "Backend Engineer", exact: true })).toBeVisible();
    await expectAccessible(page, "/settings/privacy");

    await group.getByRole("radio", { name: "Ask for consent" }).check();
    await expect(page.getByText("Unsaved change: roles that use the default change when you save.")).toBeVisible();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/^Saved: the default is now “Ask for consent”\. Syncing \d+ roles? that use it with Nylas…$/)).toBeVisible();
    await expect(group.getByRole("radio", { name: "Ask for consent" })).toBeChecked();
    await waitForRoleSynced("backend-engineer");
    // The roles list says which policy each role runs under.
    await page.goto("/settings");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Backend Engineer", exact: true }) });
    const recording = row.getByRole("cell").filter({ hasText: "Ask for consent" });
    await expect(recording).toContainText("Organisation default");

    // A candidate, in a browser of their own: pick a time, then the booking form asks.
    const candidate = await browser.newContext();
    try {
      const careers = await candidate.newPage();
      await careers.goto("/careers/backend-engineer");
      const scheduler = careers.getByTestId("booking-scheduler");
      const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
      await expect(firstTime).toBeVisible({ timeout: 45_000 });
      await firstTime.click();
      await scheduler.getByRole("button", { name: /^next$/i }).click();
      await expect(scheduler.getByText("Recording consent").first()).toBeVisible();
      await expect(scheduler.getByText("Yes, record this interview").first()).toBeVisible();
      await expect(scheduler.getByText("No, do not record").first()).toBeVisible();
    } finally {
      await candidate.close();
    }

    // The change is in the audit log, in words.
    await page.goto("/settings/audit?entity=privacy");
    await expect(page.getByText("Default recording policy").first()).toBeVisible();
    await expect(page.getByText("Ask for consent").first()).toBeVisible();
  });

  test("a role's page offers “Organisation default (…)” naming the current default", async ({ page }) => {
    const [role] = await queryDatabase<{ id: string }>("SELECT id FROM roles WHERE slug = 'backend-engineer'");
    await page.goto(`/settings/roles/${role!.id}`);
    const select = page.getByLabel("Recording policy", { exact: true });
    await expect(select).toHaveValue("");
    await expect(select.locator("option").first()).toHaveText(/^Organisation default \((Inform only|Ask for consent|Never record)\)$/);
    await expect(select.locator("option")).toHaveText([/^Organisation default/, "Inform only", "Ask for consent", "Never record"]);
  });
});

test.describe("an interviewer's recording opt-out", () => {
  test.use({ account: LENA.email as `${string}@${string}` });

  test("an interviewer opts out on /account; the panel page shows it; an admin opts them back in", async ({ page, pageAs }) => {
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" }).click();
    await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
    const optOut = page.getByRole("checkbox", { name: "Do not record interviews I run" });
    await expect(optOut).not.toBeChecked();
    await expectAccessible(page, "/account (interviewer)");
    await optOut.check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Saved. Interviews you run are not recorded from now on.")).toBeVisible();
    await expect(optOut).toBeChecked();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Do not record interviews I run" })).toBeChecked();

    // The admin sees it on the panel page, and can set it back.
    const admin = await pageAs("admin");
    const [panel] = await queryDatabase<{ id: string }>("SELECT id FROM panels WHERE name = 'Product & design panel'");
    await admin.goto(`/settings/panels/${panel!.id}`);
    const card = admin.getByRole("region", { name: "Recording opt-outs" });
    const lena = card.getByRole("listitem", { name: LENA.name, exact: true });
    await expect(lena.getByText("Opted out", { exact: true })).toBeVisible();
    await expect(card.getByText("1 interviewer has opted out")).toBeVisible();
    const box = lena.getByRole("checkbox", { name: `Do not record ${LENA.name}'s interviews` });
    await expect(box).toBeChecked();
    await box.uncheck();
    await lena.getByRole("button", { name: `Save recording preference for ${LENA.name}` }).click();
    await expect(lena.getByText(`Saved. ${LENA.name}'s interviews are recorded again, as each role's policy says.`)).toBeVisible();
    await expect(box).not.toBeChecked();
    await admin.reload();
    await expect(admin.getByRole("region", { name: "Recording opt-outs" }).getByRole("listitem", { name: LENA.name, exact: true }).getByText("Recorded", { exact: true })).toBeVisible();

    const [row] = await queryDatabase<{ recording_opt_out: boolean }>("SELECT recording_opt_out FROM interviewers WHERE email = $1", [LENA.email]);
    expect(row?.recording_opt_out).toBe(false);
  });

  test("a user who is not an interviewer sees why there is nothing to set", async ({ pageAs }) => {
    const recruiter = await pageAs("recruiter");
    await recruiter.goto("/dashboard");
    await expect(recruiter.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toHaveCount(0);
    await recruiter.goto("/account");
    await expect(recruiter.getByText("No interviewer is linked to your account.")).toBeVisible();
    await expect(recruiter.getByRole("checkbox")).toHaveCount(0);
    await expectAccessible(recruiter, "/account (not an interviewer)");
  });
});
