import { describe, expect, it } from "vitest";
import { consentRecord, type ConsentRecord } from "@/lib/privacy/consent";
import { decideBookingRecording, describeConsentAnswer, notRecordedMessage, readNotRecordedReason, readRecordingDecision, type BookingRecordingInput } from "@/lib/privacy/recording-decision";

const YES = "Yes, record this interview";
const NO = "No, do not record";
const NOTICE = "This interview is recorded and transcribed.";
const BOOKED = new Date("2026-03-02T10:00:00.000Z");
const RESCHEDULED = new Date("2026-03-04T08:15:00.000Z");

function input(overrides: Partial<BookingRecordingInput> = {}): BookingRecordingInput {
  return { policy: "ASK_FOR_CONSENT", previous: null, additionalFields: null, panelNotice: NOTICE, interviewerOptedOut: false, now: BOOKED, ...overrides };
}

describe("decideBookingRecording", () => {
  it("under Ask for consent records on a yes, with the answer, the notice and the question, and when", () => {
    const result = decideBookingRecording(input({ additionalFields: { recording_consent: YES, linkedin_url: "https://x.example" } }));
    expect(result).toEqual({
      consent: { answer: "YES", noticeText: `${NOTICE}\nRecording consent: "${YES}" or "${NO}".`, at: BOOKED.toISOString(), policy: "ASK_FOR_CONSENT" },
      decision: { record: true },
      problem: null,
    });
  });

  it("under Ask for consent does not record on a no", () => {
    const result = decideBookingRecording(input({ additionalFields: { recording_consent: NO } }));
    expect(result.consent.answer).toBe("NO");
    expect(result.decision).toEqual({ record: false, reason: "candidate_declined", message: "Not recorded: the candidate declined" });
    expect(result.problem).toBeNull();
  });

  it("under Ask for consent treats no answer as a no, and says why the answer is missing", () => {
    const result = decideBookingRecording(input({ additionalFields: { linkedin_url: "https://x.example" } }));
    expect(result.consent.answer).toBeNull();
    expect(result.decision).toMatchObject({ record: false, reason: "candidate_no_answer", message: "Not recorded: the candidate declined" });
    expect(result.problem).toBe("The booking has no recording consent answer.");
  });

  it("treats an answer that is neither option as no answer, and reports it without echoing it", () => {
    const hostile = "<script>alert(1)</script> yes please";
    const result = decideBookingRecording(input({ additionalFields: { recording_consent: hostile } }));
    expect(result.consent.answer).toBeNull();
    expect(result.decision).toMatchObject({ record: false, reason: "candidate_no_answer" });
    expect(result.problem).toMatch(/neither/);
    expect(result.problem).not.toContain("script");
  });

  it("keeps the earlier answer (and when it was given) over a reschedule without one", () => {
    const previous = decideBookingRecording(input({ additionalFields: { recording_consent: NO } })).consent;
    const result = decideBookingRecording(input({ previous, additionalFields: null, now: RESCHEDULED }));
    expect(result.consent).toEqual(previous);
    expect(result.decision).toMatchObject({ record: false, reason: "candidate_declined" });
    expect(result.problem).toBeNull();
  });

  it("takes a changed answer on a reschedule, at the reschedule's time", () => {
    const previous = decideBookingRecording(input({ additionalFields: { recording_consent: NO } })).consent;
    const result = decideBookingRecording(input({ previous, additionalFields: { recording_consent: YES }, now: RESCHEDULED }));
    expect(result.consent).toMatchObject({ answer: "YES", at: RESCHEDULED.toISOString() });
    expect(result.decision).toEqual({ record: true });
  });

  it("does not carry an answer given under another policy", () => {
    const previous: ConsentRecord = consentRecord({ answer: "YES", noticeText: NOTICE, policy: "INFORM_ONLY", now: BOOKED });
    const result = decideBookingRecording(input({ previous, additionalFields: null, now: RESCHEDULED }));
    expect(result.consent).toMatchObject({ answer: null, policy: "ASK_FOR_CONSENT", at: RESCHEDULED.toISOString() });
    expect(result.decision).toMatchObject({ record: false, reason: "candidate_no_answer" });
  });

  it("under Inform only records without asking, and reports nothing", () => {
    const result = decideBookingRecording(input({ policy: "INFORM_ONLY", additionalFields: null }));
    expect(result).toEqual({ consent: { answer: null, noticeText: NOTICE, at: BOOKED.toISOString(), policy: "INFORM_ONLY" }, decision: { record: true }, problem: null });
  });

  it("under Never record never records, whatever the answer", () => {
    const result = decideBookingRecording(input({ policy: "NEVER_RECORD", additionalFields: { recording_consent: YES } }));
    expect(result.decision).toMatchObject({ record: false, reason: "never_record" });
    expect(result.consent.noticeText).toBe("This interview is not recorded.");
    expect(result.problem).toBeNull();
  });

  it("an interviewer's opt-out wins over a yes", () => {
    expect(decideBookingRecording(input({ additionalFields: { recording_consent: YES }, interviewerOptedOut: true })).decision).toMatchObject({ record: false, reason: "interviewer_opted_out" });
    expect(decideBookingRecording(input({ policy: "INFORM_ONLY", interviewerOptedOut: true })).decision).toMatchObject({ record: false, reason: "interviewer_opted_out" });
  });
});

describe("readNotRecordedReason / readRecordingDecision / notRecordedMessage", () => {
  it("reads the reasons this app writes", () => {
    expect(readNotRecordedReason("candidate_declined")).toBe("candidate_declined");
    expect(readRecordingDecision("interviewer_opted_out")).toEqual({ record: false, reason: "interviewer_opted_out", message: "Not recorded: the interviewer opted out of being recorded" });
    expect(notRecordedMessage("candidate_no_answer")).toBe("Not recorded: the candidate declined");
    expect(notRecordedMessage("never_record")).toBe("Not recorded: the role's policy is never to record");
  });

  it("reads nothing else as a reason: the interview may be recorded", () => {
    for (const value of [null, undefined, "", "constructor", "__proto__", 42, {}]) {
      expect(readNotRecordedReason(value)).toBeNull();
      expect(readRecordingDecision(value)).toEqual({ record: true });
      expect(notRecordedMessage(value)).toBeNull();
    }
  });
});

describe("describeConsentAnswer", () => {
  it("names the option chosen, or why there is none", () => {
    expect(describeConsentAnswer("YES", "ASK_FOR_CONSENT")).toBe(YES);
    expect(describeConsentAnswer("NO", "ASK_FOR_CONSENT")).toBe(NO);
    expect(describeConsentAnswer(null, "ASK_FOR_CONSENT")).toBe("No answer");
    expect(describeConsentAnswer(null, "INFORM_ONLY")).toBe("Not asked");
    expect(describeConsentAnswer(null, "NEVER_RECORD")).toBe("Not asked");
  });
});
