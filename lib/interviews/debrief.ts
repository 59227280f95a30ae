/**
 * Reads for the debrief page (/dashboard/interviews/[id]): one interview with its Notetaker, its
 * files in our storage, summary, action items and transcript. Visibility is part of the query
 * (lib/interviews/visibility.ts); an interview that exists but is not the viewer's is "forbidden".
 */
import "server-only";
import { readAssignment, type AssignmentRecord } from "@/lib/assignment/explain";
import { assignmentJob } from "@/lib/assignment/jobs";
import { db } from "@/lib/db";
import { hasLiveJob } from "@/lib/jobs";
import { getEnv } from "@/lib/env";
import type { InterviewStatus, MediaAssetStatus, MediaKind, MediaSource } from "@/lib/generated/prisma/enums";
import { readNotetakerTimeline, type TNotetakerTimelineEntry } from "@/lib/notetaker/timeline";
import { readInterviewNotetakerSettings, type InterviewNotetakerSettings } from "@/lib/notetaker/settings";
import { expectsMedia, readConsentRecord, type ConsentRecord } from "@/lib/privacy/consent";
import { readRecordingDecision } from "@/lib/privacy/recording-decision";
import { getNotetakerAlert, type NotetakerAlert } from "@/lib/notetaker/status";
import { toSafeHttpUrl } from "@/lib/validations/interviews";
import { ZId } from "@/lib/validations/ids";
import { visibleTo, type InterviewViewer } from "./visibility";

export type DebriefAsset = {
  id: string;
  kind: MediaKind;
  source: MediaSource;
  status: MediaAssetStatus;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  expectedSize: number | null;
  bytesReceived: number;
  attempts: number;
  lastError: string | null;
  storedAt: Date | null;
  /** Served from our storage (the file exists there), even if it could not be read. */
  isDownloadable: boolean;
  uploadedBy: string | null;
};

export type DebriefSegment = { position: number; speaker: string | null; startMs: number | null; endMs: number | null; text: string };
export type DebriefActionItem = { id: string; text: string; isDone: boolean; doneAt: Date | null; doneBy: string | null };

export type InterviewDebrief = {
  id: string;
  status: InterviewStatus;
  title: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  meetingUrl: string | null;
  guestName: string | null;
  guestTimezone: string | null;
  cancellationReason: string | null;
  candidate: { id: string; name: string; email: string } | null;
  role: { title: string } | null;
  interviewer: { name: string; email: string } | null;
  interviewerEmail: string | null;
  notetaker: {
    id: string;
    state: string | null;
    reason: string | null;
    timeline: TNotetakerTimelineEntry[];
  } | null;
  /** What the Notetaker ran with (or, until it reports, what it was booked with). */
  notetakerSettings: InterviewNotetakerSettings | null;
  /** The panel's Notetaker settings version the interview was booked (or ran) with. */
  notetakerVersion: { version: number; createdAt: Date; createdBy: string | null } | null;
  /** Why the interview went to its interviewer, as worked out when the booking was processed. */
  assignment: AssignmentRecord | null;
  /** The "assignments" worker has yet to work it out (again) after a booking change. */
  assignmentPending: boolean;
  alert: NotetakerAlert | null;
  /** "Not recorded: …" when it may not be recorded (lib/privacy), else null. */
  notRecordedMessage: string | null;
  /** What the candidate was told and answered about recording, when the booking was processed under a policy. */
  consent: ConsentRecord | null;
  assets: DebriefAsset[];
  /** The recording to play: the most recently stored one. */
  recording: { assetId: string; contentType: string; isAudioOnly: boolean; thumbnailAssetId: string | null } | null;
  summaryText: string | null;
  actionItems: DebriefActionItem[];
  segments: DebriefSegment[];
  /** Where the transcript lines came from. */
  transcriptSource: MediaSource | null;
  /** Something is still on its way (downloads running, Notetaker in the meeting or processing): refresh often. */
  isInProgress: boolean;
  /** The Notetaker has yet to join: its news is minutes or days away. */
  isAwaitingNotetaker: boolean;
};

