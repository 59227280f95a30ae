import { describe, expect, it } from "vitest";
import { describeDecisionInputError, REJECTION_REASON_MAX, REJECTION_REASON_REQUIRED, ZDecisionInput } from "@/lib/feedback/decision";

const ID = "3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f";
const AT = "2026-03-10T12:00:00.000Z";
const parse = (fields: Record<string, unknown>) => ZDecisionInput.safeParse({ applicationId: ID, expectedUpdatedAt: AT, ...fields });

describe("ZDecisionInput", () => {
  it("requires a reason for Rejected, on the reason field", () => {
    for (const rejectionReason of [undefined, null, "", "  \n\t "]) {
      const result = parse({ stage: "REJECTED", rejectionReason });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["rejectionReason", REJECTION_REASON_REQUIRED]]);
      expect(describeDecisionInputError(result.error!)).toBe(REJECTION_REASON_REQUIRED);
    }
  });

  it("keeps a trimmed reason for Rejected and drops it for every other stage", () => {
    expect(parse({ stage: "REJECTED", rejectionReason: "  Role filled.  " }).data).toEqual({ applicationId: ID, stage: "REJECTED", rejectionReason: "Role filled.", expectedUpdatedAt: AT });
    for (const stage of ["INTERVIEWING", "DEBRIEF", "OFFER", "HIRED"]) expect(parse({ stage, rejectionReason: "left over" }).data?.rejectionReason).toBeNull();
  });

  it("refuses Applied and unknown stages, overlong reasons, bad ids and a missing updatedAt", () => {
    expect(parse({ stage: "APPLIED" }).error?.issues[0]?.path).toEqual(["stage"]);
    expect(parse({ stage: "rejected", rejectionReason: "x" }).success).toBe(false);
    expect(parse({ stage: "REJECTED", rejectionReason: "x".repeat(REJECTION_REASON_MAX + 1) }).error?.issues[0]?.path).toEqual(["rejectionReason"]);
    expect(parse({ stage: "HIRED", applicationId: "1 OR 1=1" }).error?.issues[0]?.message).toBe("That is not an application.");
    expect(parse({ stage: "HIRED", expectedUpdatedAt: undefined }).error?.issues[0]?.path).toEqual(["expectedUpdatedAt"]);
  });

  it("lower-cases the application id", () => {
    expect(parse({ stage: "HIRED", applicationId: ID.toUpperCase() }).data?.applicationId).toBe(ID);
  });
});
