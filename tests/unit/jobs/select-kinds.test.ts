import { describe, expect, it } from "vitest";
import { selectJobKinds } from "@/lib/jobs/select-kinds";

const kinds = [{ name: "webhooks.process" }, { name: "media.download" }, { name: "jobs.prune" }];

describe("selectJobKinds (JOB_KINDS)", () => {
  it("runs every kind when unset or blank", () => {
    expect(selectJobKinds(kinds, undefined)).toBe(kinds);
    expect(selectJobKinds(kinds, "  ")).toBe(kinds);
    expect(selectJobKinds(kinds, " , ,")).toBe(kinds);
  });

  it("runs only the kinds named, spaces and empty entries allowed", () => {
    expect(selectJobKinds(kinds, " media.download , ,jobs.prune").map((k) => k.name)).toEqual(["media.download", "jobs.prune"]);
  });

  it("refuses a name it does not know, listing the ones it does", () => {
    expect(() => selectJobKinds(kinds, "media.download,media.downloads")).toThrow(
      "JOB_KINDS names media.downloads, which this app does not run. Known kinds: webhooks.process, media.download, jobs.prune.",
    );
  });
});
