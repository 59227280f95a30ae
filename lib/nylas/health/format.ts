/**
 * Pure: the Nylas health report's shape, its one-line summary, and its plain-text form for the
 * command line (`npm run nylas:check`). No I/O, so the page, the CLI and the tests share it.
 */

/** "skip": not asked, because a check it depends on (the API key) failed. */
export type HealthStatus = "pass" | "fail" | "warn" | "skip";

export type HealthCheckId = "api-key" | "coordinator-grant" | "interviewer-grants" | "webhook-subscription" | "webhook-url" | "role-configurations";

export type HealthCheck = {
  id: HealthCheckId;
  title: string;
  status: HealthStatus;
  /** What was found, naming the people, roles and ids involved. */
  detail: string;
  /** Exactly what to do about it, for the current mode; one instruction per line. */
  fix?: string;
};

export type HealthReport = {
  mode: "sandbox" | "live";
  /** The Nylas API that was asked (the app itself in sandbox mode). */
  apiUri: string;
  /** Where Nylas must deliver webhooks: APP_URL/api/webhooks/nylas. */
  webhookUrl: string;
  /** ISO 8601 instant the check started. */
  checkedAt: string;
  durationMs: number;
  /** The worst status among the checks (a skipped check does not count). */
  status: "pass" | "warn" | "fail";
  /** "All 6 checks pass", "2 of 6 checks fail", … */
  summary: string;
  checks: HealthCheck[];
};

export const HEALTH_STATUS_LABELS: Record<HealthStatus, string> = {
  pass: "Pass",
  fail: "Fail",
  warn: "Warning",
  skip: "Skipped",
};

/** The worst status among the checks: fail > warn > pass. */
export function overallStatus(checks: Pick<HealthCheck, "status">[]): HealthReport["status"] {
  if (checks.some((c) => c.status === "fail")) return "fail";
  if (checks.some((c) => c.status === "warn")) return "warn";
  return "pass";
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * "All 6 checks pass"; "2 of 6 checks fail" (plus warnings and skipped ones, when any);
 * "5 of 6 checks pass; 1 warning".
 */
export function summarizeChecks(checks: Pick<HealthCheck, "status">[]): string {
  const total = checks.length;
  const count = (status: HealthStatus) => checks.filter((c) => c.status === status).length;
  const [failed, warned, skipped, passed] = [count("fail"), count("warn"), count("skip"), count("pass")];
  if (total === 0) return "No checks ran";
  const checkWord = plural(total, "check", "checks");
  if (failed > 0) {
    const extra = [warned ? `${warned} ${plural(warned, "warning", "warnings")}` : "", skipped ? `${skipped} skipped` : ""].filter(Boolean);
    return `${failed} of ${total} ${checkWord} ${plural(failed, "fails", "fail")}${extra.length ? `; ${extra.join(", ")}` : ""}`;
  }
  if (warned > 0) return `${passed} of ${total} ${checkWord} ${plural(passed, "passes", "pass")}; ${warned} ${plural(warned, "warning", "warnings")}`;
  if (skipped > 0) return `${passed} of ${total} ${checkWord} ${plural(passed, "passes", "pass")}; ${skipped} skipped`;
  return total === 1 ? "The check passes" : `All ${total} checks pass`;
}

/** The lines of a check's fix (several when several people or roles need something done). */
export function fixLines(check: Pick<HealthCheck, "fix">): string[] {
  return (check.fix ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

const CLI_LABELS: Record<HealthStatus, string> = { pass: "PASS", fail: "FAIL", warn: "WARN", skip: "SKIP" };

/**
 * The report as plain text: a header, one line per check (`PASS  Title: detail`), each fix line
 * under its check as `  → …`, and the summary last.
 */
export function formatHealthReportText(report: HealthReport): string {
  const lines = [`Nylas health (${report.mode} mode, API ${report.apiUri})`, ""];
  for (const check of report.checks) {
    lines.push(`${CLI_LABELS[check.status]}  ${check.title}: ${check.detail}`);
    for (const fix of fixLines(check)) lines.push(`  → ${fix}`);
  }
  lines.push("", `${report.summary} (${(report.durationMs / 1000).toFixed(1)} s)`);
  return lines.join("\n");
}

/** The CLI's exit code: 1 when any check fails, 0 otherwise (warnings and skips included). */
export function healthExitCode(report: Pick<HealthReport, "checks">): 0 | 1 {
  return report.checks.some((c) => c.status === "fail") ? 1 : 0;
}
