import { describe, expect, it } from "vitest";
import {
  apiKeyRejected,
  apiUnreachable,
  appUrlProblems,
  coordinatorGrantInvalid,
  coordinatorGrantNotFound,
  interviewerGrantInvalid,
  interviewerGrantMissing,
  missingTriggers,
  restartHint,
  roleChangesRetrying,
  roleConfigurationGone,
  roleConfigurationMissing,
  roleConfigurationPending,
  roleProblemsHeadline,
  roleSyncFailed,
} from "@/lib/nylas/health/messages";

const ANA = { name: "Ana Lee", email: "ana@acme.example" };

describe("apiKeyRejected", () => {
  it("live: points at NYLAS_API_KEY and the dashboard's API Keys, and the region", () => {
    const { detail, fix } = apiKeyRejected("live", "https://api.us.nylas.com", "HTTP 401: Unauthorized");
    expect(detail).toBe("Nylas rejected the API key (HTTP 401: Unauthorized).");
    expect(fix).toContain("Set NYLAS_API_KEY to a key from the Nylas dashboard → API Keys for this application");
    expect(fix).toContain("https://api.eu.nylas.com");
  });

  it("sandbox: the key must match the running app's NYLAS_SANDBOX_API_KEY", () => {
    expect(apiKeyRejected("sandbox", "http://localhost:3000", "HTTP 401: x").fix).toContain("same NYLAS_SANDBOX_API_KEY as the running app");
  });
});

describe("apiUnreachable", () => {
  it("names the API URI, and in sandbox mode says to start the app", () => {
    const sandbox = apiUnreachable("sandbox", "http://localhost:3000", "ECONNREFUSED");
    expect(sandbox.detail).toBe("Could not reach the sandbox API at http://localhost:3000 (ECONNREFUSED). In sandbox mode the app serves the Nylas API itself.");
    expect(sandbox.fix).toContain("npm run dev");
    const live = apiUnreachable("live", "https://api.us.nylas.com", "ENOTFOUND");
    expect(live.detail).toBe("Could not reach the Nylas API at https://api.us.nylas.com (ENOTFOUND).");
    expect(live.fix).toContain("NYLAS_API_URI");
  });
});

describe("coordinator grant", () => {
  it("not found: set NYLAS_GRANT_ID to a grant of this application", () => {
    const { detail, fix } = coordinatorGrantNotFound("g-1");
    expect(detail).toBe("NYLAS_GRANT_ID=g-1 is not a grant of this Nylas application.");
    expect(fix).toContain("Set NYLAS_GRANT_ID");
  });

  it("invalid: re-authenticate that account", () => {
    const { detail, fix } = coordinatorGrantInvalid("g-1", "hiring@acme.example", "invalid");
    expect(detail).toContain("g-1 (hiring@acme.example) is invalid");
    expect(fix).toContain("Re-authenticate hiring@acme.example: Nylas dashboard → Grants → g-1");
  });
});

const ACCOUNT = "https://hiring.acme.example/account";

describe("interviewer grants", () => {
  it("no grant, sandbox: connect on /account (or in the sandbox console)", () => {
    expect(interviewerGrantMissing("sandbox", ANA, ACCOUNT)).toEqual({
      problem: "Ana Lee (ana@acme.example) has no connected calendar (no grant with that email)",
      fix: "Ana Lee signs in to the portal as ana@acme.example and presses “Connect calendar” on https://hiring.acme.example/account (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for Ana Lee (ana@acme.example)).",
    });
  });

  it("no grant, live: connect on /account, with exactly that email", () => {
    const { fix } = interviewerGrantMissing("live", ANA, ACCOUNT);
    expect(fix).toContain("Ana Lee signs in to the portal as ana@acme.example and presses “Connect calendar” on https://hiring.acme.example/account");
    expect(fix).toContain("the grant's email must be exactly ana@acme.example");
  });

  it("an invalid grant is a different fix from no grant: reconnect / re-authenticate", () => {
    const grant = { id: "g-ana", status: "invalid" };
    expect(interviewerGrantInvalid("sandbox", ANA, grant, ACCOUNT)).toEqual({
      problem: "Ana Lee (ana@acme.example) has a grant (g-ana) that is invalid",
      fix: "Ana Lee signs in to the portal as ana@acme.example and presses “Reconnect” on https://hiring.acme.example/account (or: open the sandbox console (/sandbox) → Calendars → Connect calendar for Ana Lee (ana@acme.example)): connecting again re-authenticates the grant.",
    });
    expect(interviewerGrantInvalid("live", ANA, grant, ACCOUNT).fix).toContain("presses “Reconnect” on https://hiring.acme.example/account");
    expect(interviewerGrantInvalid("live", ANA, grant, ACCOUNT).fix).toContain("Nylas dashboard → Grants → g-ana → Re-authenticate");
  });
});

