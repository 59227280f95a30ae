/**
 * Deleting what we hold (issue 16, DESIGN "Recording consent, retention and erasure"):
 *
 * - purgeInterviewMedia: an interview's recordings, transcript (its lines, and so their full-text
 *   index entries), summary, action items, evidence and talk time, and the transcript moments its
 *   feedback cites — in one short transaction under the interview's lock, which also queues the
 *   deletion of the stored files and of Nylas's copy (lib/privacy/deletion-jobs.ts) and records
 *   the deletion (counts only).
 * - anonymizeCandidate: the candidate becomes "Anonymized candidate #n"; every free text about them
 *   (reasons, notes, take-aways, the stored webhook notifications of their bookings) goes; their
 *   media is purged first, one interview at a time.
 *
 * Both are idempotent (a second call finds nothing to do and records nothing) and hold their locks
 * only for one interview or one candidate, so the app is never blocked by a long run.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockInterview } from "@/lib/interviews/lock";
import type { Tx } from "@/lib/jobs";
import { enqueueNylasNotetakerDeletion, enqueueStorageDeletion, recordDeletion } from "./deletion-jobs";
import { isRedactionNeeded, redactAuditChanges, redactCompetencies, redactFeedbackContent, redactInterviewHistory, type FeedbackRedaction } from "./redact";
import { anonymisedName } from "./retention";

/** Who deletes: a retention rule (lib/privacy/retention.ts RetentionRule), or an admin. */
export type PurgeCause = { rule: string; actor?: undefined } | { actor: { id: string; email: string }; rule?: undefined };

export type MediaPurgeCounts = {
  files: number;
  bytes: number;
  recordings: number;
  transcripts: number;
  segments: number;
  actionItems: number;
  evidence: number;
  feedback: number;
};

/** The transaction's limits: one interview's rows, with up to 50,000 transcript lines. */
const PURGE_TRANSACTION = { maxWait: 15_000, timeout: 60_000 } as const;

const CITATIONS: FeedbackRedaction = { citations: true, freeText: false };
const CITATIONS_AND_TEXT: FeedbackRedaction = { citations: true, freeText: true };

/**
 * Deletes an interview's media (see the file comment). Returns the counts recorded, or null when
 * there was nothing to delete (already purged, or never recorded) — then nothing is recorded.
 */
export async function purgeInterviewMedia(interviewId: string, cause: PurgeCause, options: { now?: Date } = {}): Promise<MediaPurgeCounts | null> {
  return db.$transaction((tx) => purgeInterviewMediaIn(tx, interviewId, cause, options.now ?? new Date()), PURGE_TRANSACTION);
}

