/**
 * Pure: a candidate's recording consent (issue 16, DESIGN "Recording consent, retention and
 * erasure"). Reads the answer to the booking form's "Recording consent" question from a booking's
 * `booking_info.additional_fields` (untrusted), decides whether the Notetaker may run, builds the
 * consent record kept on the interview, and carries it over a reschedule. No db, no clock: `now`
 * is passed in.
 */
import { z } from "zod";
import { CONSENT_NO_OPTION, CONSENT_YES_OPTION, RECORDING_CONSENT_FIELD_KEY, RECORDING_CONSENT_LABEL, RECORDING_POLICIES, type RecordingPolicy } from "./policy";

export type ConsentAnswer = "YES" | "NO";
export const CONSENT_ANSWERS = ["YES", "NO"] as const satisfies readonly ConsentAnswer[];

/** Longer than any option: such a value is not an answer, and is not echoed back. */
const MAX_ANSWER_CHARS = 200;

export type ConsentParseFailure = "missing" | "malformed" | "unknown_option" | "conflicting";
export type ConsentParse = { ok: true; answer: ConsentAnswer } | { ok: false; reason: ConsentParseFailure; message: string };

const FAILURE_MESSAGES: Record<ConsentParseFailure, string> = {
  missing: "The booking has no recording consent answer.",
  malformed: "The booking's recording consent answer is not text.",
  unknown_option: `The booking's recording consent answer is neither "${CONSENT_YES_OPTION}" nor "${CONSENT_NO_OPTION}".`,
  conflicting: "The booking carries two different recording consent answers.",
};

