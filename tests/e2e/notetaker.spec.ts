/**
 * The Notetaker and the debrief (DESIGN.md Decisions → "Notetaker and media", "Debrief UI
 * contract"), in a browser against the built-in sandbox: every test books its own interview on the
 * careers page and drives its Notetaker from the /sandbox console. Covers the debrief of a recorded
 * interview (recording, seekable transcript, summary, action items), the upload fallback when the
 * Notetaker could not join, and who may fetch an interview's media.
 */
import type { Locator, Page } from "@playwright/test";
import { accountOf, expect, test } from "./fixtures/auth";
import { attempt, attemptEmail, bookOnCareersPage, findDashboardRow, runSandboxNotetaker } from "./support";

/** The interviewers of the Engineering panel (backend and frontend engineer roles). */
const ENGINEERING_INTERVIEWERS = /Sarah Kim|Marcus Johnson|Priya Patel/;

/** The debrief's parts, located the way a user finds them: by their headings. */
function debrief(page: Page) {
  const recording = page.getByRole("region", { name: "Recording" });
  const transcript = page.getByRole("region", { name: "Transcript" });
  return {
    // A <video> has no ARIA role: it is the player inside the "Recording" section.
    video: recording.locator("video"),
    transcript,
    lines: transcript.getByRole("list", { name: "Transcript lines" }),
    lineButtons: transcript.getByRole("list", { name: "Transcript lines" }).getByRole("button"),
    search: transcript.getByRole("searchbox", { name: "Find in transcript" }),
    summary: page.getByRole("region", { name: "Summary" }),
    actionItems: page.getByRole("region", { name: "Action items" }).getByRole("checkbox"),
  };
}

/** Waits (reloading) until the Notetaker's media is on the debrief: recording, transcript, summary and action items. */
async function waitForNotetakerMedia(page: Page) {
  const d = debrief(page);
  await expect(async () => {
    if (!(await d.video.isVisible()) || (await d.actionItems.count()) === 0) await page.reload();
    await expect(d.video).toBeVisible({ timeout: 2_000 });
    await expect(d.lineButtons.nth(4)).toBeVisible({ timeout: 2_000 });
    await expect(d.actionItems.first()).toBeVisible({ timeout: 2_000 });
    await expect(d.summary.getByText(/^Summary of a /)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 45_000, intervals: [500, 1_000, 2_000] });
  return d;
}

/**
 * Whether a checkbox stays checked for `ms`: a deliberate observation window (not a wait for
 * something to happen), since a saved check must not spring back before the page next refreshes.
 */
async function staysChecked(box: Locator, ms = 2_000): Promise<boolean> {
  for (const until = Date.now() + ms; Date.now() < until;) {
    if (!(await box.isChecked())) return false;
    await box.page().waitForTimeout(100);
  }
  return true;
}

/** The recording's URL (the <video>'s same-origin src), e.g. "/api/media/<asset id>". */
async function recordingSrc(page: Page): Promise<string> {
  const src = await debrief(page).video.getAttribute("src");
  expect(src).toMatch(/^\/api\/media\/[0-9a-f-]{36}$/);
  return src!;
}

// The happy path: "Run interview now" gives the debrief a playable recording whose transcript
// lines seek it, a search that narrows the lines, a summary naming the participants, action items.
test("a Notetaker that ran gives the debrief a seekable recording, transcript, summary and action items", async ({ browser, pageAs }) => {
  const candidate = attempt("Nora Notetaker");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("nora.notetaker") });

  const page = await pageAs("admin");
  const { debriefPath } = await runSandboxNotetaker(page, candidate, "Run interview now");
  await page
    .getByRole("listitem", { name: `Interview with ${candidate}`, exact: true })
    .getByRole("link", { name: /^Open the interview/ })
    .click();
  await expect(page).toHaveURL(debriefPath);
  await expect(page.getByRole("heading", { name: `Interview with ${candidate}`, level: 1 })).toBeVisible();
  const d = await waitForNotetakerMedia(page);

  // Transcript lines carry the real participants' names as speakers.
  await expect(d.lineButtons.filter({ hasText: candidate }).first()).toBeVisible();
  const interviewerLine = d.lineButtons.filter({ hasText: ENGINEERING_INTERVIEWERS }).first();
  await expect(interviewerLine).toBeVisible();
  const interviewer = ENGINEERING_INTERVIEWERS.exec((await interviewerLine.textContent()) ?? "")![0];
  await expect(page.getByRole("definition").filter({ hasText: interviewer })).toBeVisible();

  // The summary is written and names who took part; there are at least three action items.
  await expect(d.summary).toContainText(new RegExp(`${candidate}|${interviewer}`));
  expect(await d.actionItems.count()).toBeGreaterThanOrEqual(3);

  // The recording loads from our storage and is longer than a minute.
  await expect
    .poll(() => d.video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 1, long: v.duration > 60, error: v.error?.message ?? null })), { timeout: 20_000 })
    .toEqual({ ready: true, long: true, error: null });

  // A line further down plays the recording from its timestamp.
  const line = d.lineButtons.nth(4);
  const stamp = (await line.getByText(/^\d+:\d{2}$/).textContent())!;
  const [minutes, seconds] = stamp.split(":").map(Number) as [number, number];
  const startsAt = minutes * 60 + seconds;
  expect(startsAt).toBeGreaterThan(5);
  await line.click();
  await expect(line).toHaveAttribute("aria-current", "true");
  const position = await d.video.evaluate((v: HTMLVideoElement) => v.currentTime);
  // The timestamp shows whole seconds (the line starts within it); playback may have moved on a little.
  expect(position).toBeGreaterThanOrEqual(startsAt - 0.1);
  expect(position).toBeLessThan(startsAt + 1 + 1.5);

  // "Find in transcript" narrows the lines to those containing a word of that line.
  const total = await d.lineButtons.count();
  const lineText = (await line.textContent()) ?? "";
  const word = (lineText.match(/[A-Za-z]{7,}/g) ?? []).filter((w) => !`${candidate} ${interviewer}`.toLowerCase().includes(w.toLowerCase())).sort((a, b) => b.length - a.length)[0]!;
  expect(word).toBeTruthy();
  await d.search.fill(word);
  await expect(d.transcript.getByText(new RegExp(`^\\d+ of ${total} lines match`))).toBeVisible();
  await expect.poll(() => d.lineButtons.count()).toBeLessThan(total);
  expect(await d.lineButtons.count()).toBeGreaterThanOrEqual(1);
  await expect(d.lineButtons.filter({ hasText: lineText.slice(-40) })).toBeVisible();
  for (const text of await d.lineButtons.allTextContents()) expect(text.toLowerCase()).toContain(word.toLowerCase());
});

