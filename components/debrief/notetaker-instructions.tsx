import { LocalTime } from "@/components/ui/local-time";
import type { InterviewNotetakerSettings } from "@/lib/notetaker/settings";

export type NotetakerVersionRef = { version: number; createdAt: Date; createdBy: string | null };

const RECORDS: [keyof InterviewNotetakerSettings, string][] = [
  ["videoRecording", "video"],
  ["audioRecording", "audio"],
  ["transcription", "transcript"],
  ["summary", "summary"],
  ["actionItems", "action items"],
];

/**
 * The Notetaker settings and custom instructions this interview ran with (or was booked with), and
 * the panel's settings version they belong to (kept in the audit log with who saved it).
 */
export function NotetakerInstructions({ settings, version }: { settings: InterviewNotetakerSettings | null; version?: NotetakerVersionRef | null }) {
  if (!settings) return <p className="text-sm text-muted">This interview was booked without a Notetaker.</p>;
  const records = RECORDS.filter(([key]) => settings[key] !== false).map(([, label]) => label);
  return (
    <div className="space-y-3 text-sm">
      <dl className="grid grid-cols-1 gap-y-3">
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Settings version</dt>
          <dd className="mt-0.5 text-ink" data-testid="notetaker-version">
            {version ? (
              <>
                Version {version.version} · saved <LocalTime iso={version.createdAt.toISOString()} />
                {version.createdBy ? ` by ${version.createdBy}` : " (from the panel as it was first set up)"}
              </>
            ) : (
              <span className="text-muted">Not recorded (the settings were changed outside this app)</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Notetaker</dt>
          <dd className="mt-0.5 text-ink">
            {settings.name ?? "Nylas Notetaker"} · records {records.length ? records.join(", ") : "nothing"}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Summary instructions</dt>
          <dd className="mt-0.5 whitespace-pre-line text-ink [overflow-wrap:anywhere]">{settings.summaryInstructions ?? <span className="text-muted">None (a generic summary)</span>}</dd>
        </div>
        <div>
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted">Action item instructions</dt>
          <dd className="mt-0.5 whitespace-pre-line text-ink [overflow-wrap:anywhere]">{settings.actionItemsInstructions ?? <span className="text-muted">None (generic follow-ups)</span>}</dd>
        </div>
      </dl>
      {/* Outside the <dl>: a list of terms holds only <dt>/<dd> groups. */}
      <p className="text-xs text-muted">{settings.source === "nylas" ? "As the Notetaker reported running with them." : "As booked, from the panel's settings; the Notetaker has not reported yet."}</p>
    </div>
  );
}
