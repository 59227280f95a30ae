/**
 * What every Nylas health check shares (lib/nylas/health/checks/*): the context a check runs in
 * (env, mode, the SDK client and a rate- and deadline-limited `call`), the titles, and how a
 * thrown error becomes a failed check with the reason and a fix.
 */
import "server-only";
import { NylasApiError, NylasSdkTimeoutError } from "nylas";
import type { Env } from "@/lib/env";
import { describeNylasError, type getNylas } from "../client";
import type { HealthCheck } from "./format";
import { HealthTimeoutError, type Deadline } from "./limits";
import { apiError, apiKeyRejected, apiTimedOut, apiUnreachable, type Mode } from "./messages";

export type Context = {
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

export type CheckId = keyof typeof TITLES;
export const check = (id: CheckId, status: HealthCheck["status"], detail: string, fix?: string): HealthCheck => ({
  id,
  title: TITLES[id],
  status,
  detail,
  ...(fix ? { fix } : {}),
});

/** A check that throws (database down, an unexpected Nylas error, the deadline) fails with the reason. */
export async function guarded(ctx: Context, id: CheckId, run: (ctx: Context) => Promise<HealthCheck>): Promise<HealthCheck> {
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
export function shortFailure(ctx: Context, error: unknown): string {
  const failure = classify(error, ctx);
  if (failure.kind === "timeout") return `Nylas did not answer within ${failure.seconds} s`;
  return `the lookup failed (${failure.reason})`;
}

export const isNotFound = (error: unknown) => error instanceof NylasApiError && (error.statusCode === 404 || error.statusCode === 400);

/** restartHint() reads mid-sentence; a fix that starts with it needs a capital. */
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const dedupe = (lines: string[]) => [...new Set(lines)];
