import { describe, expect, it } from "vitest";
import { isErasureConfirmed, ZErasureInput } from "@/lib/privacy/erasure-confirmation";

describe("isErasureConfirmed", () => {
  it.each([
    ["the same email", "dana@example.org", "dana@example.org", true],
    ["another letter case", "dana@example.org", "Dana@EXAMPLE.org", true],
    ["surrounding spaces", "dana@example.org", "  dana@example.org\t", true],
    ["another email", "dana@example.org", "dan@example.org", false],
    ["nothing typed", "dana@example.org", "   ", false],
    ["a prefix", "dana@example.org", "dana@example", false],
  ])("%s → %s", (_case, email, typed, expected) => {
    expect(isErasureConfirmed(email, typed)).toBe(expected);
  });
});

describe("ZErasureInput", () => {
  it("needs a candidate id and something typed", () => {
    expect(ZErasureInput.safeParse({ candidateId: "not-an-id", confirmEmail: "a@b.c" }).success).toBe(false);
    expect(ZErasureInput.safeParse({ candidateId: "00000000-0000-0000-0000-000000000001", confirmEmail: " " }).success).toBe(false);
    expect(ZErasureInput.parse({ candidateId: "00000000-0000-0000-0000-00000000000A", confirmEmail: " a@b.c " })).toEqual({
      candidateId: "00000000-0000-0000-0000-00000000000a",
      confirmEmail: "a@b.c",
    });
  });
});
