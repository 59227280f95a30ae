/**
 * The interviewer's feedback on the debrief (DESIGN "Feedback UI contract", issue 15), in Chromium
 * against the built-in sandbox: a candidate books the backend engineer role, the admin runs its
 * Notetaker, and the interviewer who ran it opens the debrief — the "Scorecard" section with each
 * competency's evidence (a moment's time plays the recording; "Not covered" where nothing matched)
 * and the form around it. They rate (from the keyboard), cite a transcript moment, drop a
 * suggestion, type notes with markup in them, reload (the draft survived), submit ("Feedback
 * submitted"), then edit and submit again ("Edited", with the history). The recruiter reads it
 * read-only, the markup as text; the talk time shows on the debrief and on /settings/load.
 *
 * Holes it closes: a draft lost on reload; markup in notes run as HTML; a recruiter offered the
 * form.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { ZScorecard } from "@/lib/scorecards/scorecard";
import { accountOf, expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, queryDatabase, runSandboxNotetaker } from "./support";

const HOSTILE_NOTES = `Handled retries well <img src=x onerror="window.__feedbackPwned=1"> and <script>window.__feedbackPwned=2</script>`;

type Competency = { key: string; name: string; covered: boolean };

/** The interview's evidence, once the evidence job has mapped its stored transcript to the role's scorecard. */
async function ensureEvidence(interviewId: string): Promise<Competency[]> {
  let competencies: Competency[] = [];
  await expect
    .poll(
      async () => {
        const [row] = await queryDatabase<{ competencies: unknown; evidence: { key: string; covered: boolean }[] | null }>(
          `SELECT s.competencies, e.competencies AS evidence
             FROM interviews v JOIN scorecard_versions s ON s.id = v.scorecard_version_id LEFT JOIN interview_evidence e ON e.interview_id = v.id
            WHERE v.id = $1`,
          [interviewId],
        );
        if (!row?.evidence) return 0;
        const names = new Map(ZScorecard.parse({ competencies: row.competencies }).competencies.map((c) => [c.key, c.name]));
        competencies = row.evidence.map((e) => ({ key: e.key, name: names.get(e.key) ?? e.key, covered: e.covered }));
        return competencies.length;
      },
      { timeout: 45_000, message: "the evidence job maps the transcript to the demo role's scorecard" },
    )
    .toBeGreaterThan(0);
  return competencies;
}

/** The debrief's scorecard parts, found the way a person finds them. */
function scorecard(page: Page) {
  const section = page.getByRole("region", { name: "Scorecard" });
  return {
    section,
    competency: (name: string) => section.getByRole("region", { name, exact: true }),
    rating: (name: string) => section.getByRole("radiogroup", { name, exact: true }),
    overall: section.getByRole("radiogroup", { name: "Overall recommendation" }),
    takeaways: section.getByRole("textbox", { name: "Key take-aways" }),
    submit: section.getByRole("button", { name: "Submit feedback" }),
  };
}

