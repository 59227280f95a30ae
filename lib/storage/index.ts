/** Media storage: files under MEDIA_DIR by default, any S3-compatible store when MEDIA_STORAGE=s3. */
import { getEnv } from "@/lib/env";
import { createFsStorage } from "./fs-storage";
import { createS3Storage } from "./s3-storage";
import type { MediaStorage } from "./types";

export type { MediaStorage, PutOptions, PutResult, ReadRange, StorageBody } from "./types";
export { StorageNotFoundError, StorageVerificationError } from "./types";
export { createFsStorage, removeStalePartials } from "./fs-storage";
export { createS3Storage } from "./s3-storage";

let cached: MediaStorage | undefined;

/** The process's storage from env (cached). */
export function getMediaStorage(): MediaStorage {
  cached ??= createFromEnv();
  return cached;
}

/** For tests: forget the cached instance. */
export function resetMediaStorage(): void {
  cached = undefined;
}

function createFromEnv(): MediaStorage {
  const env = getEnv();
  if (env.MEDIA_STORAGE === "fs") return createFsStorage({ dir: env.MEDIA_DIR });
  // parseEnv refuses MEDIA_STORAGE=s3 without S3_BUCKET.
  return createS3Storage({
    bucket: env.S3_BUCKET!,
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
  });
}
