/**
 * Recording consent in a browser (issue 16, DESIGN "Recording consent, retention and erasure"):
 * a role under "Ask for consent" asks the question in the real <NylasScheduling> on the careers
 * page ("No" selected until the candidate chooses), a candidate books choosing "No, do not
 * record", the app cancels the booking's Notetaker in the sandbox, and the recruiter's debrief
 * says "Not recorded: the candidate declined" with the consent record. The hole it closes: a
 * Notetaker joining an interview whose candidate said no.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, findDashboardRow, queryDatabase } from "./support";

const unique = (label: string) => attempt(`${label} ${Date.now().toString(36).slice(-5)}`);

/** A published role on the Engineering panel (Notetaker on, Google Meet), created on /settings/roles/new; its id and slug once Nylas has it. */
async function createRole(page: Page, title: string): Promise<{ id: string; slug: string }> {
  await page.goto("/settings/roles/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  const slug = await page.getByLabel("Slug", { exact: true }).inputValue();
  await page.getByLabel("Team", { exact: true }).fill("Engineering");
  await page.getByLabel("Location", { exact: true }).fill("Remote");
  await page.getByLabel("Summary", { exact: true }).fill("A role made by the recording consent end-to-end test.");
  await page.getByLabel("Description", { exact: true }).fill("What you will do:\n\n- Build things");
  // Options read "Engineering panel (3 interviewers)": chosen by the panel's name.
  const panel = page.getByLabel("Panel", { exact: true });
  await panel.selectOption((await panel.locator("option", { hasText: /^Engineering panel\b/ }).getAttribute("value"))!);
  await page.getByLabel("Published", { exact: true }).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/roles\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByRole("region", { name: "Nylas sync" }).getByText("Synced", { exact: true })).toBeVisible({ timeout: 30_000 });
  return { id: /\/settings\/roles\/([0-9a-f-]{36})/.exec(page.url())![1]!, slug };
}

test("a candidate who answers “No, do not record” is not recorded: the Notetaker is cancelled and the debrief says why", async ({ browser, pageAs }) => {
  test.setTimeout(180_000);
  const admin = await pageAs("admin");
  const title = unique("Consent Engineer");
  const role = await createRole(admin, title);

  // The role asks for consent (set directly; /settings/privacy is another page's test), and an
  // edit syncs its configuration with the question.
  await queryDatabase("UPDATE roles SET recording_policy = 'ASK_FOR_CONSENT' WHERE id = $1", [role.id]);
  await admin.goto(`/settings/roles/${role.id}`);
  await admin.getByLabel("Summary", { exact: true }).fill("Asks candidates before recording.");
  await admin.getByRole("button", { name: "Save", exact: true }).click();
  await expect(admin.getByText("Saved. Syncing with Nylas…")).toBeVisible();

  // The candidate, on the careers page: the question is there, required, with "No" selected.
  const candidate = attempt("Noah Consent");
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const scheduler = page.getByTestId("booking-scheduler");
    const no = scheduler.getByRole("radio", { name: /^No, do not record/ });
    const yes = scheduler.getByRole("radio", { name: /^Yes, record this interview/ });
    await expect(async () => {
      await page.goto(`/careers/${role.slug}`);
      const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
      await expect(firstTime).toBeVisible({ timeout: 45_000 });
      await firstTime.click();
      await scheduler.getByRole("button", { name: /^next$/i }).click();
      // Until the synced configuration is served, the form has no question: load it again.
      await expect(no).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 90_000 });
    await expect(scheduler.getByText("Recording consent")).toBeVisible();
    await expect(no).toBeChecked();
    await expect(yes).not.toBeChecked();
    await scheduler.getByLabel(/name/i).first().fill(candidate);
    await scheduler.getByLabel(/email/i).first().fill(attemptEmail("noah.consent"));
    // The candidate answers: first yes, then changes their mind.
    await yes.check();
    await no.check();
    await expect(yes).not.toBeChecked();
    await scheduler.getByRole("button", { name: /book now/i }).click();
    await expect(scheduler.getByText(/booking confirmed/i)).toBeVisible({ timeout: 30_000 });
  } finally {
    await context.close();
  }

  // The booking carried the answer, and the app cancelled its Notetaker in the sandbox.
  const email = attemptEmail("noah.consent");
  const [booking] = await queryDatabase<{ additional_fields: Record<string, unknown>; notetaker_id: string | null }>(
    "SELECT additional_fields, notetaker_id FROM sandbox_bookings WHERE guest_email = $1",
    [email],
  );
  expect(booking?.additional_fields).toMatchObject({ recording_consent: "No, do not record" });
  expect(booking?.notetaker_id).toMatch(/^[0-9a-f]{32}$/);
  await expect(async () => {
    const [notetaker] = await queryDatabase<{ deleted_at: Date | null }>("SELECT deleted_at FROM sandbox_notetakers WHERE id = $1", [booking!.notetaker_id]);
    expect(notetaker?.deleted_at).toBeTruthy();
  }).toPass({ timeout: 30_000 });

  // The recruiter's debrief says it will not be recorded, and why, with the consent record.
  const recruiter = await pageAs("recruiter");
  const row = await findDashboardRow(recruiter, candidate, async (r) => {
    await expect(r.getByText("Not recorded", { exact: true })).toBeVisible({ timeout: 1_000 });
  });
  await row.getByRole("link", { name: `Open the interview with ${candidate}`, exact: true }).click();
  await expect(recruiter.getByRole("heading", { name: `Interview with ${candidate}`, level: 1 })).toBeVisible();
  await expect(recruiter.getByText("Not recorded: the candidate declined")).toBeVisible();
  await expect(recruiter.getByText("No recording yet")).toHaveCount(0);
  const consent = recruiter.getByRole("region", { name: "Recording consent" });
  await expect(consent.getByText("Ask for consent", { exact: true })).toBeVisible();
  await expect(consent.getByText("No, do not record", { exact: true })).toBeVisible();
  await expect(consent.getByText(/Recording consent: "Yes, record this interview" or "No, do not record"\./)).toBeVisible();
  await expect(consent.locator("time")).toHaveCount(1);
});
