import { describe, expect, it } from "vitest";
import { parseAuditFilters } from "@/components/settings/audit/audit-filters";
import {
  buildAuditHref,
  buildInterviewsHref,
  buildJobsHref,
  buildSandboxHref,
  buildWebhookEventsHref,
  candidateExportPath,
  candidatePath,
  careersRolePath,
  dashboardNoticeHref,
  interviewPath,
  interviewUploadsPath,
  loginNoticeHref,
  invitePath,
  mediaPath,
  PATHS,
  resetPasswordPath,
  settingsPanelPath,
  settingsRolePath,
} from "@/lib/routes";
import { DEFAULT_INTERVIEW_FILTERS, parseInterviewFilters } from "@/lib/validations/interviews";
import { parseJobFilters } from "@/lib/validations/jobs";
import { parseWebhookEventFilters } from "@/lib/validations/webhooks";

const ID = "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f";
const ROLE = "0b5f2a3e-8a57-4f53-9d0f-6f1d7f0c2a11";
const INTERVIEWER = "5d1c7a0e-1f7e-4a8b-b0a2-3c4d5e6f7a8b";

/** The query of an in-app href as the plain object Next passes a page as `searchParams`. */
const queryOf = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);

describe("PATHS", () => {
  it("are absolute in-app paths", () => {
    for (const path of Object.values(PATHS)) expect(path).toMatch(/^\/(?!\/)/);
  });
});

describe("record paths", () => {
  it("put the id or slug in its segment", () => {
    expect(careersRolePath("backend-engineer")).toBe("/careers/backend-engineer");
    expect(interviewPath(ID)).toBe(`/dashboard/interviews/${ID}`);
    expect(candidatePath(ID)).toBe(`/dashboard/candidates/${ID}`);
    expect(settingsRolePath(ID)).toBe(`/settings/roles/${ID}`);
    expect(settingsPanelPath(ID)).toBe(`/settings/panels/${ID}`);
    expect(interviewUploadsPath(ID)).toBe(`/api/interviews/${ID}/uploads`);
    expect(invitePath("AbC_-123")).toBe("/invite/AbC_-123");
  });

  it("encode a segment, so a value can never reach another path", () => {
    expect(careersRolePath("../settings")).toBe("/careers/..%2Fsettings");
    expect(invitePath("../login")).toBe("/invite/..%2Flogin");
    expect(interviewPath("a/b?c#d")).toBe("/dashboard/interviews/a%2Fb%3Fc%23d");
  });

  it("say once that a record was just created", () => {
    expect(settingsRolePath(ID, { saved: "created" })).toBe(`/settings/roles/${ID}?saved=created`);
    expect(settingsPanelPath(ID, { saved: "created" })).toBe(`/settings/panels/${ID}?saved=created`);
  });
});

describe("mediaPath", () => {
  it("streams by default and asks for an attachment with download", () => {
    expect(mediaPath(ID)).toBe(`/api/media/${ID}`);
    expect(mediaPath(ID, { download: true })).toBe(`/api/media/${ID}?download=1`);
  });
});

describe("candidateExportPath", () => {
  it("is the candidate's export route, the id encoded", () => {
    expect(candidateExportPath(ID)).toBe(`/api/candidates/${ID}/export`);
    expect(candidateExportPath("a/b")).toBe("/api/candidates/a%2Fb/export");
  });
});

describe("dashboardNoticeHref", () => {
  it("is the dashboard with the notice, which the dashboard's filters ignore", () => {
    expect(dashboardNoticeHref("candidate-erased")).toBe("/dashboard?notice=candidate-erased");
    expect(parseInterviewFilters(queryOf(dashboardNoticeHref("candidate-erased")))).toEqual(DEFAULT_INTERVIEW_FILTERS);
  });
});

describe("loginNoticeHref and resetPasswordPath", () => {
  it("is /login with the notice, and a reset link's page with its token as one segment", () => {
    expect(loginNoticeHref("password-reset")).toBe("/login?notice=password-reset");
    expect(PATHS.forgotPassword).toBe("/forgot-password");
    expect(resetPasswordPath("abc_DEF-123")).toBe("/reset-password/abc_DEF-123");
    expect(resetPasswordPath("../x?y")).toBe("/reset-password/..%2Fx%3Fy");
  });
});

