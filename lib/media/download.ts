import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { MediaKind, Prisma } from "@/lib/generated/prisma/client";
import { describeNylasError } from "@/lib/nylas/client";
import { getNotetakerMedia, type NotetakerMediaFile } from "@/lib/nylas/notetakers";
import { getMediaStorage, StorageVerificationError, type MediaStorage } from "@/lib/storage";
import { PermanentJobError, type JobContext, type JobFailure, type Tx } from "@/lib/jobs";
import { parseContentDigest, storageKeyFor } from "./files";
import { MAX_TEXT_FILE_BYTES, parseTextFile, saveParsedContent, TEXT_KINDS } from "./parsed-content";
import { readStoredText } from "./stored-text";
import { lockInterview } from "@/lib/interviews/lock";
import { queueDebriefReadyEmails } from "@/lib/feedback/notify";
import { enqueueStorageDeletion } from "@/lib/privacy/deletion-jobs";
import { deleteNylasCopyOnceStored } from "@/lib/privacy/nylas-copy";

/**
 * Copies each Notetaker file into OUR storage (Nylas deletes its copy after 14 days): the handler
 * of "media.download" jobs (lib/media/jobs.ts), one per file. Each attempt streams the download
 * into storage, which hashes and counts as bytes flow, checks the size Nylas announced (and the
 * sha256 when the server sends one), and only then commits; the row is marked STORED with the
 * job's completion, fenced on its claim, so a partial file is never marked stored and a worker
 * that lost the job never marks anything. An expired or refused URL is refreshed through the SDK's
 * media call before the attempt gives up; failures retry on the "media" policy.
 */

/** A failure retrying cannot fix (Nylas deleted the file; the file is unreadable). */
class PermanentMediaError extends PermanentJobError {}

const SDK_KEYS: Record<MediaKind, "recording" | "transcript" | "summary" | "actionItems" | "thumbnail"> = {
  RECORDING: "recording",
  TRANSCRIPT: "transcript",
  SUMMARY: "summary",
  ACTION_ITEMS: "actionItems",
  THUMBNAIL: "thumbnail",
};

/** Statuses that mean "this URL no longer works": ask Nylas for a fresh one. */
const REFRESH_STATUSES = new Set([401, 403, 404, 410]);
/** A download that receives nothing for this long is abandoned (and retried). */
const STALL_TIMEOUT_MS = 60_000;
const HEADERS_TIMEOUT_MS = 30_000;
/** A running download records its progress (for the debrief) this often, at most. */
const PROGRESS_EVERY_MS = 1_000;
const MAX_MEDIA_BYTES = 50 * 1024 ** 3;

type AssetRow = Prisma.MediaAssetGetPayload<{ include: { interview: { select: { notetakerGrantId: true } } } }>;

/** What tests and benchmarks may replace. */
export type MediaDownloadDeps = { fetchImpl?: typeof fetch; storage?: MediaStorage };

/**
 * Asks Nylas for fresh URLs and the files' facts (size, name, type), and records them on every
 * not-yet-stored file of the same notetaker. Returns this asset's file, or throws.
 */
async function refreshFromNylas(asset: AssetRow, now: Date): Promise<NotetakerMediaFile> {
  if (!asset.notetakerId) throw new PermanentMediaError("This file has no notetaker to download it from.");
  const media = await getNotetakerMedia(asset.notetakerId, asset.interview.notetakerGrantId);
  if (media.status === "deleted") throw new PermanentMediaError("Nylas deleted this file (its 14-day retention ended) before it could be stored.");
  if (media.status === "not_found") throw new Error("Nylas has no media for this notetaker (yet).");
  const siblings = await db.mediaAsset.findMany({ where: { interviewId: asset.interviewId, source: "NOTETAKER", status: { not: "STORED" } }, select: { id: true, kind: true } });
  for (const sibling of siblings) {
    const file = media.files[SDK_KEYS[sibling.kind]];
    if (!file) continue;
    await db.mediaAsset.update({
      where: { id: sibling.id },
      data: {
        sourceUrl: file.url,
        sourceUrlExpiresAt: file.ttl !== null ? new Date(now.getTime() + file.ttl * 1000) : null,
        ...(file.size !== null ? { expectedSize: BigInt(file.size) } : {}),
        ...(file.name ? { fileName: file.name } : {}),
        ...(file.type ? { contentType: file.type } : {}),
        ...(file.durationSeconds !== null ? { durationSeconds: Math.round(file.durationSeconds) } : {}),
        ...(file.expiresAt !== null ? { retainedUntil: new Date(file.expiresAt * 1000) } : {}),
      },
    });
  }
  const own = media.files[SDK_KEYS[asset.kind]];
  if (!own) throw new PermanentMediaError(`Nylas no longer lists a ${asset.kind.toLowerCase().replace("_", " ")} file for this notetaker.`);
  return own;
}

