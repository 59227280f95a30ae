import { describe, expect, it } from "vitest";
import { listTimeZones } from "@/components/settings/form/time-zones";

describe("listTimeZones", () => {
  it("lists IANA zones sorted, with UTC", () => {
    const zones = listTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect([...zones].sort((a, b) => a.localeCompare(b))).toEqual(zones);
  });

  it("adds the zones in use once, and ignores empty ones", () => {
    const zones = listTimeZones(["Etc/GMT+5", "UTC", ""]);
    expect(zones.filter((z) => z === "UTC")).toHaveLength(1);
    expect(zones).toContain("Etc/GMT+5");
    expect(zones).not.toContain("");
  });
});
