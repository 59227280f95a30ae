import { describe, expect, it } from "vitest";
import { describeRoleSync, nextPollDelayMs } from "@/components/settings/roles/role-sync";

describe("describeRoleSync", () => {
  it("reads a synced role as Synced, with nothing to retry", () => {
    expect(describeRoleSync({ status: "SYNCED", error: null })).toMatchObject({ label: "Synced", isPending: false, canRetry: false, error: null });
  });

  it("reads a pending role as Pending and keeps the last attempt's message", () => {
    expect(describeRoleSync({ status: "PENDING", error: "Nylas timed out." })).toMatchObject({ label: "Pending", isPending: true, canRetry: false, error: "Nylas timed out." });
  });

  it("reads a failed role as Failed with Nylas's message and a Retry", () => {
    expect(describeRoleSync({ status: "FAILED", error: "participants[0].email is invalid" })).toMatchObject({
      label: "Failed",
      variant: "danger",
      canRetry: true,
      error: "participants[0].email is invalid",
    });
  });

  it("never shows a failure without words", () => {
    expect(describeRoleSync({ status: "FAILED", error: null }).error).toBeTruthy();
  });

  it("offers a sync for a role never queued", () => {
    expect(describeRoleSync({ status: "NONE", error: null })).toMatchObject({ label: "Not synced", canRetry: true, isPending: false });
  });
});

describe("nextPollDelayMs", () => {
  it("polls quickly at first, then slowly", () => {
    expect(nextPollDelayMs(0)).toBe(2_000);
    expect(nextPollDelayMs(29_999)).toBe(2_000);
    expect(nextPollDelayMs(30_000)).toBe(10_000);
  });
});
