import { describe, expect, it } from "vitest";
import { adoptSavedRole, cueLines, describeRolePath, roleFieldErrors, toRoleDraft, toRolePayload, type RoleFormInput } from "@/components/settings/roles/role-draft";
import { toFieldErrors } from "@/lib/actions/state";
import { ZRoleInput } from "@/lib/validations/settings";

const ROLE: RoleFormInput = {
  title: "Backend Engineer",
  slug: "backend-engineer",
  team: "Engineering",
  location: "Remote",
  employment: "Full-time",
  summary: "Build the APIs.",
  description: "You will build the APIs.",
  panelId: "6f1c2b8e-3d4a-4b5c-9d6e-7f8091a2b3c4",
  published: true,
  scorecard: {
    competencies: [
      { key: "system-design", name: "System design", good: "Names the trade-offs.", cues: ["trade-off", "outbox"] },
      { key: "testing", name: "Testing", good: "", cues: ["unit tests"] },
    ],
  },
};

const keys = () => {
  let n = 0;
  return () => `c${n++}`;
};

describe("cueLines", () => {
  it("takes one cue per line, trimmed, without blank lines or repeats in any case", () => {
    expect(cueLines("  trade-off \n\n outbox\r\nTRADE-OFF\n  message   queue ")).toEqual(["trade-off", "outbox", "message queue"]);
    expect(cueLines("")).toEqual([]);
  });
});

describe("toRoleDraft and toRolePayload", () => {
  it("round-trip a role: cues as lines in the draft, a list in the payload, which ZRoleInput accepts unchanged", () => {
    const draft = toRoleDraft(ROLE, keys());
    expect(draft.competencies).toEqual([
      { rowKey: "c0", key: "system-design", name: "System design", good: "Names the trade-offs.", cues: "trade-off\noutbox" },
      { rowKey: "c1", key: "testing", name: "Testing", good: "", cues: "unit tests" },
    ]);
    const payload = toRolePayload(draft);
    expect(ZRoleInput.parse(payload)).toEqual(ROLE);
  });

  it("sends a role without competencies as one without a scorecard", () => {
    const payload = toRolePayload(toRoleDraft({ ...ROLE, scorecard: null }, keys()));
    expect(payload.scorecard).toEqual({ competencies: [] });
    expect(ZRoleInput.parse(payload).scorecard).toBeNull();
  });
});

describe("adoptSavedRole", () => {
  it("takes the server's copy when untouched, keeping the rows' keys", () => {
    const draft = toRoleDraft(ROLE, keys());
    const saved = { ...ROLE, title: "Backend Engineer II" };
    expect(adoptSavedRole(draft, saved, true, () => "new").competencies.map((c) => c.rowKey)).toEqual(["c0", "c1"]);
    expect(adoptSavedRole(draft, saved, true, () => "new").title).toBe("Backend Engineer II");
  });

  it("keeps edits made meanwhile, filling in the key the save gave a new competency", () => {
    const draft = toRoleDraft(ROLE, keys());
    const edited = { ...draft, competencies: [...draft.competencies, { rowKey: "c9", key: "", name: " On-call  leadership", good: "", cues: "pages" }] };
    const saved = { ...ROLE, scorecard: { competencies: [...ROLE.scorecard!.competencies, { key: "on-call-leadership", name: "On-call leadership", good: "", cues: ["pages"] }] } };
    expect(adoptSavedRole(edited, saved, false, () => "new").competencies.at(-1)).toMatchObject({ rowKey: "c9", key: "on-call-leadership" });
  });
});

describe("roleFieldErrors", () => {
  it("shows a key error at the name, and a cue's error at the Listen for box, quoting the cue", () => {
    const draft = toRoleDraft(ROLE, keys());
    draft.competencies[1]!.cues = "unit tests\n\nx";
    const result = ZRoleInput.safeParse(toRolePayload(draft));
    expect(result.success).toBe(false);
    const raw = { ...toFieldErrors(result.error!), "scorecard.competencies.0.key": "Key already used by competency 2." };
    expect(roleFieldErrors(raw, draft)).toEqual({
      "scorecard.competencies.0.name": "Key already used by competency 2.",
      "scorecard.competencies.1.cues": "“x”: A cue must be at least 2 characters.",
    });
  });
});

describe("describeRolePath", () => {
  it.each([
    ["scorecard.competencies.2.cues", "Competency 3, listen for"],
    ["scorecard.competencies.0.good", "Competency 1, what good looks like"],
    ["scorecard.competencies", "Scorecard"],
    ["slug", "Slug"],
    ["nope", null],
  ])("%s → %s", (path, label) => {
    expect(describeRolePath(path)).toBe(label);
  });
});
