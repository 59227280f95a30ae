import { describe, expect, it } from "vitest";
import { describeMissingAdditionalField } from "@/lib/sandbox/configuration-rules";
import { ZConfiguration } from "@/lib/sandbox/schemas";

const CONSENT = { label: "Recording consent", type: "radio_button", required: true, order: 2, options: ["Yes, record this interview", "No, do not record"] };
const LINKEDIN = { label: "LinkedIn or portfolio URL (optional)", type: "text", required: false, order: 1 };

function configuration(additionalFields: Record<string, unknown>) {
  return {
    name: "Backend engineer",
    participants: [{ email: "ana@example.com", availability: { calendar_ids: ["primary"] }, booking: { calendar_id: "primary" } }],
    availability: { duration_minutes: 45 },
    event_booking: { title: "Interview with ${invitee}" },
    scheduler: { additional_fields: additionalFields },
  };
}

describe("ZConfiguration: scheduler.additional_fields", () => {
  it("accepts a required radio_button with its options, kept as given", () => {
    const parsed = ZConfiguration.parse(configuration({ linkedin_url: LINKEDIN, recording_consent: CONSENT }));
    expect(parsed.scheduler?.additional_fields?.recording_consent).toEqual(CONSENT);
  });

  it("refuses a radio_button, dropdown or multi_select without options", () => {
    for (const type of ["radio_button", "dropdown", "multi_select"]) {
      for (const options of [undefined, []]) {
        const result = ZConfiguration.safeParse(configuration({ choice: { label: "Choice", type, required: true, ...(options ? { options } : {}) } }));
        expect(result.success, `${type} ${JSON.stringify(options)}`).toBe(false);
        expect(result.error?.issues[0]?.message).toMatch(/options is required/);
      }
    }
  });

  it("refuses a type Nylas does not know", () => {
    expect(ZConfiguration.safeParse(configuration({ x: { label: "X", type: "file_upload", required: false } })).success).toBe(false);
  });
});

describe("describeMissingAdditionalField", () => {
  const config = ZConfiguration.parse(configuration({ linkedin_url: LINKEDIN, recording_consent: CONSENT }));

  it("is satisfied when every required field is answered (optional ones may be left out)", () => {
    expect(describeMissingAdditionalField(config, { recording_consent: "No, do not record" })).toBeNull();
    expect(describeMissingAdditionalField(config, { recording_consent: "Yes, record this interview", linkedin_url: "" })).toBeNull();
  });

  it("names the required field left out, empty, blank or not a value", () => {
    const message = 'additional_fields.recording_consent is required: "Recording consent" must be answered.';
    for (const given of [null, undefined, {}, { linkedin_url: "https://x.example" }, { recording_consent: "" }, { recording_consent: "   " }, { recording_consent: null }, { recording_consent: {} }]) {
      expect(describeMissingAdditionalField(config, given as Record<string, unknown> | null | undefined)).toBe(message);
    }
  });

  it("does not read inherited properties as answers", () => {
    const config = ZConfiguration.parse(configuration({ constructor: { label: "Constructor", type: "text", required: true } }));
    expect(describeMissingAdditionalField(config, {})).toMatch(/additional_fields.constructor is required/);
  });

  it("asks nothing of a configuration without additional fields", () => {
    expect(describeMissingAdditionalField(ZConfiguration.parse(configuration({})), null)).toBeNull();
  });
});
