/**
 * Hostile input to the team (issue 17): the public invitation page and its public action, and a
 * new account's name on the pages admins read. Closes the holes of a public action that trusts
 * its arguments (a 5xx, an account made without a valid token), a token path that reaches the
 * database as junk, and a name that renders as markup on /settings/team or the audit log.
 * (The team page's admin actions are in hostile-settings.spec.ts with every settings action.)
 */
import fc from "fast-check";
import { armPage, checkProperty, expectHealthy, expectNoUnescapedMarkup, expectNothingRan, hostileWellFormed, wrongType, XSS_PAYLOADS } from "./hostile-arbitraries";
import { expect, test } from "./fixtures/auth";
import { readActionManifest } from "./route-tree";
import { countRows, invitationLinkFor } from "./support";

test.describe.configure({ mode: "serial" });

const TABLES = ["users", "invitations", "audit_logs", "interviewers"] as const;
const ACCEPT = { filename: "app/(auth)/invite/[token]/actions.ts", exportedName: "acceptInvitationAction" };

/** Hostile text that React's reply decoder reads as text: a leading "$" marks a reference in its protocol. */
const text = hostileWellFormed.map((s) => (s.startsWith("$") ? `_${s}` : s));

test("the invitation page and its public action given hostile input never answer 5xx and create nothing", async ({ request, baseURL }) => {
  const action = readActionManifest().find((a) => a.filename === ACCEPT.filename && a.exportedName === ACCEPT.exportedName);
  expect(action, "acceptInvitationAction in the build's manifest").toBeTruthy();
  const before = await countRows(TABLES);

  await checkProperty("invite: token paths", text, 60, async (token) => {
    const res = await request.get(`/invite/${encodeURIComponent(token)}`, { maxRedirects: 0 });
    expect(res.status(), `GET /invite/${token.slice(0, 80)}`).toBeLessThan(500);
    const html = await res.text();
    expectNoUnescapedMarkup(html, "/invite/<hostile>");
    expect(html).not.toContain("Create account");
  });

  const call = fc.record({
    encoding: fc.constantFrom("json", "multipart"),
    args: fc.array(fc.oneof(text, wrongType), { maxLength: 3 }),
    fields: fc.record({ token: fc.oneof(text, fc.constant("A".repeat(43))), name: text, password: fc.oneof(text, fc.constant("long-enough-password")) }, { requiredKeys: [] }),
  });
  await checkProperty("invite: acceptInvitationAction", call, 120, async ({ encoding, args, fields }) => {
    const headers = { "Next-Action": action!.id, Accept: "text/x-component", Origin: baseURL! };
    const res =
      encoding === "json"
        ? await request.post("/invite/x", { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args), maxRedirects: 0 })
        : await request.post("/invite/x", {
            headers,
            multipart: { "0": JSON.stringify([{ status: "idle" }, "$K1"]), ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`1_${k}`, v])) },
            maxRedirects: 0,
          });
    expect(res.status(), `acceptInvitationAction as ${encoding}`).toBeLessThan(500);
  });
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(request);
});

test("a name with markup chosen on the invitation page shows as text on the team page and in the audit log", async ({ browser, pageAs }) => {
  test.setTimeout(120_000);
  const email = `mallory.${Date.now().toString(36)}@example.org`;
  const name = `${XSS_PAYLOADS[0]} Mallory`;
  const admin = await pageAs("admin");
  await admin.goto("/settings/team");
  const invite = admin.getByRole("region", { name: "Invite" });
  await invite.getByLabel("Email").fill(email);
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation sent to ${email}.`)).toBeVisible();

  const invitee = await (await browser.newContext()).newPage();
  const inviteeDialogs = await armPage(invitee);
  await invitee.goto(await invitationLinkFor(admin.request, email));
  await invitee.getByLabel("Name").fill(name);
  await invitee.getByLabel("Password").fill("a-good-long-password");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee).toHaveURL(/\/dashboard$/, { timeout: 30_000 });
  await expectNothingRan(invitee, inviteeDialogs, "/dashboard as the new account");
  await invitee.context().close();

  const dialogs = await armPage(admin);
  for (const path of ["/settings/team", "/settings/audit?entity=user"]) {
    const res = await admin.request.get(path);
    expect(res.status(), path).toBe(200);
    expectNoUnescapedMarkup(await res.text(), path);
    await admin.goto(path);
    await expect(admin.getByText(name).first()).toBeVisible();
    await expectNothingRan(admin, dialogs, path);
  }
});