/** purgeInterviewMedia inside the caller's transaction (e.g. an erasure that deletes more). */
export async function purgeInterviewMediaIn(tx: Tx, interviewId: string, cause: PurgeCause, now: Date): Promise<MediaPurgeCounts | null> {
  await lockInterview(tx, interviewId);
  const interview = await tx.interview.findUnique({
    where: { id: interviewId },
    select: { notetakerId: true, notetakerGrantId: true, summaryText: true, talkTime: true, mediaDeletedAt: true },
  });
  if (!interview) return null;

  const assets = await tx.mediaAsset.findMany({ where: { interviewId }, select: { id: true, kind: true, storageKey: true, size: true, notetakerId: true } });
  const [segments, actionItems, evidence] = await Promise.all([
    tx.transcriptSegment.count({ where: { interviewId } }),
    tx.actionItem.count({ where: { interviewId } }),
    tx.interviewEvidence.count({ where: { interviewId } }),
  ]);
  const feedbackCount = await redactInterviewFeedback(tx, { interviewId }, CITATIONS);
  const holdsMedia = assets.length > 0 || segments > 0 || actionItems > 0 || evidence > 0 || interview.summaryText !== null || interview.talkTime !== null;
  // Never recorded, or purged already: nothing to delete, nothing to record.
  if (!holdsMedia && feedbackCount === 0) return null;

  // Lines first (their full-text index entries go with them), then the files' rows.
  await tx.transcriptSegment.deleteMany({ where: { interviewId } });
  await tx.mediaAsset.deleteMany({ where: { interviewId } });
  await tx.actionItem.deleteMany({ where: { interviewId } });
  await tx.interviewEvidence.deleteMany({ where: { interviewId } });
  await tx.interview.update({
    where: { id: interviewId },
    data: { summaryText: null, talkTime: Prisma.DbNull, mediaDeletedAt: interview.mediaDeletedAt ?? now, mediaDeletedRule: cause.rule ?? "admin" },
  });

  await enqueueStorageDeletion(
    tx,
    assets.map((a) => a.storageKey),
  );
  const notetakers = new Set([interview.notetakerId, ...assets.map((a) => a.notetakerId)].filter((id): id is string => Boolean(id)));
  await enqueueNylasNotetakerDeletion(
    tx,
    [...notetakers].map((notetakerId) => ({ notetakerId, grantId: interview.notetakerGrantId })),
  );

  const counts: MediaPurgeCounts = {
    files: assets.filter((a) => a.storageKey).length,
    bytes: assets.reduce((sum, a) => sum + Number(a.size ?? 0), 0),
    recordings: assets.filter((a) => a.kind === "RECORDING").length,
    transcripts: assets.filter((a) => a.kind === "TRANSCRIPT").length,
    segments,
    actionItems,
    evidence,
    feedback: feedbackCount,
  };
  await recordDeletion(tx, { kind: "media", subjectType: "interview", subjectId: interviewId, rule: cause.rule ?? null, actor: cause.actor ?? null, counts });
  return counts;
}

/** Applies a redaction to the feedback (columns, draft, revisions) of an interview or of applications. Returns how many feedback rows changed. */
async function redactInterviewFeedback(tx: Tx, where: { interviewId: string } | { OR: Prisma.FeedbackWhereInput[] }, redaction: FeedbackRedaction): Promise<number> {
  const rows = await tx.feedback.findMany({ where, select: { id: true, competencies: true, keyTakeaways: true, draft: true, revisions: { select: { id: true, content: true } } } });
  let changed = 0;
  for (const row of rows) {
    const competencies = redactCompetencies(row.competencies, redaction);
    const draft = row.draft === null ? null : redactFeedbackContent(row.draft, redaction);
    const keyTakeaways = redaction.freeText ? "" : row.keyTakeaways;
    let isChanged = false;
    if (isRedactionNeeded(row.competencies, competencies) || isRedactionNeeded(row.draft, draft) || keyTakeaways !== row.keyTakeaways) {
      await tx.feedback.update({
        where: { id: row.id },
        data: { competencies: competencies as Prisma.InputJsonValue, draft: draft === null ? Prisma.DbNull : (draft as Prisma.InputJsonValue), keyTakeaways },
      });
      isChanged = true;
    }
    for (const revision of row.revisions) {
      const content = redactFeedbackContent(revision.content, redaction);
      if (!isRedactionNeeded(revision.content, content)) continue;
      await tx.feedbackRevision.update({ where: { id: revision.id }, data: { content: content as Prisma.InputJsonValue } });
      isChanged = true;
    }
    if (isChanged) changed += 1;
  }
  return changed;
}

export type AnonymizationCounts = {
  applications: number;
  interviews: number;
  feedback: number;
  auditEntries: number;
  webhookEvents: number;
  outgoingEmails: number;
  mediaInterviews: number;
};

/** One lock for numbering anonymised candidates: numbers are max + 1, so two runs must not race. */
const ANONYMOUS_NUMBER_LOCK = "candidates.anonymous_number";

/**
 * Anonymises a candidate (see the file comment). Returns the number they got, or null when they
 * were already anonymised or no longer exist (then nothing is recorded).
 */
