/**
 * Erasing a candidate (DESIGN "Erasure and export"), in one transaction:
 *  1. lock their bookings (the advisory lock booking processing takes) and the candidate row, and
 *     check the typed email;
 *  2. collect what lives outside our rows — stored files, Nylas notetakers, upcoming bookings — and
 *     queue their deletion / cancellation (lib/privacy/deletion-jobs.ts, ./erasure-jobs.ts);
 *  3. remember their booking and notetaker ids (erased_nylas_objects) and delete their stored
 *     notifications, so neither the booking.cancelled that our cancellation causes nor any late
 *     notification re-creates the candidate or an interview (lib/webhooks/ingest.ts,
 *     lib/interviews/process-booking.ts);
 *  4. delete their outgoing emails, the audit entries that name them, and the candidate (which
 *     cascades to applications, interviews, feedback and revisions, media rows, transcript lines,
 *     action items, evidence) — their transcripts' search documents are deleted explicitly first;
 *  5. audit and record the deletion with counts only: no name, no email.
 * The files and Nylas's copies go when the queued jobs run (retried until they succeed).
 */
import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { lockBooking } from "@/lib/interviews/lock";
import { requestLoadCapReconcile } from "@/lib/load/jobs";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { enqueueNylasNotetakerDeletion, enqueueStorageDeletion, recordDeletion } from "./deletion-jobs";
import { isErasureConfirmed } from "./erasure-confirmation";
import { enqueueBookingCancellation } from "./erasure-jobs";

export type ErasureCounts = {
  applications: number;
  interviews: number;
  files: number;
  notetakers: number;
  bookingsCancelled: number;
  feedback: number;
  segments: number;
  searchDocuments: number;
};

export type ErasureResult = { status: "erased"; counts: ErasureCounts } | { status: "not_found" } | { status: "mismatch" };

const COUNT_LABELS: Record<keyof ErasureCounts, string> = {
  applications: "Applications",
  interviews: "Interviews",
  files: "Stored files",
  notetakers: "Nylas notetakers",
  bookingsCancelled: "Upcoming bookings cancelled",
  feedback: "Feedback",
  segments: "Transcript lines",
  searchDocuments: "Transcript search documents",
};

async function lockBookings(tx: Prisma.TransactionClient, bookingIds: readonly string[]): Promise<void> {
  // Sorted, so two erasures (or an erasure and a booking's processing) take them in one order.
  for (const bookingId of [...bookingIds].sort()) await lockBooking(tx, bookingId);
}

const interviewsOf = (tx: Prisma.TransactionClient, candidateId: string) =>
  tx.interview.findMany({
    where: { OR: [{ candidateId }, { application: { candidateId } }] },
    select: { id: true, bookingId: true, configurationId: true, status: true, startsAt: true, notetakerId: true, notetakerGrantId: true, interviewerId: true },
  });

