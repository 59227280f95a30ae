import { describe, expect, it } from "vitest";
import { readCompetencyEvidence, readFeedbackContent, readFeedbackDraft, readScorecardCompetencies, readTalkTime, suggestionId, suggestionIdsByCompetency } from "@/lib/feedback/stored";
import { mapEvidence } from "@/lib/scorecards/evidence";
import { talkTime } from "@/lib/scorecards/talk-time";

const segments = [
  { position: 0, speaker: "Ana Lopez", startMs: 0, endMs: 4_000, text: "How did you handle retries?" },
  { position: 1, speaker: "Bo", startMs: 4_000, endMs: 12_000, text: "Retries used exponential backoff with jitter." },
];
const evidence = mapEvidence({
  scorecard: {
    competencies: [
      { key: "reliability", name: "Reliability", cues: ["exponential backoff"] },
      { key: "frontend", name: "Frontend", cues: ["css grid"] },
    ],
  },
  segments,
  summary: "Bo explained exponential backoff.",
  actionItems: [{ position: 0, text: "Ask about exponential backoff limits" }],
});

describe("suggestionId", () => {
  it("names a moment by its segment position, a summary sentence by its index and an action item by its position", () => {
    expect(evidence[0]!.evidence.map(suggestionId)).toEqual(["moment:1", "summary:0", "action_item:0"]);
  });
});

describe("suggestionIdsByCompetency", () => {
  it("groups the ids by competency, with an empty set for one not covered", () => {
    expect(suggestionIdsByCompetency(evidence)).toEqual(
      new Map([
        ["reliability", new Set(["moment:1", "summary:0", "action_item:0"])],
        ["frontend", new Set()],
      ]),
    );
  });
});

describe("readCompetencyEvidence", () => {
  it("reads back what mapEvidence produced after a JSON round trip", () => {
    expect(readCompetencyEvidence(JSON.parse(JSON.stringify(evidence)))).toEqual(evidence);
  });

  it("reads an unknown evidence kind or a missing field as unreadable (null)", () => {
    expect(readCompetencyEvidence([{ key: "x", name: "X", covered: true, evidence: [{ kind: "hunch", quote: "q", cue: "c" }] }])).toBeNull();
    expect(readCompetencyEvidence({ competencies: [] })).toBeNull();
  });
});

describe("readTalkTime", () => {
  it("reads back a TalkTime; null when absent or of another shape", () => {
    const figures = talkTime(segments, { interviewerSpeakers: ["Ana Lopez"] });
    expect(readTalkTime(JSON.parse(JSON.stringify(figures)))).toEqual(figures);
    expect(readTalkTime(null)).toBeNull();
    expect(readTalkTime({ speakers: "many" })).toBeNull();
  });
});

describe("readScorecardCompetencies", () => {
  it("reads a version's competencies; null when one is malformed or there are none", () => {
    const competencies = [{ key: "reliability", name: "Reliability", good: "", cues: ["retries"] }];
    expect(readScorecardCompetencies(competencies)).toEqual(competencies);
    expect(readScorecardCompetencies([{ key: "Bad Key!", name: "x", cues: [] }])).toBeNull();
    // A version without competencies is no scorecard.
    expect(readScorecardCompetencies([])).toBeNull();
  });
});

describe("readFeedbackDraft", () => {
  it("reads a stored draft with its defaults; null for none or a malformed one", () => {
    expect(readFeedbackDraft({ overallRecommendation: "YES" })).toEqual({ overallRecommendation: "YES", competencies: [], keyTakeaways: "" });
    expect(readFeedbackDraft(null)).toBeNull();
    expect(readFeedbackDraft({ overallRecommendation: "MAYBE" })).toBeNull();
  });
});

describe("readFeedbackContent", () => {
  it("reads the columns or a revision's JSON, keeping text as typed", () => {
    expect(readFeedbackContent({ overallRecommendation: "STRONG_NO", competencies: [{ key: "a", rating: "NO" }], keyTakeaways: "<b>no</b>" })).toEqual({
      overallRecommendation: "STRONG_NO",
      competencies: [{ key: "a", rating: "NO", notes: "", citedMoments: [], droppedSuggestions: [] }],
      keyTakeaways: "<b>no</b>",
    });
  });

  it("reads an unknown recommendation as none and unreadable competencies as none", () => {
    expect(readFeedbackContent({ overallRecommendation: "MAYBE", competencies: "x" })).toEqual({ overallRecommendation: null, competencies: [], keyTakeaways: "" });
    expect(readFeedbackContent(null)).toEqual({ overallRecommendation: null, competencies: [], keyTakeaways: "" });
  });
});