export type DebriefResult = { kind: "ok"; debrief: InterviewDebrief } | { kind: "not_found" } | { kind: "forbidden" };

const IN_FLIGHT_STATES = new Set(["connecting", "waiting_for_entry", "attending", "disconnected", "worker_finished", "processing"]);

/** Whether the viewer may open an interview's debrief: cheap, for deciding the status before the page renders. */
export async function getInterviewAccess(viewer: InterviewViewer, interviewId: string): Promise<"ok" | "not_found" | "forbidden"> {
  const parsed = ZId.safeParse(interviewId);
  if (!parsed.success) return "not_found";
  const visible = await db.interview.count({ where: { AND: [{ id: parsed.data }, visibleTo(viewer)] } });
  if (visible) return "ok";
  return (await db.interview.count({ where: { id: parsed.data } })) ? "forbidden" : "not_found";
}

export async function getInterviewDebrief(viewer: InterviewViewer, interviewId: string, now = new Date()): Promise<DebriefResult> {
  const parsed = ZId.safeParse(interviewId);
  if (!parsed.success) return { kind: "not_found" };
  const id = parsed.data;
  const record = await db.interview.findFirst({
    where: { AND: [{ id }, visibleTo(viewer)] },
    select: {
      id: true,
      status: true,
      title: true,
      startsAt: true,
      endsAt: true,
      meetingUrl: true,
      guestName: true,
      guestTimezone: true,
      cancellationReason: true,
      interviewerEmail: true,
      notetakerId: true,
      notetakerState: true,
      notetakerStateReason: true,
      notetakerTimeline: true,
      notetakerSettings: true,
      summaryText: true,
      assignment: true,
      notRecordedReason: true,
      consent: true,
      notetakerVersion: { select: { version: true, createdAt: true, createdBy: { select: { name: true, email: true } } } },
      candidate: { select: { id: true, name: true, email: true } },
      application: { select: { role: { select: { title: true } } } },
      interviewer: { select: { name: true, email: true } },
      mediaAssets: {
        orderBy: [{ kind: "asc" }, { source: "asc" }],
        select: {
          id: true,
          kind: true,
          source: true,
          status: true,
          fileName: true,
          contentType: true,
          size: true,
          expectedSize: true,
          bytesReceived: true,
          attempts: true,
          lastError: true,
          storedAt: true,
          storageKey: true,
          uploadedBy: { select: { name: true } },
        },
      },
      actionItems: { orderBy: { position: "asc" }, select: { id: true, text: true, isDone: true, doneAt: true, doneBy: { select: { name: true } } } },
      transcriptSegments: { orderBy: { position: "asc" }, select: { position: true, speaker: true, startMs: true, endMs: true, text: true, asset: { select: { source: true } } } },
    },
  });
  if (!record) {
    const exists = await db.interview.count({ where: { id } });
    return exists ? { kind: "forbidden" } : { kind: "not_found" };
  }

  const assets: DebriefAsset[] = record.mediaAssets.map(({ storageKey, uploadedBy, size, expectedSize, bytesReceived, ...a }) => ({
    ...a,
    size: size === null ? null : Number(size),
    expectedSize: expectedSize === null ? null : Number(expectedSize),
    bytesReceived: Number(bytesReceived),
    isDownloadable: Boolean(storageKey && a.storedAt && size !== null),
    uploadedBy: uploadedBy?.name ?? null,
  }));
  const storedRecordings = assets.filter((a) => a.kind === "RECORDING" && a.status === "STORED").sort((a, b) => (b.storedAt?.getTime() ?? 0) - (a.storedAt?.getTime() ?? 0));
  const recordingAsset = storedRecordings[0];
  const thumbnail = assets.find((a) => a.kind === "THUMBNAIL" && a.status === "STORED");
  const { missingAfterMinutes, state } = { missingAfterMinutes: getEnv().MEDIA_MISSING_AFTER_MINUTES, state: record.notetakerState };
  const recordingDecision = readRecordingDecision(record.notRecordedReason);

  return {
    kind: "ok",
    debrief: {
      id: record.id,
      status: record.status,
      title: record.title,
      startsAt: record.startsAt,
      endsAt: record.endsAt,
      meetingUrl: toSafeHttpUrl(record.meetingUrl),
      guestName: record.guestName,
      guestTimezone: record.guestTimezone,
      cancellationReason: record.cancellationReason,
      candidate: record.candidate,
      role: record.application?.role ?? null,
      interviewer: record.interviewer,
      interviewerEmail: record.interviewerEmail,
      notetaker: record.notetakerId ? { id: record.notetakerId, state, reason: record.notetakerStateReason, timeline: readNotetakerTimeline(record.notetakerTimeline) } : null,
      notetakerSettings: readInterviewNotetakerSettings(record.notetakerSettings),
      notetakerVersion: record.notetakerVersion
        ? {
            version: record.notetakerVersion.version,
            createdAt: record.notetakerVersion.createdAt,
            createdBy: record.notetakerVersion.createdBy?.name ?? record.notetakerVersion.createdBy?.email ?? null,
          }
        : null,
      assignment: readAssignment(record.assignment),
      assignmentPending: await hasLiveJob(assignmentJob, record.id),
      alert: getNotetakerAlert({
        status: record.status,
        notetakerId: record.notetakerId,
        notetakerState: state,
        notetakerStateReason: record.notetakerStateReason,
        endsAt: record.endsAt,
        assets,
        now,
        missingAfterMinutes,
        expectsMedia: expectsMedia(recordingDecision),
      }),
      notRecordedMessage: recordingDecision.record ? null : recordingDecision.message,
      consent: readConsentRecord(record.consent),
      assets,
      recording: recordingAsset
        ? {
            assetId: recordingAsset.id,
            contentType: recordingAsset.contentType ?? "video/mp4",
            isAudioOnly: (recordingAsset.contentType ?? "").startsWith("audio/"),
            thumbnailAssetId: thumbnail?.id ?? null,
          }
        : null,
      summaryText: record.summaryText,
      actionItems: record.actionItems.map(({ doneBy, ...item }) => ({ ...item, doneBy: doneBy?.name ?? null })),
      segments: record.transcriptSegments.map(({ asset: _asset, ...segment }) => segment),
      transcriptSource: record.transcriptSegments[0]?.asset.source ?? null,
      isInProgress: assets.some((a) => a.status === "PENDING" || a.status === "DOWNLOADING") || (state !== null && IN_FLIGHT_STATES.has(state)),
      isAwaitingNotetaker: recordingDecision.record && record.notetakerId !== null && (state === null || state === "scheduled") && record.status !== "CANCELLED",
    },
  };
}

/**
 * Check off (or back on) an action item of an interview the viewer may see. Returns the
 * interview's id, or null when there is no such item the viewer may change.
 */
export async function setActionItemDone(viewer: InterviewViewer & { id: string }, itemId: string, isDone: boolean, now = new Date()): Promise<string | null> {
  const item = await db.actionItem.findFirst({ where: { id: itemId, interview: visibleTo(viewer) }, select: { interviewId: true } });
  if (!item) return null;
  const { count } = await db.actionItem.updateMany({
    // The visibility is part of the write too, not only of the read before it.
    where: { id: itemId, interview: visibleTo(viewer) },
    data: isDone ? { isDone: true, doneAt: now, doneById: viewer.id } : { isDone: false, doneAt: null, doneById: null },
  });
  return count ? item.interviewId : null;
}

/** The interview a media file belongs to, when the viewer may see it (for the Retry action). */
export async function findVisibleAsset(viewer: InterviewViewer, assetId: string): Promise<{ id: string; interviewId: string } | null> {
  return db.mediaAsset.findFirst({ where: { id: assetId, interview: visibleTo(viewer) }, select: { id: true, interviewId: true } });
}
