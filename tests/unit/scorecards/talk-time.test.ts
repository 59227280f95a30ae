import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { averageTalkTime, countQuestions, talkTime, type TalkSegment, type TalkTime } from "@/lib/scorecards/talk-time";

const seg = (speaker: string | null, startMs: number | null, endMs: number | null, text = "word"): TalkSegment => ({ speaker, startMs, endMs, text });
const INTERVIEWER = { interviewerSpeakers: ["Ana Lopez"] };

describe("talkTime", () => {
  it("measures each speaker's share in time, sorted by share", () => {
    const result = talkTime([seg("Ana Lopez", 0, 1_000), seg("Bo", 1_000, 4_000), seg("Ana Lopez", 4_000, 5_000)], INTERVIEWER);
    expect(result.basis).toBe("time");
    expect(result.speakers).toEqual([
      { speaker: "Bo", ms: 3_000, words: 1, share: 0.6 },
      { speaker: "Ana Lopez", ms: 2_000, words: 2, share: 0.4 },
    ]);
    expect(result.interviewerShare).toBeCloseTo(0.4);
    expect(result.totalMs).toBe(5_000);
  });

  it("matches speaker names case- and space-insensitively and keeps the first spelling", () => {
    const result = talkTime([seg(" Ana  Lopez ", 0, 1_000), seg("ANA LOPEZ", 1_000, 2_000), seg("bo", 2_000, 4_000)], { interviewerSpeakers: ["ana lopez"] });
    expect(result.speakers.map((s) => s.speaker)).toEqual(["Ana Lopez", "bo"]);
    expect(result.interviewerShare).toBeCloseTo(0.5);
  });

  it("counts one speaker's overlapping segments once and a cross-talk for both speakers", () => {
    const result = talkTime([seg("Ana Lopez", 0, 2_000), seg("Ana Lopez", 1_000, 3_000), seg("Bo", 2_000, 5_000)], INTERVIEWER);
    expect(result.speakers.find((s) => s.speaker === "Ana Lopez")?.ms).toBe(3_000);
    expect(result.speakers.find((s) => s.speaker === "Bo")?.ms).toBe(3_000);
    expect(result.totalMs).toBe(5_000);
    expect(result.interviewerShare).toBeCloseTo(0.5);
  });

  it("counts zero and negative durations as nothing", () => {
    const result = talkTime([seg("Ana Lopez", 5_000, 5_000), seg("Bo", 9_000, 1_000), seg("Bo", 0, 1_000)], INTERVIEWER);
    expect(result.speakers).toEqual([
      { speaker: "Bo", ms: 1_000, words: 2, share: 1 },
      { speaker: "Ana Lopez", ms: 0, words: 1, share: 0 },
    ]);
    expect(result.interviewerShare).toBe(0);
  });

  it("falls back to word counts when a segment has no times, and says so", () => {
    const result = talkTime([seg("Ana Lopez", null, null, "What did you build?"), seg("Bo", 0, 1_000, "A queue for carrier events.")], INTERVIEWER);
    expect(result.basis).toBe("words");
    expect(result.speakers).toEqual([
      { speaker: "Bo", ms: null, words: 5, share: 5 / 9 },
      { speaker: "Ana Lopez", ms: null, words: 4, share: 4 / 9 },
    ]);
    expect(result.totalMs).toBeNull();
    expect(result.longestMonologue).toBeNull();
    expect(result.questionsAsked).toBe(1);
  });

  it("leaves segments without a speaker out of the shares", () => {
    const result = talkTime([seg(null, 0, 10_000), seg("Bo", 10_000, 11_000), seg("  ", 11_000, 20_000)], INTERVIEWER);
    expect(result.speakers).toEqual([{ speaker: "Bo", ms: 1_000, words: 1, share: 1 }]);
    expect(result.totalMs).toBe(1_000);
  });

  it("gives an unknown interviewer share when the interviewer never spoke or nothing was said", () => {
    expect(talkTime([seg("Bo", 0, 1_000)], INTERVIEWER).interviewerShare).toBeNull();
    expect(talkTime([seg("Bo", 0, 1_000)], { interviewerSpeakers: [] }).interviewerShare).toBeNull();
    const empty = talkTime([], INTERVIEWER);
    expect(empty).toEqual({ basis: "words", speakers: [], interviewerShare: null, longestMonologue: null, questionsAsked: 0, totalMs: null });
  });

  it("merges one speaker's consecutive segments with gaps under 2 s into one monologue", () => {
    const result = talkTime([seg("Ana Lopez", 0, 3_000), seg("Bo", 3_000, 10_000), seg("Bo", 11_999, 20_000), seg("Bo", 22_000, 23_000), seg("Ana Lopez", 23_000, 24_000)], INTERVIEWER);
    expect(result.longestMonologue).toEqual({ speaker: "Bo", ms: 17_000, startMs: 3_000 });
  });

  it("ends a monologue at another speaker, an unattributed segment or a 2 s pause", () => {
    const result = talkTime([seg("Bo", 0, 4_000), seg(null, 4_000, 4_500), seg("Bo", 4_500, 8_000), seg("Bo", 10_000, 13_000)], INTERVIEWER);
    expect(result.longestMonologue).toEqual({ speaker: "Bo", ms: 4_000, startMs: 0 });
  });

  it("orders segments by position when given", () => {
    const result = talkTime(
      [
        { position: 2, speaker: "Bo", startMs: 2_000, endMs: 3_000, text: "b" },
        { position: 0, speaker: "Bo", startMs: 0, endMs: 1_000, text: "a" },
        { position: 1, speaker: "Ana Lopez", startMs: 1_000, endMs: 2_000, text: "Why?" },
      ],
      INTERVIEWER,
    );
    expect(result.longestMonologue).toEqual({ speaker: "Bo", ms: 1_000, startMs: 0 });
  });

  it("counts the interviewer's questions per sentence, not the candidate's", () => {
    const result = talkTime([seg("Ana Lopez", 0, 1_000, "Thanks. Why Postgres? And why not Kafka?? Tell me more."), seg("Bo", 1_000, 2_000, "Why not?")], INTERVIEWER);
    expect(result.questionsAsked).toBe(2);
  });

  it.each(["backend-engineer", "frontend-engineer", "product-designer"])("measures the sandbox's %s sample interview", (name) => {
    const file = path.join(process.cwd(), "lib/sandbox/samples", name, "transcript.json");
    const sample = JSON.parse(readFileSync(file, "utf8")) as { durationMs: number; segments: Array<{ speaker: string; start: number; end: number; text: string }> };
    const segments = sample.segments.map((s, position) => ({ position, speaker: s.speaker, startMs: s.start, endMs: s.end, text: s.text }));
    const result = talkTime(segments, { interviewerSpeakers: ["interviewer", "Second_Interviewer"] });
    expect(result.basis).toBe("time");
    expect(result.speakers.map((s) => s.speaker)).toContain("candidate");
    expect(result.speakers.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1);
    expect(result.interviewerShare).toBeGreaterThan(0);
    expect(result.interviewerShare).toBeLessThan(1);
    expect(result.questionsAsked).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeLessThanOrEqual(sample.durationMs);
    expect(result.longestMonologue?.ms).toBeGreaterThan(0);
  });
});

