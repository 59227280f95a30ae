/**
 * The media pipeline's background work: "media.download" copies one Notetaker file into our
 * storage (lib/media/download.ts), enqueued with the notetaker notification that made it
 * available; "media.sweep-partials" removes temporary files a killed process left behind.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { defineJobKind, enqueue } from "@/lib/jobs";
import { LONG_TRANSACTION } from "@/lib/interviews/lock";
import { removeStalePartials } from "@/lib/storage";
import { describeMediaFailure, downloadAsset, recordMediaFailure, type MediaDownloadDeps } from "./download";

export type TMediaDownloadJob = { assetId: string };

export const mediaDownloadJob = defineJobKind<TMediaDownloadJob, MediaDownloadDeps>({
  name: "media.download",
  title: "Copy Notetaker files into our storage",
  // Downloads run side by side, so a long recording never holds up a transcript.
  concurrency: 3,
  retry: "media",
  serialKey: (p) => p.assetId,
  dedupKey: (p) => p.assetId,
  run: ({ assetId }, ctx) => downloadAsset(assetId, ctx),
  onFailure: (tx, { assetId }, failure) => recordMediaFailure(tx, assetId, failure),
  describeError: describeMediaFailure,
  onRetry: async (tx, { assetId }) => {
    await tx.mediaAsset.updateMany({ where: { id: assetId, status: "FAILED", storedAt: null }, data: { status: "PENDING", nextAttemptAt: new Date(), lastError: null } });
  },
  // Marking a transcript stored writes its lines (up to 50,000) in the same transaction.
  transaction: LONG_TRANSACTION,
});

/** A temporary media file this old belongs to no live download (leases are seconds, downloads hours at most). */
const STALE_PARTIAL_MS = 24 * 3600_000;

export const mediaPartialsSweepJob = defineJobKind<{ scheduledFor?: string }>({
  name: "media.sweep-partials",
  title: "Remove temporary media files a stopped process left",
  concurrency: 1,
  retry: "maintenance",
  schedule: "@hourly",
  run: async () => {
    const env = getEnv();
    if (env.MEDIA_STORAGE === "fs") await removeStalePartials(env.MEDIA_DIR, STALE_PARTIAL_MS);
  },
});

/**
 * Recruiter "Retry" on a failed download: PENDING again with a fresh job (a fresh set of
 * attempts), due now. A file that was stored but cannot be read is not retried: downloading it
 * again gives the same file.
 */
export async function retryMediaDownload(assetId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: assetId, source: "NOTETAKER", status: "FAILED", storedAt: null },
      data: { status: "PENDING", nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0) return false;
    await enqueue(tx, mediaDownloadJob, { assetId });
    return true;
  });
}
