/**
 * Deleting what we hold (issue 16, DESIGN "Recording consent, retention and erasure"):
 *
 * - purgeInterviewMedia (purgeInterviewsMedia for a batch): an interview's recordings, transcript
 *   (its lines and its search document, lib/interviews/search-document.ts), summary, action items, evidence and talk
 *   time, and the transcript moments its feedback cites — in one short transaction under the
 *   interviews' locks (lockInterview's row lock, taken in id order), which also queues the
 *   deletion of the stored files and of Nylas's copy (lib/privacy/deletion-jobs.ts) and records
 *   the deletion (counts only).
 * - anonymizeCandidate: the candidate becomes "Anonymized candidate #n"; every free text about them
 *   (reasons, notes, take-aways, the stored webhook notifications of their bookings) goes; their
 *   media is purged first, one interview at a time.
 *
 * Both are idempotent (a second call finds nothing to do and records nothing) and hold their locks
 * only for one batch of interviews or one candidate, so the app is never blocked by a long run.
 */
import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/jobs";
import { enqueueNylasNotetakerDeletion, enqueueStorageDeletion, recordDeletion, recordDeletions } from "./deletion-jobs";
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
  /** The transcript's search document (its text again, for the dashboard's search): 0 or 1. */
  searchDocuments: number;
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
  const purged = await purgeInterviewsMedia([{ interviewId, cause }], options);
  return purged.get(interviewId) ?? null;
}

/**
 * purgeInterviewMedia for a batch of interviews (the retention run: e.g. 50), in one transaction
 * of set-based statements. Returns the counts of each interview that held something.
 */
export async function purgeInterviewsMedia(items: readonly { interviewId: string; cause: PurgeCause }[], options: { now?: Date } = {}): Promise<Map<string, MediaPurgeCounts>> {
  if (items.length === 0) return new Map();
  return db.$transaction((tx) => purgeInterviewsMediaIn(tx, items, options.now ?? new Date()), PURGE_TRANSACTION);
}

