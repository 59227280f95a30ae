import { createHash } from "node:crypto";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { type PutOptions, type StorageBody, StorageVerificationError } from "./types";

const PROGRESS_INTERVAL_MS = 250;

export type Verifier = {
  stream: Transform;
  /** The size and sha256 of a body that passed every check; throws before that. */
  result(): { size: number; sha256: string };
};

/**
 * A pass-through that hashes and counts, failing as soon as the body exceeds expectedSize or
 * maxBytes (so an oversized download stops early) and, at the end, on a short body or a wrong hash.
 * Because the check runs in flush(), a consumer never sees the end of a body that fails it.
 */
export function createVerifier(options: PutOptions): Verifier {
  const { expectedSize, expectedSha256, maxBytes, onProgress } = options;
  // In place: sha256 (SHA-NI) runs at ~1.3 GB/s here; measured, a worker thread cost more than it saved.
  const hash = createHash("sha256");
  let size = 0;
  let lastProgressAt = performance.now();
  let result: { size: number; sha256: string } | null = null;

  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (maxBytes != null && size > maxBytes) {
        return callback(new StorageVerificationError("too_large", `Body exceeds the ${maxBytes}-byte limit.`));
      }
      if (expectedSize != null && size > expectedSize) {
        return callback(new StorageVerificationError("size_mismatch", `Body is longer than the expected ${expectedSize} bytes.`));
      }
      if (onProgress) {
        const now = performance.now();
        if (now - lastProgressAt >= PROGRESS_INTERVAL_MS) {
          lastProgressAt = now;
          onProgress(size);
        }
      }
      hash.update(chunk);
      callback(null, chunk);
    },
    flush(callback) {
      if (expectedSize != null && size !== expectedSize) {
        return callback(new StorageVerificationError("size_mismatch", `Body is ${size} bytes, expected ${expectedSize}.`));
      }
      const sha256 = hash.digest("hex");
      if (expectedSha256 != null && sha256 !== expectedSha256.toLowerCase()) {
        return callback(new StorageVerificationError("sha256_mismatch", `Body sha256 is ${sha256}, expected ${expectedSha256}.`));
      }
      result = { size, sha256 };
      onProgress?.(size);
      callback();
    },
  });
  return {
    stream,
    result() {
      if (!result) throw new Error("The body has not been fully verified.");
      return result;
    },
  };
}

/** pipeline() takes Node streams and async iterables; a web stream is adapted (with backpressure). */
export function toPipelineSource(body: StorageBody): AsyncIterable<Uint8Array> {
  if ("getReader" in body && typeof body.getReader === "function") {
    return Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  }
  return body as AsyncIterable<Uint8Array>;
}

/** Aborting rejects with the signal's reason, as fetch() does, whatever the stream layer threw. */
export function abortReasonOr(error: unknown, signal: AbortSignal | undefined): unknown {
  return signal?.aborted ? signal.reason : error;
}
