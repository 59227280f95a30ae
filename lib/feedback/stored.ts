/**
 * Pure and client-safe: reading what the scorecard and feedback tables keep as JSON (issue 15) —
 * a scorecard version's competencies, the evidence job's CompetencyEvidence[], an interview's
 * TalkTime, a feedback's draft and submitted content — and naming an evidence suggestion so that
 * an interviewer can drop it. A row written by an older shape (or by hand) reads as null rather
 * than breaking the debrief; callers say "could not be read" instead.
 */
import { z } from "zod";
import type { CompetencyEvidence, Evidence } from "@/lib/scorecards/evidence";
import { readStoredScorecard, type TCompetency } from "@/lib/scorecards/scorecard";
import type { TalkTime } from "@/lib/scorecards/talk-time";
import { isRating, ZFeedbackDraft, type Rating, type TCompetencyFeedback, type TFeedbackDraft } from "./ratings";

/** A suggestion's id, as Feedback.competencies[].droppedSuggestions holds it: "moment:12", "summary:0", "action_item:3". */
export function suggestionId(evidence: Evidence): string {
  switch (evidence.kind) {
    case "moment":
      return `moment:${evidence.segmentPosition}`;
    case "summary":
      return `summary:${evidence.sentenceIndex}`;
    case "action_item":
      return `action_item:${evidence.position}`;
  }
}

/** A scorecard version's competencies (ScorecardVersion.competencies), or null when it has none or is unreadable. */
export function readScorecardCompetencies(json: unknown): TCompetency[] | null {
  return readStoredScorecard(json)?.competencies ?? null;
}

const explained = { quote: z.string(), cue: z.string(), matched: z.array(z.string()).default([]) };
const ZEvidence = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("moment"), segmentPosition: z.number().int(), speaker: z.string().nullable(), startMs: z.number().nullable(), ...explained }),
  z.object({ kind: z.literal("summary"), sentenceIndex: z.number().int(), ...explained }),
  z.object({ kind: z.literal("action_item"), position: z.number().int(), ...explained }),
]);
const ZCompetencyEvidenceList = z.array(z.object({ key: z.string(), name: z.string(), covered: z.boolean(), evidence: z.array(ZEvidence) }));

/** InterviewEvidence.competencies (lib/scorecards/evidence.ts mapEvidence's result), or null when unreadable. */
export function readCompetencyEvidence(json: unknown): CompetencyEvidence[] | null {
  const parsed = ZCompetencyEvidenceList.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Each competency's suggestion ids, by competency key. */
export function suggestionIdsByCompetency(evidence: readonly CompetencyEvidence[]): Map<string, Set<string>> {
  return new Map(evidence.map((competency) => [competency.key, new Set(competency.evidence.map(suggestionId))]));
}

const ZTalkTime = z.object({
  basis: z.enum(["time", "words"]),
  speakers: z.array(z.object({ speaker: z.string(), ms: z.number().nullable(), words: z.number(), share: z.number() })),
  interviewerShare: z.number().nullable(),
  longestMonologue: z.object({ speaker: z.string(), ms: z.number(), startMs: z.number() }).nullable(),
  questionsAsked: z.number(),
  totalMs: z.number().nullable(),
});

/** Interview.talkTime (lib/scorecards/talk-time.ts TalkTime), or null when absent or unreadable. */
export function readTalkTime(json: unknown): TalkTime | null {
  if (json === null || json === undefined) return null;
  const parsed = ZTalkTime.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** Feedback.draft, or null when there is none (or it cannot be read: the submitted feedback shows instead). */
export function readFeedbackDraft(json: unknown): TFeedbackDraft | null {
  if (json === null || json === undefined) return null;
  const parsed = ZFeedbackDraft.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** What one submission holds (Feedback's columns, FeedbackRevision.content). */
export type TFeedbackContent = { overallRecommendation: Rating | null; competencies: TCompetencyFeedback[]; keyTakeaways: string };

/** A submitted feedback's content from its columns or a revision's JSON; unreadable competencies read as none. */
export function readFeedbackContent(value: { overallRecommendation?: unknown; competencies?: unknown; keyTakeaways?: unknown } | null | undefined): TFeedbackContent {
  const parsed = ZFeedbackDraft.safeParse({ competencies: value?.competencies ?? [], keyTakeaways: typeof value?.keyTakeaways === "string" ? value.keyTakeaways : "" });
  const overall = value?.overallRecommendation;
  return {
    overallRecommendation: isRating(overall) ? overall : null,
    competencies: parsed.success ? parsed.data.competencies : [],
    keyTakeaways: parsed.success ? parsed.data.keyTakeaways : "",
  };
}
