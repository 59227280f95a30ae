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
import { createHash, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { mapEvidence } from "@/lib/scorecards/evidence";
import { ZScorecard, type TCompetency } from "@/lib/scorecards/scorecard";
import { talkTime } from "@/lib/scorecards/talk-time";
import { queryOnce } from "../../scripts/lib/pg-once";
import { accountOf, expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, queryDatabase, runSandboxNotetaker } from "./support";

/**
 * A scorecard for the backend engineer sample interview, used only when the role brings none: the
 * sample touches the first two competencies and leaves the third untouched.
 */
const FALLBACK_SCORECARD: TCompetency[] = [
  { key: "reliability", name: "Reliability", good: "Designs for failure: retries, idempotency, a way back.", cues: ["exponential backoff", "retries", "dead state"] },
  { key: "communication", name: "Communication", good: "Explains trade-offs plainly.", cues: ["design document", "trade-off"] },
  { key: "frontend-craft", name: "Frontend craft", good: "Builds accessible interfaces.", cues: ["css grid", "screen reader"] },
];

const HOSTILE_NOTES = `Handled retries well <img src=x onerror="window.__feedbackPwned=1"> and <script>window.__feedbackPwned=2</script>`;

type Competency = { key: string; name: string; covered: boolean };

/** Writes to this run's database (the fallback scorecard and evidence, when the app has not made them). */
function writeDatabase(sql: string, params: unknown[]): Promise<unknown> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  return queryOnce(url, sql, params);
}

/**
 * The interview's evidence, as the evidence job stores it. When the role has a scorecard (the
 * interview carries its version), the job maps the stored transcript: wait for it. Otherwise store
 * what the job would — a scorecard version, the mapped evidence and talk time, computed with the
 * app's own mappers over the stored transcript — so the debrief has a scorecard to show.
 */
async function ensureEvidence(interviewId: string): Promise<Competency[]> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const [row] = await queryDatabase<{ versionId: string | null; competencies: unknown; evidence: { key: string; covered: boolean }[] | null }>(
      `SELECT v.scorecard_version_id AS "versionId", s.competencies, e.competencies AS evidence
         FROM interviews v LEFT JOIN scorecard_versions s ON s.id = v.scorecard_version_id LEFT JOIN interview_evidence e ON e.interview_id = v.id
        WHERE v.id = $1`,
      [interviewId],
    );
    if (row?.evidence) {
      const names = new Map(ZScorecard.parse({ competencies: row.competencies }).competencies.map((c) => [c.key, c.name]));
      return row.evidence.map((e) => ({ key: e.key, name: names.get(e.key) ?? e.key, covered: e.covered }));
    }
    if (!row?.versionId) break;
    if (Date.now() > deadline) throw new Error("The evidence job did not map the transcript within 45 s");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const [interview] = await queryDatabase<{ roleId: string; host: string }>(
    `SELECT a.role_id AS "roleId", i.name AS host FROM interviews v JOIN applications a ON a.id = v.application_id JOIN interviewers i ON i.id = v.interviewer_id WHERE v.id = $1`,
    [interviewId],
  );
  const segments = (
    await queryDatabase<{ position: number; speaker: string | null; startMs: number | null; endMs: number | null; text: string }>(
      `SELECT position, speaker, start_ms AS "startMs", end_ms AS "endMs", text FROM transcript_segments WHERE interview_id = $1 ORDER BY position`,
      [interviewId],
    )
  ).map((s) => ({ ...s, position: Number(s.position) }));
  expect(segments.length, "the stored transcript").toBeGreaterThan(5);
  const versionId = randomUUID();
  const json = JSON.stringify(FALLBACK_SCORECARD);
  await writeDatabase(
    `INSERT INTO scorecard_versions (id, role_id, version, competencies, content_hash)
     SELECT $1, $2, coalesce(max(version), 0) + 1, $3::jsonb, $4 FROM scorecard_versions WHERE role_id = $2`,
    [versionId, interview!.roleId, json, createHash("sha256").update(json).digest("hex")],
  );
  const evidence = mapEvidence({ scorecard: { competencies: FALLBACK_SCORECARD }, segments, summary: null, actionItems: [], ignoreSpeakers: [interview!.host] });
  await writeDatabase(`INSERT INTO interview_evidence (interview_id, scorecard_version_id, competencies, covered_count, input_hash) VALUES ($1, $2, $3::jsonb, $4, 'e2e')`, [
    interviewId,
    versionId,
    JSON.stringify(evidence),
    evidence.filter((c) => c.covered).length,
  ]);
  await writeDatabase(`UPDATE interviews SET scorecard_version_id = $2, talk_time = $3::jsonb WHERE id = $1`, [
    interviewId,
    versionId,
    JSON.stringify(talkTime(segments, { interviewerSpeakers: [interview!.host] })),
  ]);
  return evidence.map((e) => ({ key: e.key, name: FALLBACK_SCORECARD.find((c) => c.key === e.key)!.name, covered: e.covered }));
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
