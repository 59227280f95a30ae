/**
 * The deletions that leave our database: files in media storage and Nylas's copy of a notetaker's
 * media. Whoever deletes the rows (retention, erasure, declined consent) enqueues these in the same
 * transaction, so a deletion can never be forgotten: a failure retries on the standard policy and,
 * after the last attempt, waits on /settings/jobs for a person's Retry — never silently skipped.
 * Registered in lib/workers.ts.
 */
import "server-only";
import { describeNylasError } from "@/lib/nylas/client";
import { defineJobKind, enqueue, type Tx } from "@/lib/jobs";
import { deleteNotetaker } from "@/lib/nylas/notetakers";
import { getMediaStorage, type MediaStorage } from "@/lib/storage";

/** At most this many storage keys per job: one failing object retries only its own batch. */
export const STORAGE_DELETE_BATCH = 100;

export type TStorageDeleteJob = { keys: string[] };
export type TStorageDeleteDeps = { storage?: MediaStorage };

export const storageDeleteJob = defineJobKind<TStorageDeleteJob, TStorageDeleteDeps>({
  name: "storage.delete",
  title: "Delete files from media storage",
  concurrency: 2,
  retry: "standard",
  run: async ({ keys }, ctx) => {
    const storage = ctx.deps?.storage ?? getMediaStorage();
    // Deleting a missing object succeeds (fs and S3 alike), so a retry repeats the whole batch safely.
    for (const key of keys) {
      if (ctx.signal.aborted) throw new Error("Stopped before every file was deleted; the job runs again.");
      await storage.delete(key);
    }
  },
  describeError: (error) => `Could not delete a stored file: ${error instanceof Error ? error.message : String(error)}`,
});

export type TNylasNotetakerDeleteJob = { notetakerId: string; grantId: string | null };

export const nylasNotetakerDeleteJob = defineJobKind<TNylasNotetakerDeleteJob>({
  name: "nylas.delete-notetaker",
  title: "Delete Nylas's copy of a recording",
  concurrency: 2,
  retry: "standard",
  serialKey: (p) => p.notetakerId,
  dedupKey: (p) => p.notetakerId,
  run: async ({ notetakerId, grantId }) => {
    // false: Nylas no longer has it (deleted already, or its retention ended) — done either way.
    await deleteNotetaker(notetakerId, grantId);
  },
  describeError: (error) => `Nylas did not delete the notetaker: ${describeNylasError(error)}`,
});

/** Queues the deletion of these storage keys (in batches), in the caller's transaction. */
export async function enqueueStorageDeletion(tx: Tx, keys: readonly (string | null | undefined)[]): Promise<void> {
  const unique = [...new Set(keys.filter((k): k is string => typeof k === "string" && k !== ""))];
  const batches: TStorageDeleteJob[] = [];
  for (let i = 0; i < unique.length; i += STORAGE_DELETE_BATCH) batches.push({ keys: unique.slice(i, i + STORAGE_DELETE_BATCH) });
  if (batches.length > 0) await enqueue(tx, storageDeleteJob, batches);
}

/** Queues asking Nylas to delete its copy of these notetakers' media, in the caller's transaction. */
export async function enqueueNylasNotetakerDeletion(tx: Tx, notetakers: readonly { notetakerId: string | null; grantId: string | null }[]): Promise<void> {
  const payloads = notetakers.filter((n): n is TNylasNotetakerDeleteJob => typeof n.notetakerId === "string" && n.notetakerId !== "");
  if (payloads.length > 0) await enqueue(tx, nylasNotetakerDeleteJob, payloads);
}

export type DeletionKind = "media" | "anonymization" | "erasure" | "nylas_copy" | "declined_media";

export type DeletionRecordInput = {
  kind: DeletionKind;
  subjectType: "interview" | "application" | "candidate";
  subjectId: string;
  /** The retention rule that did it (lib/privacy/retention.ts RetentionRule), when a rule did. */
  rule?: string | null;
  /** The admin who did it, when a person did. */
  actor?: { id: string; email: string } | null;
  /** Counts only — never names, emails or text. */
  counts?: Record<string, number>;
};

/** Records a deletion (what, which rule or who, when, how much) without the deleted data. */
export async function recordDeletion(tx: Tx, input: DeletionRecordInput): Promise<void> {
  await recordDeletions(tx, [input]);
}

/** recordDeletion for many at once (one statement: the retention run's batches). */
export async function recordDeletions(tx: Tx, inputs: readonly DeletionRecordInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.deletionRecord.createMany({
    data: inputs.map((input) => ({
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      rule: input.rule ?? null,
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      counts: input.counts ?? {},
    })),
  });
}
