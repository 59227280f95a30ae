/**
 * A role's scorecard on /settings/roles/<id> (issue 15, DESIGN "Scorecards and feedback"), in a
 * browser: an admin builds it with the keyboard alone (add, type, move, save), each save that
 * changes it makes a new version, the audit log shows what changed, a competency without cues is
 * refused with the error at its field and nothing typed is lost, and markup in a competency's name
 * stays text everywhere it is shown.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { armPage, expectNoUnescapedMarkup, expectNothingRan, XSS_PAYLOADS } from "./hostile-arbitraries";
import { attempt } from "./support";

test.use({ account: "admin" });

const unique = (label: string) => attempt(`${label} ${Date.now().toString(36).slice(-5)}`);

/** Creates a draft role on the Product & design panel from /settings/roles/new; returns its path. */
async function createRole(page: Page, title: string, fill: (page: Page) => Promise<void>): Promise<string> {
  await page.goto("/settings/roles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Team", { exact: true }).fill("Design");
  await page.getByLabel("Location", { exact: true }).fill("Remote");
  await page.getByLabel("Summary", { exact: true }).fill("A role made by the scorecard end-to-end test.");
  await page.getByLabel("Description", { exact: true }).fill("Design things.");
  await page.getByLabel("Panel", { exact: true }).selectOption({ label: "Product & design panel (2 interviewers)" });
  await fill(page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/[0-9a-f-]{36}\?saved=created$/);
  return new URL(page.url()).pathname;
}

const scorecard = (page: Page) => page.getByRole("group", { name: "Scorecard" });
const competencyNames = (page: Page) => scorecard(page).getByRole("list", { name: "Competencies, in order" }).getByRole("listitem");

