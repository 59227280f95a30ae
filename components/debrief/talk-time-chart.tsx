import { MomentTime } from "@/components/debrief/moment-time";
import { formatTimestamp } from "@/lib/media/format";
import { normalizeSpeaker, type TalkTime } from "@/lib/scorecards/talk-time";
import { cn } from "@/lib/utils";

export type TalkTimeChartProps = {
  talkTime: TalkTime;
  /** The interviewer's name, to mark their bar. */
  interviewerName: string | null;
};

/** 0.4237 → "42%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Who talked how much (DESIGN "Talk time"): one bar per speaker with its share written beside it,
 * then the interviewer's share, the longest monologue (its start plays the recording) and the
 * questions the interviewer asked. Plain HTML and CSS: every figure is text, the bars only draw it.
 */
export function TalkTimeChart({ talkTime, interviewerName }: TalkTimeChartProps) {
  const interviewer = interviewerName ? normalizeSpeaker(interviewerName) : null;
  const monologue = talkTime.longestMonologue;
  return (
    <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      {talkTime.speakers.length ? (
        <ul aria-label="Share of the talking, by speaker" className="space-y-3">
          {talkTime.speakers.map((speaker) => {
            const isInterviewer = interviewer !== null && normalizeSpeaker(speaker.speaker) === interviewer;
            return (
              <li key={speaker.speaker}>
                <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                  <span className="min-w-0 font-medium text-ink [overflow-wrap:anywhere]">
                    {speaker.speaker}
                    {isInterviewer ? <span className="font-normal text-muted"> (interviewer)</span> : null}
                  </span>
                  <span className="tabular-nums text-ink">
                    {formatShare(speaker.share)}
                    <span className="text-muted">{speaker.ms === null ? ` · ${speaker.words.toLocaleString("en-US")} words` : ` · ${formatTimestamp(speaker.ms)}`}</span>
                  </span>
                </div>
                <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100">
                  <div className={cn("h-full rounded-full", isInterviewer ? "bg-brand-600" : "bg-slate-400")} style={{ width: `${Math.max(0, Math.min(1, speaker.share)) * 100}%` }} />
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-muted">Nobody in the transcript is named as a speaker.</p>
      )}
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-muted">Interviewer&apos;s share</dt>
          <dd className="text-lg font-semibold tabular-nums text-ink">{talkTime.interviewerShare === null ? "—" : formatShare(talkTime.interviewerShare)}</dd>
        </div>
        <div>
          <dt className="text-muted">Longest monologue</dt>
          <dd className="text-lg font-semibold tabular-nums text-ink">{monologue ? formatTimestamp(monologue.ms) : "—"}</dd>
        </div>
        <div>
          <dt className="text-muted">Questions asked</dt>
          <dd className="text-lg font-semibold tabular-nums text-ink">{talkTime.questionsAsked}</dd>
        </div>
      </dl>
      {monologue ? (
        <p className="flex flex-wrap items-center gap-1 text-xs text-muted">
          <span className="[overflow-wrap:anywhere]">The longest monologue: {monologue.speaker}, from</span> <MomentTime startMs={monologue.startMs} />
        </p>
      ) : null}
      {talkTime.basis === "words" ? <p className="text-xs text-muted">Shares are by words spoken: this transcript has no timings, so there is no monologue length.</p> : null}
    </div>
  );
}
