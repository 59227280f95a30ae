/** The media storage contract, shared by the filesystem and S3 backends. */
import type { Readable } from "node:stream";

/** A Node Readable is an AsyncIterable, so it fits the first form. */
export type StorageBody = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export type PutOptions = {
  contentType: string;
  /** When known: the stored size must equal it (checked as bytes flow, and at the end). */
  expectedSize?: number | null;
  /** When known (lowercase hex sha256): the stored bytes must hash to it. */
  expectedSha256?: string | null;
  /** Hard cap; exceeding it aborts early. */
  maxBytes?: number | null;
  /** Called with the running byte count, at most ~4 times a second plus once at the end. */
  onProgress?: (bytes: number) => void;
  signal?: AbortSignal;
};

export type PutResult = { key: string; size: number; sha256: string };

/** Inclusive on both ends, validated by the caller. */
export type ReadRange = { start: number; end: number };

export interface MediaStorage {
  readonly kind: "fs" | "s3";
  /**
   * Streams body to a temporary location, hashing (sha256) and counting as it goes, verifies, then
   * commits under key atomically (replacing any previous object). On any failure (stream error,
   * abort, verification) nothing is left under key (a previous object there stays untouched) and the
   * temporary data is removed; the error is rethrown.
   */
  put(key: string, body: StorageBody, options: PutOptions): Promise<PutResult>;
  /** null when there is no object at key. */
  stat(key: string): Promise<{ size: number } | null>;
  /** A Node Readable of the whole object or an inclusive byte range; rejects with a StorageNotFoundError when missing. */
  read(key: string, range?: ReadRange): Promise<Readable>;
  delete(key: string): Promise<void>;
}

export type StorageVerificationReason = "size_mismatch" | "sha256_mismatch" | "too_large";

export class StorageVerificationError extends Error {
  constructor(
    readonly reason: StorageVerificationReason,
    message: string,
  ) {
    super(message);
    this.name = "StorageVerificationError";
  }
}

export class StorageNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored object at "${key}".`);
    this.name = "StorageNotFoundError";
  }
}
