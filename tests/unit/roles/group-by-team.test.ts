import { describe, expect, it } from "vitest";
import { groupRolesByTeam } from "@/lib/roles/group-by-team";

describe("groupRolesByTeam", () => {
  it("returns no groups for no roles", () => {
    expect(groupRolesByTeam([])).toEqual([]);
  });

  it("groups roles by team in first-seen order and keeps role order", () => {
    const roles = [
      { team: "Engineering", title: "Backend" },
      { team: "Design", title: "Product Designer" },
      { team: "Engineering", title: "Frontend" },
    ];
    expect(groupRolesByTeam(roles)).toEqual([
      { team: "Engineering", roles: [roles[0], roles[2]] },
      { team: "Design", roles: [roles[1]] },
    ]);
  });
});
