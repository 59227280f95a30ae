import { describe, expect, it } from "vitest";
import {
  consentNoticeText,
  consentRecord,
  decideRecording,
  expectsMedia,
  mediaDisposition,
  mustCancelNotetaker,
  nextConsentRecord,
  parseConsentAnswer,
  parseConsentFromBookingInfo,
  readConsentRecord,
  type ConsentRecord,
  type RecordingDecisionInput,
} from "@/lib/privacy/consent";
import type { RecordingPolicy } from "@/lib/privacy/policy";

const YES = "Yes, record this interview";
const NO = "No, do not record";
const NOW = new Date("2026-03-02T10:00:00.000Z");
const LATER = new Date("2026-03-05T09:30:00.000Z");

describe("parseConsentAnswer", () => {
  it("reads the two options", () => {
    expect(parseConsentAnswer({ recording_consent: YES })).toEqual({ ok: true, answer: "YES" });
    expect(parseConsentAnswer({ recording_consent: NO, linkedin_url: "https://x.example" })).toEqual({ ok: true, answer: "NO" });
  });

  it("tolerates case and whitespace, nothing else", () => {
    expect(parseConsentAnswer({ recording_consent: "  yes,  RECORD this\ninterview " })).toEqual({ ok: true, answer: "YES" });
    expect(parseConsentAnswer({ recording_consent: "Yes, record this interview." })).toMatchObject({ ok: false, reason: "unknown_option" });
    expect(parseConsentAnswer({ recording_consent: "Yes" })).toMatchObject({ ok: false, reason: "unknown_option" });
  });

  it("reads the SDK's re-cased key too", () => {
    expect(parseConsentAnswer({ recordingConsent: NO })).toEqual({ ok: true, answer: "NO" });
    expect(parseConsentAnswer({ recording_consent: YES, recordingConsent: YES })).toEqual({ ok: true, answer: "YES" });
  });

  it("refuses two different answers", () => {
    expect(parseConsentAnswer({ recording_consent: YES, recordingConsent: NO })).toEqual({
      ok: false,
      reason: "conflicting",
      message: "The booking carries two different recording consent answers.",
    });
  });

  const failures: Array<[string, unknown, string]> = [
    ["null fields (Nylas may send null)", null, "missing"],
    ["undefined fields", undefined, "missing"],
    ["no key", { linkedin_url: "https://x.example" }, "missing"],
    ["an empty answer", { recording_consent: "" }, "missing"],
    ["a blank answer", { recording_consent: "   " }, "missing"],
    ["a null answer", { recording_consent: null }, "missing"],
    ["fields that are a string", "recording_consent=yes", "malformed"],
    ["fields that are an array", [YES], "malformed"],
    ["fields that are a number", 1, "malformed"],
    ["a boolean answer", { recording_consent: true }, "malformed"],
    ["a number answer", { recording_consent: 1 }, "malformed"],
    ["an array answer", { recording_consent: [YES] }, "malformed"],
    ["an object answer", { recording_consent: { value: YES } }, "malformed"],
    ["neither option", { recording_consent: "Maybe" }, "unknown_option"],
    ["a huge answer", { recording_consent: YES + " ".repeat(10_000) }, "unknown_option"],
    ["markup", { recording_consent: `<script>alert(1)</script>${YES}` }, "unknown_option"],
  ];
  it.each(failures)("%s → %s", (_name, input, reason) => {
    const result = parseConsentAnswer(input);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expect(result.message).not.toContain("<script>");
  });

  it("does not read an inherited key", () => {
    const fields = Object.create({ recording_consent: YES }) as Record<string, unknown>;
    expect(parseConsentAnswer(fields)).toMatchObject({ ok: false, reason: "missing" });
  });

  it("survives a __proto__ key from JSON", () => {
    const fields = JSON.parse(`{"__proto__":{"recording_consent":"${YES}"}}`) as unknown;
    expect(parseConsentAnswer(fields)).toMatchObject({ ok: false, reason: "missing" });
  });

  it("explains the unknown option with both options", () => {
    expect(parseConsentAnswer({ recording_consent: "Maybe" })).toEqual({
      ok: false,
      reason: "unknown_option",
      message: `The booking's recording consent answer is neither "${YES}" nor "${NO}".`,
    });
  });
});

