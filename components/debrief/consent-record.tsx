import { LocalTime } from "@/components/ui/local-time";
import type { ConsentRecord } from "@/lib/privacy/consent";
import { RECORDING_POLICY_LABELS } from "@/lib/privacy/policy";
import { describeConsentAnswer } from "@/lib/privacy/recording-decision";

export type ConsentRecordViewProps = {
  consent: ConsentRecord | null;
  /** "Not recorded: …", or null when the interview may be recorded. */
  notRecordedMessage: string | null;
};

/** What the candidate was told about recording, what they answered and when, and what followed. */
export function ConsentRecordView({ consent, notRecordedMessage }: ConsentRecordViewProps) {
  if (!consent) {
    return <p className="text-sm text-muted">No consent record: this interview was booked before recording policies were kept.</p>;
  }
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-1.5 text-sm">
      <dt className="text-muted">Policy</dt>
      <dd className="text-ink">{RECORDING_POLICY_LABELS[consent.policy]}</dd>
      <dt className="text-muted">Answer</dt>
      <dd className="text-ink">{describeConsentAnswer(consent.answer, consent.policy)}</dd>
      <dt className="text-muted">Notice shown</dt>
      <dd className="whitespace-pre-line text-ink [overflow-wrap:anywhere]">{consent.noticeText || <span className="text-muted">No notice</span>}</dd>
      <dt className="text-muted">When</dt>
      <dd className="text-ink">
        <LocalTime iso={consent.at} />
      </dd>
      <dt className="text-muted">Recording</dt>
      <dd className="text-ink">{notRecordedMessage ? "Not recorded" : "Recorded when the Notetaker joins"}</dd>
    </dl>
  );
}
