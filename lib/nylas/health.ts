import "server-only";
import { NylasApiError, NylasSdkTimeoutError } from "nylas";
import { db } from "@/lib/db";
import { getEnv, type Env } from "@/lib/env";
import { describeNylasError, getNylas } from "./client";
import { findGrantByEmail, type GrantMatch } from "./grants";
import { overallStatus, summarizeChecks, type HealthCheck, type HealthReport } from "./health-format";
import { createDeadline, createLimiter, HealthTimeoutError, type Deadline, type Limiter } from "./health-limits";
import {
  apiError, apiKeyRejected, apiTimedOut, apiUnreachable, appUrlProblems, coordinatorGrantInvalid, coordinatorGrantMissingEnv,
  coordinatorGrantNotFound, interviewerGrantInvalid, interviewerGrantMissing, missingTriggers, restartHint, roleChangesRetrying,
  roleConfigurationGone, roleConfigurationMissing, roleConfigurationPending, roleProblemsHeadline, roleSyncFailed, webhookUrlFix,
  type Mode, type RoleProblem,
} from "./health-messages";
import { WEBHOOK_TRIGGERS, webhookUrl } from "./webhook-subscription";

export type { HealthCheck, HealthReport, HealthStatus } from "./health-format";

export type HealthCheckOptions = {
  /** Overall time limit for every Nylas call together (default 10 s). */
  timeoutMs?: number;
  /** Nylas calls in flight at once (default 5). */
  concurrency?: number;
};

type Context = {
  env: Env;
  mode: Mode;
  nylas: ReturnType<typeof getNylas>;
  deadline: Deadline;
  /** A Nylas call under the concurrency limit and the overall deadline. */
  call: <T>(work: () => Promise<T>) => Promise<T>;
};

const TITLES = {
  "api-key": "Nylas API key",
  "coordinator-grant": "Coordinator grant (NYLAS_GRANT_ID)",
  "interviewer-grants": "Interviewers' calendars",
  "webhook-subscription": "Webhook subscription",
  "webhook-url": "Webhook URL reachable by Nylas",
  "role-configurations": "Scheduling configurations",
} as const satisfies Record<HealthCheck["id"], string>;

type CheckId = keyof typeof TITLES;
const check = (id: CheckId, status: HealthCheck["status"], detail: string, fix?: string): HealthCheck => ({
  id, title: TITLES[id], status, detail, ...(fix ? { fix } : {}),
});

/**
 * Is the app wired to Nylas (the sandbox or live Nylas, through the same SDK calls)? The API key
 * works; every panel interviewer has a valid grant matched by email; the webhook subscription
 * exists, is active, points at APP_URL/api/webhooks/nylas and has every trigger; every published
 * role has a configuration at this Nylas environment. Each failing check says what to do.
 *
 * The API key is checked first: when Nylas refuses it, every other check that asks Nylas is
 * reported as skipped instead of failing for the same reason (live mode's APP_URL check still runs). The rest run concurrently, at most `concurrency` Nylas
 * calls at a time, all within `timeoutMs` (a check still waiting then fails with "Nylas did not
 * answer within N s"), so the settings page never hangs. Read-only: it repairs nothing.
 */
export async function runNylasHealthCheck(options: HealthCheckOptions = {}): Promise<HealthReport> {
  const started = Date.now();
  const env = getEnv();
  const deadline = createDeadline(options.timeoutMs ?? 10_000);
  const limit: Limiter = createLimiter(options.concurrency ?? 5);
  const ctx: Context = {
    env,
    mode: env.NYLAS_MODE,
    nylas: getNylas(),
    deadline,
    call: (work) => deadline.run(() => limit(() => (deadline.isExpired ? Promise.reject(new HealthTimeoutError(deadline.seconds)) : work()))),
  };

  const later: CheckId[] = [
    ...(ctx.mode === "live" ? (["coordinator-grant"] as const) : []),
    "interviewer-grants",
    "webhook-subscription",
    ...(ctx.mode === "live" ? (["webhook-url"] as const) : []),
    "role-configurations",
  ];
  const runners: Record<Exclude<CheckId, "api-key">, (ctx: Context) => Promise<HealthCheck>> = {
    "coordinator-grant": checkCoordinatorGrant,
    "interviewer-grants": checkInterviewerGrants,
    "webhook-subscription": checkWebhookSubscription,
    "webhook-url": checkWebhookUrl,
    "role-configurations": checkRoleConfigurations,
  };

  let checks: HealthCheck[];
  try {
    const apiKey = await guarded(ctx, "api-key", checkApiKey);
    if (apiKey.status === "fail") {
      // Only the APP_URL check does not ask Nylas.
      const reason = "Skipped: Nylas could not be asked until the API key check passes.";
      checks = [apiKey, ...(await Promise.all(later.map((id) => (id === "webhook-url" ? guarded(ctx, id, runners[id]) : Promise.resolve(check(id, "skip", reason))))))];
    } else {
      checks = [apiKey, ...(await Promise.all(later.map((id) => guarded(ctx, id, runners[id as Exclude<CheckId, "api-key">]))))];
    }
  } finally {
    deadline.dispose();
  }

  return {
    mode: ctx.mode,
    apiUri: env.nylasApiUri,
    webhookUrl: webhookUrl(),
    checkedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    status: overallStatus(checks),
    summary: summarizeChecks(checks),
    checks,
  };
}

