/**
 * Pure: whether an interview's debrief has what its recap email needs (DESIGN "Feedback due": the
 * recap goes "when the debrief is ready"), from the state of its media files.
 */
import type { MediaAssetStatus, MediaKind } from "@/lib/generated/prisma/enums";

export type AssetState = { kind: MediaKind; status: MediaAssetStatus };

const isPending = (a: AssetState) => a.status === "PENDING" || a.status === "DOWNLOADING";

/**
 * Ready when the summary and the action items are stored (the action items as far as there are
 * any); or, when there is no summary (none was produced, or its file failed for good), when the
 * transcript is stored. While a summary or action items file is still on its way it is not ready:
 * the recap waits for it. Files of either source (Notetaker, upload) count.
 */
export function isDebriefReady(assets: readonly AssetState[]): boolean {
  if (assets.some((a) => (a.kind === "SUMMARY" || a.kind === "ACTION_ITEMS") && isPending(a))) return false;
  const isStored = (kind: MediaKind) => assets.some((a) => a.kind === kind && a.status === "STORED");
  return isStored("SUMMARY") || isStored("TRANSCRIPT");
}
