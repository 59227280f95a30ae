/**
 * Admin settings that drive Nylas (issue 7; DESIGN.md Decisions → "Settings"), in a browser
 * against the built-in sandbox. An admin creates panels and roles through the forms, and what
 * they save reaches Nylas: the careers page offers the new interview length, the Notetaker's
 * summary follows the new instructions (and the debrief names the settings version), a sync Nylas
 * refuses shows Nylas's own message with a Retry, and every change is on the audit page.
 *
 * Closes two holes as well: a recruiter reaching a settings page or calling a settings server
 * action directly (both answer 403), and a failed save losing what the admin typed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, listBookedEvents, runSandboxNotetaker } from "./support";

const LENA = { name: "Lena Fischer", email: "lena.fischer@northwind.example" };
const PRIYA = { name: "Priya Patel", email: "priya.patel@northwind.example" };

/** Unique per attempt and per run of the spec against one database (names and slugs are unique). */
const unique = (label: string) => attempt(`${label} ${Date.now().toString(36).slice(-5)}`);

// ───────────────────────────── Helpers: the forms ─────────────────────────────

async function addExistingInterviewer(page: Page, who: { name: string; email: string }) {
  await page.getByLabel("Add an existing interviewer").selectOption({ label: `${who.name} (${who.email})` });
  await page.getByRole("button", { name: "Add to panel" }).click();
}

