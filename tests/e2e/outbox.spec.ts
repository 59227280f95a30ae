/**
 * Outgoing email in the browser (DESIGN "Outgoing email", "Feedback due"): a candidate books on the
 * careers page, the admin runs the interview from the /sandbox console, and the console's Outbox
 * shows the recap the portal sent through Nylas's messages/send, to the interviewer (with the link to
 * the feedback form) and to the recruiter. Then the interview is moved two hours into the past (what
 * the clock would do), and the periodic reminder job (every 5 s in e2e: JOB_SCHEDULES in
 * playwright.config.ts) sends the interviewer's first "Feedback due" reminder, once.
 */
import { queryOnce } from "../../scripts/lib/pg-once";
import { expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, outboxEmail, queryDatabase, runSandboxNotetaker } from "./support";

const ROLE = "Backend Engineer";
/**
 * Moves the interview `hoursAgo` hours into the past (its end, and its start an hour before): the
 * spec's one write, standing in for the clock the reminders wait on.
 */
async function moveIntoThePast(interviewId: string, hoursAgo: number): Promise<void> {
  await queryOnce(process.env.E2E_DATABASE_URL!, "UPDATE interviews SET starts_at = now() - make_interval(hours => $2::int + 1), ends_at = now() - make_interval(hours => $2::int) WHERE id = $1", [
    interviewId,
    hoursAgo,
  ]);
}

test("the Outbox shows the recap sent to the interviewer and the recruiter, then the interviewer's feedback reminder", async ({ browser, pageAs, baseURL }) => {
  test.setTimeout(180_000);
  const candidate = attempt("Olive Outbox");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("olive.outbox") });
  const page = await pageAs("admin");
  const { debriefPath, hostEmail } = await runSandboxNotetaker(page, candidate, "Run interview now");
  const interviewId = debriefPath.split("/").pop()!;
  const debriefUrl = `${baseURL}${debriefPath}`;

  // The recap, once the debrief's summary and action items are stored: to the interviewer, with the
  // feedback form's link, and to the recruiter, with the debrief's.
  const recap = await outboxEmail(page, `Debrief ready: ${candidate}, ${ROLE}`, hostEmail);
  await expect(recap).toHaveCount(1);
  await expect(recap).toContainText("From");
  await expect(recap).toContainText("Northwind Recruiting <recruiting@northwind.example>");
  await expect(recap).toContainText(`The debrief for ${candidate}'s interview for ${ROLE}`);
  await expect(recap).toContainText("Summary");
  await expect(recap).toContainText("Action items");
  await expect(recap).toContainText(`Add your feedback <${debriefUrl}#feedback>`);
  await expect(recap).toContainText(`Open the debrief <${debriefUrl}>`);
  // The email's HTML is shown as text: no markup of it reaches the console.
  expect(await recap.locator("a, img, script, style, iframe").count()).toBe(0);

  const toRecruiter = await outboxEmail(page, `Debrief ready: ${candidate}, ${ROLE}`, "recruiter@example.com");
  await expect(toRecruiter).toContainText("Riley Chen <recruiter@example.com>");
  await expect(toRecruiter).toContainText(`Open the debrief <${debriefUrl}>`);
  await expect(toRecruiter).not.toContainText("#feedback");

  // Two hours after the end, with no feedback submitted: the first reminder, to the interviewer.
  await moveIntoThePast(interviewId, 2);
  const reminder = await outboxEmail(page, `Feedback due: ${candidate}, ${ROLE}`, hostEmail);
  await expect(reminder).toContainText(`Your feedback on ${candidate}'s interview for ${ROLE}`);
  await expect(reminder).toContainText(`Add your feedback <${debriefUrl}#feedback>`);
  // A deliberate observation window: the job runs every 5 s, and the next reminder is a day away.
  await page.waitForTimeout(11_000);
  await page.goto("/sandbox#outbox");
  await expect(reminder).toHaveCount(1);

  const emails = await queryDatabase<{ key: string; status: string }>("SELECT idempotency_key AS key, status::text FROM outgoing_emails WHERE interview_id = $1 ORDER BY idempotency_key", [
    interviewId,
  ]);
  // The interviewer's recap, one per recruiter, and the reminder: all sent.
  expect(emails.length).toBeGreaterThanOrEqual(3);
  expect(emails.filter((e) => e.status !== "SENT")).toEqual([]);
  expect(emails.map((e) => e.key)).toContain(`reminder:${interviewId}:1`);
  expect(emails.map((e) => e.key)).toContain(`recap:${interviewId}`);
});
