import { RecordingOptOutForm } from "@/components/privacy/recording-opt-out-form";
import { EmptyState } from "@/components/ui/empty-state";
import type { InterviewerRecording } from "@/lib/privacy/recording-settings";
import type { TRecordingOptOutState } from "@/lib/validations/privacy";

export type RecordingPreferenceSectionProps = {
  /** The interviewer the signed-in user is (matched by email), or null. */
  interviewer: InterviewerRecording | null;
  /** The signed-in user's email (the empty state names it). */
  email: string;
  /** saveOwnRecordingPreferenceAction. */
  action: (previous: TRecordingOptOutState, formData: FormData) => Promise<TRecordingOptOutState>;
};

/** /account, "Recording": an interviewer's own opt-out; for anyone else, why there is nothing to set. */
export function RecordingPreferenceSection({ interviewer, email, action }: RecordingPreferenceSectionProps) {
  return (
    <section aria-labelledby="recording-preference-heading" className="max-w-3xl space-y-3">
      <h2 id="recording-preference-heading" className="text-lg font-semibold text-ink">
        Recording
      </h2>
      {interviewer ? (
        <div className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <RecordingOptOutForm
            recordingOptOut={interviewer.recordingOptOut}
            label="Do not record interviews I run"
            hint="The Notetaker stays out of interviews you run, on every panel, whatever a role's recording policy says. Their debriefs say they were not recorded and why."
            action={action}
          />
        </div>
      ) : (
        <EmptyState title="No interviewer is linked to your account.">
          {" "}
          The recording preference is for people who run interviews. It appears here once an admin adds an interviewer with your email, {email}, to an interview panel.
        </EmptyState>
      )}
    </section>
  );
}
