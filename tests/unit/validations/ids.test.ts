import { describe, expect, it } from "vitest";
import { isId, ZId, zId } from "@/lib/validations/ids";

describe("ZId", () => {
  it("accepts a uuid in any letter case and answers it lower-cased", () => {
    expect(ZId.parse("0B7C9A44-5A4E-4B8E-9D1E-2F0C1A3B4C5D")).toBe("0b7c9a44-5a4e-4b8e-9d1e-2f0c1a3b4c5d");
  });

  it("accepts what Postgres accepts, without version checks (the nil uuid, hand-made ids)", () => {
    expect(isId("00000000-0000-0000-0000-000000000000")).toBe(true);
    expect(isId("11111111-2222-3333-4444-555555555555")).toBe(true);
  });

  it.each([
    ["not-an-id"],
    [""],
    [" 0b7c9a44-5a4e-4b8e-9d1e-2f0c1a3b4c5d"],
    ["0b7c9a44-5a4e-4b8e-9d1e-2f0c1a3b4c5dx"],
    ["0b7c9a445a4e4b8e9d1e2f0c1a3b4c5d"],
    [null],
    [42],
    [["0b7c9a44-5a4e-4b8e-9d1e-2f0c1a3b4c5d"]],
  ])("refuses %j", (value) => {
    expect(isId(value)).toBe(false);
  });

  it("gives a form's own message for a bad id", () => {
    expect(zId("Choose a panel.").safeParse("nope").error?.issues[0]?.message).toBe("Choose a panel.");
    expect(ZId.safeParse(undefined).error?.issues[0]?.message).toBe("That is not an id.");
  });
});