/** Creates a panel on /settings/panels/new with the defaults (45 minutes, Google Meet, Notetaker on); returns its id. */
async function createPanel(page: Page, name: string, members: { name: string; email: string }[], newMembers: { name: string; email: string }[] = []): Promise<string> {
  await page.goto("/settings/panels/new");
  await expect(page.getByRole("heading", { name: "New panel", level: 1 })).toBeVisible();
  await page.getByLabel("Panel name").fill(name);
  for (const member of members) await addExistingInterviewer(page, member);
  for (const member of newMembers) {
    await page.getByRole("button", { name: "Add a new interviewer" }).click();
    const row = await page.getByRole("list", { name: "Interviewers, in round-robin order" }).getByRole("listitem").count();
    // Focus lands in the new row's name field.
    await expect(page.getByLabel(`Name, interviewer ${row}`, { exact: true })).toBeFocused();
    await page.keyboard.type(member.name);
    await page.getByLabel(`Email, interviewer ${row}`, { exact: true }).fill(member.email);
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/panels\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByText("Panel created.")).toBeVisible();
  return /\/settings\/panels\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Creates a role on /settings/roles/new on the given panel; returns its id and slug once Nylas has it (unless `expectSync` is false). */
async function createRole(page: Page, title: string, panelId: string, opts: { published: boolean; expectSync?: boolean }): Promise<{ id: string; slug: string }> {
  await page.goto("/settings/roles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  // The slug follows the title on a new role.
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();
  expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  expect(slug.startsWith(title.toLowerCase().split(" ")[0]!)).toBe(true);
  await page.getByLabel("Team", { exact: true }).fill("Engineering");
  await page.getByLabel("Location", { exact: true }).fill("Remote");
  await page.getByLabel("Summary", { exact: true }).fill("A role made by the settings end-to-end test.");
  await page.getByLabel("Description", { exact: true }).fill("What you will do:\n\n- Build things\n- Test them");
  await page.getByLabel("Panel", { exact: true }).selectOption(panelId);
  if (opts.published) await page.getByLabel("Published", { exact: true }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByText("Role created.")).toBeVisible();
  if (opts.expectSync !== false) await expect(page.getByRole("region", { name: "Nylas sync" }).getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
  return { id: /\/settings\/roles\/([0-9a-f-]{36})/.exec(page.url())![1]!, slug };
}

/** The role's row on /settings, once its sync badge reads `status` (the page polls while pending). */
async function expectRoleSync(page: Page, title: string, status: "Synced" | "Failed") {
  await page.goto("/settings");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(row.getByText(status, { exact: true })).toBeVisible({ timeout: 30_000 });
  return row;
}

/** Minutes between the two times of "10:00 AM - 10:30 AM" (or 24-hour "10:00 - 10:30"). */
function minutesBetween(range: string): number {
  const times = [...range.matchAll(/(\d{1,2}):(\d{2})\s*([AP]M)?/gi)].map(([, h, m, half]) => {
    const hour = (Number(h) % 12) + (half?.toUpperCase() === "PM" ? 12 : half ? 0 : Number(h) >= 12 ? 12 : 0);
    return hour * 60 + Number(m);
  });
  expect(times).toHaveLength(2);
  return (times[1]! - times[0]! + 24 * 60) % (24 * 60);
}

// ───────────────────────────── The tests ─────────────────────────────

// (a) The duration an admin saves is what Nylas offers: the careers page's booking component
// offers 30-minute interviews, books a 30-minute event, and the audit page shows 45 → 30.
// Every test here is an admin's, on `page`; others get a page of their own (pageAs).
test.use({ account: "admin" });

test("an admin changes a panel to 30 minutes: the careers page offers 30-minute interviews, and the audit log shows the change", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const panelName = unique("Duration panel");
  const title = unique("Duration Engineer");
  await page.goto("/settings");
  const panelId = await createPanel(page, panelName, [LENA]);
  const role = await createRole(page, title, panelId, { published: true });

  // Edit the panel: 45 → 30 minutes.
  await page.goto(`/settings/panels/${panelId}`);
  const duration = page.getByLabel("Duration (minutes)");
  await expect(duration).toHaveValue("45");
  await duration.fill("30");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. Syncing 1 role with Nylas…")).toBeVisible();
  await expectRoleSync(page, title, "Synced");

  // The careers page: the interview is 30 minutes, and so is the time the component offers.
  await page.goto(`/careers/${role.slug}`);
  await expect(page.getByRole("complementary", { name: "Interview details" })).toContainText("30 minutes");
  const scheduler = page.getByTestId("booking-scheduler");
  const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
  await expect(firstTime).toBeVisible({ timeout: 45_000 });
  await firstTime.click();
  await scheduler.getByRole("button", { name: /^next$/i }).click();
  const chosen = scheduler.locator("[part~='nsec__time']").first();
  await expect(chosen).toHaveText(/\d:\d{2}.*\d:\d{2}/);
  expect(minutesBetween((await chosen.textContent()) ?? "")).toBe(30);
  const guest = attempt("Thirty Minutes");
  await scheduler.getByLabel(/name/i).first().fill(guest);
  await scheduler.getByLabel(/email/i).first().fill(attemptEmail("thirty.minutes"));
  await scheduler.getByRole("button", { name: /book now/i }).click();
  await expect(scheduler.getByText(/booking confirmed/i)).toBeVisible({ timeout: 30_000 });
  const event = (await listBookedEvents(baseURL!, LENA.email)).find((e) => e.title === `Interview with ${guest}`);
  expect(event, "the booked event on the interviewer's calendar").toBeTruthy();
  expect(event!.when.end_time - event!.when.start_time).toBe(30 * 60);

  // The audit log: who, and the duration before and after (reached from the panel's History).
  await page.goto(`/settings/panels/${panelId}`);
  await page.getByRole("link", { name: "History" }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/audit\\?entity=panel&id=${panelId}$`));
  const entries = page
    .getByRole("list", { name: "Settings changes" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: `Panel ${panelName}` }) });
  await expect(entries).toHaveCount(2);
  const update = entries.first();
  await expect(update).toContainText("Updated");
  await expect(update).toContainText("by admin@example.com");
  const row = update.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Duration (minutes)", exact: true }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText("45");
  await expect(row.getByRole("cell").nth(1)).toHaveText("30");
  await expect(entries.last()).toContainText("Created");

  // The overview's audit filter lists it too.
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("navigation", { name: "Filter by what changed" }).getByRole("link", { name: "Panels" }).click();
  await expect(page).toHaveURL(/\/settings\/audit\?entity=panel$/);
  await expect(page.getByRole("heading", { name: `Panel ${panelName}` }).first()).toBeVisible();
});

// (b) Instructions drive the Notetaker: after "Summary instructions" change, an interview booked
// and run gets a summary organised by those instructions, and its debrief names version 2.
test("an admin changes the summary instructions: the next interview's summary follows them and the debrief names version 2", async ({ browser, page }) => {
  test.setTimeout(240_000);
  const panelName = unique("Instructions panel");
  const title = unique("Instructions Engineer");
  const instructions = "Focus on database scaling and testing strategy.";
  await page.goto("/settings");
  const panelId = await createPanel(page, panelName, [LENA]);
  const role = await createRole(page, title, panelId, { published: true });

  await page.goto(`/settings/panels/${panelId}`);
  const versionNote = page.getByRole("region", { name: "Notetaker settings" });
  await expect(versionNote).toContainText("Version 1");
  const field = page.getByLabel("Summary instructions");
  await expect(field).toHaveValue("");
  await field.fill(instructions);
  await expect(page.getByText(`${instructions.length} / 1,500 characters`)).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. Syncing 1 role with Nylas…")).toBeVisible();
  await expect(versionNote).toContainText("Version 2");
  await expect(versionNote).toContainText("by admin@example.com");
  await expectRoleSync(page, title, "Synced");

  const candidate = attempt("Ingrid Instructions");
  await bookOnCareersPage(browser, role.slug, { name: candidate, email: attemptEmail("ingrid.instructions") });
  const { debriefPath } = await runSandboxNotetaker(page, candidate, "Run interview now");
  await page.goto(debriefPath);
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(async () => {
    if (!(await summary.getByText(/^Summary of a /).isVisible())) await page.reload();
    await expect(summary.getByText(/^Summary of a /)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
  // One paragraph per instruction (quoted from the transcript, or "not discussed"), none of the generic summary's.
  await expect(summary).toContainText("Database scaling:");
  await expect(summary).toContainText("Testing strategy:");
  await expect(summary).not.toContainText("Key point:");

  const used = page.getByRole("region", { name: "Notetaker instructions" });
  await expect(used).toContainText(/Version 2\b/);
  await expect(used).toContainText(instructions);
});

// (c) Closes the hole of a settings page or action that forgets the ADMIN check: a recruiter gets
// the 403 page on every settings page and HTTP 403 from every settings server action, called
// directly by its id, as any signed-in user could.
test("a recruiter gets 403 on every settings page and every settings action", async ({ page: admin, pageAs, baseURL }) => {
  // Real ids, read by an admin, so the record pages are tested with records that exist.
  await admin.goto("/settings");
  const roleHref = await admin.getByRole("link", { name: "Backend Engineer", exact: true }).getAttribute("href");
  const panelHref = await admin.getByRole("link", { name: "Edit Engineering panel" }).getAttribute("href");
  const roleId = /\/settings\/roles\/([0-9a-f-]{36})$/.exec(roleHref ?? "")![1]!;
  const panelId = /\/settings\/panels\/([0-9a-f-]{36})$/.exec(panelHref ?? "")![1]!;
  // The action call below is well formed: the same request succeeds for an admin.
  const states = await callAction(admin, baseURL!, "getRoleSyncStatesAction", [[roleId]]);
  expect(states.status, "an admin's direct call of getRoleSyncStatesAction").toBe(200);

  const page = await pageAs("recruiter");
  const pages = [
    "/settings",
    "/settings/roles/new",
    `/settings/roles/${roleId}`,
    "/settings/panels/new",
    `/settings/panels/${panelId}`,
    "/settings/audit",
    "/settings/load",
    "/settings/webhooks",
    "/settings/jobs",
  ];
  for (const path of pages) {
    const response = await page.goto(path);
    expect.soft(response?.status(), `HTTP status of ${path} for a recruiter`).toBe(403);
    await expect.soft(page.getByRole("heading", { name: /don.t have access/i }), `the 403 page on ${path}`).toBeVisible();
  }

  const actions = settingsActions();
  for (const name of ["savePanelAction", "saveRoleAction", "setRolePublishedAction", "retryRoleSyncAction", "getRoleSyncStatesAction"]) {
    expect(
      actions.some((a) => a.exportedName === name),
      `${name} is in the build's server action manifest`,
    ).toBe(true);
  }
  const args: Record<string, unknown[]> = {
    savePanelAction: [panelId, { name: "Hijacked" }, null],
    saveRoleAction: [roleId, { title: "Hijacked" }, null],
    setRolePublishedAction: [roleId, false],
    retryRoleSyncAction: [roleId],
    getRoleSyncStatesAction: [[roleId]],
  };
  for (const action of actions) {
    const response = await callAction(page, baseURL!, action.exportedName, args[action.exportedName] ?? [], action);
    expect.soft(response.status, `HTTP status of ${action.filename} ${action.exportedName} for a recruiter`).toBe(403);
  }
  // Nothing was written: the role is still published.
  expect((await page.request.get("/careers/backend-engineer")).status()).toBe(200);
});

// (d) A failed save loses nothing: the invalid value, and everything else typed, stay in the form,
// with the error beside its field (aria-invalid, aria-describedby); fixing it and saving works.
test("a failed save keeps every edit and shows the errors in place", async ({ page }) => {
  const panelName = unique("Kept panel");
  await page.goto("/settings/panels/new");
  await page.getByLabel("Panel name").fill(panelName);
  await addExistingInterviewer(page, PRIYA);
  const duration = page.getByLabel("Duration (minutes)");
  await duration.fill("7");
  await page.getByLabel("Summary instructions").fill("Note how they reason about trade-offs.");
  await page.getByLabel("Action item instructions").fill("List promised references.");
  await page.getByRole("button", { name: "Save", exact: true }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Not saved." });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Duration (minutes): Duration must be a multiple of 5." })).toBeVisible();
  await expect(duration).toHaveAttribute("aria-invalid", "true");
  await expect(duration).toHaveAccessibleDescription(/Duration must be a multiple of 5\./);
  // Nothing lost.
  await expect(duration).toHaveValue("7");
  await expect(page.getByLabel("Panel name")).toHaveValue(panelName);
  await expect(page.getByLabel("Summary instructions")).toHaveValue("Note how they reason about trade-offs.");
  await expect(page.getByLabel("Action item instructions")).toHaveValue("List promised references.");
  await expect(page.getByRole("list", { name: "Interviewers, in round-robin order" }).getByRole("listitem")).toHaveCount(1);

  // The summary's link takes keyboard users to the field; fixing it clears the error.
  await summary.getByRole("link", { name: /Duration \(minutes\)/ }).press("Enter");
  await expect(duration).toBeFocused();
  await duration.fill("30");
  await expect(duration).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/panels\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByLabel("Duration (minutes)")).toHaveValue("30");
  await expect(page.getByLabel("Summary instructions")).toHaveValue("Note how they reason about trade-offs.");

  // On the saved panel, a new interviewer saved once is updated, not created again, by the next save.
  const newcomer = { name: attempt(`Kim Kept ${Date.now().toString(36).slice(-5)}`), email: attemptEmail(`kim.kept.${Date.now().toString(36).slice(-5)}`) };
  await page.getByRole("button", { name: "Add a new interviewer" }).click();
  await page.keyboard.type(newcomer.name);
  await page.getByLabel("Email, interviewer 2", { exact: true }).fill(newcomer.email);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. No role uses this panel yet.")).toBeVisible();
  await page.getByLabel("Duration (minutes)").fill("35");
  await expect(page.getByText("Unsaved changes.")).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. No role uses this panel yet.")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved." })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Duration (minutes)")).toHaveValue("35");
  await expect(page.getByLabel("Email, interviewer 2", { exact: true })).toHaveValue(newcomer.email);
  // Off the panel again (their calendar is not connected: the health check would flag them).
  await page.getByRole("button", { name: `Remove: ${newcomer.name}` }).click();
  await expect(page.getByRole("list", { name: "Interviewers, in round-robin order" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved. No role uses this panel yet.")).toBeVisible();

  // The role form: a slug already in use is refused beside the slug; the rest stays as typed.
  await page.goto("/settings/roles/new");
  await page.getByLabel("Title", { exact: true }).fill("Backend Engineer");
  await expect(page.getByLabel("Slug", { exact: true })).toHaveValue("backend-engineer");
  await page.getByLabel("Team", { exact: true }).fill("Platform");
  await page.getByLabel("Location", { exact: true }).fill("Berlin");
  await page.getByLabel("Summary", { exact: true }).fill("Run the platform.");
  await page.getByLabel("Description", { exact: true }).fill("Details.");
  await page.getByLabel("Panel", { exact: true }).selectOption({ label: "Engineering panel (3 interviewers)" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const slug = page.getByLabel("Slug", { exact: true });
  await expect(slug).toHaveAttribute("aria-invalid", "true");
  await expect(slug).toHaveAccessibleDescription(/already uses \/careers\/backend-engineer/);
  await expect(page.getByLabel("Team", { exact: true })).toHaveValue("Platform");
  await expect(page.getByLabel("Description", { exact: true })).toHaveValue("Details.");
  await slug.fill("backend-engineer-berlin");
  await expect(slug).not.toHaveAttribute("aria-invalid", "true");
});

// Two admins on one panel: the later save is refused instead of silently undoing the earlier one,
// and the refused admin keeps their edits.
test("a save over another admin's newer save is refused, and the edits stay in the form", async ({ page, pageAs }) => {
  const panelName = unique("Shared panel");
  await page.goto("/settings");
  const panelId = await createPanel(page, panelName, [PRIYA]);

  // Another admin, in a browser of their own.
  const other = await pageAs("admin");
  await other.goto(`/settings/panels/${panelId}`);
  await other.getByLabel("Buffer before (minutes)").fill("10");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  await expect(other.getByText("Saved. No role uses this panel yet.")).toBeVisible();

  // This tab still has the panel as it was before the other save.
  await page.getByLabel("Buffer after (minutes)").fill("25");
  await page.getByLabel("Action item instructions").fill("List every promised follow-up.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone saved this panel after you opened it." })).toBeVisible();
  await expect(page.getByLabel("Buffer after (minutes)")).toHaveValue("25");
  await expect(page.getByLabel("Action item instructions")).toHaveValue("List every promised follow-up.");
  await page.reload();
  await expect(page.getByLabel("Buffer before (minutes)")).toHaveValue("10");
  await expect(page.getByLabel("Buffer after (minutes)")).toHaveValue("15");
});

// The panel form by keyboard: members reorder with Move up / Move down (focus follows the row),
// dependent Notetaker toggles switch off with what they depend on, the title previews live.
test("the panel form works by keyboard: reorder members, Notetaker rules, event title preview", async ({ page }) => {
  const panelName = unique("Keyboard panel");
  await page.goto("/settings/panels/new");
  await page.getByLabel("Panel name").fill(panelName);
  await addExistingInterviewer(page, LENA);
  await addExistingInterviewer(page, PRIYA);
  const rows = page.getByRole("list", { name: "Interviewers, in round-robin order" }).getByRole("listitem");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAccessibleName("1. Lena Fischer");

  await page.getByRole("button", { name: "Move down: Lena Fischer" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows.nth(0)).toHaveAccessibleName("1. Priya Patel");
  await expect(rows.nth(1)).toHaveAccessibleName("2. Lena Fischer");
  // Lena is last now: focus moved to the button that can still move her.
  await expect(page.getByRole("button", { name: "Move up: Lena Fischer" })).toBeFocused();
  await expect(page.getByText("Lena Fischer moved to position 2 of 2.")).toBeAttached();

  // Notetaker: a transcript needs audio; a summary needs the transcript; the Notetaker needs a call.
  const transcript = page.getByRole("checkbox", { name: "Transcript" });
  const summaryBox = page.getByRole("checkbox", { name: "Summary", exact: true });
  await expect(transcript).toBeChecked();
  await page.getByRole("checkbox", { name: "Audio recording" }).uncheck();
  await expect(transcript).not.toBeChecked();
  await expect(transcript).toBeDisabled();
  await expect(summaryBox).toBeDisabled();
  await expect(page.getByLabel("Summary instructions")).toBeDisabled();
  await page.getByRole("checkbox", { name: "Audio recording" }).check();
  await expect(transcript).toBeEnabled();
  await page.getByLabel("Conferencing").selectOption({ label: "None" });
  await expect(page.getByRole("checkbox", { name: "Send a Notetaker to interviews" })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: "Send a Notetaker to interviews" })).not.toBeChecked();

  // Event title: the preview shows what the candidate's calendar will.
  await page.getByLabel("Duration (minutes)").fill("30");
  await page.getByLabel("Event title").fill("Chat with ${invitee} (${duration} min)");
  await expect(page.getByText("Chat with Jordan Rivera (30 min)")).toBeVisible();

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/panels\/[0-9a-f-]{36}\?saved=created$/);
  // Saved in the new order.
  await page.goto("/settings");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: panelName, level: 3 }) });
  await expect(card.getByRole("listitem")).toHaveText([/Priya Patel/, /Lena Fischer/]);
});

