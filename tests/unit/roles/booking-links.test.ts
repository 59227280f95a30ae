import { describe, expect, it } from "vitest";
import { buildRoleBookingLinks, hostedPageUrl, type RoleForLinks } from "@/lib/roles/booking-links";

const sandbox = { mode: "sandbox" as const, appOrigin: "http://localhost:3000" };
const live = { mode: "live" as const, appOrigin: "https://jobs.northwind.example" };

function role(overrides: Partial<RoleForLinks> = {}): RoleForLinks {
  return { id: "r1", title: "Backend Engineer", slug: "backend-engineer", published: true, hostedPageEnabled: true, sync: { status: "SYNCED", error: null }, ...overrides };
}

describe("hostedPageUrl", () => {
  it("is Nylas's book.nylas.com/<slug> in live mode", () => {
    expect(hostedPageUrl("live", live.appOrigin, "backend-engineer")).toBe("https://book.nylas.com/backend-engineer");
  });

  it("is the app's own /book/<slug> in sandbox mode", () => {
    expect(hostedPageUrl("sandbox", sandbox.appOrigin, "backend-engineer")).toBe("http://localhost:3000/book/backend-engineer");
  });
});

describe("buildRoleBookingLinks", () => {
  it("gives the careers page and the live hosted page when published, enabled and synced", () => {
    expect(buildRoleBookingLinks(role(), live)).toEqual({
      roleId: "r1",
      title: "Backend Engineer",
      careersUrl: "https://jobs.northwind.example/careers/backend-engineer",
      hostedPage: { status: "live", url: "https://book.nylas.com/backend-engineer" },
    });
  });

  it("has no careers link, and no hosted page, for a draft role", () => {
    expect(buildRoleBookingLinks(role({ published: false }), sandbox).careersUrl).toBeNull();
    expect(buildRoleBookingLinks(role({ published: false }), sandbox).hostedPage).toEqual({ status: "off" });
  });

  it("reports the hosted page off when the option is off, whatever the sync says", () => {
    expect(buildRoleBookingLinks(role({ hostedPageEnabled: false }), sandbox).hostedPage).toEqual({ status: "off" });
  });

  it.each([{ sync: { status: "PENDING" as const, error: null } }, { sync: undefined }])("is syncing until Nylas confirms ($sync)", ({ sync }) => {
    expect(buildRoleBookingLinks(role({ sync }), sandbox).hostedPage).toEqual({ status: "syncing" });
  });

  it("carries the sync's error when Nylas refused it (a taken slug)", () => {
    expect(buildRoleBookingLinks(role({ sync: { status: "FAILED", error: "slug taken" } }), sandbox).hostedPage).toEqual({ status: "failed", error: "slug taken" });
  });
});
