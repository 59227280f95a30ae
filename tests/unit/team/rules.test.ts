import { describe, expect, it } from "vitest";
import { calendarStatus, deactivationRefusal, invitationExpiresAt, invitationStatus, roleChangeRefusal, type TeamTarget } from "@/lib/team/rules";

const NOW = new Date("2026-12-09T12:00:00Z");
const later = new Date(NOW.getTime() + 60_000);
const earlier = new Date(NOW.getTime() - 60_000);

describe("invitationStatus", () => {
  it.each([
    ["pending before it expires", { expiresAt: later, acceptedAt: null, revokedAt: null }, "pending"],
    ["expired at its expiry instant", { expiresAt: NOW, acceptedAt: null, revokedAt: null }, "expired"],
    ["expired after it", { expiresAt: earlier, acceptedAt: null, revokedAt: null }, "expired"],
    ["accepted, even once past its expiry", { expiresAt: earlier, acceptedAt: earlier, revokedAt: null }, "accepted"],
    ["revoked, even once past its expiry", { expiresAt: earlier, acceptedAt: null, revokedAt: earlier }, "revoked"],
    ["revoked wins over accepted", { expiresAt: later, acceptedAt: earlier, revokedAt: earlier }, "revoked"],
  ] as const)("%s", (_name, row, expected) => {
    expect(invitationStatus(row, NOW)).toBe(expected);
  });
});

describe("invitationExpiresAt", () => {
  it("is 7 days after it was sent", () => {
    expect(invitationExpiresAt(NOW).toISOString()).toBe("2026-12-16T12:00:00.000Z");
  });
});

const admin: TeamTarget = { id: "a", name: "Ada", role: "ADMIN", isActive: true };
const recruiter: TeamTarget = { id: "r", name: "Riley", role: "RECRUITER", isActive: true };

describe("roleChangeRefusal", () => {
  it("refuses demoting the only active admin, naming them", () => {
    expect(roleChangeRefusal(admin, "RECRUITER", 1)).toMatch(/^Ada is the only active admin/);
  });
  it("allows demoting an admin while another active admin remains", () => {
    expect(roleChangeRefusal(admin, "INTERVIEWER", 2)).toBeNull();
  });
  it("allows demoting a deactivated admin (they are not counted as active)", () => {
    expect(roleChangeRefusal({ ...admin, isActive: false }, "RECRUITER", 1)).toBeNull();
  });
  it("allows keeping the same role, and promoting anyone", () => {
    expect(roleChangeRefusal(admin, "ADMIN", 1)).toBeNull();
    expect(roleChangeRefusal(recruiter, "ADMIN", 1)).toBeNull();
  });
});

describe("deactivationRefusal", () => {
  it("refuses deactivating yourself, whatever the count", () => {
    expect(deactivationRefusal("a", admin, 5)).toMatch(/your own account/);
  });
  it("refuses deactivating the only active admin", () => {
    expect(deactivationRefusal("someone-else", admin, 1)).toMatch(/only active admin/);
  });
  it("allows deactivating another admin while one remains, and any non-admin", () => {
    expect(deactivationRefusal("x", admin, 2)).toBeNull();
    expect(deactivationRefusal("a", recruiter, 1)).toBeNull();
  });
});

describe("calendarStatus", () => {
  it("reads none as not connected, an invalid grant as needing reconnecting, else connected", () => {
    expect(calendarStatus(null)).toBe("not_connected");
    expect(calendarStatus({ grantStatus: "invalid" })).toBe("needs_reconnecting");
    expect(calendarStatus({ grantStatus: "valid" })).toBe("connected");
  });
});
