/**
 * Everyone's feedback and the decision on the candidate page, in Chromium (issue 15):
 * - A recruiter opens a candidate two interviewers have given feedback on: both feedbacks (hostile
 *   take-aways render as text), who recommended what, and the competencies × interviewers grid.
 *   "Rejected" without a reason is refused with the error at the reason (nothing saved); with a
 *   reason, "Save decision" saves the stage and the page shows it and the audited decision.
 * - The third interviewer, who has not submitted, sees none of the colleagues' feedback, no
 *   decision control, and a link to their own due feedback form; their dashboard starts with it.
 * - The dashboard's Stage filter lists only interviews of applications at that stage.
 * Closes the holes of a blind interviewer reading colleagues' feedback in the HTML, a decision
 * saved without its reason, and stored XSS through feedback text. Each page passes axe (WCAG 2.1 AA).
 *
 * The feedback, scorecard and evidence rows are written with Prisma, as the debrief's form and the
 * evidence job would store them (those have their own specs).
 */
import { randomUUID } from "node:crypto";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures/auth";
import { ENGINEERING_PANEL, queryDatabase } from "./support";

test.describe.configure({ mode: "serial" });

const [SARAH, MARCUS, PRIYA] = ENGINEERING_PANEL as [string, string, string];
const HOSTILE = `<script>window.__feedbackXss = 1</script><img src=x onerror="window.__feedbackXss = 2">`;
const SARAH_TAKEAWAYS = `${HOSTILE} Clear, well-reasoned system design.`;
const MARCUS_TAKEAWAYS = "Struggled to say how they would test the change.";
const HOUR_MS = 3_600_000;

let prisma: PrismaClient;

test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  prisma = createPrisma(url);
});

test.afterAll(async () => {
  await prisma?.$disconnect();
});