export async function anonymizeCandidate(candidateId: string, cause: PurgeCause, options: { now?: Date } = {}): Promise<{ number: number; counts: AnonymizationCounts } | null> {
  const now = options.now ?? new Date();
  const candidate = await db.candidate.findUnique({ where: { id: candidateId }, select: { anonymizedAt: true } });
  if (!candidate || candidate.anonymizedAt) return null;

  // Media first, one short transaction per interview: a recording identifies them as much as a name.
  const interviews = await db.interview.findMany({ where: { OR: [{ candidateId }, { application: { candidateId } }] }, select: { id: true }, orderBy: { id: "asc" } });
  let mediaInterviews = 0;
  for (const { id } of interviews) {
    if (await purgeInterviewMedia(id, cause, { now })) mediaInterviews += 1;
  }

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ anonymized_at: Date | null }[]>`SELECT anonymized_at FROM candidates WHERE id = ${candidateId}::uuid FOR UPDATE`;
    if (!locked || locked.anonymized_at) return null;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ANONYMOUS_NUMBER_LOCK}))`;
    const [numbered] = await tx.$queryRaw<{ next: number }[]>`SELECT (coalesce(max(anonymous_number), 0) + 1)::int AS next FROM candidates`;
    const next = numbered!.next;
    const name = anonymisedName(next);
    const email = `anonymized-${next}@invalid`;
    await tx.candidate.update({ where: { id: candidateId }, data: { name, email, emailRaw: email, linkedinUrl: null, timezone: null, anonymizedAt: now, anonymousNumber: next } });

    const applications = await tx.application.findMany({ where: { candidateId }, select: { id: true } });
    const applicationIds = applications.map((a) => a.id);
    await tx.application.updateMany({ where: { candidateId }, data: { rejectionReason: null } });

    const rows = await tx.interview.findMany({
      where: { OR: [{ candidateId }, { applicationId: { in: applicationIds } }] },
      select: { id: true, bookingId: true, notetakerId: true, history: true },
    });
    const interviewIds = rows.map((r) => r.id);
    for (const row of rows) {
      // The event title is "Interview with <name>" (the panel's ${invitee} token).
      await tx.interview.update({
        where: { id: row.id },
        data: { guestName: null, guestEmail: null, guestTimezone: null, cancellationReason: null, title: null, history: redactInterviewHistory(row.history) as Prisma.InputJsonValue },
      });
    }

    const feedback = await redactInterviewFeedback(tx, { OR: [{ applicationId: { in: applicationIds } }, { interviewId: { in: interviewIds } }] }, CITATIONS_AND_TEXT);

    const auditRows = await tx.auditLog.findMany({ where: { entityType: "application", entityId: { in: applicationIds } }, select: { id: true, changes: true } });
    for (const audit of auditRows) {
      await tx.auditLog.update({ where: { id: audit.id }, data: { entityLabel: name, changes: redactAuditChanges(audit.changes) as Prisma.InputJsonValue } });
    }

    // The stored notifications of their bookings and notetakers carry their name and email.
    const bookingIds = rows.map((r) => r.bookingId);
    const notetakerIds = rows.map((r) => r.notetakerId).filter((id): id is string => Boolean(id));
    const { count: webhookEvents } = await tx.webhookEvent.deleteMany({ where: { OR: [{ bookingId: { in: bookingIds } }, { notetakerId: { in: notetakerIds } }] } });
    // Emails about them (recaps, reminders) name them; a queued one is not sent any more.
    const { count: outgoingEmails } = await tx.outgoingEmail.deleteMany({ where: { interviewId: { in: interviewIds } } });

    const counts: AnonymizationCounts = {
      applications: applicationIds.length,
      interviews: interviewIds.length,
      feedback,
      auditEntries: auditRows.length,
      webhookEvents,
      outgoingEmails,
      mediaInterviews,
    };
    await recordDeletion(tx, { kind: "anonymization", subjectType: "candidate", subjectId: candidateId, rule: cause.rule ?? null, actor: cause.actor ?? null, counts });
    return { number: next, counts };
  }, PURGE_TRANSACTION);
}
