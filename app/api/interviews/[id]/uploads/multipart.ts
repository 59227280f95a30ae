import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError, badRequest } from "@/lib/errors";

/**
 * Reads a multipart/form-data request body part by part (busboy streams; nothing is buffered here),
 * handing each file part to `onFile` as it arrives. This module knows HTTP bodies, not media: the
 * caller decides what a part is and where its bytes go.
 *
 * A body that ends before its closing boundary, a client that goes away (request.signal) or stops
 * sending mid-upload is CUT_OFF. It settles only once every `onFile` has: none is left writing
 * behind the answer.
 */

export const CUT_OFF_MESSAGE = "The upload was cut off before it finished. Try again.";
const cutOffError = () => badRequest(CUT_OFF_MESSAGE);

/** How long a client may send nothing while we wait for its next bytes (nginx's client_body_timeout). */
export const UPLOAD_IDLE_TIMEOUT_MS = 60_000;

/** busboy's errors for input that ended before the form did (mid-part, mid-boundary, after a part's headers). */
const isEndOfForm = (error: unknown) => error instanceof Error && /^Unexpected end of (form|file)$/.test(error.message);

export type FilePart = { field: string; fileName: string; mimeType: string; stream: Readable };

export type MultipartLimits = { files: number; fields: number; parts: number; fileSize: number; fieldSize: number };

export type MultipartOutcome<T> =
  /** Every part was read; `refused` is the first AppError a part (or the form's limits) raised, if any. */
  | { kind: "read"; files: T[]; refused: AppError | null }
  /** The body broke off (CUT_OFF), or could not be read at all (malformed): `error` says which. */
  | { kind: "broken"; files: T[]; error: unknown };

/**
 * The request body as a Node stream. A client that stops sending but keeps the connection open
 * (fewer bytes than its Content-Length, or no last chunk) fails it with CUT_OFF after `idleMs`
 * without a byte; the clock runs only while a read waits on the client, not while storage holds
 * the body back. `stop` ends the reading, leaving the rest of the body unread (not cancelled: that
 * would close the connection before the client has its answer).
 */
function readBody(body: NodeReadableStream<Uint8Array>, idleMs: number, stop: AbortSignal): Readable {
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
        reject(cutOffError());
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

/**
 * Reads `request`'s multipart body. `onFile` answers a value for a part it keeps, or null for one
 * it skips (it must then drain the stream); an AppError it throws refuses the upload (the first
 * one wins; later parts are skipped), anything else breaks it. Parts with no file name are
 * skipped. Whatever the outcome, `files` lists what `onFile` answered, for the caller to keep or
 * discard.
 */
export async function readMultipartFiles<T>(
  request: Request,
  { limits, idleTimeoutMs, tooManyFiles, onFile }: { limits: MultipartLimits; idleTimeoutMs: number; tooManyFiles: string; onFile: (part: FilePart) => Promise<T | null> },
): Promise<MultipartOutcome<T>> {
  const files: T[] = [];
  let refused: AppError | null = null;
  const pending: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": request.headers.get("content-type") ?? "" }, limits });
  } catch (error) {
    return { kind: "broken", files, error }; // e.g. no boundary
  }
  const stopReading = new AbortController();
  const source = readBody(request.body as NodeReadableStream<Uint8Array>, idleTimeoutMs, stopReading.signal);
  // The client is gone, stalled or its body broke off: no closing boundary will come. Destroying the
  // parser ends the part being read with this error, which stops (and removes) the file being stored.
  const cutOff = () => parser.destroy(cutOffError());
  const done = new Promise<void>((resolve, reject) => {
    parser.on("file", (field, stream, info) => {
      // A part cut off errors its stream even when we skip it; the parser reports that for the whole upload.
      stream.on("error", () => undefined);
      const task = async () => {
        if (!info.filename || refused) {
          stream.resume();
          return;
        }
        try {
          const file = await onFile({ field, fileName: info.filename, mimeType: info.mimeType, stream });
          if (file !== null) files.push(file);
        } catch (error) {
          stream.resume();
          if (error instanceof AppError) refused ??= error;
          else throw error;
        }
      };
      pending.push(task());
    });
    parser.on("filesLimit", () => (refused ??= badRequest(tooManyFiles)));
    parser.on("close", resolve);
    parser.on("error", (error) => reject(isEndOfForm(error) ? cutOffError() : error));
  });
  source.on("error", cutOff);
  request.signal.addEventListener("abort", cutOff);
  if (request.signal.aborted) cutOff();
  else source.pipe(parser);
  try {
    const [parsing] = await Promise.allSettled([done]);
    const tasks = await Promise.allSettled(pending);
    // A body that broke off is CUT_OFF, whatever the files in it did.
    if (parsing.status === "rejected" && parsing.reason instanceof AppError) return { kind: "read", files, refused: parsing.reason };
    const broken = [parsing, ...tasks].find((outcome) => outcome.status === "rejected");
    if (broken) return { kind: "broken", files, error: (broken as PromiseRejectedResult).reason };
    return { kind: "read", files, refused };
  } finally {
    request.signal.removeEventListener("abort", cutOff);
    stopReading.abort();
  }
}
