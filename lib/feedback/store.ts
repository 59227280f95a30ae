/**
 * Writing an interviewer's feedback on an interview they ran (issue 15, DESIGN "Scorecards and
 * feedback"): the draft kept as they type, and the submission, first or later. Framework-free;
 * the debrief's server actions call it (app/dashboard/interviews/[id]/actions.ts).
 *
 * Who: only an INTERVIEWER who ran the interview (lib/interviews/visibility.ts: their panel
 * member's email is the interview's host); recruiters and admins read feedback, they do not write
 * it (403). Another interviewer's interview is 403, an unknown one 404.
 *
 * Submitting is optimistic: the caller names the revision it last saw (0 before the first
 * submission). The write happens only if the row is still at that revision, in one transaction
 * with the revision history, so of two submissions racing from the same revision one wins and the
 * other gets a 409 with nothing written. A draft save may name that revision too, so an edit typed
 * in a tab that missed a submission cannot come back as a draft over it.
 */
import "server-only";
import { db } from "@/lib/db";
import { AppError, forbiddenError, notFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import { ZId } from "@/lib/validations/ids";
import { parseDraft, validateSubmission, type FieldErrors, type TFeedbackDraft } from "./ratings";
import { checkReferences, citedPositions, FEEDBACK_CLOSED_MESSAGES, feedbackWindow } from "./rules";
import { readCompetencyEvidence, readScorecardCompetencies, suggestionIdsByCompetency } from "./stored";

/** The author: the signed-in user (SessionUser fits). */
export type FeedbackAuthor = InterviewViewer & { id: string };

export type SaveDraftResult = { ok: true; savedAt: Date; revision: number } | { ok: false; fieldErrors: FieldErrors };
export type SubmitFeedbackResult = { ok: true; revision: number; submittedAt: Date; editedAt: Date | null } | { ok: false; fieldErrors: FieldErrors };

export const FEEDBACK_CONFLICT_MESSAGE = "Your feedback was submitted meanwhile, in another tab or window. Reload the page to see it, then edit it there.";

const conflict = () => new AppError(409, "feedback_conflict", FEEDBACK_CONFLICT_MESSAGE);

/** The interview the author ran, with what a draft is checked against; throws 403/404/409 otherwise. */
async function loadOwnInterview(author: FeedbackAuthor, interviewId: string, now: Date) {
  const parsed = ZId.safeParse(interviewId);
  if (!parsed.success) throw notFoundError("That interview does not exist.");
  if (author.role !== "INTERVIEWER") throw forbiddenError("Only the interviewer who ran this interview gives feedback on it; recruiters and admins read it.");
  const interview = await db.interview.findFirst({
    where: { AND: [{ id: parsed.data }, visibleTo(author)] },
    select: {
      id: true,
      status: true,
      startsAt: true,
      applicationId: true,
      scorecardVersion: { select: { id: true, competencies: true } },
      evidence: { select: { competencies: true, scorecardVersion: { select: { id: true, competencies: true } } } },
    },
  });
  if (!interview) {
    if (await db.interview.count({ where: { id: parsed.data } })) throw forbiddenError("You can give feedback only on interviews you ran.");
    throw notFoundError("That interview does not exist.");
  }
  const window = feedbackWindow(interview, now);
  if (!window.isOpen) throw new AppError(409, `interview_${window.reason}`, FEEDBACK_CLOSED_MESSAGES[window.reason]);

  // The version the interview was booked with; else the one its evidence was mapped against.
  const version = interview.scorecardVersion ?? interview.evidence?.scorecardVersion ?? null;
  const competencyKeys = (version ? (readScorecardCompetencies(version.competencies) ?? []) : []).map((c) => c.key);
  const suggestions = suggestionIdsByCompetency(readCompetencyEvidence(interview.evidence?.competencies) ?? []);
  return { id: interview.id, applicationId: interview.applicationId, scorecardVersionId: version?.id ?? null, competencyKeys, suggestions };
}

type OwnInterview = Awaited<ReturnType<typeof loadOwnInterview>>;

/** Field errors for moments, suggestions and competencies that are not this interview's. */
async function referenceErrors(interview: OwnInterview, draft: TFeedbackDraft): Promise<FieldErrors> {
  const cited = citedPositions(draft);
  const found = cited.length ? await db.transcriptSegment.findMany({ where: { interviewId: interview.id, position: { in: cited } }, select: { position: true } }) : [];
  return checkReferences(draft, { competencyKeys: interview.competencyKeys, segmentPositions: new Set(found.map((s) => s.position)), suggestions: interview.suggestions });
}

/** The author's feedback row, created empty if it is not there yet (a no-op when it is). */
async function ensureRow(tx: Prisma.TransactionClient, interview: OwnInterview, authorId: string) {
  await tx.feedback.createMany({ data: [{ interviewId: interview.id, authorId, applicationId: interview.applicationId }], skipDuplicates: true });
}

/**
 * Keeps the author's unsubmitted edits (Feedback.draft). Creates the feedback row on the first
 * save. With `basedOnRevision`, refuses (409) when a submission happened since the form loaded.
 */
export async function saveDraft(author: FeedbackAuthor, interviewId: string, draft: unknown, options: { basedOnRevision?: number; now?: Date } = {}): Promise<SaveDraftResult> {
  const now = options.now ?? new Date();
  const interview = await loadOwnInterview(author, interviewId, now);
  const parsed = parseDraft(draft);
  if (!parsed.ok) return parsed;
  const errors = await referenceErrors(interview, parsed.data);
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

  const revision = await db.$transaction(async (tx) => {
    await ensureRow(tx, interview, author.id);
    const where = { interviewId: interview.id, authorId: author.id, ...(options.basedOnRevision === undefined ? {} : { revision: options.basedOnRevision }) };
    const { count } = await tx.feedback.updateMany({ where, data: { draft: parsed.data as Prisma.InputJsonValue, draftSavedAt: now } });
    if (count === 0) throw conflict();
    return (await tx.feedback.findUniqueOrThrow({ where: { interviewId_authorId: { interviewId: interview.id, authorId: author.id } }, select: { revision: true } })).revision;
  });
  return { ok: true, savedAt: now, revision };
}

/**
 * Submits the author's feedback: every competency of the interview's scorecard version rated and
 * an overall recommendation (lib/feedback/ratings.ts validateSubmission), citing only this
 * interview's moments and suggestions. `expectedRevision` is the revision the author last saw (0
 * before the first submission); another submission since then is a 409 and nothing is written.
 * On success, in one transaction: the columns, revision + 1, submittedAt (first) or editedAt
 * (later), a FeedbackRevision with what was submitted, and the draft cleared.
 */
export async function submitFeedback(author: FeedbackAuthor, interviewId: string, submission: unknown, expectedRevision: number, now: Date = new Date()): Promise<SubmitFeedbackResult> {
  const interview = await loadOwnInterview(author, interviewId, now);
  const result = validateSubmission(submission, interview.competencyKeys);
  if (!result.ok) return result;
  const errors = await referenceErrors(interview, result.data);
  if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

  const { overallRecommendation, competencies, keyTakeaways } = result.data;
  const isFirst = expectedRevision === 0;
  const revision = expectedRevision + 1;
  const key = { interviewId_authorId: { interviewId: interview.id, authorId: author.id } };
  const saved = await db.$transaction(async (tx) => {
    // The interview first: a first submission marks it (feedback_submitted, set by a trigger on
    // feedback), and erasure and purge lock an interview before its feedback; the same order here
    // cannot deadlock with them.
    await tx.$queryRaw`SELECT id FROM interviews WHERE id = ${interview.id}::uuid FOR NO KEY UPDATE`;
    await ensureRow(tx, interview, author.id);
    // The revision in the WHERE decides a race: a second submission from the same revision waits
    // for the first one's row lock, then matches nothing.
    const { count } = await tx.feedback.updateMany({
      where: { interviewId: interview.id, authorId: author.id, revision: expectedRevision },
      data: {
        overallRecommendation,
        competencies: competencies as Prisma.InputJsonValue,
        keyTakeaways,
        scorecardVersionId: interview.scorecardVersionId,
        applicationId: interview.applicationId,
        revision,
        draft: Prisma.DbNull,
        draftSavedAt: null,
        ...(isFirst ? { submittedAt: now } : { editedAt: now }),
      },
    });
    if (count === 0) throw conflict();
    const row = await tx.feedback.findUniqueOrThrow({ where: key, select: { id: true, submittedAt: true, editedAt: true } });
    await tx.feedbackRevision.create({ data: { feedbackId: row.id, number: revision, content: { overallRecommendation, competencies, keyTakeaways } as Prisma.InputJsonValue, submittedAt: now } });
    return row;
  });
  return { ok: true, revision, submittedAt: saved.submittedAt ?? now, editedAt: saved.editedAt };
}
