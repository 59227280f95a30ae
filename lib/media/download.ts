import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { MediaKind, Prisma } from "@/lib/generated/prisma/client";
import { describeNylasError } from "@/lib/nylas/client";
import { getNotetakerMedia, type NotetakerMediaFile } from "@/lib/nylas/notetakers";
import { claimMediaAssets, renewMediaLease, type ClaimedMediaAsset } from "@/lib/queue";
import { getMediaStorage, StorageVerificationError, type MediaStorage } from "@/lib/storage";
import { decideJobOutcome } from "@/lib/webhooks/retry-policy";
import { parseContentDigest, storageKeyFor } from "./files";
import { MAX_TEXT_FILE_BYTES, parseTextFile, saveParsedContent, TEXT_KINDS } from "./parsed-content";
import { readStoredText } from "./stored-text";
import { LONG_TRANSACTION, lockInterview } from "@/lib/interviews/lock";

/**
 * The media worker: copies each Notetaker file into OUR storage (Nylas deletes its copy after 14
 * days). One job per file (a media_assets row, claimed like inbox rows). Each attempt streams the
 * download into storage, which hashes and counts as bytes flow, checks the size Nylas announced
 * (and the sha256 when the server sends one), and only then commits; the row is marked STORED
 * after that, so a partial file is never marked stored. An expired or refused URL is refreshed
 * through the SDK's media call before the attempt gives up; failures retry with backoff.
 */

/** A failure retrying cannot fix (Nylas deleted the file; the file is unreadable). */
class PermanentMediaError extends Error {}

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
/** A running download renews its lease (and records its progress) this often, at most. */
const LEASE_RENEW_MS = 1_000;
const MAX_MEDIA_BYTES = 50 * 1024 ** 3;

type AssetRow = Prisma.MediaAssetGetPayload<{ include: { interview: { select: { notetakerGrantId: true } } } }>;

export type MediaWorkerOptions = {
  limit?: number;
  fetchImpl?: typeof fetch;
  storage?: MediaStorage;
  retryBaseMs?: number;
  signal?: AbortSignal;
  /** How often a running download renews its lease (default: a third of the lease, at most every second). */
  leaseRenewMs?: number;
};

/** Claims due media jobs and runs them to the end; returns how many it claimed. */
export async function processDueMediaDownloads(opts: MediaWorkerOptions = {}): Promise<number> {
  const claimed = await claimMediaAssets(opts.limit ?? 2);
  await Promise.all(claimed.map((claim) => downloadAsset(claim, opts)));
  return claimed.length;
}

/**
 * For the worker loop: keeps up to `capacity` downloads running without waiting for them, so a
 * long recording never holds up a transcript. Each call claims what fits and returns how many it
 * started; `onDone` fires when one finishes (the loop then looks for more).
 */
export type MediaDownloadPool = (() => Promise<number>) & {
  /** Resolves once the downloads running now have finished (a stopping process waits for it). */
  drain: () => Promise<void>;
};

export function createMediaDownloadPool(capacity: number, onDone: () => void, opts: Omit<MediaWorkerOptions, "limit"> = {}): MediaDownloadPool {
  const running = new Set<Promise<void>>();
  const tick = async () => {
    const free = capacity - running.size;
    if (free <= 0) return 0;
    const claimed = await claimMediaAssets(free);
    for (const claim of claimed) {
      const download: Promise<void> = downloadAsset(claim, opts)
        .then(() => undefined)
        .catch((error) => console.error("[media] download crashed", error))
        .finally(() => {
          running.delete(download);
          onDone();
        });
      running.add(download);
    }
    return claimed.length;
  };
  return Object.assign(tick, { drain: async () => void (await Promise.all([...running])) });
}

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

async function downloadAsset(claim: ClaimedMediaAsset, opts: MediaWorkerOptions): Promise<void> {
  const asset = await db.mediaAsset.findUnique({ where: { id: claim.id }, include: { interview: { select: { notetakerGrantId: true } } } });
  if (!asset || asset.status !== "DOWNLOADING" || asset.attempts !== claim.attempts) return;
  const send = opts.fetchImpl ?? fetch;
  const storage = opts.storage ?? getMediaStorage();
  const controller = new AbortController();
  const abortFromOutside = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener("abort", abortFromOutside, { once: true });
  let stall: NodeJS.Timeout | undefined;
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => controller.abort(new Error(`no data for ${STALL_TIMEOUT_MS / 1000} s`)), STALL_TIMEOUT_MS);
  };
  // The lease, renewed from the claim on (not only as bytes arrive: asking Nylas for a fresh URL
  // and waiting for the first byte can take longer than a short lease), with the progress for the
  // debrief. A job taken over by another worker (this process froze past the lease) stops here; a
  // download that hangs while this process lives is ended by the stall timer instead.
  let bytesReceived = 0;
  const heartbeat = setInterval(
    () =>
      void renewMediaLease(asset.id, claim.attempts, bytesReceived).then(
        (mine) => mine || controller.abort(new Error("the job was taken over by another worker")),
        () => undefined,
      ),
    opts.leaseRenewMs ?? Math.min(LEASE_RENEW_MS, (getEnv().JOB_LEASE_SECONDS * 1000) / 3),
  );

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
    await completeDownload(asset, claim.attempts, stored, storage);
  } catch (error) {
    clearTimeout(stall);
    await recordFailure(asset, claim.attempts, error, opts.retryBaseMs ?? getEnv().MEDIA_RETRY_BASE_MS);
  } finally {
    clearInterval(heartbeat);
    opts.signal?.removeEventListener("abort", abortFromOutside);
  }
}