// Action items are checkboxes saved at once: a checked item stays checked, then and after a reload.
test("checking off an action item saves it at once", async ({ browser, pageAs }) => {
  const candidate = attempt("Theo Todo");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("theo.todo") });
  const { debriefPath } = await runSandboxNotetaker(await pageAs("admin"), candidate, "Run interview now");

  const page = await pageAs("recruiter");
  await page.goto(debriefPath);
  const d = await waitForNotetakerMedia(page);
  const item = d.actionItems.first();
  const total = await d.actionItems.count();
  await expect(item).not.toBeChecked();
  await expect(page.getByText(`${total} of ${total} open`)).toBeVisible();

  const saved = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === debriefPath);
  await item.check();
  expect((await saved).ok()).toBe(true);
  await expect(page.getByRole("region", { name: "Action items" }).getByRole("alert")).toHaveText("");
  expect.soft(await staysChecked(item), "the checked action item springs back to unchecked once its save has finished").toBe(true);

  await page.reload();
  await expect(d.actionItems.first()).toBeChecked();
  await expect(page.getByText(`${total - 1} of ${total} open`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Action items" }).getByText("(done by Riley Chen)")).toBeVisible();
});

// The fallback: when the Notetaker could not join, the dashboard and the debrief say so, and an
// uploaded WebVTT transcript replaces the missing one (its text rendered as text, never as markup).
test("when the Notetaker could not join, an uploaded transcript fills the debrief", async ({ browser, pageAs }) => {
  const candidate = attempt("Felix Fallback");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("felix.fallback") });
  const { debriefPath } = await runSandboxNotetaker(await pageAs("admin"), candidate, "Fail entry");

  const page = await pageAs("recruiter");
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const row = await findDashboardRow(page, candidate, async (r) => {
    await expect(r.getByText("The Notetaker could not join")).toBeVisible({ timeout: 1_000 });
  });
  await expect(row.getByText("Could not join", { exact: true })).toBeVisible();
  await row.getByRole("link", { name: `Open the interview with ${candidate}` }).click();
  await expect(page).toHaveURL(debriefPath);

  const alert = page.getByRole("alert").filter({ hasText: "The Notetaker could not join" });
  await expect(alert).toBeVisible();
  const d = debrief(page);
  await expect(d.transcript.getByText("No transcript yet.")).toBeVisible();

  const vtt = [
    "WEBVTT",
    "",
    "00:00:02.000 --> 00:00:06.500",
    "<v Riley Chen>Thanks for joining on the phone instead.",
    "",
    "00:01:05.250 --> 00:01:12.000",
    `<v ${candidate}>I sanitised the input: <script>alert(1)</script> stays text.`,
    "",
    "00:02:30.000 --> 00:02:34.000",
    "<v Riley Chen>Great, we will be in touch.",
    "",
  ].join("\n");
  await page.getByLabel("Transcript file").setInputFiles({ name: "phone-screen.vtt", mimeType: "text/vtt", buffer: Buffer.from(vtt) });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByText("Uploaded the transcript.")).toBeVisible();

  // The page refreshes itself with the uploaded lines: speaker, timestamp and text.
  const items = d.lines.getByRole("listitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("Riley Chen");
  await expect(items.nth(0)).toContainText("0:02");
  await expect(items.nth(0)).toContainText("Thanks for joining on the phone instead.");
  await expect(items.nth(1)).toContainText(candidate);
  await expect(items.nth(1)).toContainText("1:05");
  await expect(items.nth(2)).toContainText("2:30");
  await expect(d.transcript.getByText("Uploaded by hand")).toBeVisible();
  // Markup in a line is the speaker's words: shown literally, never run.
  await expect(items.nth(1).getByText("I sanitised the input: <script>alert(1)</script> stays text.")).toBeVisible();

  // The upload resolves the failure: no alert any more, and the interview is completed.
  await expect(alert).toHaveCount(0);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  await page.reload();
  await expect(items).toHaveCount(3);
  await expect(alert).toHaveCount(0);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  expect(dialogs).toEqual([]);
});

