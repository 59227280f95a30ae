import { describe, expect, it } from "vitest";
import { auditEntityHref, describeAuditValue, parseAuditFilters } from "@/components/settings/audit/audit-filters";

const ID = "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f";

describe("parseAuditFilters", () => {
  it("reads the entity type, id and page", () => {
    expect(parseAuditFilters({ entity: "panel", id: ID, page: "3" })).toEqual({ entityType: "panel", entityId: ID, page: 3 });
    expect(parseAuditFilters({ entity: "application", id: ID })).toEqual({ entityType: "application", entityId: ID, page: 1 });
    expect(parseAuditFilters({ entity: "privacy" })).toEqual({ entityType: "privacy", entityId: undefined, page: 1 });
    expect(parseAuditFilters({ entity: "user", id: ID })).toEqual({ entityType: "user", entityId: ID, page: 1 });
  });

  it("falls back field by field on bad values", () => {
    expect(parseAuditFilters({ entity: "users", id: "1 OR 1=1", page: "-2" })).toEqual({ entityType: undefined, entityId: undefined, page: 1 });
    expect(parseAuditFilters({ page: "0" }).page).toBe(1);
    expect(parseAuditFilters({ page: "99999999" }).page).toBe(1);
  });

  it("takes the first of repeated params, and accepts any case", () => {
    expect(parseAuditFilters({ entity: ["ROLE", "panel"], page: ["2", "5"] })).toMatchObject({ entityType: "role", page: 2 });
  });

  it("treats anything that is not an object as no filters", () => {
    expect(parseAuditFilters(undefined)).toEqual({ entityType: undefined, entityId: undefined, page: 1 });
  });
});

describe("auditEntityHref", () => {
  it("links roles and panels to their edit pages and the privacy settings (one row, id 1) to /settings/privacy, nothing else", () => {
    expect(auditEntityHref("role", ID)).toBe(`/settings/roles/${ID}`);
    expect(auditEntityHref("panel", ID)).toBe(`/settings/panels/${ID}`);
    expect(auditEntityHref("privacy", "1")).toBe("/settings/privacy");
    expect(auditEntityHref("interviewer", ID)).toBeNull();
    // Team changes (issue 17): people and invitations are managed on /settings/team.
    expect(auditEntityHref("user", ID)).toBe("/settings/team");
    expect(auditEntityHref("invitation", ID)).toBe("/settings/team");
    expect(auditEntityHref("role", "../etc")).toBeNull();
  });
});

describe("describeAuditValue", () => {
  it("shows missing and empty values as empty", () => {
    expect(describeAuditValue(null)).toEqual({ kind: "empty" });
    expect(describeAuditValue("")).toEqual({ kind: "empty" });
    expect(describeAuditValue([])).toEqual({ kind: "empty" });
  });

  it("shows booleans as On and Off, numbers and text as text", () => {
    expect(describeAuditValue(true)).toEqual({ kind: "text", text: "On" });
    expect(describeAuditValue(false)).toEqual({ kind: "text", text: "Off" });
    expect(describeAuditValue(30)).toEqual({ kind: "text", text: "30" });
    expect(describeAuditValue("Focus on design.")).toEqual({ kind: "text", text: "Focus on design." });
  });

  it("shows lists item by item", () => {
    expect(describeAuditValue(["Sarah Kim <sarah@example.com>", { a: 1 }])).toEqual({ kind: "list", items: ["Sarah Kim <sarah@example.com>", '{"a":1}'] });
  });

  it("names the round-robin method and open hours' weekdays", () => {
    expect(describeAuditValue("MAX_AVAILABILITY", "availabilityMethod")).toEqual({ kind: "text", text: "Max availability" });
    expect(describeAuditValue(["1,2,3,4,5 9:00–17:00", "0,6 10:00–12:00 Europe/Berlin"], "openHours")).toEqual({
      kind: "list",
      items: ["Mon, Tue, Wed, Thu, Fri 9:00–17:00", "Sun, Sat 10:00–12:00 Europe/Berlin"],
    });
    expect(describeAuditValue("MAX_AVAILABILITY")).toEqual({ kind: "text", text: "MAX_AVAILABILITY" });
  });

  it("names an application's stage", () => {
    expect(describeAuditValue("REJECTED", "stage")).toEqual({ kind: "text", text: "Rejected" });
    expect(describeAuditValue("SOMETHING_ELSE", "stage")).toEqual({ kind: "text", text: "SOMETHING_ELSE" });
  });
});
