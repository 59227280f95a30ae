import "server-only";
import { getNylas, NylasApiError } from "./client";

/**
 * Notetaker calls through the `nylas` SDK (nylas-contract §5). Scheduler's notetakers belong to the
 * organizer's grant, so calls are grant-scoped when the grant is known, standalone otherwise.
 */

/** The calendar event a notetaker records, or null when it has none. */
export async function findNotetakerEventId(notetakerId: string, grantId: string | null): Promise<string | null> {
  const found = await getNylas().notetakers.find({ notetakerId, ...(grantId ? { identifier: grantId } : {}) });
  // The SDK's type names eventId at the top level; the webhook shape nests it under `event`.
  const notetaker = found.data as unknown as { eventId?: string; event?: { eventId?: string } };
  return notetaker.eventId ?? notetaker.event?.eventId ?? null;
}

export type NotetakerMediaFile = {
  url: string;
  name: string | null;
  type: string | null;
  size: number | null;
  durationSeconds: number | null;
  /** Unix seconds: when Nylas deletes the file. */
  expiresAt: number | null;
  /** Seconds the URL stays valid. */
  ttl: number | null;
};

export type NotetakerMediaResult =
  | { status: "ok"; files: Partial<Record<"recording" | "transcript" | "summary" | "actionItems" | "thumbnail", NotetakerMediaFile>> }
  /** 410: retention ended; Nylas no longer has the files. */
  | { status: "deleted" }
  /** 404: not ready (or not there). */
  | { status: "not_found" };

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (typeof v === "string" && v ? v : null);

/** Fresh media URLs (each valid for `ttl` seconds) and the files' sizes. */
export async function getNotetakerMedia(notetakerId: string, grantId: string | null): Promise<NotetakerMediaResult> {
  let response;
  try {
    response = await getNylas().notetakers.downloadMedia({ notetakerId, ...(grantId ? { identifier: grantId } : {}) });
  } catch (error) {
    if (error instanceof NylasApiError && error.statusCode === 410) return { status: "deleted" };
    if (error instanceof NylasApiError && error.statusCode === 404) return { status: "not_found" };
    throw error;
  }
  // The SDK camelCases keys: action_items → actionItems; its types know only recording and transcript.
  const data = (response.data ?? {}) as unknown as Record<string, Record<string, unknown> | undefined>;
  const files: Extract<NotetakerMediaResult, { status: "ok" }>["files"] = {};
  for (const kind of ["recording", "transcript", "summary", "actionItems", "thumbnail"] as const) {
    const file = data[kind];
    const url = str(file?.url);
    if (!file || !url) continue;
    files[kind] = {
      url,
      name: str(file.name),
      type: str(file.type),
      size: num(file.size),
      durationSeconds: num(file.duration),
      expiresAt: num(file.expiresAt),
      ttl: num(file.ttl),
    };
  }
  return { status: "ok", files };
}

/**
 * Cancels a scheduled notetaker before it joins (`DELETE …/notetakers/{id}/cancel`), e.g. when the
 * candidate declined recording. false when Nylas no longer has it (already cancelled or deleted).
 */
export async function cancelNotetaker(notetakerId: string, grantId: string | null): Promise<boolean> {
  try {
    await getNylas().notetakers.cancel({ notetakerId, ...(grantId ? { identifier: grantId } : {}) });
    return true;
  } catch (error) {
    if (error instanceof NylasApiError && (error.statusCode === 404 || error.statusCode === 410)) return false;
    throw error;
  }
}

/**
 * Asks Nylas to delete a notetaker and its media (`DELETE /v3/grants/{grant}/notetakers/{id}`; Nylas
 * then sends `notetaker.deleted`). The SDK has no method for it, so this goes through the SDK's own
 * API client. false when Nylas no longer has it (404/410): there is nothing left to delete.
 */
export async function deleteNotetaker(notetakerId: string, grantId: string | null): Promise<boolean> {
  const id = encodeURIComponent(notetakerId);
  const path = grantId ? `/v3/grants/${encodeURIComponent(grantId)}/notetakers/${id}` : `/v3/notetakers/${id}`;
  try {
    await getNylas().apiClient.request({ method: "DELETE", path });
    return true;
  } catch (error) {
    if (error instanceof NylasApiError && (error.statusCode === 404 || error.statusCode === 410)) return false;
    throw error;
  }
}