/** Waits (reloading) until the debrief shows the transcript and the scorecard's evidence. */
async function openDebrief(page: Page, path: string, firstCompetency: string) {
  await page.goto(path);
  const s = scorecard(page);
  await expect(async () => {
    if (!(await s.competency(firstCompetency).getByRole("heading", { name: "Evidence" }).isVisible())) await page.reload();
    await expect(page.getByRole("list", { name: "Transcript lines" }).getByRole("button").nth(3)).toBeVisible({ timeout: 2_000 });
    await expect(s.competency(firstCompetency).getByRole("heading", { name: "Evidence" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
  return s;
}

const currentTime = (page: Page) =>
  page
    .getByRole("region", { name: "Recording" })
    .locator("video")
    .evaluate((v: HTMLVideoElement) => v.currentTime);

/** Serious or critical axe findings (WCAG 2.1 AA) inside the feedback form, as it is now. */
async function axeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).include("#feedback").analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function secondsOf(button: Locator): Promise<number> {
  const [m, s] = ((await button.textContent()) ?? "")
    .replace(/[^\d:]/g, "")
    .split(":")
    .map(Number) as [number, number];
  return m * 60 + s;
}

// A stuck click or fill fails at its own line rather than at the test's timeout.
test.use({ actionTimeout: 15_000 });

test("the interviewer rates, cites a moment, keeps a draft across a reload, submits, then edits; the recruiter reads it as text", async ({ browser, pageAs }) => {
  test.setTimeout(180_000);
  const candidate = attempt("Fiona Feedback");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("fiona.feedback") });
  const { debriefPath, hostEmail } = await runSandboxNotetaker(await pageAs("admin"), candidate, "Run interview now");
  const interviewId = debriefPath.split("/").pop()!;
  // The Notetaker's transcript must be stored before evidence can exist.
  await expect
    .poll(async () => Number((await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM transcript_segments WHERE interview_id = $1", [interviewId]))[0]?.n), { timeout: 45_000 })
    .toBeGreaterThan(5);
  const competencies = await ensureEvidence(interviewId);
  const covered = competencies.find((c) => c.covered)!;
  expect(covered, "a competency the sample interview touches").toBeTruthy();
  expect(
    competencies.some((c) => !c.covered),
    "a competency the sample interview leaves untouched",
  ).toBe(true);

  const page = await pageAs(accountOf(hostEmail));
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const s = await openDebrief(page, debriefPath, covered.name);
  const card = s.competency(covered.name);

  // Evidence: quotes with their speaker and cue; an untouched competency says "Not covered".
  await expect(card.getByText(/^Matched the cue/).first()).toBeVisible();
  await expect(s.competency(competencies.find((c) => !c.covered)!.name).getByText("Not covered")).toBeVisible();
  await expect(page.getByRole("form", { name: "Your feedback" })).toHaveAttribute("id", "feedback");
  await expect(s.section.getByRole("status").filter({ hasText: "Not submitted yet" })).toBeVisible();

  // A moment's time plays the recording from there.
  const moment = card
    .getByRole("list", { name: `Evidence for ${covered.name}` })
    .getByRole("button", { name: /^Play from \d+:\d{2}$/ })
    .first();
  const at = await secondsOf(moment);
  await moment.click();
  await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(at - 0.1);
  expect(await currentTime(page)).toBeLessThan(at + 3);

  // Rate the first competency from the keyboard: focus a radio, arrows move through the scale.
  const first = s.rating(covered.name);
  await first.getByRole("radio", { name: "Strong no" }).focus();
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await expect(first.getByRole("radio", { name: "Strong yes" })).toBeChecked();
  await expect(first.getByRole("radio")).toHaveCount(4);
  for (const label of ["Strong no", "No", "Yes", "Strong yes"]) await expect(first.getByRole("radio", { name: label, exact: true })).toHaveCount(1);

  // Cite a transcript moment, keyboard only: open the choice, pick a line, press Cite.
  const lines = page.getByRole("list", { name: "Transcript lines" }).getByRole("button");
  const citedLine = ((await lines.nth(3).textContent()) ?? "").replace(/^.*?\d+:\d{2}/, "").trim();
  await card.getByRole("button", { name: `Cite a transcript moment for ${covered.name}` }).focus();
  await page.keyboard.press("Enter");
  const choice = card.getByRole("combobox", { name: `Transcript moment for ${covered.name}` });
  await expect(choice).toBeFocused();
  const option = await choice.locator("option").nth(3).getAttribute("value");
  await choice.selectOption(option!);
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "Cite", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  const cited = card.getByRole("list", { name: `Moments cited for ${covered.name}` });
  await expect(cited.getByRole("listitem")).toHaveCount(1);
  await expect(cited).toContainText(citedLine.slice(0, 40));

  // Drop a suggestion; notes with markup in them.
  await card
    .getByRole("button", { name: /^Drop / })
    .first()
    .click();
  await expect(card.getByText("Dropped", { exact: true })).toHaveCount(1);
  await card.getByRole("textbox", { name: `Notes on ${covered.name}` }).fill(HOSTILE_NOTES);
  await expect(s.section.getByText("Draft saved", { exact: true })).toBeVisible();

  // Submitting with a competency unrated: refused with the reason, nothing lost.
  const unrated = competencies.filter((c) => c.key !== covered.key);
  await s.submit.click();
  const summary = page.getByRole("alert").filter({ hasText: "Some answers need attention" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: `${unrated[0]!.name}: Rate this competency.` })).toBeVisible();
  await summary.getByRole("link", { name: `${unrated[0]!.name}: Rate this competency.` }).click();
  await expect(s.rating(unrated[0]!.name)).toBeFocused();
  expect(await axeFindings(page), "axe on the form with its errors").toEqual([]);
  await expect(s.section.getByRole("status").filter({ hasText: "Not submitted yet" })).toBeVisible();

  // The draft survives a reload.
  await page.reload();
  await expect(s.rating(covered.name).getByRole("radio", { name: "Strong yes" })).toBeChecked();
  await expect(card.getByRole("textbox", { name: `Notes on ${covered.name}` })).toHaveValue(HOSTILE_NOTES);
  await expect(cited.getByRole("listitem")).toHaveCount(1);
  await expect(card.getByText("Dropped", { exact: true })).toHaveCount(1);
  await expect(s.section.getByText(/^Draft saved/)).toBeVisible();

  // Rate the rest, recommend, and submit from the keyboard.
  for (const competency of unrated) await s.rating(competency.name).getByRole("radio", { name: "Yes", exact: true }).check();
  await s.overall.getByRole("radio", { name: "Yes", exact: true }).check();
  await s.takeaways.fill("Strong on reliability; explain the second region next time.");
  await s.submit.focus();
  await page.keyboard.press("Enter");
  await expect(s.section.getByRole("status").filter({ hasText: "Feedback submitted" })).toBeVisible();
  await expect(s.section.getByText("Edited", { exact: true })).toHaveCount(0);

  // Edit after submission: submitted again, marked edited, with its history.
  await s.overall.getByRole("radio", { name: "Strong yes" }).check();
  await s.submit.click();
  await expect(s.section.getByText("Edited", { exact: true })).toBeVisible();
  await expect(s.section.getByText("History (2 submissions)")).toBeVisible();
  expect(await axeFindings(page), "axe on the submitted, edited form").toEqual([]);
  const [feedback] = await queryDatabase<{ revision: number; overall: string; revisions: string; draft: unknown }>(
    `SELECT f.revision, f.overall_recommendation AS overall, f.draft, (SELECT count(*) FROM feedback_revisions r WHERE r.feedback_id = f.id) AS revisions FROM feedback f WHERE f.interview_id = $1`,
    [interviewId],
  );
  expect(feedback).toMatchObject({ revision: 2, overall: "STRONG_YES", revisions: "2", draft: null });

  // Talk time on the debrief: each speaker's share, the interviewer's share, questions asked.
  const talk = page.getByRole("region", { name: "Talk time" });
  await expect(talk.getByRole("list", { name: "Share of the talking, by speaker" }).getByRole("listitem")).toHaveCount(2);
  await expect(talk.getByText(/^\d+%$/).first()).toBeVisible();
  await expect(talk.getByText("Questions asked")).toBeVisible();

  // The recruiter reads the submitted feedback, markup as text, and gets no form.
  const recruiter = await pageAs("recruiter");
  await recruiter.goto(debriefPath);
  const read = scorecard(recruiter);
  const submitted = read.section.getByRole("article");
  await expect(submitted.getByRole("heading", { name: /^Feedback from / })).toBeVisible();
  await expect(submitted.getByText(HOSTILE_NOTES, { exact: true }).first()).toBeVisible();
  await expect(submitted.getByText("Strong yes").first()).toBeVisible();
  await expect(read.submit).toHaveCount(0);
  expect(await recruiter.evaluate(() => (window as { __feedbackPwned?: number }).__feedbackPwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as { __feedbackPwned?: number }).__feedbackPwned)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Coaching: the interviewer's averages on /settings/load.
  const admin = await pageAs("admin");
  await admin.goto("/settings/load");
  const table = admin.getByRole("table", { name: /^Talk time per interviewer/ });
  const hostName = (await queryDatabase<{ name: string }>("SELECT name FROM interviewers WHERE email = $1", [hostEmail]))[0]!.name;
  await expect(table.getByRole("rowheader", { name: hostName })).toBeVisible();
});
