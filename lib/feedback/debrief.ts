/**
 * Reads for the debrief's "Scorecard" and "Talk time" sections (/dashboard/interviews/[id], issue
 * 15): the interview's scorecard version, the evidence job's result (InterviewEvidence), talk time
 * (Interview.talkTime), and feedback — the viewer's own (draft included) when they ran the
 * interview, everyone's submitted feedback for recruiters and admins. One query; visibility is
 * part of its `where` (lib/interviews/visibility.ts). The evidence job itself lives elsewhere:
 * this only reads what it wrote.
 */
import "server-only";
import { db } from "@/lib/db";
import type { Recommendation } from "@/lib/generated/prisma/enums";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import type { CompetencyEvidence } from "@/lib/scorecards/evidence";
import type { TCompetency } from "@/lib/scorecards/scorecard";
import type { TalkTime } from "@/lib/scorecards/talk-time";
import { ZId } from "@/lib/validations/ids";
import type { TFeedbackDraft } from "./ratings";
import { FEEDBACK_CLOSED_MESSAGES, feedbackWindow } from "./rules";
import { readCompetencyEvidence, readFeedbackContent, readFeedbackDraft, readScorecardCompetencies, readTalkTime, type TFeedbackContent } from "./stored";

export type DebriefEvidence =
  | { status: "ready"; competencies: CompetencyEvidence[]; computedAt: Date }
  /** The transcript (or summary) is stored; the evidence job has yet to map it. */
  | { status: "mapping" }
  /** Nothing to map yet: no transcript, summary or action items. */
  | { status: "waiting" }
  /** The stored evidence has a shape this version cannot read. */
  | { status: "unreadable" };

export type FeedbackSubmission = TFeedbackContent & { number: number; submittedAt: Date };

export type SubmittedFeedback = TFeedbackContent & {
  id: string;
  author: { id: string; name: string };
  revision: number;
  submittedAt: Date;
  editedAt: Date | null;
  /** Every submission, oldest first (the last one is what the columns hold). */
  history: FeedbackSubmission[];
};

/** The viewer's own feedback form, when they ran the interview. */
export type OwnFeedback = {
  /** Open for drafts and submission, or why not. */
  closedMessage: string | null;
  /** The revision the next submission must name (0 before the first). */
  revision: number;
  draft: TFeedbackDraft | null;
  draftSavedAt: Date | null;
  /** The last submission, with its history; null before the first. */
  submitted: SubmittedFeedback | null;
};

export type DebriefScorecard = {
  scorecard: { versionId: string; version: number; competencies: TCompetency[] } | null;
  evidence: DebriefEvidence;
  talkTime: TalkTime | null;
  /** Set for the interviewer who ran the interview (the only one who may write feedback on it). */
  own: OwnFeedback | null;
  /** Others' submitted feedback on this interview, for recruiters and admins (never drafts). */
  submitted: SubmittedFeedback[];
};

const FEEDBACK_SELECT = {
  id: true,
  authorId: true,
  author: { select: { name: true } },
  overallRecommendation: true,
  competencies: true,
  keyTakeaways: true,
  draft: true,
  draftSavedAt: true,
  revision: true,
  submittedAt: true,
  editedAt: true,
  revisions: { orderBy: { number: "asc" }, select: { number: true, content: true, submittedAt: true } },
} as const;

type FeedbackRow = {
  id: string;
  authorId: string;
  author: { name: string };
  overallRecommendation: Recommendation | null;
  competencies: unknown;
  keyTakeaways: string;
  revision: number;
  submittedAt: Date | null;
  editedAt: Date | null;
  revisions: Array<{ number: number; content: unknown; submittedAt: Date }>;
};

function toSubmitted(row: FeedbackRow): SubmittedFeedback | null {
  if (!row.submittedAt) return null;
  return {
    ...readFeedbackContent(row),
    id: row.id,
    author: { id: row.authorId, name: row.author.name },
    revision: row.revision,
    submittedAt: row.submittedAt,
    editedAt: row.editedAt,
    history: row.revisions.map((r) => ({ ...readFeedbackContent(r.content as Record<string, unknown> | null), number: r.number, submittedAt: r.submittedAt })),
  };
}

/**
 * The debrief's scorecard, evidence, talk time and feedback for `viewer`, or null when the
 * interview does not exist or is not theirs to see (the page has answered 404/403 by then).
 */
export async function getDebriefScorecard(viewer: InterviewViewer & { id: string }, interviewId: string, now: Date = new Date()): Promise<DebriefScorecard | null> {
  const parsed = ZId.safeParse(interviewId);
  if (!parsed.success) return null;
  const isStaff = viewer.role === "ADMIN" || viewer.role === "RECRUITER";
  const record = await db.interview.findFirst({
    where: { AND: [{ id: parsed.data }, visibleTo(viewer)] },
    select: {
      status: true,
      startsAt: true,
      summaryText: true,
      talkTime: true,
      scorecardVersion: { select: { id: true, version: true, competencies: true } },
      evidence: { select: { competencies: true, computedAt: true, scorecardVersion: { select: { id: true, version: true, competencies: true } } } },
      _count: { select: { transcriptSegments: true, actionItems: true } },
      // Staff read submitted feedback only; an interviewer their own (drafts included).
      feedback: { where: isStaff ? { submittedAt: { not: null } } : { authorId: viewer.id }, orderBy: { submittedAt: "asc" }, select: FEEDBACK_SELECT },
    },
  });
  if (!record) return null;

  const version = record.scorecardVersion ?? record.evidence?.scorecardVersion ?? null;
  const competencies = version ? readScorecardCompetencies(version.competencies) : null;
  const scorecard = version && competencies ? { versionId: version.id, version: version.version, competencies } : null;

  let evidence: DebriefEvidence;
  if (record.evidence) {
    const mapped = readCompetencyEvidence(record.evidence.competencies);
    evidence = mapped ? { status: "ready", competencies: mapped, computedAt: record.evidence.computedAt } : { status: "unreadable" };
  } else {
    const hasInput = record._count.transcriptSegments > 0 || record._count.actionItems > 0 || Boolean(record.summaryText);
    evidence = { status: hasInput ? "mapping" : "waiting" };
  }

  let own: OwnFeedback | null = null;
  if (viewer.role === "INTERVIEWER") {
    const row = record.feedback[0];
    const window = feedbackWindow(record, now);
    own = {
      closedMessage: window.isOpen ? null : FEEDBACK_CLOSED_MESSAGES[window.reason],
      revision: row?.revision ?? 0,
      draft: readFeedbackDraft(row?.draft),
      draftSavedAt: row?.draftSavedAt ?? null,
      submitted: row ? toSubmitted(row) : null,
    };
  }

  return {
    scorecard,
    evidence,
    talkTime: readTalkTime(record.talkTime),
    own,
    submitted: isStaff ? record.feedback.flatMap((row) => toSubmitted(row) ?? []) : [],
  };
}
