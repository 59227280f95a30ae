import { describe, expect, it } from "vitest";
import { buildConfigurationRequest, LINKEDIN_FIELD_KEY, type PanelForSync } from "@/lib/nylas/configuration-request";
import {
  applyRecordingPolicy,
  CONSENT_NO_OPTION,
  CONSENT_YES_OPTION,
  DEFAULT_RECORDING_POLICY,
  effectiveRecordingPolicy,
  FALLBACK_RECORDING_POLICY,
  isRecordingPolicy,
  RECORDING_CONSENT_FIELD_KEY,
  RECORDING_POLICIES,
  RECORDING_POLICY_LABELS,
  RECORDING_POLICY_OPTIONS,
  recordingConfigurationParts,
  recordingConsentField,
  ZRecordingPolicy,
  ZRecordingPolicyOverride,
  type RecordingPolicy,
} from "@/lib/privacy/policy";

const role = { title: "Backend Engineer", slug: "backend-engineer", published: true, hostedPageEnabled: false, scorecard: null };

function panel(overrides: Partial<PanelForSync> = {}): PanelForSync {
  return {
    availabilityMethod: "MAX_FAIRNESS",
    durationMinutes: 45,
    intervalMinutes: null,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    timezone: "America/New_York",
    openHours: [{ days: [1, 2, 3, 4, 5], start: "9:00", end: "17:00", timezone: "America/New_York" }],
    minBookingNoticeMinutes: 120,
    availableDaysInFuture: 21,
    conferencingProvider: "Google Meet",
    eventTitle: "Interview with ${invitee}",
    notetakerEnabled: true,
    notetakerName: "Interview Recorder",
    notetakerShowConsent: false,
    notetakerVideo: true,
    notetakerAudio: true,
    notetakerTranscription: true,
    notetakerSummary: true,
    notetakerActionItems: true,
    summaryInstructions: "Summarise.",
    actionItemsInstructions: "List follow-ups.",
    members: [{ name: "Sarah Kim", email: "sarah.kim@northwind.example", timezone: "America/New_York" }],
    ...overrides,
  };
}

/** What the SDK does to request bodies: camelCase keys → snake_case, recursively. */
function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}

describe("recording policies", () => {
  it("has the three policies with DESIGN's exact labels, in display order", () => {
    expect(RECORDING_POLICIES).toEqual(["INFORM_ONLY", "ASK_FOR_CONSENT", "NEVER_RECORD"]);
    expect(RECORDING_POLICY_LABELS).toEqual({ INFORM_ONLY: "Inform only", ASK_FOR_CONSENT: "Ask for consent", NEVER_RECORD: "Never record" });
    expect(RECORDING_POLICY_OPTIONS.map((o) => o.label)).toEqual(["Inform only", "Ask for consent", "Never record"]);
  });

  it("defaults to what the portal did before (inform only) and falls back to asking", () => {
    expect(DEFAULT_RECORDING_POLICY).toBe("INFORM_ONLY");
    expect(FALLBACK_RECORDING_POLICY).toBe("ASK_FOR_CONSENT");
  });

  it.each([["INFORM_ONLY"], ["ASK_FOR_CONSENT"], ["NEVER_RECORD"]])("recognises %s", (value) => {
    expect(isRecordingPolicy(value)).toBe(true);
    expect(ZRecordingPolicy.parse(value)).toBe(value);
  });

  it.each([["inform_only"], ["Inform only"], [""], [null], [undefined], [1], [{}], ["NEVER_RECORD "], ["__proto__"]])("refuses %j", (value) => {
    expect(isRecordingPolicy(value)).toBe(false);
    const result = ZRecordingPolicy.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Choose one of Inform only, Ask for consent, Never record.");
  });

  it("reads a role override from a form: empty means inherit", () => {
    expect(ZRecordingPolicyOverride.parse("")).toBeNull();
    expect(ZRecordingPolicyOverride.parse(undefined)).toBeNull();
    expect(ZRecordingPolicyOverride.parse(null)).toBeNull();
    expect(ZRecordingPolicyOverride.parse("NEVER_RECORD")).toBe("NEVER_RECORD");
    expect(ZRecordingPolicyOverride.safeParse("ALWAYS").success).toBe(false);
  });
});

describe("effectiveRecordingPolicy", () => {
  const cases: Array<[RecordingPolicy, RecordingPolicy | null, RecordingPolicy]> = [
    ["INFORM_ONLY", null, "INFORM_ONLY"],
    ["ASK_FOR_CONSENT", null, "ASK_FOR_CONSENT"],
    ["NEVER_RECORD", null, "NEVER_RECORD"],
    ["INFORM_ONLY", "NEVER_RECORD", "NEVER_RECORD"],
    ["NEVER_RECORD", "INFORM_ONLY", "INFORM_ONLY"],
    ["INFORM_ONLY", "ASK_FOR_CONSENT", "ASK_FOR_CONSENT"],
  ];
  it.each(cases)("default %s, override %s → %s", (orgDefault, override, expected) => {
    expect(effectiveRecordingPolicy(orgDefault, override)).toBe(expected);
  });

  it("ignores an unreadable override and asks for consent when the default is unreadable", () => {
    expect(effectiveRecordingPolicy("NEVER_RECORD", "BOGUS" as RecordingPolicy)).toBe("NEVER_RECORD");
    expect(effectiveRecordingPolicy("bogus" as RecordingPolicy, null)).toBe("ASK_FOR_CONSENT");
    expect(effectiveRecordingPolicy(undefined as unknown as RecordingPolicy, undefined as unknown as null)).toBe("ASK_FOR_CONSENT");
  });
});

