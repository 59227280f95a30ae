import { describe, expect, it } from "vitest";
import { SANDBOX_SENDER, senderGrant } from "@/lib/email/sender";

describe("senderGrant", () => {
  it("is the coordinator grant NYLAS_GRANT_ID when set, in either mode", () => {
    expect(senderGrant({ NYLAS_GRANT_ID: "grant-123", NYLAS_MODE: "live" })).toBe("grant-123");
    expect(senderGrant({ NYLAS_GRANT_ID: "grant-123", NYLAS_MODE: "sandbox" })).toBe("grant-123");
  });

  it("falls back to the sandbox's coordinator account in sandbox mode only", () => {
    expect(senderGrant({ NYLAS_GRANT_ID: undefined, NYLAS_MODE: "sandbox" })).toBe(SANDBOX_SENDER.email);
    expect(senderGrant({ NYLAS_GRANT_ID: undefined, NYLAS_MODE: "live" })).toBeNull();
  });
});
