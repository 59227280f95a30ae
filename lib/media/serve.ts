import "server-only";
import { Readable } from "node:stream";
import { db } from "@/lib/db";
import { errorJson } from "@/lib/errors";
import { decideRange, rangeHeaders } from "@/lib/http/range";
import { visibleTo, type InterviewViewer } from "@/lib/interviews/visibility";
import { getMediaStorage, StorageNotFoundError, type MediaStorage } from "@/lib/storage";
import { ZUuid } from "@/lib/validations/media";
import { contentDisposition } from "./files";

/** Files a browser may show in place; everything else is always a download. */
const INLINE_KINDS = new Set(["RECORDING", "THUMBNAIL"]);

/**
 * GET/HEAD /api/media/<asset id>[?download=1] — a stored interview file, from OUR storage, to a
 * signed-in user who may see the interview (recruiters and admins: any; an interviewer: only the
 * interviews they ran → 403 otherwise). Seekable: single-range requests get 206 (416 when
 * unsatisfiable); the sha256 is the ETag.
 */
export async function serveMediaAsset(request: Request, viewer: InterviewViewer, assetId: string, storage: MediaStorage = getMediaStorage()): Promise<Response> {
  const id = ZUuid.safeParse(assetId);
  if (!id.success) return errorJson(404, "not_found", "No such file.");
  const select = { kind: true, storageKey: true, size: true, sha256: true, contentType: true, fileName: true, storedAt: true } as const;
  // The viewer's visibility is part of the query (STYLE §6); a second look tells 404 from 403.
  const asset = await db.mediaAsset.findFirst({ where: { id: id.data, interview: visibleTo(viewer) }, select });
  if (!asset) {
    const exists = await db.mediaAsset.count({ where: { id: id.data, storedAt: { not: null } } });
    return exists ? errorJson(403, "forbidden", "You can only open the files of interviews you ran.") : errorJson(404, "not_found", "No such file, or it is not stored yet.");
  }
  if (!asset.storageKey || asset.size === null || !asset.storedAt) return errorJson(404, "not_found", "No such file, or it is not stored yet.");

  const size = Number(asset.size);
  const etag = asset.sha256 ? `"${asset.sha256}"` : null;
  const url = new URL(request.url);
  // In place only what a browser plays or shows as media, whatever the file claims to be otherwise.
  const isMediaType = /^(video|audio|image)\//.test(asset.contentType ?? "");
  const disposition = INLINE_KINDS.has(asset.kind) && isMediaType && url.searchParams.get("download") !== "1" ? "inline" : "attachment";
  const headers: Record<string, string> = {
    "content-type": asset.contentType ?? "application/octet-stream",
    "content-disposition": contentDisposition(disposition, asset.fileName ?? `${asset.kind.toLowerCase()}`),
    "cache-control": "private, no-cache",
    "x-content-type-options": "nosniff",
    // Even if a file were opened as a page, it could run nothing.
    "content-security-policy": "sandbox; default-src 'none'; media-src 'self'; img-src 'self'",
    ...(etag ? { etag } : {}),
  };
  const rangeHeader = request.headers.get("range");
  if (etag && !rangeHeader && request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });

  const decision = decideRange(rangeHeader, size);
  const { status, headers: sizing } = rangeHeaders(decision, size);
  Object.assign(headers, sizing);
  if (decision.kind === "unsatisfiable" || request.method === "HEAD" || size === 0) return new Response(null, { status, headers });
  try {
    const stream = await storage.read(asset.storageKey, decision.kind === "partial" ? { start: decision.start, end: decision.end } : undefined);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
  } catch (error) {
    if (error instanceof StorageNotFoundError) {
      console.error(`[media] stored file missing from storage: ${asset.storageKey}`);
      return errorJson(404, "not_found", "The file is missing from storage.");
    }
    throw error;
  }
}
