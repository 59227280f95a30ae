/**
 * The whole hiring loop in one browser session (issue 15, "Done when"), against the built-in sandbox
 * and with nothing written behind the app's back:
 * - a candidate books two interviews for the Backend Engineer role on the careers page (one
 *   application, two interviewers of the Engineering panel, chosen by round robin);
 * - the admin runs both Notetakers from the /sandbox console; the evidence job maps each transcript
 *   to the role's demo scorecard, and the recap email to each interviewer lands in the Outbox;
 * - the first interviewer rates every competency, cites a transcript moment and submits;
 * - the second interviewer, before submitting, sees none of it on the candidate page (not in the
 *   HTML either); after submitting their own, they see both;
 * - the recruiter sees both feedbacks and the grid, and rejects with a reason.
 */
import type { Page } from "@playwright/test";
import { accountOf, expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, outboxEmail, queryDatabase, runSandboxNotetaker } from "./support";

test.use({ actionTimeout: 15_000 });

type Booked = { name: string; interviewId: string; hostEmail: string };

/** The interviews booked under `email` (not cancelled), once the app has processed their bookings. */
async function bookedInterviews(email: string, count: number): Promise<{ id: string; guestName: string; hostEmail: string }[]> {
  let rows: { id: string; guestName: string; hostEmail: string }[] = [];
  await expect
    .poll(
      async () => {
        rows = await queryDatabase<{ id: string; guestName: string; hostEmail: string }>(
          `SELECT id, guest_name AS "guestName", interviewer_email AS "hostEmail" FROM interviews
            WHERE guest_email = $1 AND status <> 'CANCELLED' AND interviewer_email IS NOT NULL ORDER BY created_at`,
          [email],
        );
        return rows.length;
      },
      { timeout: 30_000 },
    )
    .toBe(count);
  return rows;
}

/** The competencies of the interview's scorecard version, once the evidence job has mapped it. */
async function mappedCompetencies(interviewId: string): Promise<{ name: string; covered: boolean }[]> {
  let rows: { name: string; covered: boolean }[] = [];
  await expect
    .poll(
      async () => {
        const [row] = await queryDatabase<{ evidence: { name: string; covered: boolean }[] | null }>("SELECT competencies AS evidence FROM interview_evidence WHERE interview_id = $1", [interviewId]);
        rows = row?.evidence ?? [];
        return rows.length;
      },
      { timeout: 45_000, message: "the evidence job maps the transcript to the role's scorecard" },
    )
    .toBeGreaterThan(0);
  return rows.map((c) => ({ name: c.name, covered: c.covered }));
}

