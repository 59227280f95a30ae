import "server-only";
import { db } from "@/lib/db";
import type { MediaKind, Prisma } from "@/lib/generated/prisma/client";
import { RetryLaterError } from "@/lib/errors";
import { describeNylasError, isNylasNotFound } from "@/lib/nylas/client";
import { findNotetakerEventId } from "@/lib/nylas/notetakers";
import { enqueue } from "@/lib/jobs";
import { mediaDownloadJob } from "@/lib/media/jobs";
import { isNotetakerEventType, reduceNotetakerEvents, type NotetakerMediaLinks, type NotetakerNotification, type NotetakerStateView } from "./notetaker-reducer";
import { lockInterview } from "@/lib/interviews/lock";
import { isErasedNylasObject } from "@/lib/privacy/erased-objects";
import { versionForReported } from "@/lib/settings/notetaker-versions";
import { enqueueNotetakerCancel } from "@/lib/privacy/consent-jobs";
import { enqueueNylasNotetakerDeletion, recordDeletion } from "@/lib/privacy/deletion-jobs";
import { readNotRecordedReason } from "@/lib/privacy/recording-decision";
import { notetakerSettingsFromNylas } from "./settings";

type EventReader = { webhookEvent: Pick<Prisma.TransactionClient["webhookEvent"], "findMany"> };

async function loadNotetakerEvents(client: EventReader, notetakerId: string): Promise<NotetakerNotification[]> {
  const rows = await client.webhookEvent.findMany({
    where: { notetakerId, type: { startsWith: "notetaker." } },
    select: { notificationId: true, type: true, eventTime: true, payload: true, receivedAt: true },
  });
  return rows
    .filter((r) => isNotetakerEventType(r.type))
    .map((r) => {
      const payload = r.payload as { data?: { object?: Record<string, unknown> } };
      return {
        notificationId: r.notificationId,
        type: r.type as NotetakerNotification["type"],
        time: Math.floor((r.eventTime ?? r.receivedAt).getTime() / 1000),
        object: payload.data?.object ?? {},
      };
    });
}

/** How long a notetaker's notifications wait for an interview to link to before they are ignored. */
const UNLINKED_GIVE_UP_MS = 30 * 60_000;

/** States in which a Notetaker can still be cancelled before it records anything. */
const CANCELLABLE = new Set(["scheduled", "connecting", "waiting_for_entry"]);
/** States after which Nylas holds no media of the notetaker's (or never will). */
const GONE = new Set(["deleted", "media_deleted", "failed_entry"]);

/** States after the bot has left: with `attending` before them, the interview took place. */
const AFTER_LEAVING = new Set(["disconnected", "worker_finished", "processing", "available", "media_error", "media_deleted"]);

/** When the interview was over: the first state after leaving, if the bot had recorded it; else null. */
function completionTime(view: NotetakerStateView): Date | null {
  if (!view.hasAttended) return null;
  const left = view.timeline.find((entry) => AFTER_LEAVING.has(entry.state));
  return left ? new Date(left.at * 1000) : null;
}

/**
 * The interview a notetaker belongs to (DESIGN, "Linking a notetaker to an interview"): by the
 * notetaker_id its booking carried; else by the event it records; else by asking Nylas which
 * event that is. null when none is known yet (the booking may not have been processed).
 */
async function findInterviewFor(view: NotetakerStateView): Promise<{ id: string; bookingNotetakerId: string | null } | null> {
  const byId = await db.interview.findFirst({ where: { notetakerId: view.notetakerId }, select: { id: true, notetakerId: true } });
  if (byId) return { id: byId.id, bookingNotetakerId: byId.notetakerId };
  let eventId = view.eventId;
  if (!eventId) {
    try {
      eventId = await findNotetakerEventId(view.notetakerId, view.grantId);
    } catch (error) {
      if (!isNylasNotFound(error)) throw new RetryLaterError(`notetaker lookup failed: ${describeNylasError(error)}`);
    }
  }
  if (!eventId) return null;
  const byEvent = await db.interview.findFirst({ where: { eventId }, orderBy: { createdAt: "desc" }, select: { id: true, notetakerId: true } });
  return byEvent ? { id: byEvent.id, bookingNotetakerId: byEvent.notetakerId } : null;
}

const DEFAULT_NAMES: Record<MediaKind, string> = {
  RECORDING: "recording.mp4",
  TRANSCRIPT: "transcript.json",
  SUMMARY: "summary.json",
  ACTION_ITEMS: "action_items.json",
  THUMBNAIL: "thumbnail.png",
};

