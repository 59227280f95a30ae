import { expect, type Page } from "@playwright/test";

export const SANDBOX_API_KEY = "nylas-sandbox-dev-api-key";
export const ENGINEERING_PANEL = ["sarah.kim@northwind.example", "marcus.johnson@northwind.example", "priya.patel@northwind.example"];

/** Events the sandbox booked on an interviewer's primary calendar, through its Nylas-style API. */
export async function listBookedEvents(baseURL: string, email: string): Promise<{ id: string; title: string; status: string; when: { start_time: number; end_time: number }; conferencing?: { details?: { url?: string } } }[]> {
  const res = await fetch(`${baseURL}/v3/grants/${encodeURIComponent(email)}/events?calendar_id=primary&limit=200`, {
    headers: { authorization: `Bearer ${SANDBOX_API_KEY}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { id: string; title: string; status: string; when: { start_time: number; end_time: number }; metadata: Record<string, string> }[] };
  return body.data.filter((e) => e.metadata?.source === "scheduler");
}

/**
 * Books the first offered time in <NylasScheduling>: first day with slots, first time, then the
 * booking form. Returns once the component shows its own confirmation card.
 */
export async function bookFirstSlot(page: Page, guest: { name: string; email: string; linkedin?: string }): Promise<void> {
  const scheduler = page.getByTestId("booking-scheduler");
  await expect(scheduler).toBeVisible();
  // Time slots appear once availability has loaded for the selected (first available) day.
  const firstTime = scheduler.locator("[part~='ntp__timeslot']").first();
  await expect(firstTime).toBeVisible({ timeout: 45_000 });
  await firstTime.click();
  await scheduler.getByRole("button", { name: /^next$/i }).click();
  await scheduler.getByLabel(/name/i).first().fill(guest.name);
  await scheduler.getByLabel(/email/i).first().fill(guest.email);
  if (guest.linkedin) await scheduler.getByLabel(/linkedin/i).fill(guest.linkedin);
  await scheduler.getByRole("button", { name: /book now/i }).click();
  await expect(scheduler.getByText(/booking confirmed/i)).toBeVisible({ timeout: 30_000 });
}