// Closes the hole of a recording reachable by URL alone: /api/media/<id> refuses signed-out
// requests (401), and serves a signed-in recruiter the file, seekable with byte ranges.
test("an interview's media URL is refused to a signed-out request and served, seekable, to a recruiter", async ({ browser, pageAs, playwright, baseURL }) => {
  const candidate = attempt("Mina Media");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("mina.media") });
  const { debriefPath } = await runSandboxNotetaker(await pageAs("admin"), candidate, "Run interview now");

  const page = await pageAs("recruiter");
  await page.goto(debriefPath);
  await waitForNotetakerMedia(page);
  const src = await recordingSrc(page);

  const signedOut = await playwright.request.newContext({ baseURL });
  try {
    const refused = await signedOut.get(src);
    expect(refused.status()).toBe(401);
    expect(refused.headers()["content-type"]).toContain("application/json");
    expect(await refused.json()).toMatchObject({ error: { code: "unauthorized" } });
  } finally {
    await signedOut.dispose();
  }

  const whole = await page.request.get(src);
  expect(whole.status()).toBe(200);
  expect(whole.headers()["accept-ranges"]).toBe("bytes");
  expect(whole.headers()["content-type"]).toMatch(/^(video|audio)\//);
  const size = (await whole.body()).length;
  expect(size).toBeGreaterThan(1024);

  const part = await page.request.get(src, { headers: { Range: "bytes=0-1023" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 0-1023/${size}`);
  expect((await part.body()).length).toBe(1024);
});

// Closes the hole of an interviewer reading other interviewers' debriefs: one who did not run the
// interview gets the 403 page on its debrief and 403 on its recording; the one who ran it gets both.
test("an interviewer who did not run an interview gets 403 on its debrief and its media", async ({ browser, pageAs }) => {
  const candidate = attempt("Otto Outsider");
  await bookOnCareersPage(browser, "backend-engineer", { name: candidate, email: attemptEmail("otto.outsider") });
  const page = await pageAs("admin");
  const { debriefPath, hostEmail } = await runSandboxNotetaker(page, candidate, "Run interview now");
  await page.goto(debriefPath);
  await waitForNotetakerMedia(page);
  const src = await recordingSrc(page);

  // Lena Fischer is on the Product & design panel only, never on a backend engineer interview.
  expect(hostEmail).not.toBe("lena.fischer@northwind.example");
  const outsider = await pageAs("lena.fischer@northwind.example");
  const refused = await outsider.goto(debriefPath);
  await expect(outsider.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
  await expect(outsider.getByText(candidate)).toHaveCount(0);
  await expect(outsider.getByRole("heading", { name: "Transcript" })).toHaveCount(0);
  const media = await outsider.request.get(src);
  expect(media.status()).toBe(403);
  expect(await media.json()).toMatchObject({ error: { code: "forbidden" } });
  // The 403 page is also an HTTP 403 (as the settings pages' is), not a 200 with 403 content.
  expect.soft(refused?.status(), "HTTP status of the debrief's 403 page").toBe(403);

  // The interviewer who ran it may open both.
  const host = await pageAs(accountOf(hostEmail));
  const response = await host.goto(debriefPath);
  expect(response?.status()).toBe(200);
  await expect(host.getByRole("heading", { name: `Interview with ${candidate}`, level: 1 })).toBeVisible();
  expect((await host.request.head(src)).status()).toBe(200);
});