/** A candidate with an application to `slug`, and an interview with each interviewer that ended `hoursAgo`. */
async function createCandidate(name: string, slug: string, interviews: { email: string; hoursAgo: number }[], scorecardVersionId: string | null = null) {
  // The name carries a random part already: unique per run and per attempt.
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.org`;
  const role = await prisma.role.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const candidate = await prisma.candidate.create({ data: { name, email, emailRaw: email, timezone: "Europe/Paris" }, select: { id: true } });
  const application = await prisma.application.create({ data: { candidateId: candidate.id, roleId: role.id }, select: { id: true } });
  const ids: string[] = [];
  for (const interview of interviews) {
    const interviewer = await prisma.interviewer.findUniqueOrThrow({ where: { email: interview.email }, select: { id: true } });
    const endsAt = new Date(Date.now() - interview.hoursAgo * HOUR_MS);
    const row = await prisma.interview.create({
      data: {
        bookingId: randomUUID(),
        candidateId: candidate.id,
        applicationId: application.id,
        interviewerId: interviewer.id,
        interviewerEmail: interview.email,
        guestName: name,
        guestEmail: email,
        startsAt: new Date(endsAt.getTime() - 45 * 60_000),
        endsAt,
        status: "COMPLETED",
        completedAt: endsAt,
        scorecardVersionId,
      },
      select: { id: true },
    });
    ids.push(row.id);
  }
  return { candidateId: candidate.id, applicationId: application.id, interviewIds: ids };
}

/** The role's next scorecard version: system design, testing, communication. */
async function createScorecard(slug: string): Promise<string> {
  const role = await prisma.role.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const last = await prisma.scorecardVersion.findFirst({ where: { roleId: role.id }, orderBy: { version: "desc" }, select: { version: true } });
  const competencies = [
    { key: "decision-system-design", name: "System design", good: "Weighs trade-offs.", cues: ["trade-off"] },
    { key: "decision-testing", name: "Testing", good: "Tests first.", cues: ["unit test"] },
    { key: "decision-communication", name: "Communication", good: "Clear.", cues: ["explain"] },
  ];
  const version = await prisma.scorecardVersion.create({ data: { roleId: role.id, version: (last?.version ?? 0) + 1, competencies, contentHash: randomUUID() }, select: { id: true } });
  return version.id;
}

/** Submitted feedback as the debrief's form stores it; `isEdited`: submitted a second time. */
type FeedbackFields = { recommendation: "STRONG_NO" | "NO" | "YES" | "STRONG_YES"; takeaways: string; ratings: Record<string, string>; isEdited?: boolean };

async function submitFeedback(interviewId: string, authorEmail: string, applicationId: string, fields: FeedbackFields) {
  const author = await prisma.user.findUniqueOrThrow({ where: { email: authorEmail }, select: { id: true } });
  const competencies = Object.entries(fields.ratings).map(([key, rating]) => ({ key, rating, notes: "", citedMoments: [], droppedSuggestions: [] }));
  await prisma.feedback.create({
    data: {
      interviewId,
      authorId: author.id,
      applicationId,
      overallRecommendation: fields.recommendation,
      competencies,
      keyTakeaways: fields.takeaways,
      revision: fields.isEdited ? 2 : 1,
      submittedAt: new Date(Date.now() - HOUR_MS),
      editedAt: fields.isEdited ? new Date() : null,
    },
  });
}

let dana: { candidateId: string; applicationId: string; interviewIds: string[]; name: string };

test.beforeAll(async () => {
  const name = `Decision Dana ${randomUUID().slice(0, 6)}`;
  const scorecard = await createScorecard("backend-engineer");
  const created = await createCandidate(
    name,
    "backend-engineer",
    [
      { email: SARAH, hoursAgo: 30 },
      { email: MARCUS, hoursAgo: 5 },
      { email: PRIYA, hoursAgo: 2 },
    ],
    scorecard,
  );
  dana = { ...created, name };
  const [sarahs, marcuss] = created.interviewIds as [string, string, string];
  await prisma.interviewEvidence.create({
    data: {
      interviewId: sarahs,
      scorecardVersionId: scorecard,
      coveredCount: 1,
      inputHash: randomUUID(),
      competencies: [
        {
          key: "decision-system-design",
          name: "System design",
          covered: true,
          evidence: [{ kind: "moment", segmentPosition: 2, speaker: name, startMs: 65_000, quote: "the trade-off is latency", cue: "trade-off", matched: ["trade-off"] }],
        },
        { key: "decision-testing", name: "Testing", covered: false, evidence: [] },
        { key: "decision-communication", name: "Communication", covered: false, evidence: [] },
      ],
    },
  });
  await submitFeedback(sarahs, SARAH, created.applicationId, {
    recommendation: "STRONG_YES",
    takeaways: SARAH_TAKEAWAYS,
    ratings: { "decision-system-design": "STRONG_YES", "decision-communication": "YES" },
  });
  await submitFeedback(marcuss, MARCUS, created.applicationId, {
    recommendation: "NO",
    takeaways: MARCUS_TAKEAWAYS,
    ratings: { "decision-system-design": "NO", "decision-communication": "NO" },
    isEdited: true,
  });
});

test("a recruiter sees both feedbacks and the grid, and rejects with a reason", async ({ pageAs }) => {
  const page = await pageAs("recruiter");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/dashboard/candidates/${dana.candidateId}`);
  const feedback = page.getByRole("region", { name: "Feedback", exact: true });
  await expect(page.getByRole("heading", { name: "Feedback", level: 2 })).toBeVisible();

  // Both feedbacks, the hostile one as text.
  await expect(feedback.getByRole("listitem", { name: "Sarah Kim" })).toContainText("Strong yes");
  await expect(feedback.getByRole("listitem", { name: "Sarah Kim" }).getByText(SARAH_TAKEAWAYS, { exact: true })).toBeVisible();
  await expect(feedback.getByRole("listitem", { name: "Marcus Johnson" })).toContainText("No");
  await expect(feedback.getByText(MARCUS_TAKEAWAYS)).toBeVisible();
  // Marcus submitted again after his first submission; Sarah did not.
  await expect(feedback.getByRole("listitem", { name: "Marcus Johnson" }).getByText("Edited", { exact: true })).toBeVisible();
  await expect(feedback.getByRole("listitem", { name: "Sarah Kim" }).getByText("Edited", { exact: true })).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __feedbackXss?: number }).__feedbackXss)).toBeUndefined();
  expect(dialogs).toEqual([]);

  // Who said what, and the grid: a caption, a column per interviewer, a row per competency.
  await expect(feedback.getByRole("list", { name: "Overall recommendations" })).toContainText("Strong yes: Sarah Kim");
  await expect(feedback.getByRole("list", { name: "Overall recommendations" })).toContainText("No: Marcus Johnson");
  const grid = feedback.getByRole("table", { name: /^Ratings for Backend Engineer by competency/ });
  await expect(grid.getByRole("columnheader", { name: "Sarah Kim" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "Marcus Johnson" })).toBeVisible();
  const systemDesign = grid.getByRole("row", { name: /^System design/ });
  await expect(systemDesign.getByRole("cell").nth(0)).toHaveText(/Strong yes\s*1 piece of evidence/);
  await expect(systemDesign.getByRole("cell").nth(1)).toHaveText(/No\s*0 pieces of evidence/);
  await expect(grid.getByRole("row", { name: /^Overall recommendation/ })).toContainText("Strong yes");
  // Nobody rated testing and no interview touched it.
  const notCovered = feedback.getByRole("heading", { name: "Not covered by any interview" }).locator("xpath=following-sibling::ul[1]");
  await expect(notCovered.getByRole("listitem")).toHaveText(["Testing"]);

  // Rejected without a reason: the error at the reason, focus on it, nothing saved.
  await expect(feedback.getByText("No decision yet.")).toBeVisible();
  await feedback.getByLabel("Stage", { exact: true }).selectOption({ label: "Rejected" });
  const reason = feedback.getByLabel("Rejection reason");
  await expect(reason).toBeVisible();
  await feedback.getByRole("button", { name: "Save decision" }).click();
  await expect(feedback.getByText("Enter a rejection reason: it is kept with the decision.").first()).toBeVisible();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  // The page with everything on it (feedback, grid, the decision's error) passes axe.
  await expectAccessible(page, "candidate page with feedback, the grid and a refused decision");
  expect(await queryDatabase("SELECT stage FROM applications WHERE id = $1", [dana.applicationId])).toEqual([{ stage: "INTERVIEWING" }]);

  // With a reason: saved, shown, audited.
  await reason.fill("Testing practice below the bar for this level.");
  await feedback.getByRole("button", { name: "Save decision" }).click();
  await expect(feedback.getByText("Decision saved: Rejected.")).toBeVisible();
  await expect(feedback.getByText(/^Last decision: Rejected by Riley Chen,/)).toBeVisible();
  await expect(feedback.getByText("Current stage:").getByText("Rejected", { exact: true })).toBeVisible();
  const history = feedback.getByRole("list", { name: /^Decisions on the Backend Engineer application/ });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history.getByRole("listitem").first()).toContainText("Interviewing → Rejected by Riley Chen");
  await expect(history.getByRole("listitem").first()).toContainText("Reason: Testing practice below the bar for this level.");
  // The Applications list agrees.
  await expect(page.getByRole("region", { name: "Applications" }).getByText("Rejected", { exact: true })).toBeVisible();

  const rows = await queryDatabase<{ actor_email: string; action: string; changes: unknown }>(
    "SELECT actor_email, action, changes FROM audit_logs WHERE entity_type = 'application' AND entity_id = $1",
    [dana.applicationId],
  );
  expect(rows).toEqual([
    {
      actor_email: "recruiter@example.com",
      action: "stage_changed",
      changes: [
        { field: "stage", label: "Stage", before: "INTERVIEWING", after: "REJECTED" },
        { field: "rejectionReason", label: "Rejection reason", before: null, after: "Testing practice below the bar for this level." },
      ],
    },
  ]);
  expect(await queryDatabase("SELECT stage, rejection_reason, decided_at IS NOT NULL AS decided FROM applications WHERE id = $1", [dana.applicationId])).toEqual([
    { stage: "REJECTED", rejection_reason: "Testing practice below the bar for this level.", decided: true },
  ]);
});

