import "server-only";
import { randomUUID } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { AppError, payloadTooLarge } from "@/lib/errors";
import type { MediaStorage } from "@/lib/storage";
import { safeFileName, storageKeyFor } from "./files";
import type { ParsedContent } from "./parsed-content";
import { decodeUtf8Text, sniffRecordingType, SNIFF_BYTES } from "./sniff";
import { parseTranscript, type TranscriptFormat } from "./transcript";

/**
 * The upload fallback's files, one at a time, as their bytes arrive: a recording streamed into
 * storage (size-capped, its type read from its first bytes), a transcript (≤ 20 MB) parsed BEFORE
 * anything is written. A refused file throws an AppError (413, 415 or 422) and leaves nothing in
 * storage. What was stored is recorded by recordUpload (./upload.ts), or discarded.
 */

export const MAX_TRANSCRIPT_UPLOAD_BYTES = 20 * 1024 * 1024;

export type UploadKind = "RECORDING" | "TRANSCRIPT";

/** A file in storage, not yet recorded (no row points at it). */
export type StoredUpload = { kind: UploadKind; assetId: string; key: string; size: number; sha256: string; fileName: string; contentType: string; parsed: ParsedContent | null };

const TRANSCRIPT_TYPES: Record<TranscriptFormat, { extension: string; contentType: string }> = {
  speaker_labelled: { extension: "json", contentType: "application/json" },
  raw: { extension: "json", contentType: "application/json" },
  webvtt: { extension: "vtt", contentType: "text/vtt; charset=utf-8" },
  srt: { extension: "srt", contentType: "application/x-subrip; charset=utf-8" },
  text: { extension: "txt", contentType: "text/plain; charset=utf-8" },
};

export const formatUploadLimit = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

const unsupported = (message: string) => new AppError(415, "unsupported_media_type", message);
const unprocessable = (message: string) => new AppError(422, "unprocessable", message);

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

/**
 * Streams a recording into storage. `file` is a multipart part's stream: it emits "limit" past
 * `maxBytes`, and "error" when the body breaks off (then nothing is kept, and the error is thrown).
 */
export async function storeUploadedRecording(storage: MediaStorage, interviewId: string, file: Readable, fileName: string, maxBytes: number): Promise<StoredUpload> {
  const assetId = randomUUID();
  let type: ReturnType<typeof sniffRecordingType> = null;
  let onTyped = () => {};
  const sniffer = sniffingStream((head) => {
    type = sniffRecordingType(head);
    if (!type) throw unsupported("The recording must be an MP4, M4A, MOV, WebM, MP3, WAV or OGG file.");
    onTyped();
  });
  // Storage is not touched until the type is known: a refused or broken-off file never gets as far
  // as a write to clean up. (The sniffer always either finds the type or fails, at the latest when the part ends.)
  const typed = new Promise<void>((resolve, reject) => {
    onTyped = resolve;
    sniffer.once("error", reject);
  });
  file.once("limit", () => sniffer.destroy(payloadTooLarge(`The recording is larger than ${formatUploadLimit(maxBytes)}.`)));
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
    throw brokenOff ?? unsupported("The recording file is empty.");
  }
  return { kind: "RECORDING", assetId, key: stored.key, size: stored.size, sha256: stored.sha256, fileName: `${base}.${sniffed.extension}`, contentType: sniffed.contentType, parsed: null };
}

async function readTranscript(file: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of file) {
    size += (chunk as Buffer).length;
    if (size > MAX_TRANSCRIPT_UPLOAD_BYTES)
      tooLarge = true; // keep draining so the request completes
    else chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw payloadTooLarge(`The transcript is larger than ${formatUploadLimit(MAX_TRANSCRIPT_UPLOAD_BYTES)}.`);
  return Buffer.concat(chunks);
}

/** Reads a transcript whole (≤ 20 MB), parses it, and only then stores it, named and typed by what the parser found. */
export async function storeUploadedTranscript(storage: MediaStorage, interviewId: string, file: Readable, fileName: string, mimeType: string): Promise<StoredUpload> {
  const bytes = await readTranscript(file);
  if (!bytes.length) throw unprocessable("The transcript file is empty.");
  const text = decodeUtf8Text(bytes);
  if (text === null) throw unsupported("The transcript must be a text file (UTF-8): WebVTT, SRT, plain text or a Nylas transcript JSON.");
  const parsed = parseTranscript(text, { fileName, contentType: mimeType });
  if (!parsed.ok) throw unprocessable(parsed.error);
  const assetId = randomUUID();
  const { extension, contentType } = TRANSCRIPT_TYPES[parsed.value.format];
  const name = `${safeFileName(fileName, "transcript").replace(/\.[^.]*$/, "")}.${extension}`;
  const stored = await storage.put(storageKeyFor(interviewId, assetId, name), Readable.from([bytes]), { contentType, expectedSize: bytes.length });
  return { kind: "TRANSCRIPT", assetId, key: stored.key, size: stored.size, sha256: stored.sha256, fileName: name, contentType, parsed: { kind: "TRANSCRIPT", segments: parsed.value.segments } };
}

/** Removes stored files that will not be recorded (all or nothing: a refused upload keeps none). */
export async function discardUploads(storage: MediaStorage, files: readonly StoredUpload[]): Promise<void> {
  await Promise.all(files.map((file) => storage.delete(file.key).catch(() => undefined)));
}
