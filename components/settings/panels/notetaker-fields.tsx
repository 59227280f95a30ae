"use client";

import { CharacterCount, Choice, Textarea } from "@/components/ui/form-controls";
import { Field, fieldControlProps } from "@/components/ui/field";
import { errorDomId, hintDomId } from "@/components/ui/field-errors";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { CONSENT_MESSAGE_MAX, INSTRUCTIONS_MAX, type TNotetakerInput } from "@/lib/validations/settings";
import { notetakerLocks, type NotetakerToggle } from "./panel-draft";

export type NotetakerFieldsProps = {
  formId: string;
  value: TNotetakerInput;
  hasConferencing: boolean;
  fieldErrors: Record<string, string>;
  onToggle: (toggle: NotetakerToggle | "showConsent", checked: boolean) => void;
  onText: (field: "name" | "consentMessage" | "summaryInstructions" | "actionItemsInstructions", text: string) => void;
};

const RECORDS: { toggle: Exclude<NotetakerToggle, "enabled">; label: string; hint: string }[] = [
  { toggle: "videoRecording", label: "Video recording", hint: "The call's video, for the debrief's player." },
  { toggle: "audioRecording", label: "Audio recording", hint: "The call's sound." },
  { toggle: "transcription", label: "Transcript", hint: "Who said what, when; needs audio and video." },
  { toggle: "summary", label: "Summary", hint: "Written from the transcript, following the summary instructions." },
  { toggle: "actionItems", label: "Action items", hint: "Follow-ups taken from the transcript, following the action item instructions." },
];

const INSTRUCTIONS = [
  {
    field: "summaryInstructions",
    toggle: "summary",
    label: "Summary instructions",
    hint: "What the summary should cover, e.g. “Focus on system design, communication and any concerns raised.” Empty: a general summary.",
    offHint: "Turn on “Summary” to use these.",
  },
  {
    field: "actionItemsInstructions",
    toggle: "actionItems",
    label: "Action item instructions",
    hint: "Which follow-ups to list, e.g. “List promised references and take-home deadlines.” Empty: general follow-ups.",
    offHint: "Turn on “Action items” to use these.",
  },
] as const;

/**
 * The Notetaker: on or off, its name, the consent notice candidates see, what it records, and the
 * instructions its summary and action items follow. A toggle whose prerequisite is off is
 * disabled and says why (the same rules ZPanelInput enforces).
 */
export function NotetakerFields({ formId, value, hasConferencing, fieldErrors, onToggle, onText }: NotetakerFieldsProps) {
  const locks = notetakerLocks(value, hasConferencing);
  const isOff = !value.enabled;
  const toggle = (path: string, checked: boolean, lock: string | null, label: string, hint: string, onChange: (checked: boolean) => void) => {
    const error = fieldErrors[path];
    return (
      <div>
        <Choice
          type="checkbox"
          {...fieldControlProps(formId, path, { error, hasHint: true })}
          hintId={hintDomId(formId, path)}
          label={label}
          hint={lock && !(path === "notetaker.enabled" ? false : isOff) ? lock : hint}
          checked={checked}
          disabled={lock !== null}
          onChange={(e) => onChange(e.target.checked)}
        />
        <FieldError id={errorDomId(formId, path)} message={error} className="ml-6.5" />
      </div>
    );
  };

  return (
    <div className="space-y-6">
      {toggle(
        "notetaker.enabled",
        value.enabled,
        locks.enabled,
        "Send a Notetaker to interviews",
        "A Nylas Notetaker bot joins each interview's video call to record it; the debrief then shows the recording, transcript, summary and action items.",
        (checked) => onToggle("enabled", checked),
      )}

      <div className={isOff ? "space-y-6 opacity-60" : "space-y-6"}>
        <Field formId={formId} path="notetaker.name" label="Notetaker name" hint="The name the bot joins the call with." error={fieldErrors["notetaker.name"]} className="max-w-md">
          {(control) => <Input {...control} value={value.name} disabled={isOff} autoComplete="off" onChange={(e) => onText("name", e.target.value)} />}
        </Field>

        <div className="space-y-3">
          {toggle(
            "notetaker.showConsent",
            value.showConsent,
            isOff ? "The Notetaker is off." : null,
            "Show candidates a consent notice",
            "Shown with the booking form on the careers page.",
            (checked) => onToggle("showConsent", checked),
          )}
          <Field
            formId={formId}
            path="notetaker.consentMessage"
            label="Consent message"
            error={fieldErrors["notetaker.consentMessage"]}
            describedByIds={[`${formId}-consent-count`]}
            after={<CharacterCount id={`${formId}-consent-count`} length={value.consentMessage.length} max={CONSENT_MESSAGE_MAX} />}
            className="ml-6.5"
          >
            {(control) => (
              <Textarea {...control} rows={2} className="min-h-16" value={value.consentMessage} disabled={isOff || !value.showConsent} onChange={(e) => onText("consentMessage", e.target.value)} />
            )}
          </Field>
        </div>

        <fieldset className="min-w-0">
          <legend className="text-sm font-semibold text-ink">What it records and produces</legend>
          <div className="mt-3 grid gap-4 sm:grid-cols-2">
            {RECORDS.map(({ toggle: key, label, hint }) => (
              <div key={key}>{toggle(`notetaker.${key}`, value[key], locks[key], label, hint, (checked) => onToggle(key, checked))}</div>
            ))}
          </div>
        </fieldset>

        {INSTRUCTIONS.map(({ field, toggle: key, label, hint, offHint }) => (
          <InstructionsField
            key={field}
            formId={formId}
            field={field}
            label={label}
            value={value[field]}
            isDisabled={isOff || !value[key]}
            hint={value[key] ? hint : offHint}
            error={fieldErrors[`notetaker.${field}`]}
            onChange={(text) => onText(field, text)}
          />
        ))}
      </div>
    </div>
  );
}

type InstructionsFieldProps = {
  formId: string;
  field: "summaryInstructions" | "actionItemsInstructions";
  label: string;
  value: string;
  isDisabled: boolean;
  hint: string;
  error?: string;
  onChange: (text: string) => void;
};

/** Custom instructions for the summary or the action items, with a character count. Disabled text is kept. */
function InstructionsField({ formId, field, label, value, isDisabled, hint, error, onChange }: InstructionsFieldProps) {
  const countId = `${formId}-${field}-count`;
  return (
    <Field
      formId={formId}
      path={`notetaker.${field}`}
      label={label}
      hint={hint}
      error={error}
      describedByIds={[countId]}
      after={<CharacterCount id={countId} length={value.length} max={INSTRUCTIONS_MAX} />}
    >
      {(control) => <Textarea {...control} rows={4} value={value} disabled={isDisabled} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
