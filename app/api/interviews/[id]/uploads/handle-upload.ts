import "server-only";
import { getEnv } from "@/lib/env";
import { AppError, badRequest, forbiddenError, payloadTooLarge } from "@/lib/errors";
import type { InterviewViewer } from "@/lib/interviews/visibility";
import { getUploadTargetOrThrow, recordUpload } from "@/lib/media/upload";
import { discardUploads, formatUploadLimit, MAX_TRANSCRIPT_UPLOAD_BYTES, storeUploadedRecording, storeUploadedTranscript, type StoredUpload } from "@/lib/media/upload-files";
import { getMediaStorage, type MediaStorage } from "@/lib/storage";
import type { TUploadResult } from "@/lib/validations/media";
import { readMultipartFiles, UPLOAD_IDLE_TIMEOUT_MS } from "./multipart";

/**
 * POST /api/interviews/<id>/uploads (multipart/form-data with the file fields `recording` and/or
 * `transcript`), after withAuth: find the interview → check the request → read the body, storing
 * each file as its part arrives → record what was stored → answer. All or nothing: a refused
 * file, or a body cut off before its closing boundary, keeps nothing (not even a temporary file).
 *
 * Answers TUploadResult (the upload form reads it): an expected refusal is `{ ok: false, message }`
 * with the AppError's status; anything else is thrown to withAuth's error mapper (500).
 */
export async function handleInterviewUpload(
  request: Request,
  viewer: InterviewViewer & { id: string },
  interviewId: string,
  storage: MediaStorage = getMediaStorage(),
  { idleTimeoutMs = UPLOAD_IDLE_TIMEOUT_MS }: { idleTimeoutMs?: number } = {},
): Promise<Response> {
  try {
    const interview = await getUploadTargetOrThrow(viewer, interviewId);
    const maxRecordingBytes = checkUploadRequest(request);
    const files = await receiveFiles(request, storage, interview.id, maxRecordingBytes, idleTimeoutMs);
    const { stored } = await recordUpload({ interviewId: interview.id, uploadedById: viewer.id, files }, storage);
    const names = stored.map((kind) => (kind === "RECORDING" ? "the recording" : "the transcript")).join(" and ");
    return json(200, { ok: true, message: `Uploaded ${names}.`, stored });
  } catch (error) {
    if (error instanceof AppError) return json(error.status, { ok: false, message: error.message, stored: [] });
    throw error;
  }
}

function json(status: number, body: TUploadResult): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

/** The request's headers before its body is read; answers the recording's size limit. */
function checkUploadRequest(request: Request): number {
  // A cookie-authenticated POST: refuse one sent by another site's page (server actions get the same check from Next.js).
  const origin = request.headers.get("origin");
  if (origin && origin !== getEnv().appOrigin) throw forbiddenError("Uploads must come from this site.");
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new AppError(415, "unsupported_media_type", "Send the files as multipart/form-data (fields: recording, transcript).");
  }
  const maxRecordingBytes = getEnv().MEDIA_UPLOAD_MAX_MB * 1024 * 1024;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRecordingBytes + MAX_TRANSCRIPT_UPLOAD_BYTES + 1024 * 1024) throw payloadTooLarge(`The upload is larger than ${formatUploadLimit(maxRecordingBytes)}.`);
  return maxRecordingBytes;
}

/** Reads the body, storing its `recording` and `transcript` parts; on any failure removes what was stored and throws. */
async function receiveFiles(request: Request, storage: MediaStorage, interviewId: string, maxRecordingBytes: number, idleTimeoutMs: number): Promise<StoredUpload[]> {
  const outcome = await readMultipartFiles<StoredUpload>(request, {
    limits: { files: 2, fields: 10, parts: 12, fileSize: maxRecordingBytes, fieldSize: 1024 },
    idleTimeoutMs,
    tooManyFiles: "Upload at most one recording and one transcript.",
    onFile: async ({ field, fileName, mimeType, stream }) => {
      if (field === "recording") return storeUploadedRecording(storage, interviewId, stream, fileName, maxRecordingBytes);
      if (field === "transcript") return storeUploadedTranscript(storage, interviewId, stream, fileName, mimeType);
      stream.resume();
      return null;
    },
  });
  if (outcome.kind === "broken") {
    await discardUploads(storage, outcome.files);
    // Mostly a client's malformed or cut-off body: one line, no stack (the client gets a 400 saying so).
    console.warn(`[media] upload failed: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`);
    throw badRequest("The upload was interrupted or malformed. Try again.");
  }
  if (outcome.refused) {
    await discardUploads(storage, outcome.files);
    throw outcome.refused;
  }
  if (!outcome.files.length) throw badRequest("Choose a recording file, a transcript file, or both.");
  return outcome.files;
}