describe("parseConsentFromBookingInfo", () => {
  it("reads booking_info.additional_fields", () => {
    expect(parseConsentFromBookingInfo({ event_id: "e1", additional_fields: { recording_consent: NO } })).toEqual({ ok: true, answer: "NO" });
    expect(parseConsentFromBookingInfo({ event_id: "e1", additional_fields: null })).toMatchObject({ ok: false, reason: "missing" });
    expect(parseConsentFromBookingInfo(null)).toMatchObject({ ok: false, reason: "malformed" });
    expect(parseConsentFromBookingInfo("booking")).toMatchObject({ ok: false, reason: "malformed" });
  });
});

describe("decideRecording", () => {
  const base: RecordingDecisionInput = { policy: "ASK_FOR_CONSENT", answer: "YES", interviewerOptedOut: false };
  const cases: Array<[string, RecordingDecisionInput, boolean, string | null]> = [
    ["ask + yes", base, true, null],
    ["ask + no", { ...base, answer: "NO" }, false, "candidate_declined"],
    ["ask + no answer", { ...base, answer: null }, false, "candidate_no_answer"],
    ["ask + yes + interviewer opt-out", { ...base, interviewerOptedOut: true }, false, "interviewer_opted_out"],
    ["ask + no + interviewer opt-out: the candidate's no is the reason", { ...base, answer: "NO", interviewerOptedOut: true }, false, "candidate_declined"],
    ["inform only, no answer", { ...base, policy: "INFORM_ONLY", answer: null }, true, null],
    ["inform only ignores a stray no", { ...base, policy: "INFORM_ONLY", answer: "NO" }, true, null],
    ["inform only + interviewer opt-out", { ...base, policy: "INFORM_ONLY", answer: null, interviewerOptedOut: true }, false, "interviewer_opted_out"],
    ["never record, even on a yes", { ...base, policy: "NEVER_RECORD" }, false, "never_record"],
    ["an unknown policy records nothing", { ...base, policy: "ALWAYS" as RecordingPolicy }, false, "never_record"],
  ];
  it.each(cases)("%s", (_name, input, record, reason) => {
    const decision = decideRecording(input);
    expect(decision.record).toBe(record);
    if (!decision.record) expect(decision.reason).toBe(reason);
  });

  it("words the debrief's reason as DESIGN says", () => {
    expect(decideRecording({ ...base, answer: "NO" })).toEqual({ record: false, reason: "candidate_declined", message: "Not recorded: the candidate declined" });
    expect(decideRecording({ ...base, answer: null })).toMatchObject({ message: "Not recorded: the candidate declined" });
    expect(decideRecording({ ...base, interviewerOptedOut: true })).toMatchObject({ message: "Not recorded: the interviewer opted out of being recorded" });
  });
});

describe("what follows a decision", () => {
  const no = decideRecording({ policy: "ASK_FOR_CONSENT", answer: "NO", interviewerOptedOut: false });
  const never = decideRecording({ policy: "NEVER_RECORD", answer: null, interviewerOptedOut: false });
  const yes = decideRecording({ policy: "ASK_FOR_CONSENT", answer: "YES", interviewerOptedOut: false });

  it("cancels a notetaker the booking reports when it may not record", () => {
    expect(mustCancelNotetaker(no, "nt_1")).toBe(true);
    expect(mustCancelNotetaker(never, "nt_1")).toBe(true);
    expect(mustCancelNotetaker(yes, "nt_1")).toBe(false);
    expect(mustCancelNotetaker(no, null)).toBe(false);
    expect(mustCancelNotetaker(no, "")).toBe(false);
    expect(mustCancelNotetaker(no, undefined)).toBe(false);
  });

  it("never stores media it may not have, and raises no missing-media alert", () => {
    expect(mediaDisposition(no)).toBe("discard_and_delete");
    expect(mediaDisposition(yes)).toBe("store");
    expect(expectsMedia(no)).toBe(false);
    expect(expectsMedia(never)).toBe(false);
    expect(expectsMedia(yes)).toBe(true);
  });
});

