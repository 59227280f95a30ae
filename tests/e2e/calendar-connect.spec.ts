/**
 * "Connect calendar" (issue 17), in Chromium against the production server in sandbox mode: an
 * interviewer with no grant opens /account, presses "Connect calendar", goes through the sandbox's
 * hosted sign-in page (Nylas Hosted OAuth's stand-in: provider choice, "Approve" / "Deny"), and
 * comes back connected; the role whose panel they are on then gets a configuration offering them.
 *
 * The interviewer, their panel and that role are this spec's own (made in the database, the role
 * unpublished), so no other spec's panels or careers pages change.
 */
import { randomUUID } from "node:crypto";
import { expect } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectAccessible } from "./axe";
import { accountOf, test } from "./fixtures/auth";

let prisma: PrismaClient;
const tag = randomUUID().slice(0, 8);
const ANA = { name: "Ana Lee", email: `ana.lee.${tag}@northwind.example` };
let roleId = "";
let panelId = "";

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  prisma = createPrisma(url);
  // Ana: an interviewer account, alone on a panel (the demo's open hours), for an unpublished role; no calendar yet.
  const template = await prisma.panel.findUniqueOrThrow({ where: { name: "Product & design panel" } });
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, openHours, ...fields } = template;
  const panel = await prisma.panel.create({ data: { ...fields, openHours: openHours as object, name: `Calendar connect panel ${tag}` } });
  panelId = panel.id;
  await prisma.user.create({ data: { email: ANA.email, name: ANA.name, role: "INTERVIEWER", passwordHash: await hashPassword("password") } });
  const interviewer = await prisma.interviewer.create({ data: { name: ANA.name, email: ANA.email, timezone: "Europe/Berlin" } });
  await prisma.panelMember.create({ data: { panelId, interviewerId: interviewer.id, position: 0 } });
  const role = await prisma.role.create({
    data: { slug: `calendar-connect-${tag}`, title: `Calendar connect ${tag}`, team: "Design", location: "Remote", employment: "Full-time", summary: "e2e", description: "e2e", panelId },
  });
  roleId = role.id;
});

test.afterAll(async () => {
  if (roleId) {
    await prisma.roleConfiguration.deleteMany({ where: { roleId } });
    await prisma.scorecardVersion.deleteMany({ where: { roleId } });
    await prisma.role.deleteMany({ where: { id: roleId } });
  }
  if (panelId) {
    await prisma.panelMember.deleteMany({ where: { panelId } });
    await prisma.panel.deleteMany({ where: { id: panelId } });
  }
  await prisma?.$disconnect();
});

/** The emails the role's configuration offers over the next two weeks (the public availability endpoint <NylasScheduling> calls); null without a configuration. */
async function offeredHosts(baseURL: string): Promise<string[] | null> {
  const row = await prisma.roleConfiguration.findFirst({ where: { roleId, syncStatus: "SYNCED" }, select: { configurationId: true } });
  if (!row?.configurationId) return null;
  const now = Math.floor(Date.now() / 1000);
  const res = await fetch(`${baseURL}/v3/scheduling/availability?configuration_id=${row.configurationId}&start_time=${now}&end_time=${now + 14 * 86_400}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { data: { time_slots: { emails: string[] }[] } };
  return [...new Set(body.data.time_slots.flatMap((s) => s.emails))];
}

test("an interviewer without a grant connects their calendar through the hosted sign-in and becomes bookable", async ({ pageAs, baseURL }) => {
  const page = await pageAs(accountOf(ANA.email));
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Calendar" });
  await expect(section.getByText("No calendar is connected.", { exact: false })).toBeVisible();
  // No grant: the role cannot be booked (its configuration could not be made without a host's calendar).
  expect(await offeredHosts(baseURL!)).toBeNull();

  // Deny first: back on /account with the reason, nothing connected.
  await section.getByRole("button", { name: "Connect calendar" }).click();
  await expect(page).toHaveURL(/\/v3\/connect\/auth\?/);
  await expect(page.getByRole("heading", { name: "Connect your calendar" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(ANA.email);
  await expectAccessible(page, "the sandbox's hosted sign-in page");
  await page.getByRole("button", { name: "Deny" }).click();
  await expect(page).toHaveURL(/\/account\?calendar=denied#calendar$/);
  await expect(section.getByRole("alert")).toContainText("access was denied");
  await expect(section.getByRole("button", { name: "Connect calendar" })).toBeVisible();

  // Approve with Microsoft.
  await section.getByRole("button", { name: "Connect calendar" }).click();
  await page.getByRole("radio", { name: "Microsoft" }).check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/account\?calendar=connected#calendar$/);
  await expect(section.getByRole("status")).toContainText("Your calendar is connected");
  await expect(section.getByText("Connected", { exact: true })).toBeVisible();
  await expect(section.getByText(`${ANA.email} · Microsoft`)).toBeVisible();
  await expect(section.getByRole("button", { name: /Connect calendar|Reconnect/ })).toHaveCount(0);
  await expectAccessible(page, "/account with a connected calendar");

  // Bookable: the role's configuration is made by the re-sync the connection queued, and offers Ana.
  await expect.poll(() => offeredHosts(baseURL!), { timeout: 45_000 }).toEqual([ANA.email]);

  // A reload still says Connected (the grant's status is checked with Nylas); a replayed callback changes nothing.
  await page.reload();
  await expect(section.getByText("Connected", { exact: true })).toBeVisible();
  const connections = await prisma.calendarConnection.count({ where: { email: ANA.email } });
  expect(connections).toBe(1);
});
