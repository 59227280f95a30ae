import { describe, expect, it } from "vitest";
import { describeResetLink, PASSWORD_RESET_VALID_MINUTES, RESET_REQUEST_LIMITS } from "@/lib/auth/password-reset";
import { describeResetLinkProblem, FORGOT_PASSWORD_ANSWER, PASSWORD_RESET_EMAIL_SUBJECT, passwordResetEmail, passwordResetLinks } from "@/lib/auth/password-reset-email";
import { issueToken } from "@/lib/auth/tokens";

const NOW = new Date("2026-12-06T12:00:00Z");
const HOUR = 3_600_000;
const user = { email: "ada@example.org", deactivatedAt: null };

describe("describeResetLink", () => {
  it("is valid before it expires and unused, and names the account", () => {
    expect(describeResetLink({ expiresAt: new Date(NOW.getTime() + HOUR), usedAt: null, user }, NOW)).toEqual({ state: "valid", email: "ada@example.org" });
  });

  it("is expired at and after its expiry", () => {
    expect(describeResetLink({ expiresAt: NOW, usedAt: null, user }, NOW)).toEqual({ state: "expired" });
    expect(describeResetLink({ expiresAt: new Date(NOW.getTime() - 1), usedAt: null, user }, NOW)).toEqual({ state: "expired" });
  });

  it("is used for good once used, even when it has also expired", () => {
    expect(describeResetLink({ expiresAt: new Date(NOW.getTime() + HOUR), usedAt: NOW, user }, NOW)).toEqual({ state: "used" });
    expect(describeResetLink({ expiresAt: new Date(NOW.getTime() - HOUR), usedAt: NOW, user }, NOW)).toEqual({ state: "used" });
  });

  it("is invalid when unknown or when the account is deactivated, without naming the account", () => {
    expect(describeResetLink(null, NOW)).toEqual({ state: "invalid" });
    expect(describeResetLink({ expiresAt: new Date(NOW.getTime() + HOUR), usedAt: null, user: { ...user, deactivatedAt: NOW } }, NOW)).toEqual({ state: "invalid" });
  });
});

describe("the reset rules", () => {
  it("makes links valid for one hour, and says so in the form's answer", () => {
    expect(PASSWORD_RESET_VALID_MINUTES).toBe(60);
    expect(FORGOT_PASSWORD_ANSWER).toContain("for 1 hour");
    expect(FORGOT_PASSWORD_ANSWER).toMatch(/^If an account exists for that email/);
  });

  it("limits requests per IP address and, more tightly, per email", () => {
    expect(RESET_REQUEST_LIMITS.perEmail.limit).toBeLessThan(RESET_REQUEST_LIMITS.perIp.limit);
    expect(RESET_REQUEST_LIMITS.perEmail.bucket).not.toBe(RESET_REQUEST_LIMITS.perIp.bucket);
  });
});

describe("describeResetLinkProblem", () => {
  it("says which problem a link has", () => {
    expect(describeResetLinkProblem("expired")).toMatch(/expired/);
    expect(describeResetLinkProblem("used")).toMatch(/already been used/);
    expect(describeResetLinkProblem("invalid")).toMatch(/not valid/);
  });
});

describe("passwordResetEmail", () => {
  const { token } = issueToken();

  it("links to APP_URL/reset-password/<token> in both bodies, with how long it works", () => {
    const email = passwordResetEmail({ appUrl: "https://hire.example.com/", name: "Ada", token, validMinutes: 60 });
    const { reset, requestNew } = passwordResetLinks("https://hire.example.com/", token);
    expect(reset).toBe(`https://hire.example.com/reset-password/${token}`);
    expect(requestNew).toBe("https://hire.example.com/forgot-password");
    expect(email.subject).toBe(PASSWORD_RESET_EMAIL_SUBJECT);
    expect(email.text).toContain(`Choose a new password: ${reset}`);
    expect(email.text).toContain("for 1 hour");
    expect(email.text).toContain("Hi Ada,");
    expect(email.html).toContain(`<a href="${reset}">Choose a new password</a>`);
    expect(email.html).toContain(`<a href="${requestNew}">ask for a new one</a>`);
  });

  it("renders a hostile name as text, on one line", () => {
    const email = passwordResetEmail({ appUrl: "http://localhost:3000", name: "<script>x()</script>\r\nBcc: evil@example.org", token, validMinutes: 90 });
    expect(email.html).not.toContain("<script>x()");
    expect(email.html).toContain("&#60;script&#62;");
    expect(email.text).toContain("Hi <script>x()</script> Bcc: evil@example.org,");
    expect(email.text).toContain("for 90 minutes");
  });

  it("greets without a name when there is none", () => {
    expect(passwordResetEmail({ appUrl: "http://localhost:3000", name: " \n ", token, validMinutes: 120 }).text).toMatch(/^Hi,\n[\s\S]*for 2 hours/);
  });
});
