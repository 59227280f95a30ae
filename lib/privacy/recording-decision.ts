/**
 * Pure: what a booking notification means for recording (issue 16, DESIGN "Recording consent,
 * retention and erasure"). Combines the role's policy, the candidate's answer in
 * `booking_info.additional_fields`, the record the interview (or the one it replaces) already
 * holds and the interviewer's opt-out into the consent record kept on the interview and the
 * decision whether its Notetaker may run. No db, no clock.
 */
import {
  consentNoticeText,
  decideRecording,
  nextConsentRecord,
  NOT_RECORDED_MESSAGES,
  parseConsentAnswer,
  type ConsentAnswer,
  type ConsentRecord,
  type NotRecordedReason,
  type RecordingDecision,
} from "./consent";
import { CONSENT_NO_OPTION, CONSENT_YES_OPTION, type RecordingPolicy } from "./policy";

export type BookingRecordingInput = {
  policy: RecordingPolicy;
  /** The record this interview already holds (a reschedule), else the one of the interview it replaces. */
  previous: ConsentRecord | null;
  /** `booking_info.additional_fields` as the latest notification carried it (untrusted). */
  additionalFields: unknown;
  /** The panel's recording notice (what the candidate was shown with the booking form). */
  panelNotice: string;
  interviewerOptedOut: boolean;
  now: Date;
};

export type BookingRecording = {
  consent: ConsentRecord;
  decision: RecordingDecision;
  /** Why the answer could not be read, when that matters (under "Ask for consent"): for the log, never shown to the candidate. */
  problem: string | null;
};

export function decideBookingRecording(input: BookingRecordingInput): BookingRecording {
  const noticeText = consentNoticeText(input.policy, input.panelNotice);
  // An answer given under another policy (a rebooking after the policy changed) is not carried over.
  const previous = input.previous && input.previous.policy === input.policy ? input.previous : null;
  const consent = nextConsentRecord(previous, input.additionalFields, { policy: input.policy, noticeText, now: input.now });
  const decision = decideRecording({ policy: input.policy, answer: consent.answer, interviewerOptedOut: input.interviewerOptedOut });
  const parsed = parseConsentAnswer(input.additionalFields);
  // A missing answer is only news when there is no earlier one (a reschedule's payload may omit it).
  const problem = input.policy === "ASK_FOR_CONSENT" && !parsed.ok && (parsed.reason !== "missing" || consent.answer === null) ? parsed.message : null;
  return { consent, decision, problem };
}

const NOT_RECORDED_REASONS = Object.keys(NOT_RECORDED_MESSAGES) as NotRecordedReason[];

/** The stored `Interview.notRecordedReason`, or null when it is none this app wrote. */
export function readNotRecordedReason(value: unknown): NotRecordedReason | null {
  return typeof value === "string" && (NOT_RECORDED_REASONS as string[]).includes(value) ? (value as NotRecordedReason) : null;
}

/** The decision a stored `Interview.notRecordedReason` stands for (none: it may be recorded). */
export function readRecordingDecision(value: unknown): RecordingDecision {
  const reason = readNotRecordedReason(value);
  return reason ? { record: false, reason, message: NOT_RECORDED_MESSAGES[reason] } : { record: true };
}

/** "Not recorded: …" for a stored reason, or null when the interview may be recorded. */
export function notRecordedMessage(value: unknown): string | null {
  const decision = readRecordingDecision(value);
  return decision.record ? null : decision.message;
}

/** The candidate's answer as the debrief shows it: the option they chose, or why there is none. */
export function describeConsentAnswer(answer: ConsentAnswer | null, policy: RecordingPolicy): string {
  if (answer === "YES") return CONSENT_YES_OPTION;
  if (answer === "NO") return CONSENT_NO_OPTION;
  return policy === "ASK_FOR_CONSENT" ? "No answer" : "Not asked";
}
