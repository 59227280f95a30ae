/**
 * The Nylas health check (lib/nylas/health/) against the sandbox over HTTP, through the real
 * `nylas` SDK: every check passes on a seeded, bootstrapped sandbox; then the sandbox's side is
 * broken one thing at a time (the API key, a grant, the webhook subscription, a configuration)
 * and the exact failing check and its fix are asserted — and, where the fix is "restart the app",
 * that the start-up bootstrap really repairs it. Also `npm run nylas:check` as a process.
 */
import { spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { bootstrapNylas } from "@/lib/bootstrap";
import { assertServerEnv, getEnv } from "@/lib/env";
import { getNylas } from "@/lib/nylas/client";
import { runNylasHealthCheck, type HealthCheck, type HealthReport } from "@/lib/nylas/health";
import { runDueJobs } from "@/lib/jobs";
import { configurationSyncJob, retryConfigurationSync } from "@/lib/nylas/sync-configurations";
import { ensureWebhookSubscription, WEBHOOK_TRIGGERS, webhookUrl } from "@/lib/nylas/webhook-subscription";
import { envOverride } from "../support/notetaker-sandbox";
import { setupSeededSandbox } from "../support/seeded-sandbox";

const SARAH = { name: "Sarah Kim", email: "sarah.kim@northwind.example" };
const MARCUS = { name: "Marcus Johnson", email: "marcus.johnson@northwind.example" };
const LENA = { name: "Lena Fischer", email: "lena.fischer@northwind.example" };

const { prisma, server } = setupSeededSandbox();
/** Where the health check sends an interviewer to connect their calendar. */
const accountUrl = () => new URL("/account", getEnv().APP_URL).toString();

// ── helpers ──────────────

const checkOf = (report: HealthReport, id: HealthCheck["id"]) => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${report.checks.map((c) => c.id).join(", ")}`);
  return found;
};
const statusById = (report: HealthReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.status]));

/** Calls a sandbox-only control endpoint (not Nylas) with the sandbox API key. */
async function sandboxControl(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.origin}/v3/${path}`, {
    method,
    headers: { authorization: `Bearer ${getEnv().NYLAS_SANDBOX_API_KEY}`, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} /v3/${path}`).toBe(200);
}

async function grantIdOf(email: string): Promise<string> {
  return (await prisma.sandboxGrant.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function subscription() {
  const all = (await getNylas().webhooks.list()).data;
  expect(all).toHaveLength(1);
  return all[0]!;
}

async function configurationOf(slug: string) {
  const role = await prisma.role.findUniqueOrThrow({ where: { slug }, select: { id: true, title: true } });
  const row = await prisma.roleConfiguration.findUniqueOrThrow({ where: { roleId_apiUri: { roleId: role.id, apiUri: getEnv().nylasApiUri } } });
  return { role, row };
}

type Proxy = { origin: string; close: () => Promise<void> };

/**
 * A stand-in for the API in front of the sandbox: replaces the Authorization header, or answers
 * late (every request, or those `isDelayed` picks by URL).
 */
async function startProxy(options: { authorization?: string; delayMs?: number; isDelayed?: (url: string) => boolean }): Promise<Proxy> {
  const proxy = http.createServer(
    (req, res) =>
      void (async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        if (options.delayMs && (options.isDelayed?.(req.url ?? "") ?? true)) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        const { host: _host, ...forwarded } = req.headers as Record<string, string>;
        const headers = { ...forwarded, ...(options.authorization ? { authorization: options.authorization } : {}) };
        try {
          const upstream = await fetch(`${server.origin}${req.url}`, {
            method: req.method,
            headers,
            ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
          });
          const body = Buffer.from(await upstream.arrayBuffer());
          res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json", "x-request-id": upstream.headers.get("x-request-id") ?? "" });
          res.end(body);
        } catch {
          res.destroy();
        }
      })(),
  );
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => resolve());
        proxy.closeAllConnections();
      }),
  };
}

/** Runs the health check with APP_URL (and so, in sandbox mode, the API URI) pointing elsewhere. */
async function checkWithAppUrl(appUrl: string, options?: Parameters<typeof runNylasHealthCheck>[0]): Promise<HealthReport> {
  const restore = envOverride({ APP_URL: appUrl }, assertServerEnv);
  try {
    return await runNylasHealthCheck(options);
  } finally {
    restore();
  }
}

/** `npm run nylas:check` (the same command line as package.json), against this test's sandbox. */
function runCli(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", "scripts/nylas-check.ts", ...args], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

beforeEach(async () => {
  const boot = await bootstrapNylas();
  expect(boot.webhook).not.toHaveProperty("error");
  expect(boot.configurations.filter((c) => c.action === "failed")).toEqual([]);
});

// ── all good ─────────────────────────────────────────────────────────────────────────────────────

describe("a seeded, bootstrapped sandbox", () => {
  it("passes every check, naming what it verified", async () => {
    const report = await runNylasHealthCheck();
    expect(report).toMatchObject({ mode: "sandbox", apiUri: server.origin, webhookUrl: `${server.origin}/api/webhooks/nylas`, status: "pass", summary: "All 4 checks pass" });
    // Sandbox mode: no coordinator grant (configurations belong to a panel member's grant) and no public-URL rule.
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ["api-key", "pass"],
      ["interviewer-grants", "pass"],
      ["webhook-subscription", "pass"],
      ["role-configurations", "pass"],
    ]);
    expect(report.checks.every((c) => c.fix === undefined)).toBe(true);
    expect(checkOf(report, "api-key").detail).toBe(`The sandbox at ${server.origin} accepted NYLAS_SANDBOX_API_KEY.`);
    expect(checkOf(report, "interviewer-grants").detail).toBe("All 4 panel interviewers have a valid grant matched by email: Lena Fischer, Marcus Johnson, Priya Patel, Sarah Kim.");
    const { id } = await subscription();
    expect(checkOf(report, "webhook-subscription").detail).toBe(
      `Subscription ${id} is active, points at ${server.origin}/api/webhooks/nylas and has all ${WEBHOOK_TRIGGERS.length} triggers the app needs.`,
    );
    // The draft role is not checked.
    expect(checkOf(report, "role-configurations").detail).toBe(`All 3 published roles have their configuration at ${server.origin}: Backend Engineer, Frontend Engineer, Product Designer.`);
  });
});

// ── (a) the API key ──────────────────────────────────────────────────────────────────────────────

describe("the API key", () => {
  it("refused by the sandbox: the key check fails with what to set, and every other check is skipped, not failed", async () => {
    const proxy = await startProxy({ authorization: "Bearer not-the-sandbox-key" });
    try {
      const report = await checkWithAppUrl(proxy.origin);
      const apiKey = checkOf(report, "api-key");
      expect(apiKey.status).toBe("fail");
      expect(apiKey.detail).toMatch(new RegExp(`^The sandbox at ${proxy.origin} rejected the API key \\(HTTP 401: Unauthorized`));
      expect(apiKey.fix).toBe("Run this with the same NYLAS_SANDBOX_API_KEY as the running app (its default is nylas-sandbox-dev-api-key): unset it here, or set it to the app's value.");
      expect(report.checks.slice(1).map((c) => [c.id, c.status, c.detail])).toEqual(
        ["interviewer-grants", "webhook-subscription", "role-configurations"].map((id) => [id, "skip", "Skipped: Nylas could not be asked until the API key check passes."]),
      );
      expect(report.summary).toBe("1 of 4 checks fails; 3 skipped");
    } finally {
      await proxy.close();
    }
  });

  it("unreachable: names the API URI and says the app must run (the sandbox is served by the app)", async () => {
    const dead = await startProxy({});
    await dead.close();
    const report = await checkWithAppUrl(dead.origin);
    const apiKey = checkOf(report, "api-key");
    expect(apiKey).toMatchObject({
      status: "fail",
      detail: `Could not reach the sandbox API at ${dead.origin} (ECONNREFUSED). In sandbox mode the app serves the Nylas API itself.`,
      fix: `Start the app with npm run dev, or set APP_URL to where it runs (now ${dead.origin}).`,
    });
    expect(new Set(report.checks.slice(1).map((c) => c.status))).toEqual(new Set(["skip"]));
  });

  it("too slow: the check gives up at the time limit instead of hanging", async () => {
    const slow = await startProxy({ delayMs: 3_000 });
    try {
      const started = Date.now();
      const report = await checkWithAppUrl(slow.origin, { timeoutMs: 400 });
      // Gave up before the proxy's 3 s answer (the limit is 400 ms; slack for a busy machine).
      expect(Date.now() - started).toBeLessThan(2_800);
      expect(checkOf(report, "api-key")).toMatchObject({
        status: "fail",
        detail: `Nylas did not answer within 1 s (${slow.origin}).`,
        fix: "The app is running but not answering: check the npm run dev output, then check again.",
      });
    } finally {
      await slow.close();
    }
  });

  it("a slow answer after the key check: the waiting checks fail with the time limit", async () => {
    // Every list of grants answers at once; every other call is slower than the limit.
    const proxy = await startProxy({ delayMs: 3_000, isDelayed: (url) => !url.startsWith("/v3/grants?") });
    try {
      const report = await checkWithAppUrl(proxy.origin, { timeoutMs: 1_000 });
      expect(statusById(report)).toMatchObject({ "api-key": "pass", "interviewer-grants": "pass", "webhook-subscription": "fail", "role-configurations": "fail" });
      expect(checkOf(report, "webhook-subscription")).toMatchObject({
        detail: `Nylas did not answer within 1 s (${proxy.origin}).`,
        fix: "The app is running but not answering: check the npm run dev output, then check again.",
      });
    } finally {
      await proxy.close();
    }
  });
});

// ── (c) interviewers' grants ─────────────────────────────────────────────────────────────────────

describe("interviewers' calendars", () => {
  it("a deleted grant and an invalid one: names each person and email, with a different fix for each", async () => {
    await getNylas().grants.destroy({ grantId: await grantIdOf(LENA.email) });
    const marcusGrant = await grantIdOf(MARCUS.email);
    await sandboxControl("PATCH", `sandbox/grants/${marcusGrant}`, { grant_status: "invalid" });

    const report = await runNylasHealthCheck();
    expect(statusById(report)).toEqual({ "api-key": "pass", "interviewer-grants": "fail", "webhook-subscription": "pass", "role-configurations": "pass" });
    expect(report.summary).toBe("1 of 4 checks fails");
    const grants = checkOf(report, "interviewer-grants");
    expect(grants.detail).toBe(
      "2 of 4 panel interviewers cannot host interviews: " +
        `Lena Fischer (${LENA.email}) has no connected calendar (no grant with that email); ` +
        `Marcus Johnson (${MARCUS.email}) has a grant (${marcusGrant}) that is invalid.`,
    );
    expect(grants.fix).toBe(
      `Lena Fischer signs in to the portal as ${LENA.email} and presses “Connect calendar” on ${accountUrl()} (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for Lena Fischer (${LENA.email})).\n` +
        `Marcus Johnson signs in to the portal as ${MARCUS.email} and presses “Reconnect” on ${accountUrl()} (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for Marcus Johnson (${MARCUS.email})): connecting again re-authenticates the grant.`,
    );

    // The fixes work: connect Lena again, re-authenticate Marcus.
    await sandboxControl("POST", "sandbox/grants", { email: LENA.email, name: LENA.name, timezone: "Europe/Berlin" });
    await sandboxControl("PATCH", `sandbox/grants/${marcusGrant}`, { grant_status: "valid" });
    expect(checkOf(await runNylasHealthCheck(), "interviewer-grants").status).toBe("pass");
  });

  it("a grant row gone from the sandbox: the same 'no connected calendar' fix", async () => {
    await prisma.sandboxGrant.delete({ where: { email: LENA.email } });
    const grants = checkOf(await runNylasHealthCheck(), "interviewer-grants");
    expect(grants.status).toBe("fail");
    expect(grants.detail).toContain(`Lena Fischer (${LENA.email}) has no connected calendar`);
  });

  it("a new panel member who never connected a calendar", async () => {
    const ana = await prisma.interviewer.create({ data: { name: "Ana Lee", email: "ana.lee@northwind.example", timezone: "UTC" } });
    const panel = await prisma.panel.findUniqueOrThrow({ where: { name: "Product & design panel" }, select: { id: true } });
    await prisma.panelMember.create({ data: { panelId: panel.id, interviewerId: ana.id, position: 9 } });
    const grants = checkOf(await runNylasHealthCheck(), "interviewer-grants");
    expect(grants).toMatchObject({
      status: "fail",
      detail: "1 of 5 panel interviewers cannot host interviews: Ana Lee (ana.lee@northwind.example) has no connected calendar (no grant with that email).",
      fix: `Ana Lee signs in to the portal as ana.lee@northwind.example and presses “Connect calendar” on ${accountUrl()} (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for Ana Lee (ana.lee@northwind.example)).`,
    });
  });
});

// ── (d) the webhook subscription ─────────────────────────────────────────────────────────────────

describe("the webhook subscription", () => {
  const expectedUrl = () => `${server.origin}/api/webhooks/nylas`;

  it("paused: fails with its status, and the start-up bootstrap re-activates it", async () => {
    const { id } = await subscription();
    await getNylas().webhooks.update({ webhookId: id, requestBody: { status: "pause" } as never });
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook).toEqual({
      id: "webhook-subscription",
      title: "Webhook subscription",
      status: "fail",
      detail: `Subscription ${id}: its status is "pause", not "active", so Nylas delivers nothing.`,
      fix: "Restart npm run dev: at start-up the app sets it active again (Nylas never re-activates a paused or failed subscription by itself).",
    });
    await ensureWebhookSubscription();
    expect(checkOf(await runNylasHealthCheck(), "webhook-subscription").status).toBe("pass");
  });

  it("failing (deliveries not answered): a warning, not a failure", async () => {
    const { id } = await subscription();
    await prisma.sandboxWebhook.update({ where: { id }, data: { status: "failing" } });
    const report = await runNylasHealthCheck();
    expect(checkOf(report, "webhook-subscription")).toMatchObject({
      status: "warn",
      detail: `Subscription ${id}: Nylas reports it as failing: most deliveries in the last 15 minutes got no 200.`,
    });
    expect(report.summary).toBe("3 of 4 checks pass; 1 warning");
  });

  it("a trigger removed: names the missing ones; the bootstrap adds them back", async () => {
    const { id } = await subscription();
    const kept = WEBHOOK_TRIGGERS.filter((t) => t !== "notetaker.media" && t !== "booking.cancelled");
    await getNylas().webhooks.update({ webhookId: id, requestBody: { triggerTypes: kept } });
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook).toMatchObject({
      status: "fail",
      detail: `Subscription ${id}: it lacks the triggers booking.cancelled, notetaker.media.`,
      fix: "Restart npm run dev: at start-up the app adds the missing triggers.",
    });
    await ensureWebhookSubscription();
    expect(checkOf(await runNylasHealthCheck(), "webhook-subscription").status).toBe("pass");
  });

  it("its URL changed: says where it points; the bootstrap points the same subscription back (no second one)", async () => {
    const { id } = await subscription();
    await getNylas().webhooks.update({ webhookId: id, requestBody: { webhookUrl: "https://elsewhere.example/hooks/nylas" } });
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook).toMatchObject({
      status: "fail",
      detail: `Subscription ${id}: it points at https://elsewhere.example/hooks/nylas instead of ${expectedUrl()}.`,
      fix: `Restart npm run dev: at start-up the app points its subscription back at ${expectedUrl()}.`,
    });
    expect(await ensureWebhookSubscription()).toEqual({ webhookId: id, action: "updated", url: expectedUrl() });
    expect(await subscription()).toMatchObject({ id, webhookUrl: expectedUrl(), status: "active" });
    expect(await prisma.webhookSubscription.findMany({ select: { webhookId: true, webhookUrl: true } })).toEqual([{ webhookId: id, webhookUrl: expectedUrl() }]);
    expect(checkOf(await runNylasHealthCheck(), "webhook-subscription").status).toBe("pass");
  });

  it("paused, with a trigger missing and its URL changed: every problem and every fix at once", async () => {
    const { id } = await subscription();
    await getNylas().webhooks.update({
      webhookId: id,
      requestBody: { status: "pause", webhookUrl: "https://elsewhere.example/x", triggerTypes: WEBHOOK_TRIGGERS.filter((t) => t !== "booking.created") } as never,
    });
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook.detail).toBe(
      `Subscription ${id}: it points at https://elsewhere.example/x instead of ${expectedUrl()}; its status is "pause", not "active", so Nylas delivers nothing; it lacks the trigger booking.created.`,
    );
    expect(hook.fix?.split("\n")).toHaveLength(3);
    await ensureWebhookSubscription();
    expect(checkOf(await runNylasHealthCheck(), "webhook-subscription").status).toBe("pass");
  });

  it("deleted: no subscription points at APP_URL/api/webhooks/nylas; the bootstrap creates one", async () => {
    const { id } = await subscription();
    await getNylas().webhooks.destroy({ webhookId: id });
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook).toEqual({
      id: "webhook-subscription",
      title: "Webhook subscription",
      status: "fail",
      detail: `No webhook subscription points at ${expectedUrl()}, so the app hears of no booking or Notetaker.`,
      fix: `Restart npm run dev: at start-up the app creates the subscription for ${expectedUrl()}.`,
    });
    expect((await ensureWebhookSubscription()).action).toBe("created");
    expect(checkOf(await runNylasHealthCheck(), "webhook-subscription").status).toBe("pass");
  });

  it("its signing secret not stored by the app: a warning with the fix", async () => {
    await prisma.webhookSubscription.deleteMany();
    const hook = checkOf(await runNylasHealthCheck(), "webhook-subscription");
    expect(hook.status).toBe("warn");
    expect(hook.detail).toContain("the app has not stored its signing secret");
    expect(hook.fix).toBe("Restart npm run dev: at start-up the app rotates the subscription's secret and stores it.");
  });
});

