/**
 * Hostile input to the account and password forms (issue 17): the profile and password actions
 * on /account, "Forgot password?" and the reset link's action, generated with fast-check and
 * POSTed the way React does (ids from the build's server-reference manifest), as a user of the
 * spec's own; and /reset-password/<token> with hostile tokens. Closes the holes of a form that
 * crashes (5xx) on a wrong type, changes a password without the current one or through a forged
 * token, or renders a hostile name or token as markup.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { actionText, actionValue, armPage, checkProperty, expectClientError, expectHealthy, expectNoUnescapedMarkup, expectNothingRan, XSS_PAYLOADS } from "./hostile-arbitraries";
import { expect, test, type Page } from "@playwright/test";
import { createSpecUser, queryDatabase } from "./support";

const USER = "hostile.account@example.org";
const PASSWORD = "hostile-account-password";
const ACTIONS = ["saveProfileAction", "changePasswordAction", "requestPasswordResetAction", "resetPasswordAction"];

test.describe.configure({ mode: "serial" });

/** Makes (or resets) the spec's user and signs `page` in as them through the form. */
async function signInAsSpecUser(page: Page): Promise<void> {
  await createSpecUser({ email: USER, name: "Hana Hostile", password: PASSWORD });
  await page.goto("/login");
  await page.getByLabel("Email").fill(USER);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/dashboard/);
}

type ManifestAction = { id: string; exportedName: string; path: string };

/** This spec's actions, each with a page that hosts it. */
function accountActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, a]) => ACTIONS.includes(a.exportedName ?? "") && /^app\/(account|\(auth\))\//.test(a.filename ?? ""))
    .map(([id, a]) => ({
      id,
      exportedName: a.exportedName!,
      path: a.filename!.includes("reset-password") ? `/reset-password/${"A".repeat(43)}` : a.filename!.includes("forgot") ? "/forgot-password" : "/account",
    }));
}

const text = actionText;

let address = 0;
const nextAddress = () => `10.170.${(++address >> 8) & 255}.${address & 255}`;

test("account and password actions given hostile arguments never answer 5xx, change no password and make no link", async ({ page, baseURL }) => {
  await signInAsSpecUser(page);
  const actions = accountActions();
  expect(actions.map((a) => a.exportedName).sort()).toEqual([...ACTIONS].sort());
  const hashBefore = await queryDatabase<{ password_hash: string }>("SELECT password_hash FROM users WHERE email = $1", [USER]);
  // Counted for this user only: other specs make users, links and emails meanwhile.
  const linksOfUser = () => queryDatabase("SELECT count(*)::int AS n FROM password_resets r JOIN users u ON u.id = r.user_id WHERE u.email = $1", [USER]);
  const linksBefore = await linksOfUser();

  const call = fc.record({
    action: fc.constantFrom(...actions),
    encoding: fc.constantFrom("json", "multipart", "multipart"),
    args: fc.array(actionValue, { maxLength: 3 }),
    fields: fc.record(
      {
        name: fc.oneof(text, fc.constantFrom(...XSS_PAYLOADS)),
        email: fc.oneof(text, fc.constantFrom("not-an-email", "a@b", "' OR 1=1 --@x.org", `${"x".repeat(400)}@x.org`)),
        // Never the user's real password: no change may go through.
        currentPassword: text.filter((s) => s !== PASSWORD),
        newPassword: text,
        confirmPassword: text,
        token: fc.oneof(text, fc.constantFrom("A".repeat(43), "../../etc/passwd", "'; DROP TABLE users; --", "%00")),
      },
      { requiredKeys: [] },
    ),
  });
  const statuses = new Map<number, number>();
  await checkProperty("account: server actions", call, 200, async ({ action, encoding, args, fields }) => {
    const headers = { "Next-Action": action.id, Accept: "text/x-component", Origin: baseURL!, "x-forwarded-for": nextAddress() };
    let res;
    if (encoding === "json") {
      res = await page.request.post(action.path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args), maxRedirects: 0, timeout: 20_000 });
    } else {
      // React's encoding of (previousState, formData): FormData entries travel as "<ref>_<key>" fields.
      const multipart: Record<string, string> = { "0": JSON.stringify([{ status: "idle" }, "$K1"]) };
      for (const [key, v] of Object.entries(fields)) multipart[`1_${key}`] = v;
      res = await page.request.post(action.path, { headers, multipart, maxRedirects: 0, timeout: 20_000 });
    }
    statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
    expect(res.status(), `${action.exportedName}(${JSON.stringify(encoding === "json" ? args : fields).slice(0, 200)}) as ${encoding}`).toBeLessThan(500);
  });
  console.log(`[hostile] account: answers by status ${JSON.stringify(Object.fromEntries(statuses))}`);
  // No reset link was made for the user, and the password is what it was.
  expect(await linksOfUser()).toEqual(linksBefore);
  expect(await queryDatabase("SELECT password_hash FROM users WHERE email = $1", [USER])).toEqual(hashBefore);
  // Whatever name a call saved renders as text.
  const res = await page.request.get("/account");
  expect(res.status()).toBe(200);
  expectNoUnescapedMarkup(await res.text(), "/account");
  await expectHealthy(page.request);
});

test("/reset-password/<hostile token> says the link is not valid, as text, never a 5xx", async ({ request }) => {
  const token = fc.oneof(text, fc.constantFrom(...XSS_PAYLOADS), fc.string({ unit: "binary", maxLength: 60 }));
  await checkProperty("account: reset link page", token, 120, async (value) => {
    const res = await request.get(`/reset-password/${encodeURIComponent(value || "x")}`, { maxRedirects: 0 });
    expectClientError(res.status(), `/reset-password/${value.slice(0, 80)}`, [200]);
    const html = await res.text();
    expectNoUnescapedMarkup(html, "/reset-password");
    if (res.status() === 200) expect(html).toContain("This reset link is not valid.");
  });
  await expectHealthy(request);
});

test("a name with markup, saved through the Profile form, shows as text", async ({ page }) => {
  await signInAsSpecUser(page);
  const dialogs = await armPage(page);
  for (const payload of XSS_PAYLOADS.slice(0, 4)) {
    await page.goto("/account");
    const profile = page.getByRole("region", { name: "Profile" });
    await profile.getByLabel("Name").fill(payload);
    await profile.getByRole("button", { name: "Save name" }).click();
    await expect(profile.getByText("Name saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Profile" }).getByLabel("Name")).toHaveValue(payload);
    expectNoUnescapedMarkup(await page.content(), `/account with the name ${payload}`);
    await expectNothingRan(page, dialogs, `/account with the name ${payload}`);
  }
});
