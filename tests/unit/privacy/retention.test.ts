import { describe, expect, it } from "vitest";
import { addDays, anonymisedName, evaluateRetention, RETENTION_RULES_OFF, ZRetentionRules, type RetentionApplication, type RetentionRules } from "@/lib/privacy/retention";
import { runInTimeZone, withTimeZone } from "@/tests/support/time-zone";

const DECIDED = new Date("2026-03-02T10:00:00.000Z");
const days = (n: number, ms = 0) => new Date(DECIDED.getTime() + n * 86_400_000 + ms);

function app(over: Partial<RetentionApplication> = {}): RetentionApplication {
  return { id: "app_1", stage: "REJECTED", decidedAt: DECIDED, hasMedia: true, anonymizedAt: null, ...over };
}

const rules = (over: Partial<RetentionRules> = {}): RetentionRules => ({ ...RETENTION_RULES_OFF, ...over });

function messageOf(input: Record<string, unknown>, field: keyof RetentionRules): string | undefined {
  const result = ZRetentionRules.safeParse({ ...input });
  if (result.success) return undefined;
  return result.error.issues.find((i) => i.path[0] === field)?.message;
}

describe("ZRetentionRules", () => {
  it("reads a form: empty is off, digits are days", () => {
    expect(ZRetentionRules.parse({ deleteMediaDaysAfterRejection: "30", deleteMediaDaysAfterHire: "", anonymizeDaysAfterRejection: " 365 " })).toEqual({
      deleteMediaDaysAfterRejection: 30,
      deleteMediaDaysAfterHire: null,
      anonymizeDaysAfterRejection: 365,
    });
  });

  it("treats absent and null as off, and takes numbers", () => {
    expect(ZRetentionRules.parse({})).toEqual(RETENTION_RULES_OFF);
    expect(ZRetentionRules.parse({ deleteMediaDaysAfterRejection: null, deleteMediaDaysAfterHire: 1, anonymizeDaysAfterRejection: 3650 })).toEqual({
      deleteMediaDaysAfterRejection: null,
      deleteMediaDaysAfterHire: 1,
      anonymizeDaysAfterRejection: 3650,
    });
  });

  const bad: Array<[string, unknown, string]> = [
    ["negative", "-5", "The number of days cannot be negative."],
    ["negative number", -1, "The number of days cannot be negative."],
    ["zero", "0", "At least 1 day; leave it empty to turn the rule off."],
    ["a fraction", "1.5", "Enter a whole number of days."],
    ["one past the maximum", "3651", "At most 3650 days (10 years)."],
    ["absurd", "99999999", "At most 3650 days (10 years)."],
    ["longer than any number", "1".repeat(400), "Enter a number of days, or leave it empty to turn the rule off."],
    ["words", "thirty", "Enter a number of days, or leave it empty to turn the rule off."],
    ["exponent", "1e3", "Enter a number of days, or leave it empty to turn the rule off."],
    ["hex", "0x10", "Enter a number of days, or leave it empty to turn the rule off."],
    ["trailing junk", "30 days", "Enter a number of days, or leave it empty to turn the rule off."],
    ["Infinity", Infinity, "Enter a number of days, or leave it empty to turn the rule off."],
    ["twenty digits", "99999999999999999999", "At most 3650 days (10 years)."],
    ["NaN", Number.NaN, "Enter a number of days, or leave it empty to turn the rule off."],
    ["a boolean", true, "Enter a number of days, or leave it empty to turn the rule off."],
    ["an array", ["30"], "Enter a number of days, or leave it empty to turn the rule off."],
    ["markup", "<b>30</b>", "Enter a number of days, or leave it empty to turn the rule off."],
  ];
  it.each(bad)("refuses %s with a clear message", (_name, value, message) => {
    expect(messageOf({ anonymizeDaysAfterRejection: value }, "anonymizeDaysAfterRejection")).toBe(message);
  });

  it("accepts both ends of the range", () => {
    expect(ZRetentionRules.parse({ deleteMediaDaysAfterHire: "1" }).deleteMediaDaysAfterHire).toBe(1);
    expect(ZRetentionRules.parse({ deleteMediaDaysAfterHire: "3650" }).deleteMediaDaysAfterHire).toBe(3650);
    expect(ZRetentionRules.parse({ deleteMediaDaysAfterHire: "+7" }).deleteMediaDaysAfterHire).toBe(7);
  });

  it("reports every bad field at once", () => {
    const result = ZRetentionRules.safeParse({ deleteMediaDaysAfterRejection: "-1", deleteMediaDaysAfterHire: "x", anonymizeDaysAfterRejection: "4000" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["deleteMediaDaysAfterRejection", "deleteMediaDaysAfterHire", "anonymizeDaysAfterRejection"]);
  });
});

describe("addDays", () => {
  // A local-time implementation would move across the Paris spring-forward (2026-03-29) by an hour.
  runInTimeZone("Europe/Paris");

  it("adds whole 24-hour days across a daylight-saving change", () => {
    expect(addDays(new Date("2026-03-28T12:00:00.000Z"), 1)).toEqual(new Date("2026-03-29T12:00:00.000Z"));
    expect(addDays(new Date("2026-10-24T23:30:00.000Z"), 2)).toEqual(new Date("2026-10-26T23:30:00.000Z"));
    expect(addDays(new Date("2026-03-01T00:00:00.000Z"), 30).getTime() - new Date("2026-03-01T00:00:00.000Z").getTime()).toBe(30 * 86_400_000);
  });

  it("crosses month, year and leap-day ends", () => {
    expect(addDays(new Date("2027-12-31T22:00:00.000Z"), 1)).toEqual(new Date("2028-01-01T22:00:00.000Z"));
    expect(addDays(new Date("2028-02-28T08:00:00.000Z"), 1)).toEqual(new Date("2028-02-29T08:00:00.000Z"));
    expect(addDays(new Date("2026-01-31T08:00:00.000Z"), 3650)).toEqual(new Date(new Date("2026-01-31T08:00:00.000Z").getTime() + 3650 * 86_400_000));
  });

  it("does not mutate its input", () => {
    const date = new Date(DECIDED);
    addDays(date, 5);
    expect(date).toEqual(DECIDED);
  });
});

describe("evaluateRetention", () => {
  it("does nothing with every rule off", () => {
    expect(evaluateRetention(RETENTION_RULES_OFF, [app(), app({ id: "app_2", stage: "HIRED" })], days(10_000))).toEqual({ deleteMedia: [], anonymize: [], next: null });
  });

  it("deletes a rejected application's media at exactly N days, not a millisecond before", () => {
    const r = rules({ deleteMediaDaysAfterRejection: 30 });
    const before = evaluateRetention(r, [app()], days(30, -1));
    expect(before.deleteMedia).toEqual([]);
    expect(before.next).toEqual({ applicationId: "app_1", kind: "delete_media", rule: "media_after_rejection", dueAt: days(30) });
    const at = evaluateRetention(r, [app()], days(30));
    expect(at.deleteMedia).toEqual([{ applicationId: "app_1", kind: "delete_media", rule: "media_after_rejection", dueAt: days(30) }]);
    expect(at.next).toBeNull();
  });

  it("counts days from the decision, whatever the server's time zone", () => {
    withTimeZone("America/New_York", () => {
      const decided = new Date("2026-03-07T15:00:00.000Z"); // the day before New York springs forward
      const r = rules({ deleteMediaDaysAfterRejection: 1 });
      expect(evaluateRetention(r, [app({ decidedAt: decided })], new Date("2026-03-08T14:59:59.999Z")).deleteMedia).toEqual([]);
      expect(evaluateRetention(r, [app({ decidedAt: decided })], new Date("2026-03-08T15:00:00.000Z")).deleteMedia).toHaveLength(1);
    });
  });

  it("deletes a hired application's media under the hire rule only", () => {
    const hired = app({ stage: "HIRED" });
    expect(evaluateRetention(rules({ deleteMediaDaysAfterRejection: 1 }), [hired], days(100)).deleteMedia).toEqual([]);
    expect(evaluateRetention(rules({ deleteMediaDaysAfterHire: 90 }), [hired], days(90)).deleteMedia).toEqual([
      { applicationId: "app_1", kind: "delete_media", rule: "media_after_hire", dueAt: days(90) },
    ]);
  });

  it("never touches open applications, and skips one without a decision date", () => {
    const r = rules({ deleteMediaDaysAfterRejection: 1, deleteMediaDaysAfterHire: 1, anonymizeDaysAfterRejection: 1 });
    const open = (["APPLIED", "INTERVIEWING", "DEBRIEF", "OFFER"] as const).map((stage, i) => app({ id: `open_${i}`, stage }));
    const undated = app({ id: "undated", decidedAt: null });
    const invalid = app({ id: "invalid", decidedAt: new Date("not a date") });
    expect(evaluateRetention(r, [...open, undated, invalid], days(1_000))).toEqual({ deleteMedia: [], anonymize: [], next: null });
  });

  it("does not delete media twice", () => {
    expect(evaluateRetention(rules({ deleteMediaDaysAfterRejection: 1 }), [app({ hasMedia: false })], days(5)).deleteMedia).toEqual([]);
  });

  it("anonymises a rejected candidate at exactly M days, once, and deletes their media with it", () => {
    const r = rules({ anonymizeDaysAfterRejection: 180 });
    expect(evaluateRetention(r, [app()], days(180, -1)).anonymize).toEqual([]);
    const plan = evaluateRetention(r, [app()], days(180));
    expect(plan.anonymize).toEqual([{ applicationId: "app_1", kind: "anonymize", rule: "anonymize_after_rejection", dueAt: days(180) }]);
    expect(plan.deleteMedia).toEqual([{ applicationId: "app_1", kind: "delete_media", rule: "anonymize_after_rejection", dueAt: days(180) }]);
    expect(evaluateRetention(r, [app({ anonymizedAt: days(180), hasMedia: false })], days(400))).toEqual({ deleteMedia: [], anonymize: [], next: null });
  });

  it("lists a media deletion once when both rules are due", () => {
    const plan = evaluateRetention(rules({ deleteMediaDaysAfterRejection: 30, anonymizeDaysAfterRejection: 60 }), [app()], days(60));
    expect(plan.deleteMedia).toEqual([{ applicationId: "app_1", kind: "delete_media", rule: "media_after_rejection", dueAt: days(30) }]);
    expect(plan.anonymize).toHaveLength(1);
  });

  it("names the next action due, earliest first", () => {
    const r = rules({ deleteMediaDaysAfterRejection: 30, deleteMediaDaysAfterHire: 10, anonymizeDaysAfterRejection: 60 });
    const plan = evaluateRetention(r, [app({ id: "rejected" }), app({ id: "hired", stage: "HIRED", decidedAt: days(5) })], days(12));
    expect(plan.next).toEqual({ applicationId: "hired", kind: "delete_media", rule: "media_after_hire", dueAt: days(15) });
    expect(evaluateRetention(r, [app({ id: "rejected" })], days(31)).next).toEqual({
      applicationId: "rejected",
      kind: "anonymize",
      rule: "anonymize_after_rejection",
      dueAt: days(60),
    });
  });

  it("orders due actions by due time, then id, so a batch is stable", () => {
    const r = rules({ deleteMediaDaysAfterRejection: 1 });
    const apps = [app({ id: "c", decidedAt: days(2) }), app({ id: "b" }), app({ id: "a" })];
    expect(evaluateRetention(r, apps, days(10)).deleteMedia.map((a) => a.applicationId)).toEqual(["a", "b", "c"]);
  });

  it("does not anonymise a candidate another application still needs", () => {
    const r = rules({ anonymizeDaysAfterRejection: 30 });
    const rejected = app({ id: "old", candidateId: "cand_1" });
    const plan = (other: RetentionApplication) => evaluateRetention(r, [rejected, other], days(40));
    expect(plan(app({ id: "new", candidateId: "cand_1", stage: "INTERVIEWING", decidedAt: null })).anonymize).toEqual([]);
    expect(plan(app({ id: "new", candidateId: "cand_1", stage: "HIRED" })).anonymize).toEqual([]);
    expect(plan(app({ id: "new", candidateId: "cand_1", decidedAt: days(20) })).anonymize).toEqual([]);
    expect(plan(app({ id: "new", candidateId: "cand_1", decidedAt: days(5) })).anonymize.map((a) => a.applicationId)).toEqual(["old", "new"]);
    expect(plan(app({ id: "new", candidateId: "cand_2", stage: "INTERVIEWING" })).anonymize.map((a) => a.applicationId)).toEqual(["old"]);
  });

  it("still deletes media of a candidate whose anonymisation waits", () => {
    const r = rules({ deleteMediaDaysAfterRejection: 10, anonymizeDaysAfterRejection: 30 });
    const plan = evaluateRetention(r, [app({ id: "old", candidateId: "c" }), app({ id: "new", candidateId: "c", stage: "OFFER", decidedAt: null })], days(40));
    expect(plan.anonymize).toEqual([]);
    expect(plan.deleteMedia.map((a) => a.applicationId)).toEqual(["old"]);
  });

  it("handles a large batch quickly", () => {
    const apps = Array.from({ length: 20_000 }, (_, i) => app({ id: `app_${String(i).padStart(5, "0")}`, candidateId: `cand_${i % 7_000}`, decidedAt: days(-(i % 400)) }));
    const started = performance.now();
    const plan = evaluateRetention(rules({ deleteMediaDaysAfterRejection: 365, anonymizeDaysAfterRejection: 730 }), apps, days(0));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(plan.deleteMedia.length).toBe(apps.filter((a) => a.decidedAt!.getTime() <= days(-365).getTime()).length);
  });
});

describe("anonymisedName", () => {
  it("is 'Anonymized candidate #n'", () => {
    expect(anonymisedName(1)).toBe("Anonymized candidate #1");
    expect(anonymisedName(1042)).toBe("Anonymized candidate #1042");
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Infinity], [2 ** 60]])("refuses %s", (n) => {
    expect(() => anonymisedName(n)).toThrow(RangeError);
  });
});