// ── (e) configurations ───────────────────────────────────────────────────────────────────────────

describe("scheduling configurations", () => {
  it("deleted on the sandbox's side: names the role and the id, and says to press Retry", async () => {
    const { role, row } = await configurationOf("backend-engineer");
    await getNylas().scheduler.configurations.destroy({ identifier: row.grantId!, configurationId: row.configurationId! });
    const report = await runNylasHealthCheck();
    expect(statusById(report)).toEqual({ "api-key": "pass", "interviewer-grants": "pass", "webhook-subscription": "pass", "role-configurations": "fail" });
    const configs = checkOf(report, "role-configurations");
    expect(configs.detail).toBe(
      `1 of 3 published roles cannot be booked: Backend Engineer (/careers/backend-engineer): configuration ${row.configurationId} no longer exists at Nylas (Configuration not found: ${row.configurationId}).`,
    );
    expect(configs.fix).toBe("Open the Backend Engineer role in Settings and press Retry. The sync creates a new configuration when the old one is gone.");

    // The fix works: Retry, and the sync creates a new configuration.
    await retryConfigurationSync(role.id);
    expect(await runDueJobs(configurationSyncJob)).toBe(1);
    expect((await configurationOf("backend-engineer")).row).toMatchObject({ syncStatus: "SYNCED", lastSyncError: null });
    expect(checkOf(await runNylasHealthCheck(), "role-configurations").status).toBe("pass");
  });

  it("a published role with no configuration row at this environment", async () => {
    const { role } = await configurationOf("product-designer");
    await prisma.roleConfiguration.deleteMany({ where: { roleId: role.id } });
    const configs = checkOf(await runNylasHealthCheck(), "role-configurations");
    expect(configs).toMatchObject({
      status: "fail",
      detail: `1 of 3 published roles cannot be booked: Product Designer (/careers/product-designer) has no scheduling configuration at ${server.origin}, so its careers page cannot book.`,
      fix: "Open the Product Designer role in Settings and press Retry. Restarting the app also creates a configuration for every role at this Nylas environment.",
    });
    await retryConfigurationSync(role.id);
    expect(await runDueJobs(configurationSyncJob)).toBe(1);
    expect(checkOf(await runNylasHealthCheck(), "role-configurations").status).toBe("pass");
  });

  it("the first sync refused by the sandbox (no configuration yet): the role cannot be booked; shows Nylas's error and says to press Retry", async () => {
    // Break the sandbox's side: the grant the configuration would belong to (the panel's first
    // member, in sandbox mode) is gone, so the real sync's create is refused and marked FAILED.
    const { role } = await configurationOf("product-designer");
    await prisma.roleConfiguration.deleteMany({ where: { roleId: role.id } });
    const firstMember = await prisma.panelMember.findFirstOrThrow({
      where: { panel: { roles: { some: { id: role.id } } } },
      orderBy: { position: "asc" },
      select: { interviewer: { select: { email: true } } },
    });
    await getNylas().grants.destroy({ grantId: await grantIdOf(firstMember.interviewer.email) });
    await retryConfigurationSync(role.id);
    expect(await runDueJobs(configurationSyncJob)).toBe(1);
    const { row } = await configurationOf("product-designer");
    expect(row).toMatchObject({ syncStatus: "FAILED", configurationId: null });
    expect(row.lastSyncError).toMatch(/grant/i);

    const report = await runNylasHealthCheck();
    expect(checkOf(report, "role-configurations")).toEqual({
      id: "role-configurations",
      title: "Scheduling configurations",
      status: "fail",
      detail: `1 of 3 published roles cannot be booked: Product Designer (/careers/product-designer): the sync that creates its configuration failed (${row.lastSyncError}), so its careers page cannot book.`,
      fix: "Open the Product Designer role in Settings and press Retry. If it fails again, change what the error names (the role or its panel) and save.",
    });
  });

  it("a later edit whose sync failed (the configuration exists): still bookable, shows the sync error and says to press Retry", async () => {
    const { role } = await configurationOf("frontend-engineer");
    await prisma.roleConfiguration.update({
      where: { roleId_apiUri: { roleId: role.id, apiUri: server.origin } },
      data: { syncStatus: "FAILED", lastSyncError: "400 invalid_request_error: Failed to find a valid Grant for participant x@y." },
    });
    const configs = checkOf(await runNylasHealthCheck(), "role-configurations");
    expect(configs).toMatchObject({
      status: "fail",
      detail:
        "1 of 3 published roles need attention: Frontend Engineer (/careers/frontend-engineer): its latest changes did not reach Nylas, the sync failed " +
        "(400 invalid_request_error: Failed to find a valid Grant for participant x@y.); candidates still book with the settings from before.",
      fix: "Open the Frontend Engineer role in Settings and press Retry. If it fails again, change what the error names (the role or its panel) and save.",
    });
  });

  it("a configuration being created (sync pending): a warning that says it is in progress", async () => {
    const { role } = await configurationOf("frontend-engineer");
    await prisma.roleConfiguration.deleteMany({ where: { roleId: role.id } });
    await retryConfigurationSync(role.id); // queues the first sync at this environment; no worker runs it here
    expect((await configurationOf("frontend-engineer")).row).toMatchObject({ syncStatus: "PENDING", configurationId: null });
    const report = await runNylasHealthCheck();
    expect(checkOf(report, "role-configurations")).toMatchObject({
      status: "warn",
      detail: "1 of 3 published roles are not ready yet: Frontend Engineer (/careers/frontend-engineer): its configuration is being created (sync in progress).",
      fix: "Nothing, unless it stays: the sync retries by itself. To retry now, open the Frontend Engineer role in Settings and press Retry.",
    });
    expect(report.status).toBe("warn");

    // The sync runs: the role passes.
    expect(await runDueJobs(configurationSyncJob)).toBe(1);
    expect(checkOf(await runNylasHealthCheck(), "role-configurations").status).toBe("pass");
  });

  it("a later edit retrying after a transient error: a warning, still bookable", async () => {
    const { role } = await configurationOf("backend-engineer");
    await prisma.roleConfiguration.update({
      where: { roleId_apiUri: { roleId: role.id, apiUri: server.origin } },
      data: { syncStatus: "PENDING", lastSyncError: "503 api_error: Service unavailable", nextSyncAt: new Date(Date.now() + 60_000) },
    });
    expect(checkOf(await runNylasHealthCheck(), "role-configurations")).toMatchObject({
      status: "warn",
      detail:
        "1 of 3 published roles need attention: Backend Engineer (/careers/backend-engineer): its latest changes have not reached Nylas yet " +
        "(last attempt: 503 api_error: Service unavailable; retrying).",
    });
  });

  it("an unpublished role is not checked", async () => {
    const { role } = await configurationOf("senior-product-manager");
    await prisma.roleConfiguration.deleteMany({ where: { roleId: role.id } });
    expect(checkOf(await runNylasHealthCheck(), "role-configurations").status).toBe("pass");
  });
});

