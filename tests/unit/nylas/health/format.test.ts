import { describe, expect, it } from "vitest";
import { fixLines, formatHealthReportText, healthExitCode, overallStatus, summarizeChecks, type HealthCheck, type HealthReport, type HealthStatus } from "@/lib/nylas/health/format";

const statuses = (...list: HealthStatus[]) => list.map((status) => ({ status }));

function report(checks: HealthCheck[], overrides: Partial<HealthReport> = {}): HealthReport {
  return {
    mode: "sandbox",
    apiUri: "http://localhost:3000",
    webhookUrl: "http://localhost:3000/api/webhooks/nylas",
    checkedAt: "2026-12-01T10:00:00.000Z",
    durationMs: 412,
    status: overallStatus(checks),
    summary: summarizeChecks(checks),
    checks,
    ...overrides,
  };
}

describe("summarizeChecks", () => {
  it.each([
    { list: statuses("pass", "pass", "pass", "pass", "pass", "pass"), expected: "All 6 checks pass" },
    { list: statuses("pass", "fail", "pass", "fail", "pass", "pass"), expected: "2 of 6 checks fail" },
    { list: statuses("pass", "fail", "warn", "pass"), expected: "1 of 4 checks fails; 1 warning" },
    { list: statuses("fail", "skip", "skip", "skip"), expected: "1 of 4 checks fails; 3 skipped" },
    { list: statuses("pass", "warn", "warn", "pass"), expected: "2 of 4 checks pass; 2 warnings" },
    { list: statuses("pass"), expected: "The check passes" },
    { list: [], expected: "No checks ran" },
  ])("$expected", ({ list, expected }) => {
    expect(summarizeChecks(list)).toBe(expected);
  });
});

describe("overallStatus", () => {
  it("is the worst status; skipped checks do not count", () => {
    expect(overallStatus(statuses("pass", "warn", "fail"))).toBe("fail");
    expect(overallStatus(statuses("pass", "warn", "skip"))).toBe("warn");
    expect(overallStatus(statuses("pass", "skip"))).toBe("pass");
  });
});

describe("fixLines", () => {
  it("splits a fix into its instructions, dropping blank lines", () => {
    expect(fixLines({ fix: "Connect Ana.\n\n  Reconnect Bo.  " })).toEqual(["Connect Ana.", "Reconnect Bo."]);
    expect(fixLines({})).toEqual([]);
  });
});

describe("formatHealthReportText", () => {
  it("prints a header, one line per check with its status, title and detail, each fix line under it, and the summary", () => {
    const text = formatHealthReportText(
      report([
        { id: "api-key", title: "Nylas API key", status: "pass", detail: "Accepted." },
        {
          id: "interviewer-grants",
          title: "Interviewers' calendars",
          status: "fail",
          detail: "2 of 4 panel interviewers cannot host interviews.",
          fix: "Connect Ana.\nReconnect Bo.",
        },
        { id: "webhook-subscription", title: "Webhook subscription", status: "warn", detail: "Failing.", fix: "Make it answer 200." },
        { id: "role-configurations", title: "Scheduling configurations", status: "skip", detail: "Skipped." },
      ]),
    );
    expect(text.split("\n")).toEqual([
      "Nylas health (sandbox mode, API http://localhost:3000)",
      "",
      "PASS  Nylas API key: Accepted.",
      "FAIL  Interviewers' calendars: 2 of 4 panel interviewers cannot host interviews.",
      "  → Connect Ana.",
      "  → Reconnect Bo.",
      "WARN  Webhook subscription: Failing.",
      "  → Make it answer 200.",
      "SKIP  Scheduling configurations: Skipped.",
      "",
      "1 of 4 checks fails; 1 warning, 1 skipped (0.4 s)",
    ]);
  });
});

describe("healthExitCode", () => {
  it("is 1 when any check fails", () => {
    expect(healthExitCode({ checks: [{ id: "api-key", title: "", status: "fail", detail: "" }] })).toBe(1);
    expect(
      healthExitCode(
        report([
          { id: "api-key", title: "", status: "pass", detail: "" },
          { id: "webhook-url", title: "", status: "fail", detail: "" },
        ]),
      ),
    ).toBe(1);
  });

  it("is 0 when every check passes, warns or was skipped", () => {
    expect(healthExitCode({ checks: [] })).toBe(0);
    const checks: HealthCheck[] = (["pass", "warn", "skip"] as const).map((status) => ({ id: "api-key", title: "", status, detail: "" }));
    expect(healthExitCode({ checks })).toBe(0);
  });
});
