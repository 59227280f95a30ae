/**
 * Background jobs (/settings/jobs, issue 13): an admin sees every kind's queue and the latest
 * failures, and Retry puts a dead job back in the queue with a fresh set of attempts. A recruiter
 * gets the 403 page (the authorization matrix covers the page and its action too).
 */
import { expect, test } from "./fixtures/auth";
import { getWebhookSecret, queryDatabase, signWebhookBody } from "./support";

test.use({ account: "admin" });

test("an admin sees every kind's queue and a dead job's error, and Retry queues it again", async ({ page, request }) => {
  // A booking notification without a booking_id: its job fails for good at once.
  const id = `e2e-jobs-${Date.now().toString(36)}`;
  const body = JSON.stringify({
    specversion: "1.0",
    type: "booking.created",
    source: "/nylas/passthru",
    id,
    time: Math.floor(Date.now() / 1000),
    webhook_delivery_attempt: 1,
    data: { application_id: "e2e", object: { object: "booking", configuration_id: "00000000-0000-4000-8000-000000000000" } },
  });
  const delivered = await request.post("/api/webhooks/nylas", {
    headers: { "content-type": "application/json", "x-nylas-signature": await signWebhookBody(body, await getWebhookSecret()) },
    data: body,
  });
  expect(delivered.status()).toBe(200);
  await expect
    .poll(
      async () =>
        (await queryDatabase<{ state: string }>(`SELECT j.state::text AS state FROM jobs j JOIN webhook_events e ON j.payload->>'id' = e.id::text WHERE e.notification_id = $1`, [id]))[0]?.state,
      { timeout: 15_000 },
    )
    .toBe("DEAD");
  const [job] = await queryDatabase<{ id: string }>(`SELECT j.id::text AS id FROM jobs j JOIN webhook_events e ON j.payload->>'id' = e.id::text WHERE e.notification_id = $1`, [id]);

  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/settings\/jobs$/);
  await expect(page.getByRole("heading", { name: "Background jobs", level: 1 })).toBeVisible();

  const queues = page.getByRole("table", { name: /Job queues/ });
  for (const kind of ["webhooks.process", "media.download", "nylas.sync-configuration", "assignments.explain", "load-caps.reconcile", "sandbox.webhook-delivery", "sandbox.notetaker-step"]) {
    await expect(queues.getByRole("rowheader", { name: new RegExp(`^${kind.replace(".", "\\.")}`) })).toBeVisible();
  }
  // The webhook kind's dead count links to its failures.
  await queues.getByRole("link", { name: /dead webhooks\.process jobs: show them/ }).click();
  await expect(page).toHaveURL(/\/settings\/jobs\?kind=webhooks\.process#failures$/);
  await expect(page.getByRole("heading", { name: /Recent failures of webhooks\.process/ })).toBeVisible();

  const failures = page.getByRole("table", { name: "Failed jobs, newest first" });
  const row = failures.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`webhooks\\.process #${job!.id}\\b`) }) });
  await expect(row.getByText("Dead", { exact: true })).toBeVisible();
  await expect(row.getByText("booking notification without data.object.booking_id")).toBeVisible();
  await row.getByRole("button", { name: `Retry webhooks.process job ${job!.id}` }).click();
  await expect(row.getByText("Queued again with a fresh set of attempts.")).toBeVisible();
  // The old dead row is gone; a fresh job took its place (and, failing the same way, dies again).
  expect(await queryDatabase(`SELECT 1 FROM jobs WHERE id = $1::bigint`, [job!.id])).toEqual([]);
});