/** Erases a candidate for an admin, when `confirmEmail` is their email (case and spaces aside). */
export async function eraseCandidate(actor: AuditActor, candidateId: string, confirmEmail: string, now: Date = new Date()): Promise<ErasureResult> {
  return db.$transaction(
    async (tx) => {
      // 1. Booking locks first, as processBooking takes them (then the candidate row): no deadlock.
      await lockBookings(
        tx,
        (await interviewsOf(tx, candidateId)).map((i) => i.bookingId),
      );
      const [candidate] = await tx.$queryRaw<{ email: string }[]>`SELECT email FROM candidates WHERE id = ${candidateId}::uuid FOR UPDATE`;
      if (!candidate) return { status: "not_found" } as const;
      if (!isErasureConfirmed(candidate.email, confirmEmail)) return { status: "mismatch" } as const;

      // 2. What lives outside our rows (read again under the lock: a booking may have just arrived).
      const interviews = await interviewsOf(tx, candidateId);
      const interviewIds = interviews.map((i) => i.id);
      // The applications' locks first, in id order: a decision locks its application and then (its
      // stage passing to the interviews' copies) the interviews, so erasure must not hold an
      // interview while waiting for an application (the candidate's deletion cascades to them).
      await tx.$queryRaw`SELECT id FROM applications WHERE candidate_id = ${candidateId}::uuid ORDER BY id FOR UPDATE`;
      // The interviews' locks (lockInterview's), in id order as purge takes them, before any row
      // that hangs off them is touched: an update of an interview (the Notetaker completing it, an
      // upload) locks the interview and then its search document (the copies' trigger), so
      // deleting the documents first could deadlock with it.
      await tx.$queryRaw`SELECT id FROM interviews WHERE id = ANY(${[...interviewIds].sort()}::uuid[]) ORDER BY id FOR UPDATE`;
      const applicationIds = (await tx.application.findMany({ where: { candidateId }, select: { id: true } })).map((a) => a.id);
      const assets = await tx.mediaAsset.findMany({ where: { interviewId: { in: interviewIds } }, select: { storageKey: true, notetakerId: true } });
      const notetakers = new Map<string, string | null>();
      for (const i of interviews) if (i.notetakerId) notetakers.set(i.notetakerId, i.notetakerGrantId);
      for (const a of assets) if (a.notetakerId && !notetakers.has(a.notetakerId)) notetakers.set(a.notetakerId, interviews.find((i) => i.notetakerId === a.notetakerId)?.notetakerGrantId ?? null);
      const upcoming = interviews.filter((i) => (i.status === "SCHEDULED" || i.status === "RESCHEDULED") && i.startsAt && i.startsAt > now);
      const storageKeys = assets.map((a) => a.storageKey).filter((k): k is string => !!k);

      await enqueueStorageDeletion(tx, storageKeys);
      await enqueueNylasNotetakerDeletion(
        tx,
        [...notetakers].map(([notetakerId, grantId]) => ({ notetakerId, grantId })),
      );
      await enqueueBookingCancellation(
        tx,
        upcoming.map((i) => ({ bookingId: i.bookingId, configurationId: i.configurationId })),
      );

      // 3. Their notifications: forgotten now, and never stored or applied again.
      const bookingIds = interviews.map((i) => i.bookingId);
      const notetakerIds = [...notetakers.keys()];
      await tx.erasedNylasObject.createMany({
        data: [...bookingIds.map((id) => ({ id, kind: "booking" })), ...notetakerIds.map((id) => ({ id, kind: "notetaker" }))],
        skipDuplicates: true,
      });
      await tx.webhookEvent.deleteMany({ where: { OR: [{ bookingId: { in: bookingIds } }, { notetakerId: { in: notetakerIds } }] } });

      // 4. The rows. Counted first: the deletion record keeps the numbers, nothing else.
      const [feedback, segments] = await Promise.all([
        tx.feedback.count({ where: { interviewId: { in: interviewIds } } }),
        tx.transcriptSegment.count({ where: { interviewId: { in: interviewIds } } }),
      ]);
      // The transcripts' searchable copy (the interviews' cascade would take it; explicit is auditable).
      const { count: searchDocuments } = await tx.interviewSearchDocument.deleteMany({ where: { interviewId: { in: interviewIds } } });
      await tx.outgoingEmail.deleteMany({ where: { interviewId: { in: interviewIds } } });
      // Decisions' audit entries carry the candidate's name in their label and may quote the reason.
      await tx.auditLog.deleteMany({ where: { entityType: "application", entityId: { in: applicationIds } } });
      await tx.candidate.delete({ where: { id: candidateId } });
      // Their interviewers' weekly load changes (lib/load/jobs.ts).
      for (const interviewerId of new Set(upcoming.map((i) => i.interviewerId).filter((id): id is string => !!id))) await requestLoadCapReconcile(tx, interviewerId);

      // 5. Who erased whom (by id) and how much — no personal data.
      const counts: ErasureCounts = {
        applications: applicationIds.length,
        interviews: interviews.length,
        files: new Set(storageKeys).size,
        notetakers: notetakers.size,
        bookingsCancelled: upcoming.length,
        feedback,
        segments,
        searchDocuments,
      };
      await recordAudit(tx, actor, {
        entityType: "candidate",
        entityId: candidateId,
        entityLabel: "Erased candidate",
        action: "erased",
        changes: (Object.keys(COUNT_LABELS) as (keyof ErasureCounts)[]).map((field) => ({ field, label: COUNT_LABELS[field], before: counts[field], after: 0 })),
      });
      await recordDeletion(tx, { kind: "erasure", subjectType: "candidate", subjectId: candidateId, actor, counts });
      return { status: "erased", counts } as const;
    },
    { maxWait: 15_000, timeout: 60_000 },
  );
}