test("an interviewer who has not submitted sees no colleague's feedback and no decision, and starts their dashboard with what is due", async ({ pageAs }) => {
  const page = await pageAs(PRIYA as `${string}@${string}`);
  const response = await page.goto(`/dashboard/candidates/${dana.candidateId}`);
  expect(response?.status()).toBe(200);
  const feedback = page.getByRole("region", { name: "Feedback", exact: true });
  await expect(feedback.getByText("Submit your feedback to see your colleagues'")).toBeVisible();
  const give = feedback.getByRole("link", { name: "Give your feedback" });
  await expect(give).toHaveAttribute("href", `/dashboard/interviews/${dana.interviewIds[2]}#feedback`);
  // Not on the page, not in its HTML: the server never sent it.
  const html = await page.content();
  for (const secret of [MARCUS_TAKEAWAYS, "Clear, well-reasoned system design.", "Testing practice below the bar"]) expect(html).not.toContain(secret);
  await expect(feedback.getByRole("table")).toHaveCount(0);
  await expect(page.getByLabel("Stage", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Save decision/ })).toHaveCount(0);
  await expectAccessible(page, "candidate page, blind until the interviewer submits");

  await page.goto("/dashboard");
  const due = page.getByRole("region", { name: /^Your feedback due/ });
  await expect(due).toBeVisible();
  const item = due.getByRole("listitem").filter({ hasText: dana.name });
  await expect(item.getByText("Feedback due", { exact: true })).toBeVisible();
  await expect(item.getByRole("link", { name: `Give feedback on ${dana.name}, Backend Engineer` })).toHaveAttribute("href", `/dashboard/interviews/${dana.interviewIds[2]}#feedback`);
  await expectAccessible(page, "an interviewer's dashboard with feedback due");
  // Their own row in the list carries the badge too.
  await expect(
    page
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: `Open the interview with ${dana.name}` }) })
      .getByText("Feedback due"),
  ).toBeVisible();
});

test("the dashboard's Stage filter lists only interviews of applications at that stage", async ({ pageAs }) => {
  const offerName = `Offer Olga ${randomUUID().slice(0, 6)}`;
  const offered = await createCandidate(offerName, "frontend-engineer", [{ email: MARCUS, hoursAgo: 50 }]);
  await prisma.application.update({ where: { id: offered.applicationId }, data: { stage: "OFFER" } });

  const page = await pageAs("recruiter");
  await page.goto("/dashboard");
  const filters = page.getByRole("form", { name: "Filter interviews" });
  await filters.getByLabel("Stage").selectOption({ label: "Offer" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]stage=offer(&|$)/);
  const rowOf = (name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name: `Open the interview with ${name}`, exact: true }) });
  await expect(rowOf(offerName)).toHaveCount(1);
  await expect(rowOf(dana.name)).toHaveCount(0);
  await expect(filters.getByLabel("Stage")).toHaveValue("offer");

  await page.goto("/dashboard?stage=rejected");
  await expect(rowOf(dana.name)).toHaveCount(3);
  await expect(rowOf(offerName)).toHaveCount(0);
});
