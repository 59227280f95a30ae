import "server-only";
import { db } from "@/lib/db";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { queueDebriefReadyEmails } from "@/lib/feedback/notify";
import { LONG_TRANSACTION, lockInterview } from "@/lib/interviews/lock";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import type { MediaStorage } from "@/lib/storage";
import { ZId } from "@/lib/validations/ids";
import { saveParsedContent } from "./parsed-content";
import { discardUploads, type StoredUpload, type UploadKind } from "./upload-files";

/**
 * The upload fallback (POST /api/interviews/<id>/uploads): when the Notetaker never got in, a
 * recruiter uploads what they have. The route reads the multipart body
 * (app/api/interviews/[id]/uploads/), storing each file through ./upload-files.ts as it arrives;
 * this module finds the interview and records what was stored. Both then go through the same
 * storage and parsing as the Notetaker's files.
 */

export { MAX_TRANSCRIPT_UPLOAD_BYTES } from "./upload-files";

/** The interview `viewer` may upload to: 404 when there is none, 403 when it is someone else's. */
export async function getUploadTargetOrThrow(viewer: InterviewViewer, interviewId: string): Promise<{ id: string }> {
  const id = ZId.safeParse(interviewId);
  if (!id.success) throw notFoundError("No such interview.");
  const interview = await db.interview.findFirst({ where: { AND: [{ id: id.data }, visibleTo(viewer)] }, select: { id: true } });
  if (interview) return interview;
  const exists = (await db.interview.count({ where: { id: id.data } })) > 0;
  throw exists ? forbiddenError("You can only upload files for interviews you ran.") : notFoundError("No such interview.");
}

export type UploadInput = { interviewId: string; uploadedById: string; files: readonly StoredUpload[] };

/**
 * Records stored files as the interview's uploads: a new upload replaces the previous one of its
 * kind (row and object), and a recording or transcript marks the interview as having taken place.
 * On failure the new files are removed and nothing is recorded. Answers the kinds recorded.
 */
export async function recordUpload({ interviewId, uploadedById, files }: UploadInput, storage: MediaStorage, now = new Date()): Promise<{ stored: UploadKind[] }> {
  let replaced: string[];
  try {
    replaced = await db.$transaction(async (tx) => {
      // Serialises with the interview's other writers, and with a concurrent upload of the same kind.
      await lockInterview(tx, interviewId);
      const oldKeys: string[] = [];
      for (const file of files) {
        const previous = await tx.mediaAsset.findUnique({ where: { interviewId_source_kind: { interviewId, source: "UPLOAD", kind: file.kind } }, select: { id: true, storageKey: true } });
        if (previous) {
          if (previous.storageKey) oldKeys.push(previous.storageKey);
          await tx.mediaAsset.delete({ where: { id: previous.id } });
        }
        await tx.mediaAsset.create({
          data: {
            id: file.assetId,
            interviewId,
            kind: file.kind,
            source: "UPLOAD",
            status: "STORED",
            fileName: file.fileName,
            contentType: file.contentType,
            storageKey: file.key,
            size: BigInt(file.size),
            sha256: file.sha256,
            bytesReceived: BigInt(file.size),
            storedAt: now,
            uploadedById,
          },
        });
        if (file.parsed) await saveParsedContent(tx, interviewId, file.assetId, file.parsed, now);
      }
      // A recording or transcript means the interview took place.
      const current = await tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { status: true, completedAt: true } });
      if (!current.completedAt) {
        await tx.interview.update({ where: { id: interviewId }, data: { completedAt: now, ...(current.status !== "CANCELLED" ? { status: "COMPLETED" } : {}) } });
      }
      // A transcript may be what completes the debrief: its recap emails go (once).
      await queueDebriefReadyEmails(tx, interviewId);
      return oldKeys;
    }, LONG_TRANSACTION);
  } catch (error) {
    await discardUploads(storage, files);
    throw error;
  }
  await Promise.all(replaced.map((key) => storage.delete(key).catch(() => undefined)));
  return { stored: files.map((file) => file.kind) };
}
