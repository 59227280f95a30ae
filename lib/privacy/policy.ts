/**
 * Pure: recording policies (issue 16, DESIGN "Recording consent, retention and erasure"). An
 * organisation default and a per-role override — "Inform only" (the consent notice shows; the
 * Notetaker joins), "Ask for consent" (the booking form asks; the Notetaker joins only on a yes),
 * "Never record" (no Notetaker) — and the scheduling-configuration pieces each implies. Keys are
 * the SDK's camelCase (it snake_cases them on the wire); the field key itself is lowercase
 * snake_case so the SDK's re-casing leaves it alone. No db, no next/*.
 */
import { z } from "zod";

export const RECORDING_POLICIES = ["INFORM_ONLY", "ASK_FOR_CONSENT", "NEVER_RECORD"] as const;
export type RecordingPolicy = (typeof RECORDING_POLICIES)[number];

export const RECORDING_POLICY_LABELS: Record<RecordingPolicy, string> = {
  INFORM_ONLY: "Inform only",
  ASK_FOR_CONSENT: "Ask for consent",
  NEVER_RECORD: "Never record",
};

/** One line per policy: what a candidate sees and whether the Notetaker joins (the settings forms' explanations). */
export const RECORDING_POLICY_DESCRIPTIONS: Record<RecordingPolicy, string> = {
  INFORM_ONLY: "Candidates see the recording notice when they book; the Notetaker joins every interview.",
  ASK_FOR_CONSENT: "The booking form asks “Recording consent” (required); the Notetaker joins only when the candidate says yes.",
  NEVER_RECORD: "No Notetaker joins: interviews are neither recorded nor transcribed.",
};

/** The radio options ("Default recording policy" on /settings/privacy), in display order. */
export const RECORDING_POLICY_OPTIONS = RECORDING_POLICIES.map((value) => ({ value, label: RECORDING_POLICY_LABELS[value] }));

/** A new organisation's default: what the portal did before policies existed (the notice shows, the Notetaker joins). */
export const DEFAULT_RECORDING_POLICY: RecordingPolicy = "INFORM_ONLY";

/**
 * Used when a stored organisation default is unreadable: never record someone who was not asked,
 * but still record those who say yes.
 */
export const FALLBACK_RECORDING_POLICY: RecordingPolicy = "ASK_FOR_CONSENT";

export const ZRecordingPolicy = z.enum(RECORDING_POLICIES, {
  error: `Choose one of ${RECORDING_POLICIES.map((p) => RECORDING_POLICY_LABELS[p]).join(", ")}.`,
});

/** A role's override as a form sends it: "" (or absent) means "use the organisation default". */
export const ZRecordingPolicyOverride = z.preprocess((value) => (value === "" || value === undefined ? null : value), ZRecordingPolicy.nullable());

export function isRecordingPolicy(value: unknown): value is RecordingPolicy {
  return typeof value === "string" && (RECORDING_POLICIES as readonly string[]).includes(value);
}

/**
 * The policy a role runs under: its override when it has a valid one, else the organisation
 * default. Values come from the database, so they are checked at run time: an unreadable override
 * is ignored, an unreadable default falls back to FALLBACK_RECORDING_POLICY.
 */
export function effectiveRecordingPolicy(orgDefault: RecordingPolicy, roleOverride: RecordingPolicy | null): RecordingPolicy {
  if (isRecordingPolicy(roleOverride)) return roleOverride;
  return isRecordingPolicy(orgDefault) ? orgDefault : FALLBACK_RECORDING_POLICY;
}

// The consent question (DESIGN's exact texts). Nylas sends the chosen option's text back in
// `booking_info.additional_fields.recording_consent`.
export const RECORDING_CONSENT_FIELD_KEY = "recording_consent";
export const RECORDING_CONSENT_LABEL = "Recording consent";
export const CONSENT_YES_OPTION = "Yes, record this interview";
export const CONSENT_NO_OPTION = "No, do not record";
export const CONSENT_OPTIONS = [CONSENT_YES_OPTION, CONSENT_NO_OPTION] as const;
/** After the LinkedIn field (order 1) in the booking form. */
export const RECORDING_CONSENT_FIELD_ORDER = 2;