/** As the interviewer who ran it: rate every competency, cite a moment for a covered one, and submit. */
async function giveFeedback(page: Page, interviewId: string, takeaways: string, rating: "Yes" | "No"): Promise<void> {
  const competencies = await mappedCompetencies(interviewId);
  const covered = competencies.find((c) => c.covered);
  expect(covered, "the sample interview touches a competency").toBeTruthy();
  expect(
    competencies.some((c) => !c.covered),
    "and leaves one untouched",
  ).toBe(true);
  await page.goto(`/dashboard/interviews/${interviewId}#feedback`);
  const section = page.getByRole("region", { name: "Scorecard" });
  await expect(section.getByRole("region", { name: competencies.find((c) => !c.covered)!.name, exact: true }).getByText("Not covered")).toBeVisible({ timeout: 30_000 });

  // Cite a transcript moment as evidence for the covered competency.
  const card = section.getByRole("region", { name: covered!.name, exact: true });
  await card.getByRole("button", { name: `Cite a transcript moment for ${covered!.name}` }).click();
  const choice = card.getByRole("combobox", { name: `Transcript moment for ${covered!.name}` });
  await choice.selectOption((await choice.locator("option").nth(2).getAttribute("value"))!);
  await card.getByRole("button", { name: "Cite", exact: true }).click();
  await expect(card.getByRole("list", { name: `Moments cited for ${covered!.name}` }).getByRole("listitem")).toHaveCount(1);

  for (const c of competencies) await section.getByRole("radiogroup", { name: c.name, exact: true }).getByRole("radio", { name: rating, exact: true }).check();
  await section.getByRole("radiogroup", { name: "Overall recommendation" }).getByRole("radio", { name: rating, exact: true }).check();
  await section.getByRole("textbox", { name: "Key take-aways" }).fill(takeaways);
  await section.getByRole("button", { name: "Submit feedback" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Feedback submitted" })).toBeVisible();
}

test("two interviews for one candidate: both run from the console, feedback from each interviewer (blind until submitted), and the recruiter's decision", async ({ browser, pageAs }) => {
  test.setTimeout(300_000);
  const email = attemptEmail("jordan.loop");
  const names = ["Jordan Loop", "Jordan A Loop", "Jordan B Loop", "Jordan C Loop"].map(attempt);

  // Book until the two interviews have different interviewers (round robin usually gives that at
  // once; the first interviewer is busy at the first slot, so the second booking goes elsewhere).
  await bookOnCareersPage(browser, "backend-engineer", { name: names[0]!, email });
  let booked = await bookedInterviews(email, 1);
  for (let n = 1; new Set(booked.map((b) => b.hostEmail)).size < 2; n++) {
    expect(n, "four bookings without a second interviewer").toBeLessThan(names.length);
    await bookOnCareersPage(browser, "backend-engineer", { name: names[n]!, email });
    booked = await bookedInterviews(email, n + 1);
  }
  const first = booked[0]!;
  const second = booked.find((b) => b.hostEmail !== first.hostEmail)!;

  // The admin runs both interviews from the sandbox console.
  const admin = await pageAs("admin");
  const runs: Booked[] = [];
  for (const b of [first, second]) {
    const { debriefPath, hostEmail } = await runSandboxNotetaker(admin, b.guestName, "Run interview now");
    expect(debriefPath).toBe(`/dashboard/interviews/${b.id}`);
    runs.push({ name: b.guestName, interviewId: b.id, hostEmail });
  }
  const [a, b] = runs as [Booked, Booked];
  const [{ candidateId }] = (await queryDatabase<{ candidateId: string }>(`SELECT candidate_id AS "candidateId" FROM interviews WHERE id = $1`, [a.interviewId])) as [{ candidateId: string }];
  const candidatePath = `/dashboard/candidates/${candidateId}`;

  // The first interviewer's feedback.
  const takeawaysA = `Solid on reliability (${a.hostEmail}).`;
  const takeawaysB = `Wanted more on testing (${b.hostEmail}).`;
  await giveFeedback(await pageAs(accountOf(a.hostEmail)), a.interviewId, takeawaysA, "Yes");

  // The second interviewer has not submitted: none of it reaches them.
  const secondPage = await pageAs(accountOf(b.hostEmail));
  await secondPage.goto(candidatePath);
  const feedbackB = secondPage.getByRole("region", { name: "Feedback", exact: true });
  await expect(feedbackB.getByText("Submit your feedback to see your colleagues'")).toBeVisible();
  expect(await secondPage.content()).not.toContain(takeawaysA);
  await giveFeedback(secondPage, b.interviewId, takeawaysB, "No");
  await secondPage.goto(candidatePath);
  await expect(feedbackB.getByText(takeawaysA)).toBeVisible();
  await expect(feedbackB.getByText(takeawaysB)).toBeVisible();

  // The recruiter sees both, side by side, and rejects with a reason.
  const recruiter = await pageAs("recruiter");
  await recruiter.goto(candidatePath);
  const feedback = recruiter.getByRole("region", { name: "Feedback", exact: true });
  await expect(feedback.getByText(takeawaysA)).toBeVisible();
  await expect(feedback.getByText(takeawaysB)).toBeVisible();
  const grid = feedback.getByRole("table", { name: /^Ratings for Backend Engineer by competency/ });
  await expect(grid.getByRole("columnheader")).toHaveCount(3); // the competency column and one per interviewer
  await feedback.getByLabel("Stage", { exact: true }).selectOption({ label: "Rejected" });
  await feedback.getByRole("button", { name: "Save decision" }).click();
  await expect(feedback.getByText("Enter a rejection reason: it is kept with the decision.").first()).toBeVisible();
  await feedback.getByLabel("Rejection reason").fill("Testing practice below the bar.");
  await feedback.getByRole("button", { name: "Save decision" }).click();
  await expect(feedback.getByText("Decision saved: Rejected.")).toBeVisible();

  // The recap emails went through Nylas: the sandbox's Outbox lists one to each interviewer.
  const [{ name }] = (await queryDatabase<{ name: string }>("SELECT name FROM candidates WHERE id = $1", [candidateId])) as [{ name: string }];
  for (const run of runs) await outboxEmail(admin, `Debrief ready: ${name}, Backend Engineer`, run.hostEmail);
});
