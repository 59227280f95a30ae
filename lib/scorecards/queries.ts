/**
 * Reading an interview's scorecard evidence and talk time, for the debrief (DESIGN "Scorecards and
 * feedback"). The viewer's visibility is part of the query (lib/interviews/visibility.ts).
 */
import "server-only";
import { db } from "@/lib/db";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import { ZId } from "@/lib/validations/ids";
import type { CompetencyEvidence, Evidence } from "./evidence";
import type { TCompetency } from "./scorecard";
import type { TalkTime } from "./talk-time";
import { readStoredScorecard } from "./versions";

/** One competency of the interview's scorecard version, with what the evidence job found for it. */
export type CompetencyWithEvidence = TCompetency & {
  /** false: "Not covered" (nobody touched it, or the job has not mapped the interview yet). */
  covered: boolean;
  /** Strongest first, moments then summary sentences then action items (lib/scorecards/evidence.ts). */
  evidence: Evidence[];
};

export type InterviewEvidenceView = {
  /** The scorecard version the interview was booked with; null: the role had no scorecard then. */
  scorecard: {
    versionId: string;
    version: number;
    /** Every competency of that version, in its order, each with its evidence ([] when none). */
    competencies: CompetencyWithEvidence[];
    coveredCount: number;
    /** When the evidence was mapped; null: not yet (no transcript, summary or action items stored, or the job is queued). */
    computedAt: Date | null;
  } | null;
  /** lib/scorecards/talk-time.ts; null until a transcript is stored. */
  talkTime: TalkTime | null;
};

/** Stored evidence by competency key; keys the version does not have are dropped. */
function evidenceByKey(value: unknown): Map<string, CompetencyEvidence> {
  const list = Array.isArray(value) ? (value as CompetencyEvidence[]) : [];
  return new Map(list.filter((c) => c && typeof c.key === "string" && Array.isArray(c.evidence)).map((c) => [c.key, c]));
}

/**
 * The interview's scorecard evidence and talk time, or null when there is no such interview or
 * `viewer` may not see it. Every competency of the interview's scorecard version is listed, so
 * the ones without evidence can be shown as "Not covered".
 */
export async function getInterviewEvidence(viewer: InterviewViewer, interviewId: string): Promise<InterviewEvidenceView | null> {
  const id = ZId.safeParse(interviewId);
  if (!id.success) return null;
  const interview = await db.interview.findFirst({
    where: { AND: [{ id: id.data }, visibleTo(viewer)] },
    select: {
      talkTime: true,
      scorecardVersion: { select: { id: true, version: true, competencies: true } },
      evidence: { select: { scorecardVersionId: true, competencies: true, computedAt: true } },
    },
  });
  if (!interview) return null;
  const talkTime = (interview.talkTime as TalkTime | null) ?? null;
  const version = interview.scorecardVersion;
  const card = version ? readStoredScorecard(version.competencies) : null;
  if (!version || !card) return { scorecard: null, talkTime };

  // Evidence mapped against another version (the interview was re-pointed since) is not this one's.
  const stored = interview.evidence?.scorecardVersionId === version.id ? interview.evidence : null;
  const found = evidenceByKey(stored?.competencies);
  const competencies = card.competencies.map((c): CompetencyWithEvidence => {
    const mapped = found.get(c.key);
    return { ...c, covered: Boolean(mapped?.covered), evidence: mapped?.evidence ?? [] };
  });
  return {
    scorecard: { versionId: version.id, version: version.version, competencies, coveredCount: competencies.filter((c) => c.covered).length, computedAt: stored?.computedAt ?? null },
    talkTime,
  };
}