/** Marks the file STORED (and, for text files, what it says) — only if this worker still owns the job. */
async function completeDownload(asset: AssetRow, attempt: number, stored: { key: string; size: number; sha256: string }, storage: MediaStorage): Promise<void> {
  const now = new Date();
  let parsed: ReturnType<typeof parseTextFile> | null = null;
  if (TEXT_KINDS.includes(asset.kind)) {
    const text = await readStoredText(storage, stored.key, MAX_TEXT_FILE_BYTES);
    parsed = parseTextFile(asset.kind, text, { fileName: stored.key, contentType: asset.contentType });
  }
  await db.$transaction(async (tx) => {
    await lockInterview(tx, asset.interviewId);
    const facts = { storageKey: stored.key, size: BigInt(stored.size), sha256: stored.sha256, bytesReceived: BigInt(stored.size), storedAt: now, sourceUrl: null };
    const { count } = await tx.mediaAsset.updateMany({
      where: { id: asset.id, status: "DOWNLOADING", attempts: attempt },
      data: parsed && !parsed.ok ? { ...facts, status: "FAILED", lastError: parsed.error } : { ...facts, status: "STORED", lastError: null },
    });
    if (count === 0) return; // taken over; the other worker records its own result
    if (parsed?.ok) await saveParsedContent(tx, asset.interviewId, asset.id, parsed.content, now);
  }, LONG_TRANSACTION);
}

function describeFailure(error: unknown): string {
  if (error instanceof StorageVerificationError) {
    if (error.reason === "size_mismatch") return `The downloaded file's size did not match what Nylas listed; it was not stored. ${error.message}`;
    if (error.reason === "sha256_mismatch") return "The downloaded file's checksum did not match; it was not stored.";
    return "The file is larger than the storage allows.";
  }
  const message = error instanceof Error ? (error.name === "AbortError" || error.name === "TimeoutError" ? `The download stopped: ${error.message}` : error.message) : String(error);
  return describeNylasError(error) === message ? message : `Nylas: ${describeNylasError(error)}`;
}

async function recordFailure(asset: AssetRow, attempt: number, error: unknown, retryBaseMs: number): Promise<void> {
  const message = describeFailure(error).slice(0, 1_000);
  // Attempts count on from a recruiter's Retry (retryBase), so the fence (attempts) never repeats.
  const outcome = error instanceof PermanentMediaError ? ({ status: "DEAD" } as const) : decideJobOutcome(false, attempt - asset.retryBase, retryBaseMs);
  const { count } = await db.mediaAsset.updateMany({
    where: { id: asset.id, status: "DOWNLOADING", attempts: attempt },
    data:
      outcome.status === "PENDING"
        ? { status: "PENDING", nextAttemptAt: new Date(Date.now() + outcome.retryInMs), lastError: message, bytesReceived: 0 }
        : // A signed URL is a credential of sorts: not kept once nothing will use it.
          { status: "FAILED", lastError: message, bytesReceived: 0, sourceUrl: null },
  });
  // count 0: taken over by another worker, which records its own outcome.
  if (count === 1 && outcome.status !== "PENDING") console.error(`[media] ${asset.kind} of interview ${asset.interviewId} failed for good: ${message}`);
}

/**
 * Recruiter "Retry" on a failed download: due now, with a fresh set of attempts. `attempts` keeps
 * counting (it fences a worker's writes; a reset would let an old, stuck worker match again);
 * retryBase marks where the fresh set starts. A file that was stored but cannot be read is not
 * retried: downloading it again gives the same file.
 */
export async function retryMediaDownload(assetId: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE media_assets SET status = 'PENDING', retry_base = attempts, next_attempt_at = now(), last_error = NULL, updated_at = now()
     WHERE id = ${assetId}::uuid AND source = 'NOTETAKER' AND status = 'FAILED' AND stored_at IS NULL`;
  return count > 0;
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
