import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import type { DebriefAsset } from "@/lib/interviews/debrief";
import { formatBytes } from "@/lib/media/format";
import type { TActionState } from "@/lib/actions/state";
import { mediaPath } from "@/lib/routes";
import { RetryDownloadButton } from "./retry-download-button";

export type MediaFilesProps = {
  assets: DebriefAsset[];
  retryAction: (previous: TActionState, formData: FormData) => Promise<TActionState>;
};

const MEDIA_KIND_LABELS: Record<DebriefAsset["kind"], string> = {
  RECORDING: "Recording",
  TRANSCRIPT: "Transcript",
  SUMMARY: "Summary",
  ACTION_ITEMS: "Action items",
  THUMBNAIL: "Thumbnail",
};

const STATUS: Record<DebriefAsset["status"], { label: string; variant: BadgeVariant }> = {
  PENDING: { label: "Waiting", variant: "neutral" },
  DOWNLOADING: { label: "Downloading", variant: "info" },
  STORED: { label: "Stored", variant: "success" },
  FAILED: { label: "Failed", variant: "danger" },
};

/** Every file of the interview in our storage: where it came from, its state (with download progress), and a download link. */
export function MediaFiles({ assets, retryAction }: MediaFilesProps) {
  if (!assets.length) return <p className="text-sm text-muted">No files yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
      {assets.map((asset) => {
        const label = `${MEDIA_KIND_LABELS[asset.kind]} (${asset.source === "UPLOAD" ? "uploaded" : "Notetaker"})`;
        const percent = asset.status === "DOWNLOADING" && asset.expectedSize ? Math.min(100, Math.round((asset.bytesReceived / asset.expectedSize) * 100)) : null;
        return (
          <li key={asset.id} className="space-y-1.5 px-4 py-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium text-ink">
                {MEDIA_KIND_LABELS[asset.kind]}
                <span className="ml-2 text-xs font-normal text-muted">{asset.source === "UPLOAD" ? `uploaded${asset.uploadedBy ? ` by ${asset.uploadedBy}` : ""}` : "from the Notetaker"}</span>
              </span>
              <Badge variant={STATUS[asset.status].variant}>{STATUS[asset.status].label}</Badge>
            </div>
            {asset.status === "DOWNLOADING" || asset.status === "PENDING" ? (
              <div className="flex items-center gap-3 text-xs text-muted" role="status">
                <progress className="h-1.5 w-40 accent-brand-600" max={100} value={percent ?? undefined} aria-label={`${label} download progress`} />
                <span className="tabular-nums">
                  {asset.status === "PENDING"
                    ? asset.attempts > 0
                      ? `Retrying (attempt ${asset.attempts + 1})`
                      : "Queued"
                    : `${formatBytes(asset.bytesReceived)}${asset.expectedSize ? ` of ${formatBytes(asset.expectedSize)}` : ""}`}
                </span>
              </div>
            ) : null}
            {asset.lastError ? <p className="text-xs text-red-700 [overflow-wrap:anywhere]">{asset.lastError}</p> : null}
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-muted">
              {asset.size !== null ? <span>{formatBytes(asset.size)}</span> : null}
              {asset.storedAt ? (
                <span>
                  stored <LocalTime iso={asset.storedAt.toISOString()} />
                </span>
              ) : null}
              {asset.isDownloadable ? (
                <a href={mediaPath(asset.id, { download: true })} className={textLinkClasses()} download>
                  Download<span className="sr-only"> {label}</span>
                </a>
              ) : null}
              {/* A file stored but unreadable would only be downloaded the same again. */}
              {asset.status === "FAILED" && asset.source === "NOTETAKER" && !asset.storedAt ? <RetryDownloadButton assetId={asset.id} label={label} action={retryAction} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