test("an admin builds a scorecard with the keyboard, saves version 2, and the audit log shows the change", async ({ page }) => {
  const dialogs = await armPage(page);
  const hostileName = `${XSS_PAYLOADS[1]} Craft`;
  const rolePath = await createRole(page, unique("Scorecard Designer"), async (p) => {
    // A new role starts without a scorecard.
    await expect(p.getByRole("heading", { name: "Scorecard", level: 2 })).toBeVisible();
    await expect(scorecard(p)).toContainText("No scorecard yet.");
    await p.getByRole("button", { name: "Add a competency" }).click();
    await expect(p.getByLabel("Competency name, competency 1", { exact: true })).toBeFocused();
    await p.keyboard.type(hostileName);
    await p.getByLabel("Listen for, competency 1", { exact: true }).fill("large buttons\nfirst version");
  });
  await expect(page.getByText("Role created.")).toBeVisible();
  await expect(scorecard(page)).toContainText("Scorecard version 1, saved");
  await expect(scorecard(page)).toContainText("by admin@example.com");
  // The name is shown as typed: text, not markup.
  await expect(page.getByLabel("Competency name, competency 1", { exact: true })).toHaveValue(hostileName);
  await expect(competencyNames(page).first()).toHaveAccessibleName(`1. ${hostileName}`);

  // Keyboard only: add a second competency, fill it, move it to the top, save with Enter.
  await page.getByRole("button", { name: "Add a competency" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Competency name, competency 2", { exact: true })).toBeFocused();
  await page.keyboard.type("User research");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What good looks like, competency 2", { exact: true })).toBeFocused();
  await page.keyboard.type("Goes where the work happens.");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Listen for, competency 2", { exact: true })).toBeFocused();
  await page.keyboard.type("shadowed");
  await page.keyboard.press("Enter");
  await page.keyboard.type("sticky notes");
  await page.getByRole("button", { name: "Move up: User research" }).focus();
  await page.keyboard.press("Enter");
  await expect(competencyNames(page)).toHaveCount(2);
  await expect(competencyNames(page).first()).toHaveAccessibleName("1. User research");
  // At the top its "Move up" cannot move it further: focus is on the button that still can.
  await expect(page.getByRole("button", { name: "Move down: User research" })).toBeFocused();
  await page.getByRole("button", { name: "Save", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Saved. New bookings use scorecard version 2. Syncing with Nylas…")).toBeVisible();
  await expect(scorecard(page)).toContainText("Scorecard version 2, saved");
  await expect(page.getByLabel("Competency name, competency 1", { exact: true })).toHaveValue("User research");
  await expect(page.getByLabel("Listen for, competency 1", { exact: true })).toHaveValue("shadowed\nsticky notes");

  // The audit log, from the role's History: the version, the new competency and the new order.
  await page.getByRole("link", { name: "History" }).click();
  const update = page.getByRole("listitem").filter({ hasText: "Updated" }).first();
  const row = (label: string) => update.getByRole("row").filter({ has: page.getByRole("rowheader", { name: label, exact: true }) });
  await expect(row("Scorecard version").getByRole("cell").nth(0)).toHaveText("1");
  await expect(row("Scorecard version").getByRole("cell").nth(1)).toHaveText("2");
  await expect(row("Competency: User research").getByRole("cell").nth(1)).toContainText("Listen for: shadowed; sticky notes");
  await expect(row("Scorecard (competencies in order)").getByRole("cell").nth(0).getByRole("listitem")).toHaveText([hostileName]);
  await expect(row("Scorecard (competencies in order)").getByRole("cell").nth(1).getByRole("listitem")).toHaveText(["User research", hostileName]);

  // Markup in the name never ran, and never reached a page unescaped.
  for (const p of [rolePath, "/settings/audit"]) {
    const res = await page.request.get(p);
    expect(res.status(), p).toBe(200);
    expectNoUnescapedMarkup(await res.text(), p);
  }
  await page.goto(rolePath);
  await expectNothingRan(page, dialogs, rolePath);
});

test("a competency without cues is refused at its field, nothing typed is lost, and removing it saves nothing new", async ({ page }) => {
  const rolePath = await createRole(page, unique("Scorecard Critic"), async (p) => {
    await p.getByRole("button", { name: "Add a competency" }).click();
    await p.keyboard.type("Handling critique");
    await p.getByLabel("Listen for, competency 1", { exact: true }).fill("fair criticism");
  });
  await expect(scorecard(page)).toContainText("Scorecard version 1");

  await page.getByRole("button", { name: "Add a competency" }).click();
  await page.keyboard.type("Accessibility");
  await page.getByLabel("What good looks like, competency 2", { exact: true }).fill("Designs for everyone.");
  await page.getByLabel("Listen for, competency 2", { exact: true }).fill("  \n x ");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  // The summary links to the field; the error sits beside it, and every value is as typed.
  const summary = page.getByRole("alert").filter({ hasText: "Some fields need attention." });
  await expect(summary).toBeVisible();
  await summary.getByRole("link", { name: /Competency 2, listen for/ }).click();
  const cues = page.getByLabel("Listen for, competency 2", { exact: true });
  await expect(cues).toBeFocused();
  await expect(cues).toHaveAttribute("aria-invalid", "true");
  await expect(cues).toHaveAccessibleDescription(/“x”: A cue must be at least 2 characters\./);
  await expect(cues).toHaveValue("  \n x ");
  await expect(page.getByLabel("What good looks like, competency 2", { exact: true })).toHaveValue("Designs for everyone.");
  await expect(scorecard(page)).toContainText("Scorecard version 1");

  // Removing the row (from the keyboard) puts the scorecard back as saved: nothing to save.
  await page.getByRole("button", { name: "Remove: Accessibility" }).focus();
  await page.keyboard.press("Enter");
  await expect(competencyNames(page)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Remove: Handling critique" })).toBeFocused();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("No changes to save.")).toBeVisible();
  await page.goto(rolePath);
  await expect(scorecard(page)).toContainText("Scorecard version 1");
});
