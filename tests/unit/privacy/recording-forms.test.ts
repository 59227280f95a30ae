import { describe, expect, it } from "vitest";
import { RECORDING_POLICIES, RECORDING_POLICY_DESCRIPTIONS, splitRolesByPolicy, type RecordingPolicy } from "@/lib/privacy/policy";
import { ZInterviewerOptOutInput, ZOwnOptOutInput, ZRecordingPolicyInput } from "@/lib/validations/privacy";
import { ZRoleInput } from "@/lib/validations/settings";

const ID = "3f1c2b9a-7d4e-4c1a-9b2f-0e8d7c6b5a41";

describe("splitRolesByPolicy", () => {
  it("puts roles without an override with the default, in the order given, and the others apart", () => {
    const roles = [
      { id: "a", recordingPolicy: null },
      { id: "b", recordingPolicy: "NEVER_RECORD" as RecordingPolicy },
      { id: "c", recordingPolicy: null },
      { id: "d", recordingPolicy: "ASK_FOR_CONSENT" as RecordingPolicy },
    ];
    const { inheriting, overriding } = splitRolesByPolicy(roles);
    expect(inheriting.map((r) => r.id)).toEqual(["a", "c"]);
    expect(overriding.map((r) => r.id)).toEqual(["b", "d"]);
  });

  it("counts an unreadable override as none (the role follows the default, as effectiveRecordingPolicy reads it)", () => {
    const { inheriting, overriding } = splitRolesByPolicy([{ id: "x", recordingPolicy: "SOMETIMES" as RecordingPolicy }]);
    expect(inheriting.map((r) => r.id)).toEqual(["x"]);
    expect(overriding).toEqual([]);
  });

  it("answers two empty lists for no roles", () => {
    expect(splitRolesByPolicy([])).toEqual({ inheriting: [], overriding: [] });
  });
});

describe("RECORDING_POLICY_DESCRIPTIONS", () => {
  it("explains every policy in one line", () => {
    for (const policy of RECORDING_POLICIES) {
      expect(RECORDING_POLICY_DESCRIPTIONS[policy].length).toBeGreaterThan(20);
      expect(RECORDING_POLICY_DESCRIPTIONS[policy]).not.toContain("\n");
    }
  });
});

describe("ZRecordingPolicyInput", () => {
  it("takes each policy as the radio group sends it", () => {
    for (const policy of RECORDING_POLICIES) expect(ZRecordingPolicyInput.parse({ recordingPolicy: policy })).toEqual({ recordingPolicy: policy });
  });

  it.each([[undefined], [""], ["inform_only"], ["NEVER_RECORD "], ["<script>"], [1], [null]])("refuses %j with the list of choices", (value) => {
    const result = ZRecordingPolicyInput.safeParse({ recordingPolicy: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose one of Inform only, Ask for consent, Never record.");
    expect(result.error?.issues[0]?.path).toEqual(["recordingPolicy"]);
  });
});

describe("ZInterviewerOptOutInput and ZOwnOptOutInput", () => {
  it('reads "true" and "false" as the opt-out', () => {
    expect(ZInterviewerOptOutInput.parse({ interviewerId: ID.toUpperCase(), recordingOptOut: "true" })).toEqual({ interviewerId: ID, recordingOptOut: true });
    expect(ZOwnOptOutInput.parse({ recordingOptOut: "false" })).toEqual({ recordingOptOut: false });
  });

  it.each([[undefined], [""], ["on"], [true], ["TRUE"], [null]])("refuses %j rather than reading it as false (a post that leaves it out opts no one back in)", (value) => {
    expect(ZOwnOptOutInput.safeParse({ recordingOptOut: value }).success).toBe(false);
  });

  it("refuses an interviewer id that is not an id", () => {
    const result = ZInterviewerOptOutInput.safeParse({ interviewerId: "1 OR 1=1", recordingOptOut: "true" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["interviewerId"], message: "That is not an interviewer." });
  });
});

describe("ZRoleInput recordingPolicy", () => {
  const role = { title: "Backend Engineer", slug: "backend-engineer", team: "Eng", location: "Remote", employment: "Full-time", summary: "S", description: "D", panelId: ID, published: false };

  it("reads null and the empty option as the organisation default, a policy as the override", () => {
    expect(ZRoleInput.parse({ ...role, recordingPolicy: null }).recordingPolicy).toBeNull();
    expect(ZRoleInput.parse({ ...role, recordingPolicy: "" }).recordingPolicy).toBeNull();
    expect(ZRoleInput.parse({ ...role, recordingPolicy: "NEVER_RECORD" }).recordingPolicy).toBe("NEVER_RECORD");
  });

  it("leaves it out when the input has none (the role keeps its policy: publishing from the roles list)", () => {
    expect(ZRoleInput.parse(role).recordingPolicy).toBeUndefined();
  });

  it("refuses anything else at its field", () => {
    const result = ZRoleInput.safeParse({ ...role, recordingPolicy: "MAYBE" });
    expect(result.error?.issues.map((i) => i.path)).toEqual([["recordingPolicy"]]);
  });
});
