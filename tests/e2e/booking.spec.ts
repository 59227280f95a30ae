/**
 * A candidate books their own interview on the careers page, in the real <NylasScheduling>
 * component against the built-in sandbox; round robin spreads bookings across the panel.
 */
import { expect, test } from "./fixtures/auth";
import { bookFirstSlot, ENGINEERING_PANEL, listBookedEvents } from "./support";

/** Names are unique per attempt: a retried test must not see the bookings of its failed attempt. */
const attempt = (name: string) => (test.info().retry ? `${name} R${test.info().retry}` : name);

test("careers lists published roles only", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/careers$/);
  await expect(page.getByRole("link", { name: /backend engineer/i }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /product designer/i }).first()).toBeVisible();
  await expect(page.getByText("Senior Product Manager")).toHaveCount(0);
});

test("a candidate books an interview and sees the confirmation; the event lands on one calendar", async ({ page, baseURL }) => {
  await page.goto("/careers/backend-engineer");
  await expect(page.getByRole("heading", { level: 1, name: "Backend Engineer", exact: true })).toBeVisible();
  const dana = attempt("Dana Chen");
  await bookFirstSlot(page, { name: dana, email: "dana.chen@example.org", linkedin: "https://www.linkedin.com/in/dana-chen" });
  await expect(page.getByRole("button", { name: /cancel booking/i })).toBeVisible();
  await expect(page.getByRole("button", { name: /reschedule/i })).toBeVisible();

  const calendars = await Promise.all(ENGINEERING_PANEL.map((email) => listBookedEvents(baseURL!, email)));
  const withDana = calendars.map((events) => events.filter((e) => e.title === `Interview with ${dana}`));
  expect(withDana.map((e) => e.length).reduce((a, b) => a + b, 0)).toBe(1);
  const event = withDana.flat()[0]!;
  expect(event.conferencing?.details?.url).toContain("/v3/sandbox/meet/google-meet/");
});

test("three successive bookings on the max-fairness panel go to three different interviewers", async ({ page, baseURL }) => {
  const candidates = ["Ada Lovelace", "Grace Hopper", "Alan Turing"].map(attempt);
  for (const [i, name] of candidates.entries()) {
    await page.goto("/careers/backend-engineer");
    await bookFirstSlot(page, { name, email: `candidate${i}@example.org` });
  }
  const hosts = await Promise.all(ENGINEERING_PANEL.map(async (email) => ({ email, titles: (await listBookedEvents(baseURL!, email)).map((e) => e.title) })));
  const hostOf = (name: string) => hosts.filter((h) => h.titles.includes(`Interview with ${name}`)).map((h) => h.email);
  const assigned = candidates.map((name) => hostOf(name));
  for (const a of assigned) expect(a).toHaveLength(1);
  expect(new Set(assigned.flat()).size).toBe(3);
});

test("a candidate can cancel from the confirmation card", async ({ page, baseURL }) => {
  await page.goto("/careers/product-designer");
  const sam = attempt("Sam Rivera");
  await bookFirstSlot(page, { name: sam, email: "sam.rivera@example.org" });
  const scheduler = page.getByTestId("booking-scheduler");
  await scheduler.getByRole("button", { name: /cancel booking/i }).click();
  await scheduler.getByRole("textbox").first().fill("I accepted another offer");
  await scheduler
    .getByRole("button", { name: /cancel booking/i })
    .last()
    .click();
  await expect(scheduler.getByText(/cancelled/i).first()).toBeVisible();
  const events = await Promise.all(["priya.patel@northwind.example", "lena.fischer@northwind.example"].map((e) => listBookedEvents(baseURL!, e)));
  expect(events.flat().filter((e) => e.title === `Interview with ${sam}`)).toHaveLength(0);
});

test("a candidate can reschedule from the confirmation card: same booking and event, new time", async ({ page, baseURL }) => {
  await page.goto("/careers/frontend-engineer");
  const rene = attempt("Rene Later");
  await bookFirstSlot(page, { name: rene, email: "rene.later@example.org" });
  const before = (await Promise.all(ENGINEERING_PANEL.map((e) => listBookedEvents(baseURL!, e)))).flat().filter((e) => e.title === `Interview with ${rene}`);
  expect(before).toHaveLength(1);

  const scheduler = page.getByTestId("booking-scheduler");
  await scheduler.getByRole("button", { name: /reschedule/i }).click();
  await expect(scheduler.getByText(/choose another time slot to reschedule/i)).toBeVisible();
  // Another day than the original booking when the month has one, and the day's last time.
  const otherDays = scheduler.locator("button[part~='ndp__date']:not([disabled]):not([part~='ndp__date--selected'])");
  if ((await otherDays.count()) > 0) await otherDays.first().click();
  await scheduler.locator("[part~='ntp__timeslot']").last().click();
  await scheduler.getByRole("button", { name: /^next$/i }).click();
  await scheduler.getByRole("button", { name: /book now/i }).click();
  await expect(scheduler.getByText(/booking rescheduled/i)).toBeVisible();

  const after = (await Promise.all(ENGINEERING_PANEL.map((e) => listBookedEvents(baseURL!, e)))).flat().filter((e) => e.title === `Interview with ${rene}`);
  expect(after).toHaveLength(1);
  expect(after[0]!.id).toBe(before[0]!.id);
  expect(after[0]!.when.start_time).not.toBe(before[0]!.when.start_time);
});
