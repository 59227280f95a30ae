/**
 * The retention rules on /settings/privacy, in Chromium (issue 16): an admin types a negative
 * number of days and "Save rules" refuses it with the error under its field, keeping everything
 * typed; valid rules save (audited), and the preview "The next run (…) will delete" lists a
 * rejected candidate's recorded interview past the rule, with its counts; the deletion log starts
 * empty. The page passes axe (WCAG 2.1 AA). The rules are turned off again afterwards.
 */
import { randomUUID } from "node:crypto";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures/auth";

test.describe.configure({ mode: "serial" });
test.use({ account: "admin" });

const DAY_MS = 24 * 3_600_000;
let prisma: PrismaClient;
let candidateId = "";

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  prisma = createPrisma(url);
});

test.afterAll(async () => {
  if (candidateId) await prisma.candidate.delete({ where: { id: candidateId } });
  await prisma.privacySettings.updateMany({ data: { deleteMediaDaysAfterRejection: null, deleteMediaDaysAfterHire: null, anonymizeDaysAfterRejection: null } });
  await prisma.$disconnect();
});

test("an admin sets the retention rules, a bad value is refused in place, and the preview lists what the next run deletes", async ({ page }) => {
  const name = `Retention Candidate ${randomUUID().slice(0, 8)}`;
  const role = await prisma.role.findFirstOrThrow({ select: { id: true, title: true } });
  const candidate = await prisma.candidate.create({ data: { name, email: `${randomUUID()}@example.org`, emailRaw: "x@example.org" } });
  candidateId = candidate.id;
  const application = await prisma.application.create({ data: { candidateId, roleId: role.id, stage: "REJECTED", rejectionReason: "Not a fit", decidedAt: new Date(Date.now() - 40 * DAY_MS) } });
  const interview = await prisma.interview.create({ data: { bookingId: randomUUID(), applicationId: application.id, candidateId, startsAt: new Date(Date.now() - 45 * DAY_MS), status: "COMPLETED" } });
  await prisma.mediaAsset.createMany({
    data: [
      { interviewId: interview.id, kind: "RECORDING", source: "NOTETAKER", status: "STORED" },
      { interviewId: interview.id, kind: "TRANSCRIPT", source: "NOTETAKER", status: "STORED" },
    ],
  });

  await page.goto("/settings/privacy");
  const rejection = page.getByLabel("Delete recordings and transcripts after rejection (days)");
  const hire = page.getByLabel("Delete recordings and transcripts after hire (days)");
  await rejection.fill("-5");
  await hire.fill("365");
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not saved." })).toContainText("The number of days cannot be negative.");
  await expect(rejection).toHaveAttribute("aria-invalid", "true");
  await expect(hire).toHaveValue("365");
  await expect(rejection).toHaveValue("-5");

  await rejection.fill("30");
  await page.getByLabel("Delete Nylas's copy as soon as ours is stored and verified").check();
  await page.getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByText("Retention rules saved. The next run applies them.")).toBeVisible();
  const saved = await prisma.privacySettings.findUniqueOrThrow({ where: { id: 1 } });
  expect(saved).toMatchObject({ deleteMediaDaysAfterRejection: 30, deleteMediaDaysAfterHire: 365, anonymizeDaysAfterRejection: null, deleteNylasCopyWhenStored: true });

  await page.reload();
  await expect(page.getByRole("heading", { name: /^The next run \(.+\) will delete$/ })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Recordings after rejection");
  await expect(row.getByRole("cell").nth(2)).toHaveText("1");
  await expect(row.getByRole("cell").nth(3)).toHaveText("1");
  await expect(page.getByRole("heading", { name: "Deletion log" })).toBeVisible();
  await expectAccessible(page, "privacy settings with the retention rules, the preview and the deletion log");
});