// Sync state: a panel naming an interviewer whose calendar is not connected is refused by Nylas;
// the role shows "Failed" with Nylas's own message, and Retry syncs it once the calendar is connected.
test("a sync Nylas refuses shows its message; Retry syncs once the cause is fixed", async ({ page }) => {
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36).slice(-5);
  const newcomer = { name: attempt(`Nia Newhire ${suffix}`), email: attemptEmail(`nia.newhire.${suffix}`) };
  const title = unique("Sync Engineer");
  await page.goto("/settings");
  const panelId = await createPanel(page, unique("Sync panel"), [LENA], [newcomer]);
  await createRole(page, title, panelId, { published: false, expectSync: false });

  const row = await expectRoleSync(page, title, "Failed");
  await expect(row).toContainText(`Failed to find a valid Grant for participant ${newcomer.email}`);

  // Connect the newcomer's calendar in the sandbox (what Nylas's hosted auth would do).
  await page.goto("/sandbox");
  const calendar = page.getByRole("list", { name: "Calendars" }).getByRole("listitem", { name: newcomer.name, exact: true });
  await calendar.getByRole("button", { name: /Connect calendar/ }).click();
  await expect(page.getByText(`Connected: ${newcomer.name}'s calendar is available for scheduling.`)).toBeVisible();

  await page.goto("/settings");
  await row.getByRole("button", { name: `Retry the Nylas sync of ${title}` }).click();
  await expect(row.getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row).not.toContainText("Failed to find a valid Grant");
});

