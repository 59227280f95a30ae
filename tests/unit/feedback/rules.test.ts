import { describe, expect, it } from "vitest";
import { checkReferences, citedPositions, feedbackWindow } from "@/lib/feedback/rules";
import { ZFeedbackDraft } from "@/lib/feedback/ratings";

const NOW = new Date("2026-12-07T12:00:00Z");
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe("feedbackWindow", () => {
  it("opens once the interview has started, or has completed even before its booked time", () => {
    expect(feedbackWindow({ status: "SCHEDULED", startsAt: minutes(-1) }, NOW)).toEqual({ isOpen: true });
    expect(feedbackWindow({ status: "RESCHEDULED", startsAt: NOW }, NOW)).toEqual({ isOpen: true });
    expect(feedbackWindow({ status: "COMPLETED", startsAt: minutes(60 * 24) }, NOW)).toEqual({ isOpen: true });
  });

  it("stays closed before the start (or without one) and for a cancelled interview", () => {
    expect(feedbackWindow({ status: "SCHEDULED", startsAt: minutes(1) }, NOW)).toEqual({ isOpen: false, reason: "not_started" });
    expect(feedbackWindow({ status: "SCHEDULED", startsAt: null }, NOW)).toEqual({ isOpen: false, reason: "not_started" });
    expect(feedbackWindow({ status: "CANCELLED", startsAt: minutes(-60) }, NOW)).toEqual({ isOpen: false, reason: "cancelled" });
  });
});

describe("checkReferences", () => {
  const references = {
    competencyKeys: ["design", "communication"],
    segmentPositions: new Set([0, 1, 2, 7]),
    suggestions: new Map([["design", new Set(["moment:7", "summary:0"])]]),
  };
  const draft = (competencies: unknown[]) => ZFeedbackDraft.parse({ competencies });

  it("accepts moments of the transcript and the competency's own suggestions", () => {
    expect(checkReferences(draft([{ key: "design", citedMoments: [0, 7], droppedSuggestions: ["summary:0"] }, { key: "communication" }]), references)).toEqual({});
  });

  it("names each competency whose moments, suggestions or key are not this interview's", () => {
    expect(
      checkReferences(
        draft([
          { key: "design", citedMoments: [3], droppedSuggestions: ["moment:1"] },
          { key: "communication", droppedSuggestions: ["moment:7"] },
          { key: "visual-design", citedMoments: [99] },
        ]),
        references,
      ),
    ).toEqual({
      "competencies.design.citedMoments": "That is not a moment of this interview's transcript.",
      "competencies.design.droppedSuggestions": "That is not a suggestion for this competency.",
      "competencies.communication.droppedSuggestions": "That is not a suggestion for this competency.",
      "competencies.visual-design": "This competency is not on this interview's scorecard.",
    });
  });
});

describe("citedPositions", () => {
  it("lists each cited position once", () => {
    expect(
      citedPositions(
        ZFeedbackDraft.parse({
          competencies: [
            { key: "a", citedMoments: [3, 1] },
            { key: "b", citedMoments: [1, 9] },
          ],
        }),
      ),
    ).toEqual([3, 1, 9]);
  });
});
