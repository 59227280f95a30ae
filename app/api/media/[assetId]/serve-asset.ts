import "server-only";
import { Readable } from "node:stream";
import { AppError, toErrorResponse } from "@/lib/errors";
import type { InterviewViewer } from "@/lib/interviews/visibility";
import { contentDisposition } from "@/lib/media/files";
import { decideRange, rangeHeaders } from "@/lib/http/range";
import { getStoredAssetOrThrow, isInlineAsset, readStoredAsset } from "@/lib/media/serve";
import { getMediaStorage, type MediaStorage } from "@/lib/storage";

/**
 * GET/HEAD /api/media/<asset id>[?download=1], after withAuth: find the file the viewer may open
 * (lib/media/serve.ts) → read the Range and cache headers → answer. Seekable: single-range requests
 * get 206 (416 when unsatisfiable); the sha256 is the ETag. A refusal (403/404) is the error
 * mapper's JSON; anything unexpected is thrown to withAuth.
 */
export async function serveMediaAsset(request: Request, viewer: InterviewViewer, assetId: string, storage: MediaStorage = getMediaStorage()): Promise<Response> {
  try {
    const asset = await getStoredAssetOrThrow(viewer, assetId);
    const etag = asset.sha256 ? `"${asset.sha256}"` : null;
    const disposition = isInlineAsset(asset) && new URL(request.url).searchParams.get("download") !== "1" ? "inline" : "attachment";
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

    const decision = decideRange(rangeHeader, asset.size);
    const { status, headers: sizing } = rangeHeaders(decision, asset.size);
    Object.assign(headers, sizing);
    if (decision.kind === "unsatisfiable" || request.method === "HEAD" || asset.size === 0) return new Response(null, { status, headers });
    const stream = await readStoredAsset(storage, asset, decision.kind === "partial" ? { start: decision.start, end: decision.end } : undefined);
    return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, { status, headers });
  } catch (error) {
    if (error instanceof AppError) return toErrorResponse(error);
    throw error;
  }
}