describe("buildInterviewsHref", () => {
  it("is the bare page for the defaults", () => {
    expect(buildInterviewsHref()).toBe("/dashboard");
    expect(buildInterviewsHref(DEFAULT_INTERVIEW_FILTERS)).toBe("/dashboard");
    expect(buildInterviewsHref({ ...DEFAULT_INTERVIEW_FILTERS, tz: "Europe/Paris" })).toBe("/dashboard");
  });

  it("keeps every filter, and the timezone only with a date", () => {
    const filters = { roleId: ROLE, interviewerId: INTERVIEWER, status: "RESCHEDULED" as const, from: "2026-03-01", to: undefined, tz: "Europe/Paris", page: 3 };
    expect(buildInterviewsHref(filters)).toBe(`/dashboard?role=${ROLE}&interviewer=${INTERVIEWER}&status=rescheduled&from=2026-03-01&tz=Europe%2FParis&page=3`);
  });

  it("keeps the stage and feedback filters, lowercase", () => {
    expect(buildInterviewsHref({ ...DEFAULT_INTERVIEW_FILTERS, stage: "REJECTED", feedback: "OVERDUE" })).toBe("/dashboard?stage=rejected&feedback=overdue");
  });

  it("keeps the transcript search", () => {
    expect(buildInterviewsHref({ ...DEFAULT_INTERVIEW_FILTERS, q: "on-call rota", page: 2 })).toBe("/dashboard?q=on-call+rota&page=2");
  });

  it("round-trips through parseInterviewFilters", () => {
    const filters = {
      roleId: ROLE,
      interviewerId: undefined,
      status: "CANCELLED" as const,
      stage: "DEBRIEF" as const,
      feedback: "DUE" as const,
      from: "2026-03-01",
      to: "2026-03-02",
      tz: "America/New_York",
      q: undefined,
      page: 2,
    };
    expect(parseInterviewFilters(queryOf(buildInterviewsHref(filters)))).toEqual(filters);
  });
});

describe("buildWebhookEventsHref", () => {
  it("leaves defaults out", () => {
    expect(buildWebhookEventsHref()).toBe("/settings/webhooks");
    expect(buildWebhookEventsHref({ page: 1 })).toBe("/settings/webhooks");
  });

  it("writes the status in lowercase and round-trips through the parser", () => {
    const href = buildWebhookEventsHref({ status: "DEAD", type: "booking.created", page: 2 });
    expect(href).toBe("/settings/webhooks?status=dead&type=booking.created&page=2");
    expect(parseWebhookEventFilters(queryOf(href))).toEqual({ status: "DEAD", type: "booking.created", page: 2 });
  });
});

describe("buildAuditHref", () => {
  it("leaves defaults out", () => {
    expect(buildAuditHref()).toBe("/settings/audit");
    expect(buildAuditHref({ page: 1 })).toBe("/settings/audit");
  });

  it("round-trips with parseAuditFilters", () => {
    const filters = { entityType: "role" as const, entityId: ID, page: 4 };
    const href = buildAuditHref(filters);
    expect(href).toBe(`/settings/audit?entity=role&id=${ID}&page=4`);
    expect(parseAuditFilters(queryOf(href))).toEqual(filters);
  });
});

describe("buildJobsHref", () => {
  it("is the bare page without a kind or section", () => {
    expect(buildJobsHref()).toBe("/settings/jobs");
  });

  it("narrows to a kind and scrolls to the failures", () => {
    expect(buildJobsHref({ section: "failures" })).toBe("/settings/jobs#failures");
    const href = buildJobsHref({ kind: "webhooks.process", section: "failures" });
    expect(href).toBe("/settings/jobs?kind=webhooks.process#failures");
    expect(parseJobFilters(queryOf(href)).kind).toBe("webhooks.process");
  });

  it("encodes a kind it does not know", () => {
    expect(buildJobsHref({ kind: "a&b=c" })).toBe("/settings/jobs?kind=a%26b%3Dc");
  });
});

describe("buildSandboxHref", () => {
  it("leaves the first page out", () => {
    expect(buildSandboxHref()).toBe("/sandbox");
    expect(buildSandboxHref({ page: 1 })).toBe("/sandbox");
    expect(buildSandboxHref({ page: 3 })).toBe("/sandbox?page=3");
  });

  it("keeps both lists' pages, and scrolls to the Outbox when asked", () => {
    expect(buildSandboxHref({ page: 2, outboxPage: 3, section: "outbox" })).toBe("/sandbox?page=2&outbox=3#outbox");
    expect(buildSandboxHref({ outboxPage: 1, section: "outbox" })).toBe("/sandbox#outbox");
  });
});
