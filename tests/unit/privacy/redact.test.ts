import { describe, expect, it } from "vitest";
import { describeDeletionCause, describeDeletionCounts } from "@/lib/privacy/deletion-labels";
import { isRedactionNeeded, redactAuditChanges, redactCompetencies, redactFeedbackContent, redactInterviewHistory } from "@/lib/privacy/redact";

const competencies = [
  { key: "reliability", rating: "YES", notes: "Dana designs for failure", citedMoments: [0, 2], droppedSuggestions: ["moment:1", "summary:0"] },
  { key: "communication", rating: "NO", notes: "" },
];

describe("redactCompetencies", () => {
  it("removes cited moments and dismissed suggestions, keeping ratings and notes, when the media goes", () => {
    expect(redactCompetencies(competencies, { citations: true, freeText: false })).toEqual([
      { key: "reliability", rating: "YES", notes: "Dana designs for failure", citedMoments: [], droppedSuggestions: [] },
      { key: "communication", rating: "NO", notes: "" },
    ]);
  });

  it("also removes the notes when the candidate is anonymised", () => {
    expect(redactCompetencies(competencies, { citations: true, freeText: true })).toEqual([
      { key: "reliability", rating: "YES", notes: "", citedMoments: [], droppedSuggestions: [] },
      { key: "communication", rating: "NO", notes: "" },
    ]);
  });

  it("passes anything that is not a list of objects through untouched", () => {
    expect(redactCompetencies(null, { citations: true, freeText: true })).toBeNull();
    expect(redactCompetencies("text", { citations: true, freeText: true })).toBe("text");
    expect(redactCompetencies([1, null, "x"], { citations: true, freeText: true })).toEqual([1, null, "x"]);
  });
});

describe("redactFeedbackContent", () => {
  const content = { competencies, keyTakeaways: "Dana is strong", overallRecommendation: "YES" };

  it("redacts a draft's or a revision's competencies and, for anonymisation, its take-aways", () => {
    expect(redactFeedbackContent(content, { citations: true, freeText: false })).toEqual({ ...content, competencies: redactCompetencies(competencies, { citations: true, freeText: false }) });
    expect(redactFeedbackContent(content, { citations: true, freeText: true })).toMatchObject({ keyTakeaways: "", overallRecommendation: "YES" });
  });

  it("says when nothing changes, so no write is made", () => {
    const clean = redactFeedbackContent(content, { citations: true, freeText: true });
    expect(isRedactionNeeded(content, clean)).toBe(true);
    expect(isRedactionNeeded(clean, redactFeedbackContent(clean, { citations: true, freeText: true }))).toBe(false);
    expect(redactFeedbackContent(null, { citations: true, freeText: true })).toBeNull();
  });
});

describe("redactInterviewHistory", () => {
  it("drops the typed reasons and keeps the events", () => {
    expect(redactInterviewHistory([{ kind: "cancelled", at: "2026-01-01", reason: "Dana is ill" }, { kind: "created", at: "2026-01-01" }, 3])).toEqual([
      { kind: "cancelled", at: "2026-01-01" },
      { kind: "created", at: "2026-01-01" },
      3,
    ]);
    expect(redactInterviewHistory("corrupt")).toEqual([]);
  });
});

describe("redactAuditChanges", () => {
  it("keeps enum values (the stage) and removes free text (reasons, anything else that reads like text)", () => {
    expect(
      redactAuditChanges([
        { field: "stage", label: "Stage", before: "INTERVIEWING", after: "REJECTED" },
        { field: "rejectionReason", label: "Rejection reason", before: null, after: "REJECTED" },
        { field: "note", label: "Note", before: null, after: "Dana said no" },
      ]),
    ).toEqual([
      { field: "stage", label: "Stage", before: "INTERVIEWING", after: "REJECTED" },
      { field: "rejectionReason", label: "Rejection reason", before: null, after: null },
      { field: "note", label: "Note", before: null, after: null },
    ]);
  });
});

describe("deletion labels", () => {
  it("reads counts as words, skipping zeros and unknown keys, and names the rule or the person", () => {
    expect(describeDeletionCounts({ files: 2, bytes: 9000, recordings: 1, transcripts: 0, segments: 1 })).toBe("2 files, 1 recording, 1 transcript line");
    expect(describeDeletionCounts({})).toBe("Nothing left to delete");
    expect(describeDeletionCause("media_after_hire", null)).toBe("Rule: Recordings after hire");
    expect(describeDeletionCause(null, "admin@example.com")).toBe("By admin@example.com");
    expect(describeDeletionCause("nylas_copy_when_stored", null)).toBe("Rule: Nylas's copy once ours is stored");
  });
});