/** A check that throws (database down, an unexpected Nylas error, the deadline) fails with the reason. */
async function guarded(ctx: Context, id: CheckId, run: (ctx: Context) => Promise<HealthCheck>): Promise<HealthCheck> {
  try {
    return await ctx.deadline.run(() => run(ctx));
  } catch (error) {
    const { detail, fix } = explainCallFailure(ctx, error);
    return check(id, "fail", detail, fix);
  }
}

// ── error classification ─────────────────────────────────────────────────────────────────────────

type Failure = { kind: "timeout"; seconds: number } | { kind: "unauthorized"; reason: string } | { kind: "network"; reason: string } | { kind: "other"; reason: string };

function classify(error: unknown, ctx: Context): Failure {
  if (error instanceof HealthTimeoutError) return { kind: "timeout", seconds: error.seconds };
  if (error instanceof NylasSdkTimeoutError) return { kind: "timeout", seconds: ctx.deadline.seconds };
  if (error instanceof NylasApiError) {
    if (error.statusCode === 401 || error.statusCode === 403) return { kind: "unauthorized", reason: `HTTP ${error.statusCode}: ${error.message}` };
    return { kind: "other", reason: describeNylasError(error) };
  }
  // Node's fetch: TypeError("fetch failed") with the socket error as its cause.
  if (error instanceof TypeError && /fetch failed|Failed to fetch/i.test(error.message)) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { kind: "network", reason: cause?.code ?? cause?.message ?? error.message };
  }
  return { kind: "other", reason: error instanceof Error ? error.message : String(error) };
}

function explainCallFailure(ctx: Context, error: unknown): { detail: string; fix: string } {
  const failure = classify(error, ctx);
  switch (failure.kind) {
    case "timeout":
      return apiTimedOut(ctx.mode, ctx.env.nylasApiUri, failure.seconds);
    case "unauthorized":
      return apiKeyRejected(ctx.mode, ctx.env.nylasApiUri, failure.reason);
    case "network":
      return apiUnreachable(ctx.mode, ctx.env.nylasApiUri, failure.reason);
    default:
      return apiError(ctx.mode, failure.reason);
  }
}

/** One line about a failed lookup inside a multi-item check. */
function shortFailure(ctx: Context, error: unknown): string {
  const failure = classify(error, ctx);
  if (failure.kind === "timeout") return `Nylas did not answer within ${failure.seconds} s`;
  return `the lookup failed (${failure.reason})`;
}

const isNotFound = (error: unknown) => error instanceof NylasApiError && (error.statusCode === 404 || error.statusCode === 400);

// ── (a) API key ──────────────────────────────────────────────────────────────────────────────────

async function checkApiKey(ctx: Context): Promise<HealthCheck> {
  // The cheapest authenticated call there is.
  await ctx.call(() => ctx.nylas.grants.list({ queryParams: { limit: 1 } }));
  return check(
    "api-key",
    "pass",
    ctx.mode === "sandbox"
      ? `The sandbox at ${ctx.env.nylasApiUri} accepted NYLAS_SANDBOX_API_KEY.`
      : `Nylas (${ctx.env.nylasApiUri}) accepted NYLAS_API_KEY.`,
  );
}

// ── (b) coordinator grant (live) ─────────────────────────────────────────────────────────────────

async function checkCoordinatorGrant(ctx: Context): Promise<HealthCheck> {
  const grantId = ctx.env.NYLAS_GRANT_ID;
  if (!grantId) {
    const { detail, fix } = coordinatorGrantMissingEnv();
    return check("coordinator-grant", "fail", detail, fix);
  }
  let grant;
  try {
    grant = (await ctx.call(() => ctx.nylas.grants.find({ grantId }))).data;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const { detail, fix } = coordinatorGrantNotFound(grantId);
    return check("coordinator-grant", "fail", detail, fix);
  }
  const status = grant.grantStatus ?? "valid";
  if (status !== "valid") {
    const { detail, fix } = coordinatorGrantInvalid(grantId, grant.email ?? null, status);
    return check("coordinator-grant", "fail", detail, fix);
  }
  return check("coordinator-grant", "pass", `Grant ${grantId}${grant.email ? ` (${grant.email})` : ""} is valid; the scheduling configurations belong to it.`);
}

