import { describe, expect, it } from "vitest";
import { answerOf, toDraft, toFormState, toggleItem, updateAnswer } from "@/lib/feedback/form";
import { validateSubmission } from "@/lib/feedback/ratings";

const KEYS = ["reliability", "communication"];

describe("toFormState", () => {
  it("gives a blank answer per competency, in scorecard order", () => {
    expect(toFormState(null, KEYS)).toEqual({
      competencies: {
        reliability: { rating: null, notes: "", citedMoments: [], droppedSuggestions: [] },
        communication: { rating: null, notes: "", citedMoments: [], droppedSuggestions: [] },
      },
      overallRecommendation: null,
      keyTakeaways: "",
    });
  });

  it("takes a draft's answers and leaves out competencies that are not on the scorecard", () => {
    const state = toFormState(
      {
        competencies: [
          { key: "communication", rating: "YES", notes: "Clear.", citedMoments: [4], droppedSuggestions: ["moment:2"] },
          { key: "visual-design", rating: "NO", notes: "", citedMoments: [], droppedSuggestions: [] },
        ],
        overallRecommendation: "STRONG_YES",
        keyTakeaways: "Hire.",
      },
      KEYS,
    );
    expect(state.competencies.communication).toEqual({ rating: "YES", notes: "Clear.", citedMoments: [4], droppedSuggestions: ["moment:2"] });
    expect(Object.keys(state.competencies)).toEqual(KEYS);
    expect(state.overallRecommendation).toBe("STRONG_YES");
  });
});

describe("toDraft", () => {
  it("round-trips through toFormState and leaves unset ratings out", () => {
    const state = updateAnswer(toFormState(null, KEYS), "reliability", (a) => ({ ...a, rating: "NO", citedMoments: [1] }));
    const draft = toDraft(state, KEYS);
    expect(draft).toEqual({
      competencies: [
        { key: "reliability", rating: "NO", notes: "", citedMoments: [1], droppedSuggestions: [] },
        { key: "communication", notes: "", citedMoments: [], droppedSuggestions: [] },
      ],
      keyTakeaways: "",
    });
    expect(toFormState(draft, KEYS)).toEqual(state);
  });

  it("makes a complete form a valid submission", () => {
    let state = toFormState(null, KEYS);
    for (const key of KEYS) state = updateAnswer(state, key, (a) => ({ ...a, rating: "YES" }));
    state = { ...state, overallRecommendation: "YES" };
    expect(validateSubmission(toDraft(state, KEYS), KEYS).ok).toBe(true);
  });
});

describe("answerOf", () => {
  it("answers blank for a competency the form did not know (a scorecard mapped after the page loaded)", () => {
    const state = toFormState(null, []);
    expect(answerOf(state, "reliability")).toEqual({ rating: null, notes: "", citedMoments: [], droppedSuggestions: [] });
    expect(toDraft(state, ["reliability"]).competencies).toEqual([{ key: "reliability", notes: "", citedMoments: [], droppedSuggestions: [] }]);
  });
});

describe("toggleItem", () => {
  it("adds at the end, or takes out", () => {
    expect(toggleItem([1, 2], 3)).toEqual([1, 2, 3]);
    expect(toggleItem([1, 2, 3], 2)).toEqual([1, 3]);
  });
});
