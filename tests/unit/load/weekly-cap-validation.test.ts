import { describe, expect, it } from "vitest";
import { readWeeklyCapForm, ZWeeklyCapInput } from "@/lib/validations/load";

const ID = "11111111-1111-4111-8111-111111111111";
const parse = (weeklyCap: unknown, interviewerId: unknown = ID) => ZWeeklyCapInput.safeParse({ interviewerId, weeklyCap });
const messageOf = (weeklyCap: unknown) => {
  const result = parse(weeklyCap);
  return result.success ? null : result.error.issues[0]!.message;
};

describe("ZWeeklyCapInput", () => {
  it("reads a whole number, trimmed", () => {
    expect(parse(" 3 ")).toMatchObject({ success: true, data: { weeklyCap: 3 } });
    expect(parse(5)).toMatchObject({ success: true, data: { weeklyCap: 5 } });
  });

  it("reads empty as no cap", () => {
    expect(parse("")).toMatchObject({ success: true, data: { weeklyCap: null } });
    expect(parse("   ")).toMatchObject({ success: true, data: { weeklyCap: null } });
    expect(parse(null)).toMatchObject({ success: true, data: { weeklyCap: null } });
  });

  it("refuses zero, fractions, words and huge numbers with a message for the field", () => {
    expect(messageOf("0")).toBe("The cap must be at least 1. Leave it empty for no cap.");
    expect(messageOf("2.5")).toBe("Enter a whole number of interviews, or leave it empty for no cap.");
    expect(messageOf("three")).toBe("Enter a whole number of interviews, or leave it empty for no cap.");
    expect(messageOf("101")).toBe("The cap must be at most 100 interviews a week.");
  });

  it("refuses an interviewer id that is not a UUID", () => {
    expect(parse("3", "42").success).toBe(false);
  });
});

describe("readWeeklyCapForm", () => {
  it("takes the two fields, a missing cap as empty", () => {
    const form = new FormData();
    form.set("interviewerId", ID);
    expect(readWeeklyCapForm(form)).toEqual({ interviewerId: ID, weeklyCap: "" });
  });
});