/**
 * One attempt at one file (the "media.download" handler). Returns the writes that mark it stored,
 * for the job's completion; throws when the attempt failed (recordMediaFailure records it).
 */
export async function downloadAsset(assetId: string, ctx: JobContext<MediaDownloadDeps>): Promise<((tx: Tx) => Promise<void>) | void> {
  // Claimed: DOWNLOADING, this attempt, no bytes yet — unless there is nothing left to do.
  const asset = await ctx.transaction(async (tx) => {
    const { count } = await tx.mediaAsset.updateMany({
      // Never for an interview that may not be recorded (lib/privacy): such media is not to be stored.
      where: { id: assetId, source: "NOTETAKER", status: { in: ["PENDING", "DOWNLOADING"] }, interview: { notRecordedReason: null } },
      data: { status: "DOWNLOADING", attempts: ctx.attempt, bytesReceived: 0 },
    });
    return count === 0 ? null : tx.mediaAsset.findUnique({ where: { id: assetId }, include: { interview: { select: { notetakerGrantId: true } } } });
  });
  // Stored, given up on (Nylas deleted it), not to be stored (recording declined), or gone with its interview.
  if (!asset) return;
  const send = ctx.deps?.fetchImpl ?? fetch;
  const storage = ctx.deps?.storage ?? getMediaStorage();
  const controller = new AbortController();
  const abortFromJob = () => controller.abort(ctx.signal.reason);
  if (ctx.signal.aborted) abortFromJob();
  ctx.signal.addEventListener("abort", abortFromJob, { once: true });
  let stall: NodeJS.Timeout | undefined;
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => controller.abort(new Error(`no data for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
  };
  // Progress for the debrief, while this worker holds the job (the runner renews its lease; a
  // download that hangs while this process lives is ended by the stall timer instead).
  let bytesReceived = 0;
  let reported = 0;
  const progress = setInterval(() => {
    if (bytesReceived === reported) return;
    reported = bytesReceived;
    void ctx.transaction((tx) => tx.mediaAsset.update({ where: { id: asset.id }, data: { bytesReceived } })).catch(() => undefined);
  }, PROGRESS_EVERY_MS);

  try {
    const now = new Date();
    let url = asset.sourceUrl;
    let fileName = asset.fileName;
    let expectedSize = asset.expectedSize === null ? null : Number(asset.expectedSize);
    let refreshed = false;
    // Nylas's webhook gives only URLs: learn the sizes (with fresh URLs) first, and refresh an expiring URL.
    const urlExpiring = asset.sourceUrlExpiresAt !== null && asset.sourceUrlExpiresAt.getTime() <= now.getTime() + 60_000;
    if (!url || expectedSize === null || urlExpiring) {
      try {
        const file = await refreshFromNylas(asset, now);
        ({ url } = file);
        expectedSize = file.size ?? expectedSize;
        fileName = file.name ?? fileName;
        refreshed = true;
      } catch (error) {
        if (error instanceof PermanentMediaError || !url) throw error;
        // The media endpoint is unreachable: the URL we have may still work.
      }
    }

    armStall();
    const get = async (target: string) => {
      assertDownloadUrl(target);
      // Only until the answer starts: the body is watched by the stall timer, however long it takes.
      const headersTimer = setTimeout(() => controller.abort(new Error(`no answer within ${HEADERS_TIMEOUT_MS / 1000} s`)), HEADERS_TIMEOUT_MS);
      try {
        // identity: the size and sha256 are of the file's bytes, not of a compressed transfer.
        return await send(target, { signal: controller.signal, redirect: "follow", headers: { "accept-encoding": "identity" } });
      } finally {
        clearTimeout(headersTimer);
      }
    };
    let response = await get(url!);
    if (REFRESH_STATUSES.has(response.status) && !refreshed) {
      await response.body?.cancel().catch(() => undefined);
      const file = await refreshFromNylas(asset, new Date());
      expectedSize = file.size ?? expectedSize;
      fileName = file.name ?? fileName;
      response = await get(file.url);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new Error(`The download answered HTTP ${response.status}.`);
    }
    const announced = Number(response.headers.get("content-length"));
    if (expectedSize !== null && Number.isFinite(announced) && announced > 0 && announced !== expectedSize) {
      await response.body.cancel().catch(() => undefined);
      throw new Error(`The download announced ${announced} bytes but Nylas listed ${expectedSize}.`);
    }
    const sha256 = parseContentDigest(response.headers.get("content-digest") ?? response.headers.get("digest")) ?? asset.expectedSha256;
    const key = storageKeyFor(asset.interviewId, asset.id, fileName ?? asset.kind.toLowerCase());

    const stored = await storage.put(key, response.body, {
      contentType: asset.contentType ?? response.headers.get("content-type") ?? "application/octet-stream",
      expectedSize: expectedSize ?? (Number.isFinite(announced) && announced > 0 ? announced : null),
      expectedSha256: sha256,
      maxBytes: TEXT_KINDS.includes(asset.kind) ? MAX_TEXT_FILE_BYTES : MAX_MEDIA_BYTES,
      signal: controller.signal,
      onProgress: (bytes) => {
        armStall();
        bytesReceived = bytes;
      },
    });
    clearTimeout(stall);
    // Text files are read back and parsed now, outside the completing transaction.
    let parsed: ReturnType<typeof parseTextFile> | null = null;
    if (TEXT_KINDS.includes(asset.kind)) {
      const text = await readStoredText(storage, stored.key, MAX_TEXT_FILE_BYTES);
      parsed = parseTextFile(asset.kind, text, { fileName: stored.key, contentType: asset.contentType });
    }
    return (tx) => markStored(tx, asset, stored, parsed);
  } finally {
    clearTimeout(stall);
    clearInterval(progress);
    ctx.signal.removeEventListener("abort", abortFromJob);
  }
}

/** Marks the file STORED (and, for text files, what it says): in the job's completing transaction. */
async function markStored(tx: Tx, asset: AssetRow, stored: { key: string; size: number; sha256: string }, parsed: ReturnType<typeof parseTextFile> | null): Promise<void> {
  const now = new Date();
  await lockInterview(tx, asset.interviewId);
  const facts = { storageKey: stored.key, size: BigInt(stored.size), sha256: stored.sha256, bytesReceived: BigInt(stored.size), storedAt: now, sourceUrl: null };
  const { count } = await tx.mediaAsset.updateMany({
    where: { id: asset.id },
    data: parsed && !parsed.ok ? { ...facts, status: "FAILED", lastError: parsed.error } : { ...facts, status: "STORED", lastError: null },
  });
  // Deleted while it downloaded (retention, erasure): the file just stored goes too.
  if (count === 0) return enqueueStorageDeletion(tx, [stored.key]);
  if (parsed?.ok) await saveParsedContent(tx, asset.interviewId, asset.id, parsed.content, now);
  // The last file of the notetaker stored: Nylas's copy may go (when the admin chose so).
  if (!parsed || parsed.ok) await deleteNylasCopyOnceStored(tx, { interviewId: asset.interviewId, notetakerId: asset.notetakerId, grantId: asset.interview.notetakerGrantId });
  // The file that completes the debrief queues its recap emails (once: idempotency keys).
  await queueDebriefReadyEmails(tx, asset.interviewId);
}

export function describeMediaFailure(error: unknown): string {
  if (error instanceof StorageVerificationError) {
    if (error.reason === "size_mismatch") return `The downloaded file's size did not match what Nylas listed; it was not stored. ${error.message}`;
    if (error.reason === "sha256_mismatch") return "The downloaded file's checksum did not match; it was not stored.";
    return "The file is larger than the storage allows.";
  }
  const message = error instanceof Error ? (error.name === "AbortError" || error.name === "TimeoutError" ? `The download stopped: ${error.message}` : error.message) : String(error);
  return describeNylasError(error) === message ? message : `Nylas: ${describeNylasError(error)}`;
}

/**
 * A failed attempt, on the file's row (in the job's failing transaction): waiting to retry, or
 * failed for good — then the debrief may be as complete as it gets (a summary that never came
 * leaves the transcript to recap), so its recap emails are queued if it is ready.
 */
export async function recordMediaFailure(tx: Tx, assetId: string, failure: JobFailure): Promise<void> {
  const message = failure.message.slice(0, 1_000);
  // Given up on: under the interview's lock, like every other writer that may complete the debrief.
  const interviewId = failure.retryAt ? null : (await tx.mediaAsset.findUnique({ where: { id: assetId }, select: { interviewId: true } }))?.interviewId;
  if (interviewId) await lockInterview(tx, interviewId);
  const { count } = await tx.mediaAsset.updateMany({
    where: { id: assetId, status: { in: ["PENDING", "DOWNLOADING"] } },
    data: failure.retryAt
      ? { status: "PENDING", nextAttemptAt: failure.retryAt, lastError: message, bytesReceived: 0, attempts: failure.attempt }
      : // A signed URL is a credential of sorts: not kept once nothing will use it.
        { status: "FAILED", lastError: message, bytesReceived: 0, sourceUrl: null, attempts: failure.attempt },
  });
  if (interviewId && count > 0) await queueDebriefReadyEmails(tx, interviewId);
}

/**
 * Media URLs come from signed notifications and the SDK; still, what is fetched is stored and
 * served back, so in live mode only HTTPS is fetched (the sandbox serves its own origin).
 */
function assertDownloadUrl(target: string): void {
  const url = new URL(target);
  const env = getEnv();
  const ok = env.NYLAS_MODE === "live" ? url.protocol === "https:" : url.protocol === "https:" || url.origin === env.appOrigin;
  if (!ok) throw new PermanentMediaError(`Refusing to download from ${url.protocol}//${url.host}: media URLs must be HTTPS.`);
}