/** purgeInterviewsMedia inside the caller's transaction (e.g. an erasure that deletes more). */
export async function purgeInterviewsMediaIn(tx: Tx, items: readonly { interviewId: string; cause: PurgeCause }[], now: Date): Promise<Map<string, MediaPurgeCounts>> {
  const causeOf = new Map(items.map((item) => [item.interviewId, item.cause]));
  const ids = [...causeOf.keys()].sort();
  // The interviews' locks (lockInterview's), taken in id order: two batches never deadlock.
  const interviews = await tx.$queryRaw<{ id: string; notetaker_id: string | null; notetaker_grant_id: string | null; has_summary: boolean; has_talk_time: boolean }[]>`
    SELECT id, notetaker_id, notetaker_grant_id, summary_text IS NOT NULL AS has_summary, talk_time IS NOT NULL AS has_talk_time
      FROM interviews WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
  if (interviews.length === 0) return new Map();

  const [assets, segments, searchDocuments, actionItems, evidence, feedback] = [
    await tx.mediaAsset.findMany({ where: { interviewId: { in: ids } }, select: { interviewId: true, kind: true, storageKey: true, size: true, notetakerId: true } }),
    await tx.$queryRaw<{ interview_id: string; n: number }[]>`SELECT interview_id, count(*)::int AS n FROM transcript_segments WHERE interview_id = ANY(${ids}::uuid[]) GROUP BY interview_id`,
    await tx.interviewSearchDocument.findMany({ where: { interviewId: { in: ids } }, select: { interviewId: true } }),
    await tx.$queryRaw<{ interview_id: string; n: number }[]>`SELECT interview_id, count(*)::int AS n FROM action_items WHERE interview_id = ANY(${ids}::uuid[]) GROUP BY interview_id`,
    await tx.interviewEvidence.findMany({ where: { interviewId: { in: ids } }, select: { interviewId: true } }),
    await redactInterviewFeedback(tx, { interviewId: { in: ids } }, CITATIONS),
  ];
  const countOf = (rows: { interview_id: string; n: number }[]) => new Map(rows.map((r) => [r.interview_id, r.n]));
  const segmentsOf = countOf(segments);
  const actionItemsOf = countOf(actionItems);
  const evidenceOf = new Set(evidence.map((e) => e.interviewId));
  const searchDocumentOf = new Set(searchDocuments.map((d) => d.interviewId));

  const purged = new Map<string, MediaPurgeCounts>();
  for (const interview of interviews) {
    const own = assets.filter((a) => a.interviewId === interview.id);
    const counts: MediaPurgeCounts = {
      files: own.filter((a) => a.storageKey).length,
      bytes: own.reduce((sum, a) => sum + Number(a.size ?? 0), 0),
      recordings: own.filter((a) => a.kind === "RECORDING").length,
      transcripts: own.filter((a) => a.kind === "TRANSCRIPT").length,
      segments: segmentsOf.get(interview.id) ?? 0,
      searchDocuments: searchDocumentOf.has(interview.id) ? 1 : 0,
      actionItems: actionItemsOf.get(interview.id) ?? 0,
      evidence: evidenceOf.has(interview.id) ? 1 : 0,
      feedback: feedback.get(interview.id) ?? 0,
    };
    const holdsMedia = own.length > 0 || counts.segments > 0 || counts.searchDocuments > 0 || counts.actionItems > 0 || counts.evidence > 0 || interview.has_summary || interview.has_talk_time;
    // Never recorded, or purged already: nothing to delete, nothing to record.
    if (holdsMedia || counts.feedback > 0) purged.set(interview.id, counts);
  }
  if (purged.size === 0) return purged;
  const purgedIds = [...purged.keys()];

  // Lines and the search document first (the file's cascade would take the document too; explicit
  // is auditable), then the files' rows.
  await tx.transcriptSegment.deleteMany({ where: { interviewId: { in: purgedIds } } });
  await tx.interviewSearchDocument.deleteMany({ where: { interviewId: { in: purgedIds } } });
  await tx.mediaAsset.deleteMany({ where: { interviewId: { in: purgedIds } } });
  await tx.actionItem.deleteMany({ where: { interviewId: { in: purgedIds } } });
  await tx.interviewEvidence.deleteMany({ where: { interviewId: { in: purgedIds } } });
  const rules = purgedIds.map((id) => causeOf.get(id)!.rule ?? "admin");
  await tx.$executeRaw`
    UPDATE interviews i SET summary_text = NULL, talk_time = NULL, media_deleted_at = coalesce(i.media_deleted_at, ${now}), media_deleted_rule = r.rule, updated_at = now()
      FROM unnest(${purgedIds}::uuid[], ${rules}::text[]) AS r(id, rule) WHERE i.id = r.id`;

  await enqueueStorageDeletion(
    tx,
    assets.filter((a) => purged.has(a.interviewId)).map((a) => a.storageKey),
  );
  const notetakers = new Map<string, string | null>();
  for (const interview of interviews) {
    if (!purged.has(interview.id)) continue;
    const grantId = interview.notetaker_grant_id;
    for (const id of [interview.notetaker_id, ...assets.filter((a) => a.interviewId === interview.id).map((a) => a.notetakerId)]) if (id) notetakers.set(id, grantId);
  }
  await enqueueNylasNotetakerDeletion(
    tx,
    [...notetakers].map(([notetakerId, grantId]) => ({ notetakerId, grantId })),
  );
  await recordDeletions(
    tx,
    purgedIds.map((id) => {
      const cause = causeOf.get(id)!;
      return { kind: "media", subjectType: "interview", subjectId: id, rule: cause.rule ?? null, actor: cause.actor ?? null, counts: purged.get(id)! };
    }),
  );
  return purged;
}

/** Applies a redaction to the feedback (columns, draft, revisions) of interviews or of applications. Returns how many feedback rows changed, per interview. */
async function redactInterviewFeedback(tx: Tx, where: Prisma.FeedbackWhereInput, redaction: FeedbackRedaction): Promise<Map<string, number>> {
  const rows = await tx.feedback.findMany({ where, select: { id: true, interviewId: true, competencies: true, keyTakeaways: true, draft: true, revisions: { select: { id: true, content: true } } } });
  const changed = new Map<string, number>();
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
    if (isChanged) changed.set(row.interviewId, (changed.get(row.interviewId) ?? 0) + 1);
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

  // Media first, in a transaction of its own: a recording identifies them as much as a name.
  const interviews = await db.interview.findMany({ where: { OR: [{ candidateId }, { application: { candidateId } }] }, select: { id: true }, orderBy: { id: "asc" } });
  const mediaInterviews = (
    await purgeInterviewsMedia(
      interviews.map(({ id }) => ({ interviewId: id, cause })),
      { now },
    )
  ).size;

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

    const redacted = await redactInterviewFeedback(tx, { OR: [{ applicationId: { in: applicationIds } }, { interviewId: { in: interviewIds } }] }, CITATIONS_AND_TEXT);
    const feedback = [...redacted.values()].reduce((sum, n) => sum + n, 0);

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
