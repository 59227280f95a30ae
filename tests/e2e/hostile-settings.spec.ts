/**
 * Hostile input to the settings server actions (issue 8, item 4; DESIGN.md Decisions "Settings"), and
 * to the dashboard's and sandbox console's actions too,
 * generated with fast-check and POSTed the way React does (Next-Action header, JSON- or
 * multipart-encoded arguments, ids from the build's server-reference manifest) as the seeded
 * admin, against the production server. Closes the holes of an action that trusts its argument
 * types (a string where FormData was expected → 500), saves junk, or renders an admin's markup:
 * - every action under app/settings/ with wrong types, unicode, control characters, script tags
 *   and SQL in every argument → never a 5xx, and no panel, role, interviewer, audit entry or load
 *   cap block is written;
 * - a panel saved through the form with <script> / <img onerror> in its name and Notetaker
 *   instructions shows them as text (escaped HTML, no dialog in Chromium).
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { actionText, actionValue, armPage, checkProperty, expectHealthy, expectNoUnescapedMarkup, expectNothingRan, XSS_PAYLOADS } from "./hostile-arbitraries";
import { expect, test } from "./fixtures/auth";
import { countRows } from "./support";

const TABLES = [
  "panels",
  "panel_members",
  "roles",
  "role_configurations",
  "interviewers",
  "audit_logs",
  "load_cap_blocks",
  "notetaker_settings_versions",
  "scorecard_versions",
  "media_assets",
  "sandbox_grants",
  "sandbox_notetakers",
  "privacy_settings",
  "deletion_records",
  "users",
  "invitations",
  "outgoing_emails",
] as const;

test.describe.configure({ mode: "serial" });

type ManifestAction = { id: string; exportedName: string; path: string };

const OWN_ACCOUNT_ACTIONS = ["saveProfileAction", "changePasswordAction"];

/** Every server action under app/settings/, app/dashboard/, app/sandbox/ and app/account/, with a page that bundles it (as settings.spec.ts finds them). */
function settingsActions(): ManifestAction[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  return (
    Object.entries(manifest.node)
      // The profile and password actions change the caller's own account (a rename is a legitimate
      // write): hostile-account.spec.ts sends them hostile input as a user of its own.
      .filter(([, a]) => /^app\/(settings|dashboard|sandbox|account)\//.test(a.filename ?? "") && a.exportedName && !OWN_ACCOUNT_ACTIONS.includes(a.exportedName))
      .map(([id, a]) => {
        const workers = Object.keys(a.workers);
        const worker = workers.find((w) => !w.includes("[")) ?? workers[0] ?? "app/settings/page";
        const page = worker
          .replace(/^app/, "")
          .replace(/\/page$/, "")
          .replace(/\/\([^/]+\)/g, "")
          .replace(/\[[^\]]+\]/g, "00000000-0000-4000-8000-000000000000");
        return { id, exportedName: a.exportedName!, path: page || "/" };
      })
  );
}

test.use({ account: "admin" });

const text = actionText;
const value = actionValue;

