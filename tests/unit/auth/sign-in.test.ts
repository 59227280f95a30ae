import { describe, expect, it } from "vitest";
import { getClientIp } from "@/lib/auth/client-ip";
import { describeSignInError, rateLimitedErrorCode } from "@/lib/auth/sign-in-errors";

describe("describeSignInError", () => {
  it("explains bad credentials", () => {
    expect(describeSignInError("CredentialsSignin")).toBe("Incorrect email or password.");
  });

  it("tells a deactivated account so, and how to get back in", () => {
    expect(describeSignInError("AccountDeactivated")).toBe("This account has been deactivated. Ask an admin to reactivate it.");
  });

  it("explains the rate limit with the wait in minutes", () => {
    expect(describeSignInError(rateLimitedErrorCode(15))).toBe("Too many sign-in attempts. Try again in 15 minutes.");
    expect(describeSignInError(rateLimitedErrorCode(1))).toBe("Too many sign-in attempts. Try again in 1 minute.");
  });

  it("shows nothing without an error and a generic message for anything else", () => {
    expect(describeSignInError(null)).toBeNull();
    expect(describeSignInError("")).toBeNull();
    expect(describeSignInError("Configuration")).toMatch(/Something went wrong/);
    expect(describeSignInError("RateLimited:abc")).toMatch(/Something went wrong/);
  });
});

describe("getClientIp", () => {
  it("takes the first hop of x-forwarded-for", () => {
    expect(getClientIp(new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }))).toBe("203.0.113.7");
    expect(getClientIp({ "x-forwarded-for": " 203.0.113.7 ,10.0.0.1" })).toBe("203.0.113.7");
  });

  it("falls back to x-real-ip, then unknown", () => {
    expect(getClientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(getClientIp(new Headers({ "x-forwarded-for": " , ", "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(getClientIp(new Headers())).toBe("unknown");
    expect(getClientIp(undefined)).toBe("unknown");
  });
});
