/**
 * The Nylas health check: runNylasHealthCheck, for /settings (components/settings/nylas-health.tsx)
 * and `npm run nylas:check`. Each check is its own module under checks/; context.ts holds what they
 * share, messages.ts what each problem means and how to fix it, format.ts the report's shape and
 * text form (pure, for client components and the CLI), limits.ts the deadline and concurrency limit.
 */
import "server-only";
import { getEnv } from "@/lib/env";
import { getNylas } from "../client";
import { webhookUrl } from "../webhook-subscription";
import { checkApiKey } from "./checks/api-key";
import { checkCoordinatorGrant } from "./checks/coordinator-grant";
import { checkInterviewerGrants } from "./checks/interviewer-grants";
import { checkRoleConfigurations } from "./checks/role-configurations";
import { checkWebhookSubscription } from "./checks/webhook-subscription";
import { checkWebhookUrl } from "./checks/webhook-url";
import { check, guarded, type CheckId, type Context } from "./context";
import { overallStatus, summarizeChecks, type HealthCheck, type HealthReport } from "./format";
import { createDeadline, createLimiter, HealthTimeoutError, type Limiter } from "./limits";

export type { HealthCheck, HealthReport, HealthStatus } from "./format";

export type HealthCheckOptions = {
  /** Overall time limit for every Nylas call together (default 10 s). */
  timeoutMs?: number;
  /** Nylas calls in flight at once (default 5). */
  concurrency?: number;
};

/**
 * Is the app wired to Nylas (the sandbox or live Nylas, through the same SDK calls)? The API key
 * works; every panel interviewer has a valid grant matched by email; the webhook subscription
 * exists, is active, points at APP_URL/api/webhooks/nylas and has every trigger; every published
 * role has a configuration at this Nylas environment. Each failing check says what to do.
 *
 * The API key is checked first: when Nylas refuses it, every other check that asks Nylas is
 * reported as skipped instead of failing for the same reason (live mode's APP_URL check still runs). The rest run concurrently, at most `concurrency` Nylas
 * calls at a time, all within `timeoutMs` (a check still waiting then fails with "Nylas did not
 * answer within N s"), so the settings page never hangs. It repairs nothing; it only records each
 * person's grant status on their calendar connection (the team page and /account read it).
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