describe("countQuestions", () => {
  it.each([
    ["What was the problem?", 1],
    ["No questions here.", 0],
    ['She asked "why?" Then left.', 1],
    ["Really?? Yes. Sure?", 2],
    ["", 0],
  ])("%j has %i", (text, expected) => expect(countQuestions(text)).toBe(expected));
});

describe("averageTalkTime", () => {
  const t = (interviewerShare: number | null, questionsAsked: number, monologueMs: number | null): TalkTime => ({
    basis: monologueMs === null ? "words" : "time",
    speakers: [],
    interviewerShare,
    longestMonologue: monologueMs === null ? null : { speaker: "x", ms: monologueMs, startMs: 0 },
    questionsAsked,
    totalMs: null,
  });

  it("averages per interviewer, over the interviews where each figure is known", () => {
    const result = averageTalkTime([
      { interviewerId: "b", talkTime: t(0.4, 10, 60_000) },
      { interviewerId: "a", talkTime: t(null, 3, null) },
      { interviewerId: "b", talkTime: t(0.2, 6, null) },
    ]);
    expect(result).toEqual([
      { interviewerId: "a", interviews: 1, interviewerShare: null, questionsAsked: 3, longestMonologueMs: null },
      { interviewerId: "b", interviews: 2, interviewerShare: expect.closeTo(0.3) as number, questionsAsked: 8, longestMonologueMs: 60_000 },
    ]);
  });

  it("returns nothing for no interviews", () => {
    expect(averageTalkTime([])).toEqual([]);
  });
});
