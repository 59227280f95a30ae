import { describe, expect, it } from "vitest";
import { candidatePaths, describedBy, errorDomId, errorsUnder, fieldDomId, hintDomId, orderFieldErrors } from "@/components/ui/field-errors";

describe("fieldDomId / errorDomId / hintDomId", () => {
  it("turns a dotted path into a valid id", () => {
    expect(fieldDomId("panel-form", "members.2.email")).toBe("panel-form-members-2-email");
    expect(errorDomId("panel-form", "name")).toBe("panel-form-name-error");
    expect(hintDomId("panel-form", "name")).toBe("panel-form-name-hint");
  });
});

describe("describedBy", () => {
  it("joins the ids present, or gives undefined", () => {
    expect(describedBy("a", false, null, "b", undefined)).toBe("a b");
    expect(describedBy(false, null)).toBeUndefined();
  });
});

describe("candidatePaths", () => {
  it("lists the path, then each parent", () => {
    expect(candidatePaths("openHours.days.3.end")).toEqual(["openHours.days.3.end", "openHours.days.3", "openHours.days", "openHours"]);
  });
});

describe("orderFieldErrors", () => {
  it("orders by the page, rows by their number, unknown paths last", () => {
    expect(orderFieldErrors({ zzz: "u", b: "x", "a.1.n": "y", "a.0.n": "z" }, ["a.*.n", "b"])).toEqual([
      ["a.0.n", "z"],
      ["a.1.n", "y"],
      ["b", "x"],
      ["zzz", "u"],
    ]);
  });

  it("places a child path where its parent is in the order", () => {
    expect(orderFieldErrors({ name: "x", "openHours.days.2.end": "y" }, ["openHours", "name"])).toEqual([
      ["openHours.days.2.end", "y"],
      ["name", "x"],
    ]);
  });
});

describe("errorsUnder", () => {
  it("collects a path's errors and those below it", () => {
    expect(errorsUnder({ "members.2.email": "a", "members.2.name": "b", "members.20.name": "c", members: "d" }, "members.2")).toEqual(["a", "b"]);
  });
});
