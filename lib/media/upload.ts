import "server-only";
import { randomUUID } from "node:crypto";
import { Readable, Transform } from "node:stream";
import busboy from "busboy";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import { getMediaStorage, type MediaStorage } from "@/lib/storage";
import { ZId } from "@/lib/validations/ids";
import type { TUploadResult } from "@/lib/validations/media";
import { safeFileName, storageKeyFor } from "./files";
import { saveParsedContent, type ParsedContent } from "./parsed-content";
import { decodeUtf8Text, sniffRecordingType, SNIFF_BYTES } from "./sniff";
import { parseTranscript, type TranscriptFormat } from "./transcript";
import { LONG_TRANSACTION, lockInterview } from "@/lib/interviews/lock";

/**
 * The upload fallback (POST /api/interviews/<id>/uploads, multipart/form-data with the file fields
 * `recording` and/or `transcript`): when the Notetaker never got in, a recruiter uploads what they
 * have. A recording is streamed into storage (size-capped, its type read from its first bytes); a
 * transcript (≤ 20 MB) is parsed BEFORE anything is written, so a bad file is refused with a
 * readable 4xx and stores nothing. Both then go through the same storage and parsing as the
 * Notetaker's files. A body that ends before its closing boundary, or a client that goes away or
 * stops sending mid-upload, is a 400 that keeps nothing (not even a temporary file).
 */

export const MAX_TRANSCRIPT_UPLOAD_BYTES = 20 * 1024 * 1024;

const TRANSCRIPT_TYPES: Record<TranscriptFormat, { extension: string; contentType: string }> = {
  speaker_labelled: { extension: "json", contentType: "application/json" },
  raw: { extension: "json", contentType: "application/json" },
  webvtt: { extension: "vtt", contentType: "text/vtt; charset=utf-8" },
  srt: { extension: "srt", contentType: "application/x-subrip; charset=utf-8" },
  text: { extension: "txt", contentType: "text/plain; charset=utf-8" },
};

type Kind = "RECORDING" | "TRANSCRIPT";
type StoredFile = { kind: Kind; assetId: string; key: string; size: number; sha256: string; fileName: string; contentType: string; parsed: ParsedContent | null };
type Failure = { status: 400 | 413 | 415 | 422; message: string };

class UploadError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

function json(status: number, body: TUploadResult): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * A body that ends before its closing boundary: the client sent only part of the form, gave up
 * (the connection closed: the body stream breaks off, request.signal aborts) or stopped sending.
 */
const CUT_OFF: Failure = { status: 400, message: "The upload was cut off before it finished. Try again." };

/** How long a client may send nothing while we wait for its next bytes (nginx's client_body_timeout). */
export const UPLOAD_IDLE_TIMEOUT_MS = 60_000;

/** busboy's errors for input that ended before the form did (mid-part, mid-boundary, after a part's headers). */
const isEndOfForm = (error: unknown) => error instanceof Error && /^Unexpected end of (form|file)$/.test(error.message);

/**
 * The request body as a Node stream. A client that stops sending but keeps the connection open
 * (fewer bytes than its Content-Length, or no last chunk) fails it with CUT_OFF after `idleMs`
 * without a byte; the clock runs only while a read waits on the client, not while storage holds
 * the body back. `stop` ends the reading, leaving the rest of the body unread (not cancelled: that
 * would close the connection before the client has its answer).
 */