// ── live mode (the same SDK calls; the fixes point at the Nylas dashboard) ──────────────────────

describe("live mode, against the sandbox standing in for Nylas", () => {
  /**
   * `npm run nylas:check -- --json` with NYLAS_MODE=live and this test's sandbox as NYLAS_API_URI:
   * the live checks and messages, offline. (A child process, because the sandbox itself answers 404
   * in a live-mode process.)
   */
  async function checkLive(overrides: Record<string, string> = {}): Promise<HealthReport> {
    const result = await runCli(
      {
        NYLAS_MODE: "live",
        APP_URL: server.origin,
        NYLAS_API_URI: server.origin,
        NYLAS_API_KEY: getEnv().NYLAS_SANDBOX_API_KEY,
        NYLAS_GRANT_ID: await grantIdOf(SARAH.email),
        NYLAS_WEBHOOK_SECRET: "live-webhook-secret-for-tests",
        NEXTAUTH_SECRET: "a-live-nextauth-secret-for-the-health-tests",
        ...overrides,
      },
      ["--json"],
    );
    expect(result.stderr).toBe("");
    const report = JSON.parse(result.stdout) as HealthReport;
    expect(result.code).toBe(report.status === "fail" ? 1 : 0);
    return report;
  }

  it("adds the coordinator grant and the public-URL checks; a local APP_URL is a warning with the tunnel hint", async () => {
    const report = await checkLive();
    expect(report.mode).toBe("live");
    expect(statusById(report)).toEqual({
      "api-key": "pass",
      "coordinator-grant": "pass",
      "interviewer-grants": "pass",
      "webhook-subscription": "pass",
      "webhook-url": "warn",
      "role-configurations": "pass",
    });
    expect(checkOf(report, "api-key").detail).toBe(`Nylas (${server.origin}) accepted NYLAS_API_KEY.`);
    expect(checkOf(report, "webhook-url")).toMatchObject({
      detail: `APP_URL (${server.origin}) is not HTTPS and is a private network address: Nylas cannot deliver webhooks to ${server.origin}/api/webhooks/nylas.`,
      fix:
        "Set APP_URL to the app's public HTTPS address and restart the app. To try it from your machine, use a tunnel " +
        "(VS Code port forwarding, Cloudflare Tunnel, Hookdeck; Nylas blocks ngrok hosts).",
    });
    expect(report.summary).toBe("5 of 6 checks pass; 1 warning");
  });

  it("NYLAS_GRANT_ID unknown, then invalid: says which grant to set or re-authenticate", async () => {
    const unknown = checkOf(await checkLive({ NYLAS_GRANT_ID: "no-such-grant" }), "coordinator-grant");
    expect(unknown).toMatchObject({
      status: "fail",
      detail: "NYLAS_GRANT_ID=no-such-grant is not a grant of this Nylas application.",
      fix:
        "Set NYLAS_GRANT_ID to the id of the grant the scheduling configurations should belong to (Nylas dashboard → Grants; " +
        "the API key and the grant must be from the same application), then restart the app.",
    });

    const sarahGrant = await grantIdOf(SARAH.email);
    await sandboxControl("PATCH", `sandbox/grants/${sarahGrant}`, { grant_status: "invalid" });
    const report = await checkLive();
    expect(checkOf(report, "coordinator-grant")).toMatchObject({
      status: "fail",
      detail: `The coordinator grant ${sarahGrant} (${SARAH.email}) is invalid: Nylas cannot use it until it is re-authenticated.`,
    });
    expect(checkOf(report, "coordinator-grant").fix).toContain(`Re-authenticate ${SARAH.email}: Nylas dashboard → Grants → ${sarahGrant} → Re-authenticate`);
    // The same person is also an interviewer: the live fix is the dashboard, not the sandbox console.
    expect(checkOf(report, "interviewer-grants").fix).toBe(
      `Sarah Kim signs in to the portal as ${SARAH.email} and presses “Reconnect” on ${accountUrl()}, signing in as ${SARAH.email} (the same email keeps the same grant); ` +
        `or Nylas dashboard → Grants → ${sarahGrant} → Re-authenticate.`,
    );
  });

  it("a refused key skips what asks Nylas, but still checks APP_URL", async () => {
    const report = await checkLive({ NYLAS_API_KEY: "not-the-live-key" });
    expect(checkOf(report, "api-key")).toMatchObject({ status: "fail", detail: expect.stringMatching(/^Nylas rejected the API key \(HTTP 401: /) });
    expect(checkOf(report, "api-key").fix).toContain("Set NYLAS_API_KEY to a key from the Nylas dashboard → API Keys for this application, then restart the app.");
    expect(statusById(report)).toEqual({
      "api-key": "fail",
      "coordinator-grant": "skip",
      "interviewer-grants": "skip",
      "webhook-subscription": "skip",
      "webhook-url": "warn",
      "role-configurations": "skip",
    });
  });
});

// ── npm run nylas:check ──────────────────────────────────────────────────────────────────────────

describe("npm run nylas:check", () => {
  it("prints the report and exits 0 when every check passes, 1 when one fails", async () => {
    const ok = await runCli({ APP_URL: server.origin, NYLAS_MODE: "sandbox" });
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`Nylas health (sandbox mode, API ${server.origin})`);
    expect(ok.stdout).toContain(`PASS  Webhook subscription: Subscription`);
    expect(ok.stdout).toMatch(/All 4 checks pass \(\d+\.\d s\)/);

    const { id } = await subscription();
    await getNylas().webhooks.destroy({ webhookId: id });
    const failed = await runCli({ APP_URL: server.origin, NYLAS_MODE: "sandbox" });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`FAIL  Webhook subscription: No webhook subscription points at ${webhookUrl()}`);
    expect(failed.stdout).toContain(`  → Restart npm run dev: at start-up the app creates the subscription for ${webhookUrl()}.`);
    expect(failed.stdout).toContain("1 of 4 checks fails");
  });

  it("sandbox mode with the app not running: one clear line, exit 1", async () => {
    const dead = await startProxy({});
    await dead.close();
    const result = await runCli({ APP_URL: dead.origin, NYLAS_MODE: "sandbox" });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim()).toBe(`The app is not running at ${dead.origin}: in sandbox mode it serves the Nylas API itself. Start it with npm run dev (or set APP_URL to where it runs).`);
  });
});