function mediaToAssets(media: NotetakerMediaLinks): { kind: MediaKind; url: string; fileName: string; contentType: string | null }[] {
  const audioOnly = media.recordingFormat === "mp3";
  const entries: [MediaKind, string | null, string, string | null][] = [
    ["RECORDING", media.recording, audioOnly ? "recording.mp3" : DEFAULT_NAMES.RECORDING, audioOnly ? "audio/mpeg" : "video/mp4"],
    ["TRANSCRIPT", media.transcript, DEFAULT_NAMES.TRANSCRIPT, "application/json"],
    ["SUMMARY", media.summary, DEFAULT_NAMES.SUMMARY, "application/json"],
    ["ACTION_ITEMS", media.actionItems, DEFAULT_NAMES.ACTION_ITEMS, "application/json"],
    ["THUMBNAIL", media.thumbnail, DEFAULT_NAMES.THUMBNAIL, "image/png"],
  ];
  return entries.flatMap(([kind, url, fileName, contentType]) => (url ? [{ kind, url, fileName, contentType }] : []));
}

// Nylas's signed URLs live an hour from when they were made; the notification's time is our best guess.
const URL_TTL_MS = 3600_000;

export type ProcessedNotetaker = {
  result: "processed" | "ignored";
  /** The notifications this run read and applied (they are marked processed with the job). */
  notificationIds: string[];
};

/**
 * Brings one notetaker's interview up to date from ALL of its stored notifications: Notetaker
 * state and timeline, the settings it runs with, completion, and — once its media is available —
 * one "media.download" job per file, enqueued in the same transaction. Order-independent (a
 * reducer over the set) and idempotent: a stored file is never downloaded again. Throws
 * RetryLaterError while no interview is known for it.
 */
