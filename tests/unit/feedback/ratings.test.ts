import { describe, expect, it } from "vitest";
import { MAX_CITED_MOMENTS, RATING_OPTIONS, ratingFromScore, validateSubmission, ZFeedbackDraft } from "@/lib/feedback/ratings";

const KEYS = ["design", "communication"];
const complete = () => ({
  competencies: [
    { key: "design", rating: "YES", notes: "Clear trade-offs.", citedMoments: [3, 7] },
    { key: "communication", rating: "STRONG_YES" },
  ],
  overallRecommendation: "YES",
  keyTakeaways: "Hire.",
});

describe("RATING_OPTIONS", () => {
  it("is the 4-point scale with the exact labels, in order", () => {
    expect(RATING_OPTIONS).toEqual([
      { value: "STRONG_NO", label: "Strong no", score: 1 },
      { value: "NO", label: "No", score: 2 },
      { value: "YES", label: "Yes", score: 3 },
      { value: "STRONG_YES", label: "Strong yes", score: 4 },
    ]);
  });
});

describe("ratingFromScore", () => {
  it("maps 1–4 back and refuses anything else", () => {
    expect([1, 2, 3, 4].map(ratingFromScore)).toEqual(["STRONG_NO", "NO", "YES", "STRONG_YES"]);
    expect(ratingFromScore(0)).toBeNull();
    expect(ratingFromScore(2.5)).toBeNull();
  });
});

describe("ZFeedbackDraft", () => {
  it("accepts an empty draft and fills the defaults", () => {
    expect(ZFeedbackDraft.parse({})).toEqual({ competencies: [], keyTakeaways: "" });
  });

  it("accepts a partial draft and drops duplicate cited moments", () => {
    const draft = ZFeedbackDraft.parse({ competencies: [{ key: "design", citedMoments: [4, 2, 4], droppedSuggestions: ["s1", "s1"] }] });
    expect(draft.competencies[0]).toEqual({ key: "design", notes: "", citedMoments: [4, 2], droppedSuggestions: ["s1"] });
  });

  it.each([
    ["notes over 2000 characters", { competencies: [{ key: "design", notes: "x".repeat(2_001) }] }],
    ["more than 20 cited moments", { competencies: [{ key: "design", citedMoments: Array.from({ length: MAX_CITED_MOMENTS + 1 }, (_, i) => i) }] }],
    ["a negative segment position", { competencies: [{ key: "design", citedMoments: [-1] }] }],
    ["key take-aways over 5000 characters", { keyTakeaways: "x".repeat(5_001) }],
    ["a rating off the scale", { overallRecommendation: "MAYBE" }],
    ["a key that is not a slug", { competencies: [{ key: "a.b" }] }],
    ["a competency twice", { competencies: [{ key: "design" }, { key: "design" }] }],
  ])("refuses %s", (_name, input) => {
    expect(ZFeedbackDraft.safeParse(input).success).toBe(false);
  });
});

describe("validateSubmission", () => {
  it("accepts a complete submission, competencies in scorecard order", () => {
    const input = complete();
    input.competencies.reverse();
    const result = validateSubmission(input, KEYS);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.competencies.map((c) => c.key)).toEqual(KEYS);
  });

  it("requires an overall recommendation and a rating for every competency", () => {
    const result = validateSubmission({ competencies: [{ key: "design", notes: "Good." }] }, KEYS);
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        overallRecommendation: "Choose an overall recommendation.",
        "competencies.design.rating": "Rate this competency.",
        "competencies.communication.rating": "Rate this competency.",
      },
    });
  });

  it("refuses a rating for a competency of another scorecard", () => {
    const input = { ...complete(), competencies: [...complete().competencies, { key: "sql", rating: "NO" }] };
    expect(validateSubmission(input, KEYS)).toEqual({ ok: false, fieldErrors: { "competencies.sql.rating": "This competency is not on this interview's scorecard." } });
  });

  it("refuses notes for a competency of another scorecard", () => {
    const input = { ...complete(), competencies: [...complete().competencies, { key: "sql", notes: "n" }] };
    expect(validateSubmission(input, KEYS)).toEqual({ ok: false, fieldErrors: { "competencies.sql": "This competency is not on this interview's scorecard." } });
  });

  it("keys shape errors by the competency's key", () => {
    const input = complete();
    input.competencies[0]!.notes = "x".repeat(2_001);
    const result = validateSubmission(input, KEYS);
    expect(result).toEqual({ ok: false, fieldErrors: { "competencies.design.notes": "Keep notes under 2,000 characters." } });
  });

  it("keys errors by index when the key itself is bad", () => {
    const result = validateSubmission({ ...complete(), competencies: [{ key: "<script>", rating: "YES" }] }, KEYS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors)).toEqual(["competencies.0.key"]);
  });

  it("explains a bad cited moment in words", () => {
    const input = complete();
    input.competencies[0]!.citedMoments = [1.5];
    expect(validateSubmission(input, KEYS)).toEqual({ ok: false, fieldErrors: { "competencies.design.citedMoments.0": "That is not a moment of this transcript." } });
  });

  it("refuses input that is not an object", () => {
    expect(validateSubmission(null, KEYS)).toMatchObject({ ok: false });
    expect(validateSubmission("x", KEYS)).toMatchObject({ ok: false });
  });

  it("accepts a scorecard without competencies once the overall recommendation is given", () => {
    expect(validateSubmission({ overallRecommendation: "NO" }, [])).toMatchObject({ ok: true, data: { overallRecommendation: "NO", competencies: [] } });
  });
});
