/**
 * The evidence job's work for one interview (issue 15): reads what is stored (transcript segments,
 * summary, action items, the scorecard version it was booked with), maps each competency to its
 * evidence (mapEvidence) and measures talk time (talkTime), and returns the writes that record
 * them. Pure steps live beside it (evidence.ts, talk-time.ts); this module only reads and writes.
 *
 * - An interview without a scorecard version gets talk time only.
 * - Evidence is rewritten only when its input changed (inputHash), talk time only when it differs.
 * - The interviewer's words are not evidence (a question about caching is not caching): the
 *   speakers named like the interview's interviewer, or like a member of the role's panel (a
 *   second interviewer), are the interviewer speakers for both.
 */
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockInterview } from "@/lib/interviews/lock";
import { canonicalJson } from "@/lib/settings/diff";
import { mapEvidence, type CompetencyEvidence } from "./evidence";
import { talkTime, type TalkTime } from "./talk-time";
import { readStoredScorecard } from "./versions";

type Tx = Prisma.TransactionClient;

/** Bumped when the mapping itself changes, so stored evidence is recomputed once. */
export const EVIDENCE_ALGORITHM_VERSION = 1;

export type InterviewAnalysis = {
  interviewId: string;
  talkTime: TalkTime | null;
  /** null: the interview has no scorecard version. */
  evidence: { scorecardVersionId: string; competencies: CompetencyEvidence[]; coveredCount: number; inputHash: string } | null;
  /** What is stored now, to skip writes that change nothing. */
  stored: { inputHash: string | null; talkTime: unknown };
};

/** Everything the analysis reads, in one snapshot (a replaced transcript is never half-read). */
async function readInputs(interviewId: string) {
  return db.$transaction(
    async (tx) => {
      const interview = await tx.interview.findUnique({
        where: { id: interviewId },
        select: {
          id: true,
          summaryText: true,
          talkTime: true,
          scorecardVersionId: true,
          scorecardVersion: { select: { competencies: true } },
          interviewer: { select: { name: true } },
          application: { select: { role: { select: { panel: { select: { members: { select: { interviewer: { select: { name: true } } } } } } } } } },
          evidence: { select: { inputHash: true } },
        },
      });
      if (!interview) return null;
      const [segments, actionItems] = await Promise.all([
        tx.transcriptSegment.findMany({ where: { interviewId }, orderBy: { position: "asc" }, select: { position: true, speaker: true, startMs: true, endMs: true, text: true } }),
        tx.actionItem.findMany({ where: { interviewId }, orderBy: { position: "asc" }, select: { position: true, text: true } }),
      ]);
      return { interview, segments, actionItems };
    },
    { isolationLevel: "RepeatableRead" },
  );
}

/** What the job will write for the interview; null when the interview is gone. */
export async function analyseInterview(interviewId: string): Promise<InterviewAnalysis | null> {
  const inputs = await readInputs(interviewId);
  if (!inputs) return null;
  const { interview, segments, actionItems } = inputs;

  const panelNames = interview.application?.role.panel.members.map((m) => m.interviewer.name) ?? [];
  const interviewerSpeakers = [...new Set([...(interview.interviewer ? [interview.interviewer.name] : []), ...panelNames])];

  const measured = segments.length > 0 ? talkTime(segments, { interviewerSpeakers }) : null;

  const scorecard = interview.scorecardVersion ? readStoredScorecard(interview.scorecardVersion.competencies) : null;
  let evidence: InterviewAnalysis["evidence"] = null;
  if (interview.scorecardVersionId && scorecard) {
    const input = {
      scorecard,
      segments: segments.map(({ position, speaker, startMs, text }) => ({ position, speaker, startMs, text })),
      summary: interview.summaryText,
      actionItems,
      ignoreSpeakers: interviewerSpeakers,
    };
    const inputHash = createHash("sha256")
      .update(canonicalJson({ algorithm: EVIDENCE_ALGORITHM_VERSION, scorecardVersionId: interview.scorecardVersionId, ...input }))
      .digest("hex");
    // Unchanged input: the stored mapping stands (mapEvidence is deterministic), nothing to compute.
    const competencies = interview.evidence?.inputHash === inputHash ? [] : mapEvidence(input);
    evidence = { scorecardVersionId: interview.scorecardVersionId, competencies, coveredCount: competencies.filter((c) => c.covered).length, inputHash };
  }
  return { interviewId, talkTime: measured, evidence, stored: { inputHash: interview.evidence?.inputHash ?? null, talkTime: interview.talkTime } };
}

/** Records an analysis (in the job's completing transaction): only what changed is written. */
export async function saveInterviewAnalysis(tx: Tx, analysis: InterviewAnalysis, now: Date): Promise<void> {
  const { interviewId, evidence, stored } = analysis;
  await lockInterview(tx, interviewId);
  // Gone since it was read (deleted with its candidate): nothing to record.
  if ((await tx.interview.count({ where: { id: interviewId } })) === 0) return;
  if (evidence && evidence.inputHash !== stored.inputHash) {
    const data = {
      scorecardVersionId: evidence.scorecardVersionId,
      competencies: evidence.competencies as unknown as Prisma.InputJsonValue,
      coveredCount: evidence.coveredCount,
      inputHash: evidence.inputHash,
      computedAt: now,
    };
    await tx.interviewEvidence.upsert({ where: { interviewId }, create: { interviewId, ...data }, update: data });
  }
  if (canonicalJson(analysis.talkTime) !== canonicalJson(stored.talkTime ?? null)) {
    await tx.interview.update({ where: { id: interviewId }, data: { talkTime: analysis.talkTime === null ? Prisma.DbNull : (analysis.talkTime as unknown as Prisma.InputJsonValue) } });
  }
}