export async function processNotetaker(notetakerId: string): Promise<ProcessedNotetaker> {
  // An erased candidate's notetaker (lib/privacy/erasure.ts): what arrived for it is forgotten.
  if (await isErasedNylasObject(db, notetakerId)) {
    await db.webhookEvent.deleteMany({ where: { notetakerId } });
    return { result: "ignored", notificationIds: [] };
  }
  const previewEvents = await loadNotetakerEvents(db, notetakerId);
  const preview = reduceNotetakerEvents(notetakerId, previewEvents);
  const ignored = (): ProcessedNotetaker => ({ result: "ignored", notificationIds: previewEvents.map((e) => e.notificationId) });
  const interview = await findInterviewFor(preview);
  if (!interview) {
    // A bot deleted before anyone linked it has nothing to update.
    if (preview.state === "deleted") return ignored();
    // Its booking normally follows within seconds. Long after, it is not an interview's notetaker
    // (e.g. one Nylas scheduled for another meeting on the grant's calendar): stop retrying.
    const first = await db.webhookEvent.findFirst({ where: { notetakerId }, orderBy: { receivedAt: "asc" }, select: { receivedAt: true } });
    if (first && Date.now() - first.receivedAt.getTime() > UNLINKED_GIVE_UP_MS) return ignored();
    throw new RetryLaterError("no interview is linked to this notetaker yet (its booking may not have been processed)");
  }

  const notificationIds = await db.$transaction(
    async (tx) => {
      await lockInterview(tx, interview.id);
      const events = await loadNotetakerEvents(tx, notetakerId);
      const view = reduceNotetakerEvents(notetakerId, events);
      const current = await tx.interview.findUniqueOrThrow({
        where: { id: interview.id },
        select: {
          status: true,
          completedAt: true,
          notetakerId: true,
          notetakerVersionId: true,
          notRecordedReason: true,
          application: { select: { role: { select: { panelId: true } } } },
        },
      });
      // A booking that names another notetaker wins: this one is not (or no longer) the interview's.
      if (current.notetakerId && current.notetakerId !== notetakerId) return events.map((e) => e.notificationId);

      const completedAt = current.completedAt ?? completionTime(view);
      const reported = view.meetingSettings ? notetakerSettingsFromNylas(view.name, view.meetingSettings) : null;
      // The settings version the Notetaker actually runs with (an edit saved just before or after
      // the booking can make it differ from the one the booking was made under).
      const panelId = current.application?.role.panelId ?? null;
      const notetakerVersionId = reported && panelId ? ((await versionForReported(tx, panelId, current.notetakerVersionId, reported)) ?? current.notetakerVersionId) : current.notetakerVersionId;
      await tx.interview.update({
        where: { id: interview.id },
        data: {
          notetakerId,
          ...(view.grantId ? { notetakerGrantId: view.grantId } : {}),
          notetakerState: view.state,
          notetakerStateReason: view.reason,
          notetakerStateAt: view.stateAt === null ? null : new Date(view.stateAt * 1000),
          notetakerTimeline: view.timeline as unknown as Prisma.InputJsonValue,
          ...(reported ? { notetakerSettings: reported as unknown as Prisma.InputJsonValue } : {}),
          notetakerVersionId,
          completedAt,
          ...(completedAt && current.status !== "CANCELLED" ? { status: "COMPLETED" } : {}),
        },
      });

      // An interview that may not be recorded (lib/privacy): its Notetaker is cancelled, whatever
      // reported it, and media that arrives anyway is never stored — Nylas is asked to delete its
      // copy, once, and the deletion is recorded.
      if (readNotRecordedReason(current.notRecordedReason)) {
        const grantId = view.grantId;
        if (view.state === null || CANCELLABLE.has(view.state) || (!GONE.has(view.state) && !view.media)) {
          if (current.status !== "CANCELLED") await enqueueNotetakerCancel(tx, { notetakerId, grantId });
        }
        const unstored = await tx.mediaAsset.deleteMany({ where: { interviewId: interview.id, source: "NOTETAKER", storedAt: null } });
        const alreadyAsked = await tx.deletionRecord.count({ where: { kind: "declined_media", subjectType: "interview", subjectId: interview.id } });
        if (view.media && !alreadyAsked && view.state !== "deleted") {
          await enqueueNylasNotetakerDeletion(tx, [{ notetakerId, grantId }]);
          await recordDeletion(tx, {
            kind: "declined_media",
            subjectType: "interview",
            subjectId: interview.id,
            counts: { notetakers: 1, files: mediaToAssets(view.media).length, pendingDownloads: unstored.count },
          });
        }
        return events.map((e) => e.notificationId);
      }

      if (view.media && view.state !== "media_deleted" && view.state !== "deleted") {
        const sentAt = view.stateAt === null ? null : new Date(view.stateAt * 1000 + URL_TTL_MS);
        const retainedUntil = view.media.retainedUntil === null ? null : new Date(view.media.retainedUntil * 1000);
        for (const asset of mediaToAssets(view.media)) {
          const where = { interviewId_source_kind: { interviewId: interview.id, source: "NOTETAKER" as const, kind: asset.kind } };
          const existing = await tx.mediaAsset.findUnique({ where, select: { id: true, status: true } });
          if (!existing) {
            const created = await tx.mediaAsset.create({
              data: {
                interviewId: interview.id,
                kind: asset.kind,
                source: "NOTETAKER",
                notetakerId,
                sourceUrl: asset.url,
                sourceUrlExpiresAt: sentAt,
                retainedUntil,
                fileName: asset.fileName,
                contentType: asset.contentType,
                durationSeconds: asset.kind === "RECORDING" && view.media.recordingDurationSeconds !== null ? Math.round(view.media.recordingDurationSeconds) : null,
              },
              select: { id: true },
            });
            await enqueue(tx, mediaDownloadJob, { assetId: created.id });
          } else if (existing.status === "PENDING") {
            // A later notification may carry fresher URLs; a stored or running download is left alone.
            await tx.mediaAsset.update({ where: { id: existing.id }, data: { sourceUrl: asset.url, sourceUrlExpiresAt: sentAt, retainedUntil } });
          }
        }
      }
      if (view.state === "media_deleted" || view.state === "deleted") {
        // Nylas's copies are gone: whatever we have not stored cannot be downloaded any more.
        await tx.mediaAsset.updateMany({
          // Not a file we stored and could not read: Nylas's deletion is not its problem.
          where: { interviewId: interview.id, source: "NOTETAKER", status: { in: ["PENDING", "FAILED"] }, storedAt: null },
          data: {
            status: "FAILED",
            lastError:
              view.state === "deleted"
                ? "The Notetaker and its media were deleted at Nylas before this file could be stored."
                : "Nylas deleted this file (its 14-day retention ended) before it could be stored.",
          },
        });
      }
      return events.map((e) => e.notificationId);
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
  return { result: "processed", notificationIds };
}
