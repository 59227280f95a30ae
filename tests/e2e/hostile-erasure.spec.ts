/**
 * Hostile input in "Delete candidate" (issue 16): the typed confirmation, generated with fast-check
 * and posted through the real form (its "Delete permanently" forced enabled, as a script could),
 * signed in as the seeded admin. Closes the holes of a confirmation that deletes on anything but the
 * candidate's email, and of typed text that runs as script when the refusal shows it back.
 */
import fc from "fast-check";
import { createPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createErasableCandidate } from "./erasure-fixture";
import { armPage, checkProperty, expectNothingRan, hostileWellFormed, SQL_PAYLOADS, XSS_PAYLOADS } from "./hostile-arbitraries";
import { expect, test } from "./fixtures/auth";
import { attempt } from "./support";

let prisma: PrismaClient;

test.beforeAll(() => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run e2e through `npm test -- e2e`.");
  prisma = createPrisma(url);
});

test.afterAll(async () => {
  await prisma?.$disconnect();
});

test("a hostile confirmation is refused, deletes nothing and shows nothing that runs", async ({ pageAs }) => {
  const { candidateId, email } = await createErasableCandidate(prisma, attempt(`Hostile Erasure ${Date.now().toString(36)}`), "hostileword");
  const page = await pageAs("admin");
  const dialogs = await armPage(page);
  await page.goto(`/dashboard/candidates/${candidateId}`);
  await page.getByRole("button", { name: "Delete candidate" }).click();
  const confirm = page.getByLabel("Type the candidate's email to confirm");
  const erase = page.getByRole("button", { name: "Delete permanently" });

  const typed = fc.oneof(
    fc.constantFrom(...XSS_PAYLOADS, ...SQL_PAYLOADS, `${email}x`, `%${email}`, email.replace("@", "@@")),
    hostileWellFormed.filter((s) => s.trim() !== "" && s.length < 300),
  );
  await checkProperty("erasure confirmation", typed, 6, async (value) => {
    await confirm.fill(value);
    await erase.evaluate((button) => ((button as HTMLButtonElement).disabled = false));
    const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes(`/dashboard/candidates/${candidateId}`));
    await erase.click();
    expect((await answered).status()).toBe(200);
    await expect(page.getByText("That is not the candidate's email. Nothing was deleted.").first()).toBeVisible();
    expect(await prisma.candidate.count({ where: { id: candidateId } })).toBe(1);
    await expectNothingRan(page, dialogs, JSON.stringify(value));
  });
  expect(page.url()).toContain(`/dashboard/candidates/${candidateId}`);
});