// ── (c) every panel interviewer has a valid grant, matched by email ──────────────────────────────

async function checkInterviewerGrants(ctx: Context): Promise<HealthCheck> {
  const interviewers = await db.interviewer.findMany({
    where: { panels: { some: {} } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { name: true, email: true },
  });
  if (interviewers.length === 0) {
    return check("interviewer-grants", "warn", "No interviewer is on a panel yet, so no role can be booked.", "Add interviewers to a panel in Settings.");
  }

  const results = await Promise.all(
    interviewers.map(async (person) => {
      try {
        return { person, grant: await ctx.call(() => findGrantByEmail(person.email)) };
      } catch (error) {
        return { person, error };
      }
    }),
  );

  const problems: string[] = [];
  const fixes: string[] = [];
  let lookupsFailed = false;
  for (const r of results) {
    if ("error" in r) {
      // A refused key was caught by the first check; what is left is Nylas being slow or erroring.
      problems.push(`${r.person.name} (${r.person.email}): ${shortFailure(ctx, r.error)}`);
      lookupsFailed = true;
      continue;
    }
    const grant: GrantMatch | null = r.grant;
    if (!grant) {
      const { problem, fix } = interviewerGrantMissing(ctx.mode, r.person);
      problems.push(problem);
      fixes.push(fix);
    } else if (grant.status !== "valid") {
      const { problem, fix } = interviewerGrantInvalid(ctx.mode, r.person, grant);
      problems.push(problem);
      fixes.push(fix);
    }
  }
  if (lookupsFailed) fixes.push("Check again; if Nylas keeps failing, see the API key check's hints.");

  const total = interviewers.length;
  if (problems.length === 0) {
    return check(
      "interviewer-grants",
      "pass",
      `All ${total} panel interviewer${total === 1 ? " has a valid grant" : "s have a valid grant"} matched by email: ${interviewers.map((i) => i.name).join(", ")}.`,
    );
  }
  return check(
    "interviewer-grants",
    "fail",
    `${problems.length} of ${total} panel interviewers cannot host interviews: ${problems.join("; ")}.`,
    fixes.join("\n"),
  );
}

// ── (d) the webhook subscription ─────────────────────────────────────────────────────────────────

async function checkWebhookSubscription(ctx: Context): Promise<HealthCheck> {
  const expected = webhookUrl();
  const restart = restartHint(ctx.mode);
  const [subscriptions, stored] = await Promise.all([
    ctx.call(() => ctx.nylas.webhooks.list()).then((r) => r.data),
    db.webhookSubscription.findMany({ where: { apiUri: ctx.env.nylasApiUri }, select: { webhookId: true } }),
  ]);
  const storedIds = new Set(stored.map((s) => s.webhookId));
  const atOurUrl = subscriptions.find((w) => w.webhookUrl === expected);
  // Not at our URL: is the one the app created (its id is stored) pointing somewhere else?
  const subscription = atOurUrl ?? subscriptions.find((w) => storedIds.has(w.id));

  if (!subscription) {
    return check(
      "webhook-subscription",
      "fail",
      `No webhook subscription points at ${expected}, so the app hears of no booking or Notetaker.`,
      `${capitalize(restart)}: at start-up the app creates the subscription for ${expected}.` +
        (ctx.mode === "live" ? " Nylas verifies the URL when it is created, so APP_URL must be reachable from the internet over HTTPS first." : ""),
    );
  }

  const problems: string[] = [];
  const fixes: string[] = [];
  let status = "pass" as HealthCheck["status"];
  const fail = (problem: string, fix: string) => {
    status = "fail";
    problems.push(problem);
    fixes.push(fix);
  };

  if (subscription.webhookUrl !== expected) {
    fail(
      `it points at ${subscription.webhookUrl} instead of ${expected}`,
      `${capitalize(restart)}: at start-up the app points its subscription back at ${expected}.`,
    );
  }
  if (subscription.status === "failing") {
    status = status === "fail" ? "fail" : "warn";
    problems.push(`Nylas reports it as failing: most deliveries in the last 15 minutes got no 200`);
    fixes.push(
      `Make sure ${expected} answers 200 (the app's logs; Settings → Webhook deliveries). After 72 h of failures Nylas marks it failed and stops delivering.`,
    );
  } else if (subscription.status !== "active") {
    fail(
      `its status is "${subscription.status}", not "active", so Nylas delivers nothing`,
      `${capitalize(restart)}: at start-up the app sets it active again (Nylas never re-activates a paused or failed subscription by itself)` +
        (ctx.mode === "live" ? `, or Nylas dashboard → Webhooks → ${subscription.id} → Activate.` : "."),
    );
  }
  const missing = missingTriggers(subscription.triggerTypes, WEBHOOK_TRIGGERS);
  if (missing.length) {
    fail(
      `it lacks ${missing.length === 1 ? "the trigger" : "the triggers"} ${missing.join(", ")}`,
      `${capitalize(restart)}: at start-up the app adds the missing triggers` +
        (ctx.mode === "live" ? ` (or add ${missing.join(", ")} in the Nylas dashboard → Webhooks → ${subscription.id}).` : "."),
    );
  }
  if (!storedIds.has(subscription.id) && status !== "fail") {
    if (status === "pass") status = "warn";
    problems.push("the app has not stored its signing secret, so deliveries verify only against NYLAS_WEBHOOK_SECRET");
    fixes.push(`${capitalize(restart)}: at start-up the app rotates the subscription's secret and stores it.`);
  }

  if (problems.length === 0) {
    return check(
      "webhook-subscription",
      "pass",
      `Subscription ${subscription.id} is active, points at ${expected} and has all ${WEBHOOK_TRIGGERS.length} triggers the app needs.`,
    );
  }
  return check("webhook-subscription", status, `Subscription ${subscription.id}: ${problems.join("; ")}.`, dedupe(fixes).join("\n"));
}

// ── (d') live: can Nylas reach APP_URL? ──────────────────────────────────────────────────────────

async function checkWebhookUrl(ctx: Context): Promise<HealthCheck> {
  const problems = appUrlProblems(ctx.env.APP_URL);
  if (problems.length === 0) return check("webhook-url", "pass", `APP_URL (${ctx.env.APP_URL}) is a public HTTPS address.`);
  return check(
    "webhook-url",
    "warn",
    `APP_URL (${ctx.env.APP_URL}) ${problems.join(" and ")}: Nylas cannot deliver webhooks to ${webhookUrl()}.`,
    webhookUrlFix(),
  );
}

// ── (e) every published role has a configuration at this Nylas environment ───────────────────────

async function checkRoleConfigurations(ctx: Context): Promise<HealthCheck> {
  const apiUri = ctx.env.nylasApiUri;
  const roles = await db.role.findMany({
    where: { published: true },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: {
      title: true,
      slug: true,
      configurations: {
        where: { apiUri },
        select: { configurationId: true, grantId: true, syncStatus: true, lastSyncError: true },
      },
      panel: { select: { members: { orderBy: { position: "asc" }, take: 1, select: { interviewer: { select: { email: true } } } } } },
    },
  });
  if (roles.length === 0) return check("role-configurations", "pass", "No role is published yet; nothing to book.");

  // The role's row at this Nylas environment (lib/settings/roles.ts toRoleSync reads the same
  // states): none → never synced here; no configuration id → the first sync is pending or failed;
  // an id → it must still exist at Nylas, and a FAILED / retrying later edit is reported too.
  const problems = await Promise.all(
    roles.map(async (role): Promise<RoleProblem | null> => {
      const row = role.configurations[0];
      if (!row) return roleConfigurationMissing(role, apiUri);
      if (!row.configurationId) {
        return row.syncStatus === "FAILED" ? roleSyncFailed(role, row.lastSyncError, false) : roleConfigurationPending(role, row.lastSyncError);
      }
      // The grant the configuration belongs to: as stored, else as the sync would choose it.
      const identifier = row.grantId ?? ctx.env.NYLAS_GRANT_ID ?? role.panel.members[0]?.interviewer.email;
      const configurationId = row.configurationId;
      if (identifier) {
        try {
          await ctx.call(() => ctx.nylas.scheduler.configurations.find({ identifier, configurationId }));
        } catch (error) {
          if (!isNotFound(error)) {
            return {
              level: "fail",
              isBookable: false,
              problem: `${role.title} (/careers/${role.slug}): ${shortFailure(ctx, error)}`,
              fix: "Check again; if Nylas keeps failing, see the API key check's hints.",
            };
          }
          return roleConfigurationGone(role, configurationId, (error as NylasApiError).message);
        }
      }
      if (row.syncStatus === "FAILED") return roleSyncFailed(role, row.lastSyncError, true);
      if (row.syncStatus === "PENDING" && row.lastSyncError) return roleChangesRetrying(role, row.lastSyncError);
      return null;
    }),
  );

  const bad = problems.filter((p): p is RoleProblem => p !== null);
  if (bad.length === 0) {
    return check(
      "role-configurations",
      "pass",
      `All ${roles.length} published role${roles.length === 1 ? " has its configuration" : "s have their configuration"} at ${apiUri}: ${roles.map((r) => r.title).join(", ")}.`,
    );
  }
  return check(
    "role-configurations",
    bad.some((p) => p.level === "fail") ? "fail" : "warn",
    `${roleProblemsHeadline(bad, roles.length)}: ${bad.map((p) => p.problem).join("; ")}.`,
    dedupe(bad.map((p) => p.fix)).join("\n"),
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const dedupe = (lines: string[]) => [...new Set(lines)];