describe("missingTriggers", () => {
  it("lists the needed triggers that are absent, in the needed order", () => {
    expect(missingTriggers(["booking.created", "notetaker.media"], ["booking.created", "booking.cancelled", "notetaker.media", "notetaker.updated"])).toEqual([
      "booking.cancelled",
      "notetaker.updated",
    ]);
    expect(missingTriggers(["a", "b"], ["b"])).toEqual([]);
  });
});

describe("appUrlProblems", () => {
  it.each([
    { url: "https://hiring.acme.example", problems: [] },
    { url: "https://portal.trycloudflare.com/", problems: [] },
    { url: "http://localhost:3000", problems: ["is not HTTPS", "is localhost"] },
    { url: "https://localhost", problems: ["is localhost"] },
    { url: "http://127.0.0.1:3000", problems: ["is not HTTPS", "is a private network address"] },
    { url: "https://192.168.1.20", problems: ["is a private network address"] },
    { url: "https://10.0.0.5", problems: ["is a private network address"] },
    { url: "https://172.20.1.1", problems: ["is a private network address"] },
    { url: "https://[::1]:3000", problems: ["is localhost"] },
    { url: "https://portal.local", problems: ["is not a public host name"] },
    { url: "http://hiring.acme.example", problems: ["is not HTTPS"] },
  ])("$url → $problems", ({ url, problems }) => {
    expect(appUrlProblems(url)).toEqual(problems);
  });
});

describe("restartHint", () => {
  it("names the command that runs the start-up bootstrap", () => {
    expect(restartHint("sandbox")).toBe("restart npm run dev");
    expect(restartHint("live")).toBe("restart the app (npm start)");
  });
});

const DESIGNER = { title: "Product Designer", slug: "product-designer" };

describe("role configuration problems", () => {
  it("no configuration at this environment: cannot be booked; Retry, or restart", () => {
    expect(roleConfigurationMissing(DESIGNER, "https://api.us.nylas.com")).toEqual({
      level: "fail",
      isBookable: false,
      problem: "Product Designer (/careers/product-designer) has no scheduling configuration at https://api.us.nylas.com, so its careers page cannot book",
      fix: "Open the Product Designer role in Settings and press Retry. Restarting the app also creates a configuration for every role at this Nylas environment.",
    });
  });

  it("sync FAILED: with Nylas's error; bookable only when a configuration already exists", () => {
    const first = roleSyncFailed(DESIGNER, "400 invalid_request_error: bad open hours", false);
    expect(first).toMatchObject({ level: "fail", isBookable: false });
    expect(first.problem).toBe(
      "Product Designer (/careers/product-designer): the sync that creates its configuration failed (400 invalid_request_error: bad open hours), so its careers page cannot book",
    );
    const later = roleSyncFailed(DESIGNER, "400 invalid_request_error: bad open hours", true);
    expect(later).toMatchObject({ level: "fail", isBookable: true });
    expect(later.problem).toContain("its latest changes did not reach Nylas, the sync failed (400 invalid_request_error: bad open hours); candidates still book");
    expect(later.fix).toBe("Open the Product Designer role in Settings and press Retry. If it fails again, change what the error names (the role or its panel) and save.");
    expect(roleSyncFailed(DESIGNER, null, false).problem).toContain("the sync that creates its configuration failed, so");
  });

  it("sync PENDING: in progress, a warning; the last error when it is retrying", () => {
    expect(roleConfigurationPending(DESIGNER, null)).toMatchObject({
      level: "warn",
      isBookable: false,
      problem: "Product Designer (/careers/product-designer): its configuration is being created (sync in progress)",
      fix: "Nothing, unless it stays: the sync retries by itself. To retry now, open the Product Designer role in Settings and press Retry.",
    });
    expect(roleConfigurationPending(DESIGNER, "503 api_error: down").problem).toContain("(sync in progress; last attempt: 503 api_error: down; retrying)");
    expect(roleChangesRetrying(DESIGNER, "503 api_error: down")).toMatchObject({ level: "warn", isBookable: true });
  });

  it("configuration gone at Nylas: Retry creates a new one", () => {
    const gone = roleConfigurationGone(DESIGNER, "cfg-1", "Configuration not found: cfg-1");
    expect(gone).toMatchObject({ level: "fail", isBookable: false });
    expect(gone.problem).toBe("Product Designer (/careers/product-designer): configuration cfg-1 no longer exists at Nylas (Configuration not found: cfg-1)");
  });
});

describe("roleProblemsHeadline", () => {
  const fail = { level: "fail", isBookable: false } as const;
  const failBookable = { level: "fail", isBookable: true } as const;
  const pending = { level: "warn", isBookable: false } as const;
  it.each([
    { problems: [fail], expected: "1 of 3 published roles cannot be booked" },
    { problems: [fail, pending], expected: "2 of 3 published roles cannot be booked" },
    { problems: [pending], expected: "1 of 3 published roles are not ready yet" },
    { problems: [failBookable], expected: "1 of 3 published roles need attention" },
    { problems: [fail, failBookable], expected: "2 of 3 published roles need attention" },
  ])("$expected", ({ problems, expected }) => {
    expect(roleProblemsHeadline(problems, 3)).toBe(expected);
  });
});