describe("consentNoticeText", () => {
  const notice = "This interview is recorded and transcribed by a notetaker.";
  it("is the panel's notice under Inform only", () => {
    expect(consentNoticeText("INFORM_ONLY", `  ${notice} `)).toBe(notice);
  });
  it("adds the question under Ask for consent", () => {
    expect(consentNoticeText("ASK_FOR_CONSENT", notice)).toBe(`${notice}\nRecording consent: "${YES}" or "${NO}".`);
    expect(consentNoticeText("ASK_FOR_CONSENT", "")).toBe(`Recording consent: "${YES}" or "${NO}".`);
  });
  it("says nothing is recorded under Never record", () => {
    expect(consentNoticeText("NEVER_RECORD", notice)).toBe("This interview is not recorded.");
  });
});

describe("consent records", () => {
  const context = { policy: "ASK_FOR_CONSENT" as const, noticeText: "Recording consent: yes or no.", now: NOW };

  it("keeps answer, notice, time and policy", () => {
    expect(consentRecord({ answer: "YES", noticeText: "n", policy: "ASK_FOR_CONSENT", now: NOW })).toEqual({
      answer: "YES",
      noticeText: "n",
      at: "2026-03-02T10:00:00.000Z",
      policy: "ASK_FOR_CONSENT",
    });
  });

  it("reads back what it wrote and nothing else", () => {
    const record = consentRecord({ answer: "NO", noticeText: "n", policy: "ASK_FOR_CONSENT", now: NOW });
    expect(readConsentRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
    expect(readConsentRecord(null)).toBeNull();
    expect(readConsentRecord({ ...record, answer: "MAYBE" })).toBeNull();
    expect(readConsentRecord({ ...record, at: "yesterday" })).toBeNull();
    expect(readConsentRecord({ ...record, policy: "ALWAYS" })).toBeNull();
    expect(readConsentRecord({ ...record, noticeText: "x".repeat(5_001) })).toBeNull();
  });

  it("caps the notice it keeps", () => {
    expect(consentRecord({ answer: null, noticeText: "x".repeat(6_000), policy: "INFORM_ONLY", now: NOW }).noticeText).toHaveLength(5_000);
  });

  it("starts from the first booking's answer", () => {
    expect(nextConsentRecord(null, { recording_consent: NO }, context)).toEqual({ answer: "NO", noticeText: context.noticeText, at: NOW.toISOString(), policy: "ASK_FOR_CONSENT" });
    expect(nextConsentRecord(null, null, context)).toMatchObject({ answer: null, at: NOW.toISOString() });
  });

  const previous: ConsentRecord = { answer: "YES", noticeText: "old notice", at: NOW.toISOString(), policy: "ASK_FOR_CONSENT" };
  const later = { ...context, noticeText: "new notice", now: LATER };

  it("a reschedule without an answer keeps the previous one, its notice and its time", () => {
    expect(nextConsentRecord(previous, null, later)).toBe(previous);
    expect(nextConsentRecord(previous, {}, later)).toBe(previous);
    expect(nextConsentRecord(previous, { recording_consent: "garbage" }, later)).toBe(previous);
  });

  it("a reschedule with the same answer keeps the original record", () => {
    expect(nextConsentRecord(previous, { recording_consent: YES }, later)).toBe(previous);
  });

  it("a reschedule with a new answer replaces it, stamped now", () => {
    expect(nextConsentRecord(previous, { recording_consent: NO }, later)).toEqual({ answer: "NO", noticeText: "new notice", at: LATER.toISOString(), policy: "ASK_FOR_CONSENT" });
  });

  it("an answer given later fills a record that had none", () => {
    const none: ConsentRecord = { ...previous, answer: null };
    expect(nextConsentRecord(none, { recording_consent: YES }, later)).toMatchObject({ answer: "YES", at: LATER.toISOString() });
    expect(nextConsentRecord(none, null, later)).toBe(none);
  });
});