test("settings (and dashboard and sandbox console) server actions given hostile arguments never answer 5xx and write nothing", async ({ page, baseURL }) => {
  const actions = settingsActions();
  expect(actions.map((a) => a.exportedName).sort()).toEqual(
    expect.arrayContaining([
      "savePanelAction",
      "saveRoleAction",
      "setRolePublishedAction",
      "setWeeklyCapAction",
      "retryWebhookEventAction",
      "retryMediaDownloadAction",
      "runNotetakerAction",
      "saveRecordingPolicyAction",
      "setInterviewerRecordingOptOutAction",
      "saveOwnRecordingPreferenceAction",
      "saveRetentionRulesAction",
      "inviteUserAction",
      "resendInvitationAction",
      "revokeInvitationAction",
      "changeUserRoleAction",
      "setUserActiveAction",
    ]),
  );
  const before = await countRows(TABLES);

  const panelLike = fc.record(
    {
      name: text,
      members: fc.oneof(value, fc.array(fc.record({ name: text, email: text, interviewerId: value }, { requiredKeys: [] }), { maxLength: 3 })),
      availabilityMethod: fc.oneof(text, fc.constantFrom("max-fairness", "MAX_FAIRNESS", "max-availability ")),
      durationMinutes: value,
      timezone: text,
      openHours: value,
      eventTitle: fc.constantFrom(...XSS_PAYLOADS),
      notetaker: fc.record({ enabled: value, summaryInstructions: text, actionItemInstructions: text }, { requiredKeys: [] }),
      title: text,
      slug: fc.oneof(text, fc.constantFrom("'; drop table roles; --", "backend-engineer", "a--b", "-x")),
      panelId: fc.oneof(
        text,
        fc.constant(null).map(() => randomUUID()),
      ),
      published: value,
      hostedPageEnabled: value,
    },
    { requiredKeys: [] },
  );
  const id = fc.oneof(
    fc.constant(null),
    fc.constant(null).map(() => randomUUID()),
    text,
    value,
  );
  const args = fc.oneof(fc.array(value, { maxLength: 4 }), fc.tuple(id, fc.oneof(panelLike, value), fc.oneof(text, value)), fc.tuple(id, value));
  const call = fc.record({
    action: fc.constantFrom(...actions),
    args,
    encoding: fc.constantFrom("json", "json", "multipart"),
    fields: fc.dictionary(fc.constantFrom("interviewerId", "weeklyCap", "id", "name", "recordingPolicy", "recordingOptOut", "email", "role", "userId", "active", "0"), text, { maxKeys: 3 }),
  });
  const statuses = new Map<number, number>();
  await checkProperty("settings: server actions", call, 250, async ({ action, args: list, encoding, fields }) => {
    const headers = { "Next-Action": action.id, Accept: "text/x-component", Origin: baseURL! };
    let res;
    if (encoding === "json") {
      res = await page.request.post(action.path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(list), maxRedirects: 0, timeout: 20_000 });
    } else {
      // React's encoding of (previousState, formData): FormData entries travel as "<ref>_<key>" fields.
      const multipart: Record<string, string> = { "0": JSON.stringify([{ status: "idle" }, "$K1"]) };
      for (const [key, v] of Object.entries(fields)) multipart[`1_${key}`] = v;
      res = await page.request.post(action.path, { headers, multipart, maxRedirects: 0, timeout: 20_000 });
    }
    statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
    expect(res.status(), `${action.exportedName}(${JSON.stringify(list).slice(0, 200)}) as ${encoding}`).toBeLessThan(500);
  });
  console.log(`[hostile] settings: answers by status ${JSON.stringify(Object.fromEntries(statuses))}`);
  expect(await countRows(TABLES)).toEqual(before);
  await expectHealthy(page.request);
});

test("a panel saved with markup in its name and Notetaker instructions shows it as text", async ({ page }) => {
  const name = `${XSS_PAYLOADS[0]} ${Date.now().toString(36)}`;
  const instructions = `${XSS_PAYLOADS[1]} Summarise; DROP TABLE panels; --`;
  const dialogs = await armPage(page);
  await page.goto("/settings/panels/new");
  await page.getByLabel("Panel name").fill(name);
  await page.getByLabel("Add an existing interviewer").selectOption({ label: "Sarah Kim (sarah.kim@northwind.example)" });
  await page.getByRole("button", { name: "Add to panel" }).click();
  await page.getByLabel("Summary instructions").fill(instructions);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/panels\/[0-9a-f-]{36}\?saved=created$/);
  await expect(page.getByLabel("Panel name")).toHaveValue(name);
  await expect(page.getByLabel("Summary instructions")).toHaveValue(instructions);
  const panelPath = new URL(page.url()).pathname;
  for (const p of [panelPath, "/settings", "/settings/audit"]) {
    const res = await page.request.get(p);
    expect(res.status(), p).toBe(200);
    expectNoUnescapedMarkup(await res.text(), p);
    await page.goto(p);
    await expectNothingRan(page, dialogs, p);
  }
  await page.goto("/settings");
  await expect(page.getByText(name).first()).toBeVisible();
  await expectNothingRan(page, dialogs, "/settings");
});
