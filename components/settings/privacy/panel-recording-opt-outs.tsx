import { Badge } from "@/components/ui/badge";
import { RecordingOptOutForm } from "@/components/privacy/recording-opt-out-form";
import type { InterviewerRecording } from "@/lib/privacy/recording-settings";
import type { TRecordingOptOutState } from "@/lib/validations/privacy";

export type PanelRecordingOptOutsProps = {
  /** The panel's saved interviewers, in round-robin order. */
  interviewers: InterviewerRecording[];
  /** setInterviewerRecordingOptOutAction. */
  action: (previous: TRecordingOptOutState, formData: FormData) => Promise<TRecordingOptOutState>;
};

/**
 * Beside the panel form: who on the panel opted out of being recorded, and a way to set it. An
 * opt-out belongs to the interviewer (every panel they are on), and is saved on its own: the
 * panel's Save does not touch it.
 */
export function PanelRecordingOptOuts({ interviewers, action }: PanelRecordingOptOutsProps) {
  const optedOut = interviewers.filter((i) => i.recordingOptOut).length;
  return (
    <section aria-labelledby="panel-recording-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="panel-recording-heading" className="text-sm font-semibold text-ink">
        Recording opt-outs
      </h2>
      <p className="mt-1 text-sm text-muted">
        {interviewers.length === 0
          ? "No interviewers saved on this panel yet."
          : optedOut === 0
            ? "No one on this panel has opted out: their interviews are recorded as each role's policy says."
            : `${optedOut === 1 ? "1 interviewer has" : `${optedOut} interviewers have`} opted out: the Notetaker does not join their interviews, on any panel.`}
      </p>
      {interviewers.length > 0 ? (
        <ul aria-label="Interviewers' recording opt-outs" className="mt-3 divide-y divide-slate-200">
          {interviewers.map((interviewer) => (
            <li key={interviewer.id} aria-label={interviewer.name} className="space-y-2 py-3 first:pt-0 last:pb-0">
              <p className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <span className="font-medium text-ink">{interviewer.name}</span>
                {interviewer.recordingOptOut ? <Badge variant="warning">Opted out</Badge> : <Badge>Recorded</Badge>}
              </p>
              <RecordingOptOutForm
                interviewerId={interviewer.id}
                recordingOptOut={interviewer.recordingOptOut}
                label={`Do not record ${interviewer.name}'s interviews`}
                saveLabelSuffix={`recording preference for ${interviewer.name}`}
                action={action}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
