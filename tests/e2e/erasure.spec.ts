/**
 * A candidate's request, in Chromium (issue 16): an admin opens a candidate, "Download data" gives
 * a ZIP (candidate-<id>.zip: no personal data in the name) holding candidate.json, then "Delete
 * candidate" asks for the email ("Delete permanently" stays disabled until it matches, in any
 * letter case), and the admin lands on the dashboard with a notice; the candidate's page is a 404
 * and the dashboard's transcript search finds nothing of theirs. A recruiter sees neither control.
 * Closes the holes of an erasure by a mis-click, of an export named after the person, and of a
 * person who stays findable after being deleted. The open confirmation passes axe.
 */
import { readFile } from "node:fs/promises";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expectAccessible } from "./axe";
import { createErasableCandidate } from "./erasure-fixture";
import { expect, test } from "./fixtures/auth";
import { attempt } from "./support";

test.describe.configure({ mode: "serial" });

let prisma: PrismaClient;

test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  prisma = createPrisma(url);
});

test.afterAll(async () => {
  await prisma?.$disconnect();
});

test("an admin downloads a candidate's data, then deletes them: 404, and search finds nothing", async ({ pageAs }) => {
  const word = `quillfeather${Date.now().toString(36)}`;
  const name = attempt(`Erin Erasable ${word}`);
  const { candidateId, email } = await createErasableCandidate(prisma, name, word);

  // A recruiter may see the candidate but neither export nor erase them.
  const recruiter = await pageAs("recruiter");
  await recruiter.goto(`/dashboard/candidates/${candidateId}`);
  await expect(recruiter.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(recruiter.getByRole("link", { name: "Download data" })).toHaveCount(0);
  await expect(recruiter.getByRole("button", { name: "Delete candidate" })).toHaveCount(0);

  const page = await pageAs("admin");
  // Before: the transcript search finds them.
  await page.goto(`/dashboard?q=${word}`);
  await expect(page.getByRole("region", { name: "Interviews" })).toContainText(name);

  await page.goto(`/dashboard/candidates/${candidateId}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download data" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`candidate-${candidateId}.zip`);
  const zip = await readFile((await download.path())!);
  expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
  expect(zip.toString("latin1")).toContain("candidate.json");
  expect(zip.toString("utf8")).toContain(word);

  await page.getByRole("button", { name: "Delete candidate" }).click();
  const confirm = page.getByLabel("Type the candidate's email to confirm");
  await expect(confirm).toBeFocused();
  const erase = page.getByRole("button", { name: "Delete permanently" });
  await expect(erase).toBeDisabled();
  await confirm.fill("someone.else@example.org");
  await expect(erase).toBeDisabled();
  await expectAccessible(page, "the erasure confirmation");
  await confirm.fill(` ${email.toUpperCase()} `);
  await expect(erase).toBeEnabled();
  await erase.click();

  await page.waitForURL(/\/dashboard\?notice=candidate-erased$/);
  await expect(page.getByRole("status").filter({ hasText: "Candidate deleted." })).toBeVisible();

  const gone = await page.goto(`/dashboard/candidates/${candidateId}`);
  expect(gone?.status()).toBe(404);
  await page.goto(`/dashboard?q=${word}`);
  // "No interviews yet." when theirs was the only one; otherwise no match for their word.
  await expect(page.getByText(/^No interviews (yet|match these filters)\./)).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(word);
  expect(await prisma.candidate.count({ where: { id: candidateId } })).toBe(0);
  const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "candidate", entityId: candidateId, action: "erased" } });
  expect(JSON.stringify(audit)).not.toContain(word);
});
