/**
 * "Delete Nylas's copy as soon as ours is stored and verified" (/settings/privacy): when the last
 * of a notetaker's files is stored in our storage — every one of them STORED with its size and
 * sha256 checked — and the option is on, Nylas is asked to delete its copy (a
 * "nylas.delete-notetaker" job) and the deletion is recorded. Called by the media download's
 * completing transaction (lib/media/download.ts), under the interview's lock.
 */
import "server-only";
import type { Tx } from "@/lib/jobs";
import { enqueueNylasNotetakerDeletion, recordDeletion } from "./deletion-jobs";
import { getPrivacySettings } from "./settings";

export type StoredNotetaker = { interviewId: string; notetakerId: string | null; grantId: string | null };

/** Queues the deletion of Nylas's copy when the option is on and every file is ours. true when it queued it. */
export async function deleteNylasCopyOnceStored(tx: Tx, { interviewId, notetakerId, grantId }: StoredNotetaker): Promise<boolean> {
  if (!notetakerId) return false;
  const settings = await getPrivacySettings(tx);
  if (!settings.deleteNylasCopyWhenStored) return false;
  const files = await tx.mediaAsset.findMany({ where: { notetakerId, source: "NOTETAKER" }, select: { status: true, storedAt: true, sha256: true, size: true } });
  const isAllVerified = files.length > 0 && files.every((f) => f.status === "STORED" && f.storedAt !== null && f.sha256 !== null && f.size !== null);
  if (!isAllVerified) return false;
  // Once: a later write under the same lock (a re-stored file) finds it recorded.
  const done = await tx.deletionRecord.findFirst({ where: { kind: "nylas_copy", subjectType: "interview", subjectId: interviewId }, select: { id: true } });
  if (done) return false;
  await enqueueNylasNotetakerDeletion(tx, [{ notetakerId, grantId }]);
  await recordDeletion(tx, { kind: "nylas_copy", subjectType: "interview", subjectId: interviewId, rule: "nylas_copy_when_stored", counts: { files: files.length } });
  return true;
}
