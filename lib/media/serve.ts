import "server-only";
import type { Readable } from "node:stream";
import { db } from "@/lib/db";
import { forbiddenError, notFoundError } from "@/lib/errors";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import { StorageNotFoundError, type MediaStorage, type ReadRange } from "@/lib/storage";
import { ZId } from "@/lib/validations/ids";

/**
 * Our stored interview files, for GET/HEAD /api/media/<asset id> (the route, with its HTTP
 * headers and ranges, is app/api/media/[assetId]/serve-asset.ts): which file a signed-in user may
 * open (recruiters and admins: any; an interviewer: only the interviews they ran), and its bytes.
 */

export type StoredAsset = { kind: string; storageKey: string; size: number; sha256: string | null; contentType: string | null; fileName: string | null };

/** Files a browser may show in place; everything else is always a download. */
const INLINE_KINDS = new Set(["RECORDING", "THUMBNAIL"]);

/** Whether a file may open in the browser: a recording or thumbnail that is media, whatever the file claims to be otherwise. */
export function isInlineAsset(asset: Pick<StoredAsset, "kind" | "contentType">): boolean {
  return INLINE_KINDS.has(asset.kind) && /^(video|audio|image)\//.test(asset.contentType ?? "");
}

/** The stored file `viewer` may open: 404 when there is none (or it is not stored yet), 403 when it is someone else's. */
export async function getStoredAssetOrThrow(viewer: InterviewViewer, assetId: string): Promise<StoredAsset> {
  const id = ZId.safeParse(assetId);
  if (!id.success) throw notFoundError("No such file.");
  const select = { kind: true, storageKey: true, size: true, sha256: true, contentType: true, fileName: true, storedAt: true } as const;
  // The viewer's visibility is part of the query (STYLE §6); a second look tells 404 from 403.
  const asset = await db.mediaAsset.findFirst({ where: { id: id.data, interview: visibleTo(viewer) }, select });
  if (!asset) {
    const exists = await db.mediaAsset.count({ where: { id: id.data, storedAt: { not: null } } });
    throw exists ? forbiddenError("You can only open the files of interviews you ran.") : notFoundError("No such file, or it is not stored yet.");
  }
  if (!asset.storageKey || asset.size === null || !asset.storedAt) throw notFoundError("No such file, or it is not stored yet.");
  return { kind: asset.kind, storageKey: asset.storageKey, size: Number(asset.size), sha256: asset.sha256, contentType: asset.contentType, fileName: asset.fileName };
}

/** The file's bytes (or a range of them); 404 (logged) when storage has lost it. */
export async function readStoredAsset(storage: MediaStorage, asset: Pick<StoredAsset, "storageKey">, range?: ReadRange): Promise<Readable> {
  try {
    return await storage.read(asset.storageKey, range);
  } catch (error) {
    if (error instanceof StorageNotFoundError) {
      console.error(`[media] stored file missing from storage: ${asset.storageKey}`);
      throw notFoundError("The file is missing from storage.");
    }
    throw error;
  }
}