function fail(reason: ConsentParseFailure): ConsentParse {
  return { ok: false, reason, message: FAILURE_MESSAGES[reason] };
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Case, surrounding and repeated whitespace do not matter; anything else does. */
function normalise(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

function answerOf(value: unknown): ConsentParse {
  if (value === undefined || value === null) return fail("missing");
  if (typeof value !== "string") return fail("malformed");
  if (value.trim() === "") return fail("missing");
  if (value.length > MAX_ANSWER_CHARS) return fail("unknown_option");
  const text = normalise(value);
  if (text === normalise(CONSENT_YES_OPTION)) return { ok: true, answer: "YES" };
  if (text === normalise(CONSENT_NO_OPTION)) return { ok: true, answer: "NO" };
  return fail("unknown_option");
}

// The SDK re-cases keys in what it returns (`recording_consent` → `recordingConsent`); webhooks keep
// Nylas's snake_case. Both are read; if both are present they must agree.
const FIELD_KEYS = [RECORDING_CONSENT_FIELD_KEY, "recordingConsent"] as const;

/** The answer in `booking_info.additional_fields` (which may be null, or anything at all). */
export function parseConsentAnswer(additionalFields: unknown): ConsentParse {
  if (additionalFields === undefined || additionalFields === null) return fail("missing");
  if (!isPlainRecord(additionalFields)) return fail("malformed");
  const present = FIELD_KEYS.filter((key) => Object.hasOwn(additionalFields, key)).map((key) => answerOf(additionalFields[key]));
  if (present.length === 0) return fail("missing");
  const answers = present.filter((p): p is Extract<ConsentParse, { ok: true }> => p.ok);
  if (answers.length === 0) return present[0]!;
  if (new Set(answers.map((a) => a.answer)).size > 1) return fail("conflicting");
  return answers[0]!;
}

/** The answer in a booking payload's `booking_info` (reads its `additional_fields`). */
export function parseConsentFromBookingInfo(bookingInfo: unknown): ConsentParse {
  if (!isPlainRecord(bookingInfo)) return fail("malformed");
  return parseConsentAnswer(bookingInfo.additional_fields);
}

export type NotRecordedReason = "never_record" | "candidate_declined" | "candidate_no_answer" | "interviewer_opted_out";

export const NOT_RECORDED_MESSAGES: Record<NotRecordedReason, string> = {
  never_record: "Not recorded: the role's policy is never to record",
  // DESIGN: a no, or no answer under "Ask for consent", reads the same on the debrief.
  candidate_declined: "Not recorded: the candidate declined",
  candidate_no_answer: "Not recorded: the candidate declined",
  interviewer_opted_out: "Not recorded: the interviewer opted out of being recorded",
};

export type RecordingDecision = { record: true } | { record: false; reason: NotRecordedReason; message: string };

export type RecordingDecisionInput = {
  policy: RecordingPolicy;
  /** The candidate's answer (null: none given, or unreadable). Only read under "Ask for consent". */
  answer: ConsentAnswer | null;
  /** Whether any interviewer on the interview opted out of being recorded. */
  interviewerOptedOut: boolean;
};

function notRecorded(reason: NotRecordedReason): RecordingDecision {
  return { record: false, reason, message: NOT_RECORDED_MESSAGES[reason] };
}

/**
 * Whether the Notetaker may run. "Never record": no. "Ask for consent": only on an explicit yes.
 * "Inform only": yes. In every case an interviewer's opt-out wins over a yes. An unknown policy
 * (corrupt data) records nothing.
 */
export function decideRecording(input: RecordingDecisionInput): RecordingDecision {
  if (input.policy === "NEVER_RECORD") return notRecorded("never_record");
  if (input.policy === "ASK_FOR_CONSENT") {
    if (input.answer === "NO") return notRecorded("candidate_declined");
    if (input.answer !== "YES") return notRecorded("candidate_no_answer");
  } else if (input.policy !== "INFORM_ONLY") {
    return notRecorded("never_record");
  }
  if (input.interviewerOptedOut) return notRecorded("interviewer_opted_out");
  return { record: true };
}

/** A booking that reports a notetaker the decision refuses must have it cancelled through the SDK. */
export function mustCancelNotetaker(decision: RecordingDecision, notetakerId: string | null | undefined): boolean {
  return !decision.record && typeof notetakerId === "string" && notetakerId !== "";
}

/** Media for an interview that may not be recorded is never stored, and Nylas is asked to delete its copy. */
export function mediaDisposition(decision: RecordingDecision): "store" | "discard_and_delete" {
  return decision.record ? "store" : "discard_and_delete";
}

/** No missing-media alert for an interview that was not to be recorded. */
export function expectsMedia(decision: RecordingDecision): boolean {
  return decision.record;
}

/** The notice the candidate saw: the panel's recording notice, and the question under "Ask for consent". */
export function consentNoticeText(policy: RecordingPolicy, panelNotice: string): string {
  const notice = panelNotice.trim();
  switch (policy) {
    case "NEVER_RECORD":
      return "This interview is not recorded.";
    case "INFORM_ONLY":
      return notice;
    case "ASK_FOR_CONSENT": {
      const question = `${RECORDING_CONSENT_LABEL}: "${CONSENT_YES_OPTION}" or "${CONSENT_NO_OPTION}".`;
      return notice ? `${notice}\n${question}` : question;
    }
  }
}

export const NOTICE_TEXT_MAX = 5_000;

/** Kept on the interview (JSON) and shown on the debrief. `at` is an ISO-8601 instant. */
export const ZConsentRecord = z.object({
  answer: z.enum(CONSENT_ANSWERS).nullable(),
  noticeText: z.string().max(NOTICE_TEXT_MAX),
  at: z.iso.datetime({ offset: true }),
  policy: z.enum(RECORDING_POLICIES),
});
export type ConsentRecord = z.infer<typeof ZConsentRecord>;

export function consentRecord(input: { answer: ConsentAnswer | null; noticeText: string; policy: RecordingPolicy; now: Date }): ConsentRecord {
  return { answer: input.answer, noticeText: input.noticeText.slice(0, NOTICE_TEXT_MAX), at: input.now.toISOString(), policy: input.policy };
}

/** The stored JSON, or null when there is none or it is not a record this app wrote. */
export function readConsentRecord(value: unknown): ConsentRecord | null {
  const parsed = ZConsentRecord.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The record after a booking notification (created or rescheduled): a reschedule keeps the
 * previous answer (and when it was given) unless the payload carries a different, valid one. A
 * payload without an answer, or with an unreadable one, never erases a known answer.
 */
export function nextConsentRecord(previous: ConsentRecord | null, additionalFields: unknown, context: { policy: RecordingPolicy; noticeText: string; now: Date }): ConsentRecord {
  const parsed = parseConsentAnswer(additionalFields);
  if (previous && previous.answer !== null && (!parsed.ok || parsed.answer === previous.answer)) return previous;
  if (previous && !parsed.ok) return previous;
  return consentRecord({ answer: parsed.ok ? parsed.answer : null, noticeText: context.noticeText, policy: context.policy, now: context.now });
}
