import { describe, expect, it } from "vitest";
import { ZChangePasswordInput, ZForgotPasswordInput, ZProfileInput, ZResetPasswordInput } from "@/lib/validations/account";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("ZProfileInput", () => {
  it("trims the name", () => {
    expect(ZProfileInput.parse({ name: "  Ada Lovelace " })).toEqual({ name: "Ada Lovelace" });
  });

  it("refuses a blank, overlong, multi-line or missing name", () => {
    expect(issues(ZProfileInput.safeParse({ name: "   " }))).toEqual({ name: "Enter your name." });
    expect(issues(ZProfileInput.safeParse({ name: "x".repeat(201) })).name).toMatch(/at most 200/);
    expect(issues(ZProfileInput.safeParse({ name: "Ada\nBcc: x" })).name).toMatch(/line breaks/);
    expect(issues(ZProfileInput.safeParse({}))).toEqual({ name: "Enter your name." });
  });

  it("keeps markup as text (it is rendered escaped)", () => {
    expect(ZProfileInput.parse({ name: "<b>Ada</b>" }).name).toBe("<b>Ada</b>");
  });
});

describe("ZChangePasswordInput", () => {
  const ok = { currentPassword: "old-password", newPassword: "new-password-1", confirmPassword: "new-password-1" };

  it("accepts the current password and the new one typed twice", () => {
    expect(ZChangePasswordInput.parse(ok)).toEqual(ok);
  });

  it("points at the confirmation when the two new passwords differ", () => {
    expect(issues(ZChangePasswordInput.safeParse({ ...ok, confirmPassword: "new-password-2" }))).toEqual({ confirmPassword: "The two new passwords do not match." });
  });

  it("refuses a new password equal to the current one, a short one, and a missing current one", () => {
    expect(issues(ZChangePasswordInput.safeParse({ ...ok, newPassword: "old-password", confirmPassword: "old-password" }))).toEqual({
      newPassword: "Choose a new password that differs from your current one.",
    });
    expect(issues(ZChangePasswordInput.safeParse({ ...ok, newPassword: "short", confirmPassword: "short" })).newPassword).toMatch(/at least 8/);
    expect(issues(ZChangePasswordInput.safeParse({ ...ok, currentPassword: "" }))).toEqual({ currentPassword: "Enter your current password." });
    expect(issues(ZChangePasswordInput.safeParse({ newPassword: 1, confirmPassword: null }))).toMatchObject({ currentPassword: "Enter your current password.", newPassword: "Enter a new password." });
  });
});

describe("ZForgotPasswordInput", () => {
  it("takes one email address", () => {
    expect(ZForgotPasswordInput.parse({ email: " Ada@Example.org " })).toEqual({ email: "Ada@Example.org" });
    expect(issues(ZForgotPasswordInput.safeParse({ email: "not an email" }))).toEqual({ email: "Enter a valid email address." });
    expect(issues(ZForgotPasswordInput.safeParse({}))).toEqual({ email: "Enter your email address." });
  });
});

describe("ZResetPasswordInput", () => {
  it("needs the token and the new password twice", () => {
    expect(ZResetPasswordInput.parse({ token: "t", newPassword: "new-password-1", confirmPassword: "new-password-1" }).token).toBe("t");
    expect(issues(ZResetPasswordInput.safeParse({ token: "t", newPassword: "new-password-1", confirmPassword: "other-password" }))).toEqual({ confirmPassword: "The two new passwords do not match." });
    expect(issues(ZResetPasswordInput.safeParse({ newPassword: "new-password-1", confirmPassword: "new-password-1" }))).toEqual({ token: "This reset link is not valid." });
  });
});