describe("recordingConfigurationParts", () => {
  it("asks the required radio_button question under Ask for consent", () => {
    expect(recordingConfigurationParts("ASK_FOR_CONSENT")).toEqual({
      additionalFields: {
        recording_consent: { label: "Recording consent", type: "radio_button", required: true, order: 2, options: ["Yes, record this interview", "No, do not record"], default: "No, do not record" },
      },
      notetakerEnabled: true,
      showUiConsentMessage: true,
    });
  });

  it("shows the notice and asks nothing under Inform only", () => {
    expect(recordingConfigurationParts("INFORM_ONLY")).toEqual({ additionalFields: {}, notetakerEnabled: true, showUiConsentMessage: true });
  });

  it("turns the Notetaker off under Never record", () => {
    expect(recordingConfigurationParts("NEVER_RECORD")).toEqual({ additionalFields: {}, notetakerEnabled: false, showUiConsentMessage: false });
  });

  it("hands out a fresh options array each time", () => {
    const field = recordingConsentField();
    field.options!.push("Maybe");
    expect(recordingConsentField().options).toEqual([CONSENT_YES_OPTION, CONSENT_NO_OPTION]);
  });
});

describe("applyRecordingPolicy → configuration JSON", () => {
  it("Ask for consent: the question sits next to the LinkedIn field and the Notetaker stays on, with its notice", () => {
    const request = applyRecordingPolicy(buildConfigurationRequest(role, panel()), "ASK_FOR_CONSENT");
    expect(Object.keys(request.scheduler.additionalFields)).toEqual([LINKEDIN_FIELD_KEY, RECORDING_CONSENT_FIELD_KEY]);
    expect(request.scheduler.notetakerSettings).toMatchObject({ enabled: true, showUiConsentMessage: true, notetakerName: "Interview Recorder" });
    const wire = snakeKeys(request) as { scheduler: Record<string, unknown> };
    expect(wire.scheduler.additional_fields).toEqual({
      linkedin_url: { label: "LinkedIn or portfolio URL (optional)", type: "text", required: false, order: 1 },
      recording_consent: { label: "Recording consent", type: "radio_button", required: true, order: 2, options: ["Yes, record this interview", "No, do not record"], default: "No, do not record" },
    });
    expect(wire.scheduler.notetaker_settings).toMatchObject({ enabled: true, show_ui_consent_message: true });
  });

  it("Inform only: no question, the notice forced on", () => {
    const request = applyRecordingPolicy(buildConfigurationRequest(role, panel()), "INFORM_ONLY");
    expect(Object.keys(request.scheduler.additionalFields)).toEqual([LINKEDIN_FIELD_KEY]);
    expect(request.scheduler.notetakerSettings).toMatchObject({ enabled: true, showUiConsentMessage: true });
  });

  it("Never record: notetaker_settings is exactly { enabled: false } and nothing is asked", () => {
    const request = applyRecordingPolicy(buildConfigurationRequest(role, panel()), "NEVER_RECORD");
    expect(request.scheduler.notetakerSettings).toEqual({ enabled: false });
    expect(Object.keys(request.scheduler.additionalFields)).toEqual([LINKEDIN_FIELD_KEY]);
    expect((snakeKeys(request) as { scheduler: Record<string, unknown> }).scheduler.notetaker_settings).toEqual({ enabled: false });
  });

  it("never turns on a Notetaker the panel does not have, and then asks nothing", () => {
    for (const p of [panel({ notetakerEnabled: false }), panel({ conferencingProvider: null })]) {
      const request = applyRecordingPolicy(buildConfigurationRequest(role, p), "ASK_FOR_CONSENT");
      expect(request.scheduler.notetakerSettings).toEqual({ enabled: false });
      expect(request.scheduler.additionalFields).not.toHaveProperty(RECORDING_CONSENT_FIELD_KEY);
    }
  });

  it("drops a stale consent question when the policy changes", () => {
    const asked = applyRecordingPolicy(buildConfigurationRequest(role, panel()), "ASK_FOR_CONSENT");
    expect(applyRecordingPolicy(asked, "INFORM_ONLY").scheduler.additionalFields).not.toHaveProperty(RECORDING_CONSENT_FIELD_KEY);
    expect(applyRecordingPolicy(asked, "NEVER_RECORD").scheduler.additionalFields).not.toHaveProperty(RECORDING_CONSENT_FIELD_KEY);
  });

  it("leaves the rest of the request alone and does not mutate its input", () => {
    const original = buildConfigurationRequest(role, panel());
    const snapshot = structuredClone(original);
    const request = applyRecordingPolicy(original, "ASK_FOR_CONSENT");
    expect(original).toEqual(snapshot);
    expect({ ...request, scheduler: undefined }).toEqual({ ...snapshot, scheduler: undefined });
    expect(request.scheduler.availableDaysInFuture).toBe(snapshot.scheduler.availableDaysInFuture);
  });

  it("keeps the key lowercase snake_case so the SDK's re-casing leaves it alone", () => {
    expect(RECORDING_CONSENT_FIELD_KEY).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(snakeKeys({ [RECORDING_CONSENT_FIELD_KEY]: 1 })).toEqual({ recording_consent: 1 });
  });
});
