import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { assertValidKey } from "./keys";
import { type MediaStorage, type PutOptions, type PutResult, type ReadRange, type StorageBody, StorageNotFoundError } from "./types";
import { abortReasonOr, createVerifier, toPipelineSource } from "./verifying-stream";

// Upload holds at most queueSize parts in flight plus the one being filled: ~24 MB per put.
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
/** S3 allows 10,000 parts; a larger body gets larger parts. */
const MAX_PARTS = 9_000;

function partSizeFor(expectedSize: number | null | undefined): number {
  return expectedSize && expectedSize / PART_SIZE > MAX_PARTS ? Math.ceil(expectedSize / MAX_PARTS) : PART_SIZE;
}

export type S3StorageOptions = {
  bucket: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  client?: S3Client;
};

export function createS3Storage(options: S3StorageOptions): MediaStorage {
  const { bucket } = options;
  const client =
    options.client ??
    new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      // Since 3.729 the SDK adds CRC32 checksum headers by default, which several S3-compatible
      // stores reject; our sha256 of the bytes sent plus the size check after upload stand in.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });

  return {
    kind: "s3",

    async put(key: string, body: StorageBody, options: PutOptions): Promise<PutResult> {
      assertValidKey(key);
      const verifier = createVerifier(options);
      // Straight to the key: a multipart object appears only when the upload is completed (a small
      // one is a single PutObject sent after the whole body was read), and a failed check errors the
      // verifier before its end, so Upload never completes a body that failed it. No 5 GB copy limit.
      const upload = new Upload({
        client,
        params: { Bucket: bucket, Key: key, Body: verifier.stream, ContentType: options.contentType },
        partSize: partSizeFor(options.expectedSize),
        queueSize: QUEUE_SIZE,
        // Parts are left to us on error so that a failing AbortMultipartUpload cannot mask the real error.
        leavePartsOnError: true,
      });
      const [feeding, uploading] = await Promise.allSettled([
        pipeline(toPipelineSource(body), verifier.stream, { signal: options.signal }),
        upload.done(),
      ]);
      if (uploading.status === "rejected" || feeding.status === "rejected" || options.signal?.aborted) {
        if (upload.uploadId) {
          await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: upload.uploadId })).catch(() => undefined);
        }
        // Upload rethrows what broke the stream (source error, failed check); feeding then only says "premature close".
        const error = uploading.status === "rejected" ? uploading.reason : feeding.status === "rejected" ? feeding.reason : options.signal?.reason;
        throw abortReasonOr(error, options.signal);
      }
      const { size, sha256 } = verifier.result();
      return { key, size, sha256 };
    },

    async stat(key: string) {
      assertValidKey(key);
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: head.ContentLength ?? 0 };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async read(key: string, range?: ReadRange): Promise<Readable> {
      assertValidKey(key);
      try {
        const { Body, ContentRange } = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        if (!(Body instanceof Readable)) throw new Error("Expected a Node stream from GetObject.");
        return range ? exactRange(Body, ContentRange, range) : Body;
      } catch (error) {
        if (isNotFound(error)) throw new StorageNotFoundError(key);
        throw error;
      }
    },

    async delete(key: string) {
      assertValidKey(key);
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
  };
}

/**
 * Some S3-compatible servers answer a range with more than was asked (s3rver sends the whole object
 * for "bytes=0-0") or ignore it (200); cut such a body down to the requested bytes.
 */
function exactRange(body: Readable, contentRange: string | undefined, range: ReadRange): Readable {
  const served = /^bytes (\d+)-(\d+)\//.exec(contentRange ?? "");
  const servedStart = served ? Number(served[1]) : 0;
  if (served && servedStart === range.start && Number(served[2]) === range.end) return body;
  if (servedStart > range.start) {
    body.destroy();
    throw new Error(`The store answered range ${range.start}-${range.end} with "${contentRange}".`);
  }
  const skip = range.start - servedStart;
  const end = skip + (range.end - range.start + 1);
  async function* slice() {
    let position = 0;
    // Returning early from for-await destroys body, so the rest is not downloaded.
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const from = Math.max(skip - position, 0);
      const to = Math.min(end - position, chunk.length);
      position += chunk.length;
      if (to > from) yield chunk.subarray(from, to);
      if (position >= end) return;
    }
  }
  return Readable.from(slice(), { objectMode: false });
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404;
}