// ───────────────────────────── Helpers: server actions ─────────────────────────────

type ManifestAction = { id: string; filename: string; exportedName: string; workers: string[] };

/** Every server action defined under app/settings/, from the build's manifest (the ids a browser would send). */
function settingsActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.filename?.startsWith("app/settings/") && a.exportedName)
    .map(([id, a]) => ({ id, filename: a.filename!, exportedName: a.exportedName!, workers: Object.keys(a.workers) }));
}

/** A page that bundles the action, as a URL: "app/settings/webhooks/page" → "/settings/webhooks". */
function pathForWorker(workers: string[]): string {
  const worker = workers.find((w) => !w.includes("[")) ?? workers[0] ?? "app/settings/page";
  return (
    worker
      .replace(/^app/, "")
      .replace(/\/page$/, "")
      .replace(/\/\([^/]+\)/g, "")
      .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000") || "/"
  );
}

/** POSTs a server action the way React does (Next-Action header, JSON-encoded arguments) with the page's cookies. */
async function callAction(page: Page, baseURL: string, exportedName: string, args: unknown[], known?: ManifestAction): Promise<{ status: number }> {
  const action = known ?? settingsActions().find((a) => a.exportedName === exportedName);
  expect(action, `${exportedName} in the server action manifest`).toBeTruthy();
  const response = await page.request.post(pathForWorker(action!.workers), {
    headers: { "Next-Action": action!.id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseURL },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return { status: response.status() };
}