/** A scheduler additional field, as the SDK takes it (`scheduler.additionalFields.<key>`). */
export type AdditionalField = {
  label: string;
  type: "text" | "multi_line_text" | "email" | "phone_number" | "dropdown" | "date" | "checkbox" | "radio_button" | "metadata";
  required: boolean;
  order?: number;
  options?: string[];
  /** The option selected when the form opens (`<NylasScheduling>` selects the first one without it). */
  default?: string;
};

/**
 * The consent question. "No" is selected when the form opens: `<NylasScheduling>` always selects a
 * radio option, and without a default that would be "Yes" — consent the candidate never gave. A
 * recording needs the candidate to choose "Yes" themselves.
 */
export function recordingConsentField(): AdditionalField {
  return { label: RECORDING_CONSENT_LABEL, type: "radio_button", required: true, order: RECORDING_CONSENT_FIELD_ORDER, options: [...CONSENT_OPTIONS], default: CONSENT_NO_OPTION };
}

/** What a policy asks of a configuration. */
export type RecordingConfigurationParts = {
  /** Merged into `scheduler.additionalFields`: the consent question under "Ask for consent", else nothing. */
  additionalFields: Record<string, AdditionalField>;
  /** Whether `scheduler.notetakerSettings.enabled` may be true (false: "Never record"). */
  notetakerEnabled: boolean;
  /** Whether `scheduler.notetakerSettings.showUiConsentMessage` must be true (the notice shows whenever we record). */
  showUiConsentMessage: boolean;
};

export function recordingConfigurationParts(policy: RecordingPolicy): RecordingConfigurationParts {
  switch (policy) {
    case "ASK_FOR_CONSENT":
      return { additionalFields: { [RECORDING_CONSENT_FIELD_KEY]: recordingConsentField() }, notetakerEnabled: true, showUiConsentMessage: true };
    case "INFORM_ONLY":
      return { additionalFields: {}, notetakerEnabled: true, showUiConsentMessage: true };
    case "NEVER_RECORD":
      return { additionalFields: {}, notetakerEnabled: false, showUiConsentMessage: false };
  }
}

/** The part of a configuration request (lib/nylas/configuration-request.ts) a policy changes. */
type NotetakerSettingsLike = { enabled: boolean; showUiConsentMessage?: boolean };
type RequestLike = { scheduler: { additionalFields?: Record<string, unknown>; notetakerSettings: NotetakerSettingsLike } };

/**
 * A configuration request with the policy applied. "Never record" sends
 * `notetakerSettings: { enabled: false }` (a PUT replaces `scheduler`, so it must say so). The
 * policy never turns on a Notetaker the panel does not have (none, or no conferencing), and the
 * consent question is only asked when a Notetaker would join. Any stale `recording_consent` field
 * is dropped first, so switching policy away from "Ask for consent" removes the question.
 */
export function applyRecordingPolicy<T extends RequestLike>(request: T, policy: RecordingPolicy): T {
  const parts = recordingConfigurationParts(policy);
  const current = request.scheduler.notetakerSettings;
  const records = parts.notetakerEnabled && current.enabled === true;
  const rest = Object.fromEntries(Object.entries(request.scheduler.additionalFields ?? {}).filter(([key]) => key !== RECORDING_CONSENT_FIELD_KEY));
  const additionalFields = records ? { ...rest, ...parts.additionalFields } : rest;
  const notetakerSettings = records ? { ...current, showUiConsentMessage: current.showUiConsentMessage === true || parts.showUiConsentMessage } : { enabled: false };
  return { ...request, scheduler: { ...request.scheduler, additionalFields, notetakerSettings } };
}

/** A role as the policy summary reads it: its override, or null when it follows the organisation default. */
export type RoleWithPolicy = { id: string; recordingPolicy: RecordingPolicy | null };

/**
 * The roles that follow the organisation default (and so change with it) and those with an
 * override of their own, each in the order given. An unreadable override counts as none, as
 * effectiveRecordingPolicy reads it.
 */
export function splitRolesByPolicy<R extends RoleWithPolicy>(roles: readonly R[]): { inheriting: R[]; overriding: R[] } {
  const inheriting: R[] = [];
  const overriding: R[] = [];
  for (const role of roles) (isRecordingPolicy(role.recordingPolicy) ? overriding : inheriting).push(role);
  return { inheriting, overriding };
}
