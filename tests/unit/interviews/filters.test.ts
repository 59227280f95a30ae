import { describe, expect, it } from "vitest";
import { getLocalDateRange, normalizeTimeZone } from "@/lib/interviews/date-range";
import { DEFAULT_INTERVIEW_FILTERS, hasActiveInterviewFilters, MAX_INTERVIEWS_PAGE, parseInterviewFilters, readInterviewHistory, toSafeHttpUrl } from "@/lib/validations/interviews";

const ROLE = "0b5f2a3e-8a57-4f53-9d0f-6f1d7f0c2a11";
const INTERVIEWER = "5d1c7a0e-1f7e-4a8b-b0a2-3c4d5e6f7a8b";
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe("parseInterviewFilters", () => {
  it("defaults to every status, no bounds, UTC, page 1", () => {
    expect(parseInterviewFilters({})).toEqual(DEFAULT_INTERVIEW_FILTERS);
    expect(parseInterviewFilters(undefined)).toEqual(DEFAULT_INTERVIEW_FILTERS);
    expect(parseInterviewFilters("status=cancelled")).toEqual(DEFAULT_INTERVIEW_FILTERS);
    expect(DEFAULT_INTERVIEW_FILTERS).toMatchObject({ status: "ALL", tz: "UTC", page: 1 });
  });

  it("reads the form's params into filters", () => {
    expect(parseInterviewFilters({ role: ROLE, interviewer: INTERVIEWER, status: "cancelled", from: "2026-03-01", to: "2026-03-31", tz: "Europe/Paris", page: "2" })).toEqual({
      roleId: ROLE,
      interviewerId: INTERVIEWER,
      status: "CANCELLED",
      stage: undefined,
      feedback: undefined,
      from: "2026-03-01",
      to: "2026-03-31",
      tz: "Europe/Paris",
      q: undefined,
      page: 2,
    });
  });

  it("reads the application stage and the feedback filter in any case", () => {
    expect(parseInterviewFilters({ stage: "rejected", feedback: "overdue" })).toMatchObject({ stage: "REJECTED", feedback: "OVERDUE" });
    expect(parseInterviewFilters({ stage: " Offer ", feedback: "Due" })).toMatchObject({ stage: "OFFER", feedback: "DUE" });
    expect(parseInterviewFilters({ stage: "applied" }).stage).toBe("APPLIED");
  });

  it.each([["bogus"], ["all"], ["REJECTED;DROP TABLE"], [""]])("treats the stage and feedback filter %j as any", (value) => {
    expect(parseInterviewFilters({ stage: value, feedback: value })).toMatchObject({ stage: undefined, feedback: undefined });
  });

  it("accepts every status in any case, and ALL", () => {
    expect(parseInterviewFilters({ status: "Scheduled" }).status).toBe("SCHEDULED");
    expect(parseInterviewFilters({ status: " rescheduled " }).status).toBe("RESCHEDULED");
    expect(parseInterviewFilters({ status: "COMPLETED" }).status).toBe("COMPLETED");
    expect(parseInterviewFilters({ status: "all" }).status).toBe("ALL");
  });

  it("takes the first of a repeated param", () => {
    expect(parseInterviewFilters({ status: ["cancelled", "scheduled"], page: ["3", "9"] })).toMatchObject({ status: "CANCELLED", page: 3 });
  });

  it("treats the empty values an unfilled GET form sends as no filter", () => {
    expect(parseInterviewFilters({ role: "", interviewer: "", status: "all", stage: "", feedback: "", from: "", to: "", tz: "" })).toEqual(DEFAULT_INTERVIEW_FILTERS);
  });

  it.each([["bogus"], ["CANCELED"], ["1"], ["SCHEDULED;DROP TABLE"]])("falls back to ALL for status %j", (status) => {
    expect(parseInterviewFilters({ status }).status).toBe("ALL");
  });

  it.each([["not-a-uuid"], ["1"], [`${ROLE}x`], ["' OR 1=1"]])("ignores the malformed id %j", (id) => {
    expect(parseInterviewFilters({ role: id, interviewer: id })).toMatchObject({ roleId: undefined, interviewerId: undefined });
  });

  it("lowercases ids", () => {
    expect(parseInterviewFilters({ role: ROLE.toUpperCase() }).roleId).toBe(ROLE);
  });

  it.each([["2026-02-30"], ["2026-13-01"], ["03/01/2026"], ["2026-3-1"], ["yesterday"]])("ignores the invalid date %j", (date) => {
    expect(parseInterviewFilters({ from: date, to: date })).toMatchObject({ from: undefined, to: undefined });
  });

  it("swaps dates given in the wrong order", () => {
    expect(parseInterviewFilters({ from: "2026-03-31", to: "2026-03-01" })).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
  });

  it.each([["Mars/Olympus_Mons"], ["../etc/passwd"], ["x".repeat(80)], [""]])("falls back to UTC for the timezone %j", (tz) => {
    expect(parseInterviewFilters({ tz }).tz).toBe("UTC");
  });

  it("keeps a known timezone in its canonical spelling", () => {
    expect(parseInterviewFilters({ tz: "Asia/Tokyo" }).tz).toBe("Asia/Tokyo");
    expect(parseInterviewFilters({ tz: "utc" }).tz).toBe("UTC");
  });

  it.each([["0"], ["-1"], ["1.5"], ["abc"], [String(MAX_INTERVIEWS_PAGE + 1)], ["9999999999"]])("falls back to page 1 for %j", (page) => {
    expect(parseInterviewFilters({ page }).page).toBe(1);
  });
});