function readBody(body: import("node:stream/web").ReadableStream<Uint8Array>, idleMs: number, stop: AbortSignal): Readable {
  const reader = body.getReader();
  /** The next chunk; null once the body has ended or the reading is stopped. */
  const nextChunk = () =>
    new Promise<Uint8Array | null>((resolve, reject) => {
      if (stop.aborted) return resolve(null);
      const settle = () => {
        clearTimeout(timer);
        stop.removeEventListener("abort", onStop);
      };
      const onStop = () => {
        settle();
        resolve(null);
      };
      const timer = setTimeout(() => {
        settle();
        reject(new UploadError(CUT_OFF));
      }, idleMs);
      stop.addEventListener("abort", onStop);
      reader.read().then(
        (result) => {
          settle();
          resolve(result.done ? null : result.value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  async function* chunks() {
    try {
      for (let chunk = await nextChunk(); chunk; chunk = await nextChunk()) yield chunk;
    } finally {
      reader.releaseLock(); // settles a read still waiting on the client
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** Passes bytes through, holding the first few back until the recording's type is known. */
function sniffingStream(onType: (head: Uint8Array) => void): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (head === null) return callback(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) return callback();
      try {
        onType(head);
      } catch (error) {
        return callback(error as Error);
      }
      const out = head;
      head = null;
      callback(null, out);
    },
    flush(callback) {
      if (head !== null) {
        try {
          onType(head);
        } catch (error) {
          return callback(error as Error);
        }
        if (head.length) this.push(head);
      }
      callback();
    },
  });
}

async function storeRecording(storage: MediaStorage, interviewId: string, file: Readable & { truncated?: boolean }, fileName: string, maxBytes: number): Promise<StoredFile> {
  const assetId = randomUUID();
  let type: ReturnType<typeof sniffRecordingType> = null;
  let onTyped = () => {};
  const sniffer = sniffingStream((head) => {
    type = sniffRecordingType(head);
    if (!type) throw new UploadError({ status: 415, message: "The recording must be an MP4, M4A, MOV, WebM, MP3, WAV or OGG file." });
    onTyped();
  });
  // Storage is not touched until the type is known: a refused or broken-off file never gets as far
  // as a write to clean up. (The sniffer always either finds the type or fails, at the latest when the part ends.)
  const typed = new Promise<void>((resolve, reject) => {
    onTyped = resolve;
    sniffer.once("error", reject);
  });
  file.once("limit", () => sniffer.destroy(new UploadError({ status: 413, message: `The recording is larger than ${mb(maxBytes)}.` })));
  // The part breaks off (a body cut off, a client gone). Once storage is writing, its copy is ended
  // early rather than failed (a write failing as it starts can leave a temporary file behind), and
  // removed here once stored.
  let brokenOff: unknown = null;
  file.once("error", (error) => {
    if (!type) {
      sniffer.destroy(error);
    } else {
      brokenOff = error;
      file.unpipe(sniffer);
      sniffer.end();
    }
  });
  // storage.put reports the sniffer's failure (it rejects); without a listener of our own, pipe()
  // would rethrow it once the storage pipeline has let go of the stream.
  sniffer.on("error", () => undefined);
  file.pipe(sniffer);
  // The name is the user's; its extension becomes the sniffed type's once that is known.
  const base = safeFileName(fileName, "recording").replace(/\.[^.]*$/, "");
  const key = storageKeyFor(interviewId, assetId, `${base}.upload`);
  let stored;
  try {
    await typed;
    stored = await storage.put(key, sniffer, { contentType: "application/octet-stream", maxBytes });
  } finally {
    file.resume(); // whatever happened, let the rest of the request flow
  }
  const sniffed = type as ReturnType<typeof sniffRecordingType>;
  if (brokenOff || !sniffed) {
    await storage.delete(stored.key).catch(() => undefined);
    throw brokenOff ?? new UploadError({ status: 415, message: "The recording file is empty." });
  }
  return { kind: "RECORDING", assetId, key: stored.key, size: stored.size, sha256: stored.sha256, fileName: `${base}.${sniffed.extension}`, contentType: sniffed.contentType, parsed: null };
}

async function readTranscript(file: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of file) {
    size += (chunk as Buffer).length;
    if (size > MAX_TRANSCRIPT_UPLOAD_BYTES) tooLarge = true; // keep draining so the request completes
    else chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw new UploadError({ status: 413, message: `The transcript is larger than ${mb(MAX_TRANSCRIPT_UPLOAD_BYTES)}.` });
  return Buffer.concat(chunks);
}

async function storeTranscript(storage: MediaStorage, interviewId: string, file: Readable, fileName: string, mimeType: string): Promise<StoredFile> {
  const bytes = await readTranscript(file);
  if (!bytes.length) throw new UploadError({ status: 422, message: "The transcript file is empty." });
  const text = decodeUtf8Text(bytes);
  if (text === null) throw new UploadError({ status: 415, message: "The transcript must be a text file (UTF-8): WebVTT, SRT, plain text or a Nylas transcript JSON." });
  const parsed = parseTranscript(text, { fileName, contentType: mimeType });
  if (!parsed.ok) throw new UploadError({ status: 422, message: parsed.error });
  const assetId = randomUUID();
  // Named and typed by what the parser found in it, whatever the file was called.
  const { extension, contentType } = TRANSCRIPT_TYPES[parsed.value.format];
  const name = `${safeFileName(fileName, "transcript").replace(/\.[^.]*$/, "")}.${extension}`;
  const stored = await storage.put(storageKeyFor(interviewId, assetId, name), Readable.from([bytes]), { contentType, expectedSize: bytes.length });
  return { kind: "TRANSCRIPT", assetId, key: stored.key, size: stored.size, sha256: stored.sha256, fileName: name, contentType, parsed: { kind: "TRANSCRIPT", segments: parsed.value.segments } };
}

/**
 * Reads the multipart body, storing each file as its part arrives (busboy streams; nothing is buffered
 * whole but a transcript). Settles only once every file task has: none is left writing to storage
 * behind the answer. A body cut off before its closing boundary (or a client that gives up) is the
 * CUT_OFF failure, whatever the files in it did.
 */
async function receiveFiles(request: Request, storage: MediaStorage, interviewId: string, maxRecordingBytes: number, idleTimeoutMs: number): Promise<{ stored: StoredFile[]; failure: Failure | null }> {
  const stored: StoredFile[] = [];
  let failure: Failure | null = null;
  const pending: Promise<void>[] = [];
  const parser = busboy({
    headers: { "content-type": request.headers.get("content-type") ?? "" },
    limits: { files: 2, fields: 10, parts: 12, fileSize: maxRecordingBytes, fieldSize: 1024 },
  });
  const stopReading = new AbortController();
  const source = readBody(request.body as import("node:stream/web").ReadableStream<Uint8Array>, idleTimeoutMs, stopReading.signal);
  // The client is gone, stalled or its body broke off: no closing boundary will come. Destroying the
  // parser ends the part being read with this error, which stops (and removes) the file being stored.
  const cutOff = () => parser.destroy(new UploadError(CUT_OFF));
  const done = new Promise<void>((resolve, reject) => {
    parser.on("file", (field, file, info) => {
      // A part cut off errors its stream even when we skip it; the parser reports that for the whole upload.
      file.on("error", () => undefined);
      const task = async () => {
        if ((field !== "recording" && field !== "transcript") || !info.filename || failure) {
          file.resume();
          return;
        }
        try {
          stored.push(
            field === "recording"
              ? await storeRecording(storage, interviewId, file, info.filename, maxRecordingBytes)
              : await storeTranscript(storage, interviewId, file, info.filename, info.mimeType),
          );
        } catch (error) {
          file.resume();
          if (error instanceof UploadError) failure ??= error.failure;
          else throw error;
        }
      };
      pending.push(task());
    });
    parser.on("filesLimit", () => (failure ??= { status: 400, message: "Upload at most one recording and one transcript." }));
    parser.on("close", resolve);
    parser.on("error", (error) => reject(isEndOfForm(error) ? new UploadError(CUT_OFF) : error));
  });
  source.on("error", cutOff);
  request.signal.addEventListener("abort", cutOff);
  if (request.signal.aborted) cutOff();
  else source.pipe(parser);
  try {
    const [parsing] = await Promise.allSettled([done]);
    const tasks = await Promise.allSettled(pending);
    if (parsing.status === "rejected" && parsing.reason instanceof UploadError) {
      // The caller removes whatever was stored (all or nothing).
      return { stored, failure: parsing.reason.failure };
    }
    const broken = [parsing, ...tasks].find((outcome) => outcome.status === "rejected");
    if (broken) {
      await Promise.all(stored.map((file) => storage.delete(file.key).catch(() => undefined)));
      throw (broken as PromiseRejectedResult).reason;
    }
    return { stored, failure };
  } finally {
    request.signal.removeEventListener("abort", cutOff);
    stopReading.abort();
  }
}

export async function handleInterviewUpload(
  request: Request,
  viewer: InterviewViewer & { id: string },
  interviewId: string,
  storage: MediaStorage = getMediaStorage(),
  { idleTimeoutMs = UPLOAD_IDLE_TIMEOUT_MS }: { idleTimeoutMs?: number } = {},
): Promise<Response> {
  const id = ZId.safeParse(interviewId);
  const interview = id.success ? await db.interview.findFirst({ where: { AND: [{ id: id.data }, visibleTo(viewer)] }, select: { id: true } }) : null;
  if (!interview) {
    const exists = id.success && (await db.interview.count({ where: { id: id.data } })) > 0;
    return exists
      ? json(403, { ok: false, message: "You can only upload files for interviews you ran.", stored: [] })
      : json(404, { ok: false, message: "No such interview.", stored: [] });
  }
  // A cookie-authenticated POST: refuse one sent by another site's page (server actions get the same check from Next.js).
  const origin = request.headers.get("origin");
  if (origin && origin !== getEnv().appOrigin) return json(403, { ok: false, message: "Uploads must come from this site.", stored: [] });
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data") || !request.body) {
    return json(415, { ok: false, message: "Send the files as multipart/form-data (fields: recording, transcript).", stored: [] });
  }
  const maxRecordingBytes = getEnv().MEDIA_UPLOAD_MAX_MB * 1024 * 1024;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxRecordingBytes + MAX_TRANSCRIPT_UPLOAD_BYTES + 1024 * 1024) {
    return json(413, { ok: false, message: `The upload is larger than ${mb(maxRecordingBytes)}.`, stored: [] });
  }

  let received;
  try {
    received = await receiveFiles(request, storage, interview.id, maxRecordingBytes, idleTimeoutMs);
  } catch (error) {
    console.error("[media] upload failed", error);
    return json(400, { ok: false, message: "The upload was interrupted or malformed. Try again.", stored: [] });
  }
  const { stored, failure } = received;
  // All or nothing: a refused file means nothing of this upload is kept.
  if (failure) {
    await Promise.all(stored.map((file) => storage.delete(file.key).catch(() => undefined)));
    return json(failure.status, { ok: false, message: failure.message, stored: [] });
  }
  if (!stored.length) return json(400, { ok: false, message: "Choose a recording file, a transcript file, or both.", stored: [] });

  // Record what was stored; a new upload replaces the previous one of its kind.
  const now = new Date();
  let replaced: string[] = [];
  try {
    replaced = await db.$transaction(async (tx) => {
      // Serialises with the interview's other writers, and with a concurrent upload of the same kind.
      await lockInterview(tx, interview.id);
      const oldKeys: string[] = [];
      for (const file of stored) {
        const previous = await tx.mediaAsset.findUnique({ where: { interviewId_source_kind: { interviewId: interview.id, source: "UPLOAD", kind: file.kind } }, select: { id: true, storageKey: true } });
        if (previous) {
          if (previous.storageKey) oldKeys.push(previous.storageKey);
          await tx.mediaAsset.delete({ where: { id: previous.id } });
        }
        await tx.mediaAsset.create({
          data: {
            id: file.assetId, interviewId: interview.id, kind: file.kind, source: "UPLOAD", status: "STORED", fileName: file.fileName, contentType: file.contentType,
            storageKey: file.key, size: BigInt(file.size), sha256: file.sha256, bytesReceived: BigInt(file.size), storedAt: now, uploadedById: viewer.id,
          },
        });
        if (file.parsed) await saveParsedContent(tx, interview.id, file.assetId, file.parsed, now);
      }
      // A recording or transcript means the interview took place.
      const current = await tx.interview.findUniqueOrThrow({ where: { id: interview.id }, select: { status: true, completedAt: true } });
      if (!current.completedAt) {
        await tx.interview.update({ where: { id: interview.id }, data: { completedAt: now, ...(current.status !== "CANCELLED" ? { status: "COMPLETED" } : {}) } });
      }
      return oldKeys;
    }, LONG_TRANSACTION);
  } catch (error) {
    await Promise.all(stored.map((file) => storage.delete(file.key).catch(() => undefined)));
    throw error;
  }
  await Promise.all(replaced.map((key) => storage.delete(key).catch(() => undefined)));

  const names = stored.map((f) => (f.kind === "RECORDING" ? "the recording" : "the transcript")).join(" and ");
  return json(200, { ok: true, message: `Uploaded ${names}.`, stored: stored.map((f) => f.kind) });
}
