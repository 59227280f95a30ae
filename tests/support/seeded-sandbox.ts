/**
 * The setup integration files share around the demo sandbox, registered as vitest hooks by one call
 * at the top of a file, so that the file states only what is particular to it. Builds on
 * openTestDatabase (./database), startSandboxServer (./sandbox-server) and envOverride (./notetaker-sandbox).
 *
 * setupSeededSandbox gives the file a Prisma client (disconnected after all tests) and the sandbox
 * API served over HTTP (closed after all tests). Before each test it empties every table, seeds the
 * demo in sandbox mode (panels, roles, users, grants, calendars), forgets the cached webhook secrets
 * (they were read from the tables just emptied) and, if asked, creates every role's scheduling
 * configuration and the app's webhook subscription in the sandbox. The server's request log then
 * starts empty.
 *
 * Call it before the file's own hooks. Vitest runs "before" hooks in the order they were registered
 * and "after" hooks in reverse, so the file's beforeEach sees the seeded sandbox, and the file's
 * afterEach and afterAll run while the server and the database are still up.
 */
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { assertServerEnv, getEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { syncRoleConfigurations, type SyncOutcome } from "@/lib/nylas/sync-configurations";
import { ensureWebhookSubscription } from "@/lib/nylas/webhook-subscription";
import { ZScorecard } from "@/lib/scorecards/scorecard";
import { scorecardSummaryInstructions } from "@/lib/scorecards/summary-instructions";
import { seedDemo } from "@/lib/seed/seed-demo";
import { forgetWebhookSecrets } from "@/lib/webhooks/secrets";
import { demoPanels, demoRoles } from "@/prisma/demo-fixture";
import { openTestDatabase } from "./database";
import { envOverride } from "./notetaker-sandbox";
import { startSandboxServer, type SandboxServerOptions, type TestServer } from "./sandbox-server";

export type SeededSandboxOptions = {
  /** How the sandbox API is served (`{ webhookRoute: true }` also routes its deliveries to the app); false: not served. */
  server?: SandboxServerOptions | false;
  /** Before each test, after seeding: create every role's scheduling configuration (syncRoleConfigurations). */
  syncConfigurations?: boolean;
  /** Then subscribe the app to the sandbox's webhooks (ensureWebhookSubscription), expecting a new subscription. */
  webhookSubscription?: boolean;
};

export type SeededSandbox = {
  prisma: PrismaClient;
  /** The served sandbox: filled in before all tests (left empty with `server: false`). */
  server: TestServer;
  /** This test's syncRoleConfigurations outcomes (empty without `syncConfigurations`). */
  configurations: readonly SyncOutcome[];
  /** This test's configuration id per role slug (empty without `syncConfigurations`). */
  configurationOf: Readonly<Record<string, string>>;
};

/** Registers the file's hooks for a freshly seeded demo sandbox per test (see the module comment). */
export function setupSeededSandbox(options: SeededSandboxOptions = {}): SeededSandbox {
  const prisma = openTestDatabase({ resetBeforeEach: true });
  // Stable objects, refilled by the hooks, so that a file can destructure them at load time.
  const server = {} as TestServer;
  const configurations: SyncOutcome[] = [];
  const configurationOf: Record<string, string> = {};
  const isServed = options.server !== false;

  beforeAll(async () => {
    if (isServed) Object.assign(server, await startSandboxServer(options.server || undefined));
  });
  afterAll(async () => {
    if (isServed) await server.close();
  });
  beforeEach(async () => {
    await seedDemo(prisma, { sandbox: true, seedPassword: "password", now: new Date() });
    forgetWebhookSecrets();
    configurations.length = 0;
    for (const slug of Object.keys(configurationOf)) delete configurationOf[slug];
    if (options.syncConfigurations) {
      configurations.push(...(await syncRoleConfigurations()));
      for (const { roleSlug, configurationId } of configurations) if (configurationId) configurationOf[roleSlug] = configurationId;
    }
    if (options.webhookSubscription) expect((await ensureWebhookSubscription()).action).toBe("created");
    if (isServed) server.requests.length = 0;
  });

  return { prisma, server, configurations, configurationOf };
}

/**
 * Registers NYLAS_WEBHOOK_SECRET = `secret` for the whole file: set (and the env re-validated) before
 * all tests, restored after them, when the cached webhook secrets are forgotten too. Call it before
 * setupSeededSandbox so that the sandbox server starts with it.
 */
export function setupWebhookSecret(secret: string): void {
  let restore = () => {};
  beforeAll(() => {
    restore = envOverride({ NYLAS_WEBHOOK_SECRET: secret }, assertServerEnv);
    expect(getEnv().NYLAS_WEBHOOK_SECRET).toBe(secret);
  });
  afterAll(() => {
    restore();
    forgetWebhookSecrets();
  });
}

/**
 * The summary instructions a demo role's configuration sends: its panel's (or `base`), with the
 * role's seeded scorecard appended (lib/nylas/configuration-request.ts).
 */
export function demoSummaryInstructions(slug: string, base?: string): string {
  const role = demoRoles.find((r) => r.slug === slug)!;
  const panel = demoPanels.find((p) => p.name === role.panel)!;
  return scorecardSummaryInstructions(base ?? panel.summaryInstructions, ZScorecard.parse({ competencies: role.scorecard }));
}