describe("hasActiveInterviewFilters", () => {
  it("is false for the defaults, whatever the page or timezone", () => {
    expect(hasActiveInterviewFilters(DEFAULT_INTERVIEW_FILTERS)).toBe(false);
    expect(hasActiveInterviewFilters({ ...DEFAULT_INTERVIEW_FILTERS, page: 4, tz: "Europe/Paris" })).toBe(false);
  });

  it("is true when any filter narrows the list", () => {
    expect(hasActiveInterviewFilters({ status: "CANCELLED" })).toBe(true);
    expect(hasActiveInterviewFilters({ roleId: ROLE })).toBe(true);
    expect(hasActiveInterviewFilters({ interviewerId: INTERVIEWER })).toBe(true);
    expect(hasActiveInterviewFilters({ to: "2026-03-01" })).toBe(true);
    expect(hasActiveInterviewFilters({ stage: "HIRED" })).toBe(true);
    expect(hasActiveInterviewFilters({ feedback: "DUE" })).toBe(true);
  });
});

describe("getLocalDateRange", () => {
  it("is open-ended without dates", () => {
    expect(getLocalDateRange({ timeZone: "Europe/Paris" })).toEqual({ gte: null, lt: null });
  });

  it("covers whole UTC days, both inclusive", () => {
    const range = getLocalDateRange({ from: "2026-03-10", to: "2026-03-12", timeZone: "UTC" });
    expect([iso(range.gte), iso(range.lt)]).toEqual(["2026-03-10T00:00:00.000Z", "2026-03-13T00:00:00.000Z"]);
  });

  it("reads the days in the viewer's timezone", () => {
    const tokyo = getLocalDateRange({ from: "2026-03-10", to: "2026-03-10", timeZone: "Asia/Tokyo" });
    expect([iso(tokyo.gte), iso(tokyo.lt)]).toEqual(["2026-03-09T15:00:00.000Z", "2026-03-10T15:00:00.000Z"]);
    const newYork = getLocalDateRange({ from: "2026-01-15", to: "2026-01-15", timeZone: "America/New_York" });
    expect([iso(newYork.gte), iso(newYork.lt)]).toEqual(["2026-01-15T05:00:00.000Z", "2026-01-16T05:00:00.000Z"]);
  });

  it("gives a daylight-saving day its real length (23 h in spring, 25 h in autumn)", () => {
    const spring = getLocalDateRange({ from: "2026-03-29", to: "2026-03-29", timeZone: "Europe/Berlin" });
    expect([iso(spring.gte), iso(spring.lt)]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    const autumn = getLocalDateRange({ from: "2026-11-01", to: "2026-11-01", timeZone: "America/New_York" });
    expect([iso(autumn.gte), iso(autumn.lt)]).toEqual(["2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"]);
  });

  it("supports a single bound", () => {
    expect(getLocalDateRange({ from: "2026-03-10", timeZone: "UTC" })).toEqual({ gte: new Date("2026-03-10T00:00:00Z"), lt: null });
    expect(getLocalDateRange({ to: "2026-03-10", timeZone: "UTC" })).toEqual({ gte: null, lt: new Date("2026-03-11T00:00:00Z") });
  });

  it("swaps inverted bounds and ignores invalid dates", () => {
    const swapped = getLocalDateRange({ from: "2026-03-12", to: "2026-03-10", timeZone: "UTC" });
    expect([iso(swapped.gte), iso(swapped.lt)]).toEqual(["2026-03-10T00:00:00.000Z", "2026-03-13T00:00:00.000Z"]);
    expect(getLocalDateRange({ from: "2026-02-30", to: "nope", timeZone: "UTC" })).toEqual({ gte: null, lt: null });
  });

  it("falls back to UTC for an unknown or missing timezone", () => {
    const expected = { gte: new Date("2026-03-10T00:00:00Z"), lt: new Date("2026-03-11T00:00:00Z") };
    expect(getLocalDateRange({ from: "2026-03-10", to: "2026-03-10", timeZone: "Mars/Olympus_Mons" })).toEqual(expected);
    expect(getLocalDateRange({ from: "2026-03-10", to: "2026-03-10" })).toEqual(expected);
  });
});

describe("normalizeTimeZone", () => {
  it("returns the canonical name of a known zone and null otherwise", () => {
    expect(normalizeTimeZone(" Europe/Paris ")).toBe("Europe/Paris");
    expect(normalizeTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(normalizeTimeZone("Europe/Paris\n")).toBe("Europe/Paris");
    expect(normalizeTimeZone("<script>")).toBeNull();
  });
});

describe("readInterviewHistory", () => {
  it("reads the reducer's entries, oldest first, filling optional fields with null", () => {
    const history = readInterviewHistory([
      { kind: "cancelled", at: 30, startsAt: 200, endsAt: 260, reason: "Accepted another offer" },
      { kind: "created", at: 10, startsAt: 100, endsAt: 160 },
      { kind: "rescheduled", at: 20, startsAt: 200, endsAt: 260, previousStartsAt: 100, previousEndsAt: 160 },
    ]);
    expect(history.map((entry) => entry.kind)).toEqual(["created", "rescheduled", "cancelled"]);
    expect(history[0]).toEqual({ kind: "created", at: 10, startsAt: 100, endsAt: 160, previousStartsAt: null, previousEndsAt: null, reason: null });
    expect(history[1]).toMatchObject({ previousStartsAt: 100, startsAt: 200 });
    expect(history[2]?.reason).toBe("Accepted another offer");
  });

  it("skips entries of another shape and tolerates a non-array", () => {
    expect(readInterviewHistory([{ kind: "exploded", at: 1 }, { kind: "created" }, null, "x", { kind: "created", at: 5, startsAt: "soon" }])).toEqual([
      { kind: "created", at: 5, startsAt: null, endsAt: null, previousStartsAt: null, previousEndsAt: null, reason: null },
    ]);
    expect(readInterviewHistory({ kind: "created", at: 1 })).toEqual([]);
    expect(readInterviewHistory(null)).toEqual([]);
  });
});

describe("toSafeHttpUrl", () => {
  it("keeps http(s) links", () => {
    expect(toSafeHttpUrl("https://meet.google.com/abc-defg-hij")).toBe("https://meet.google.com/abc-defg-hij");
    expect(toSafeHttpUrl(" http://localhost:3000/sandbox/meet/x ")).toBe("http://localhost:3000/sandbox/meet/x");
  });

  it.each([["javascript:alert(1)"], ["data:text/html,hi"], ["meet.google.com/abc"], [""], [null], [undefined]])("refuses %j", (value) => {
    expect(toSafeHttpUrl(value)).toBeNull();
  });
});

describe("parseInterviewFilters: transcript search (q)", () => {
  it("keeps the words, trimmed, whitespace and control characters collapsed, at most 200 characters", () => {
    expect(parseInterviewFilters({ q: "  idempotent \n\t keys " }).q).toBe("idempotent keys");
    expect(parseInterviewFilters({ q: ["kafka", "ignored"] }).q).toBe("kafka");
    expect(parseInterviewFilters({ q: "x".repeat(500) }).q).toHaveLength(200);
    expect(parseInterviewFilters({ q: "   " }).q).toBeUndefined();
    expect(parseInterviewFilters({ q: 42 }).q).toBeUndefined();
  });

  it("counts as an active filter", () => {
    expect(hasActiveInterviewFilters({ ...DEFAULT_INTERVIEW_FILTERS, q: "kafka" })).toBe(true);
  });
});
