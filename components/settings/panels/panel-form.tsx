"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { Choice, Select } from "@/components/ui/form-controls";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Fieldset } from "@/components/ui/field";
import { BACK_TO_SETTINGS } from "@/components/settings/form/back-to-settings";
import { SaveBar } from "@/components/ui/save-bar";
import { useFormDraft } from "@/components/ui/use-form-draft";
import { useSave, useUnsavedChangesWarning } from "@/components/ui/use-save";
import { Input } from "@/components/ui/input";
import { settingsPanelPath } from "@/lib/routes";
import type { InterviewerOption } from "@/lib/settings/panels";
import { formatDuration } from "@/lib/roles/format-duration";
import { AVAILABILITY_METHODS, CONFERENCING_PROVIDERS, type TAvailabilityMethod, type TPanelInput, type TSaveState } from "@/lib/validations/settings";
import { EventTitleField } from "./event-title-field";
import { NotetakerFields } from "./notetaker-fields";
import { OpenHoursEditor } from "./open-hours-editor";
import {
  adoptSavedPanel,
  applyNotetakerRules,
  describePanelPath,
  PANEL_FIELD_ORDER,
  setNotetakerToggle,
  toPanelDraft,
  toPanelPayload,
  withoutErrors,
  withoutErrorsUnder,
  type NumberFieldKey,
  type PanelDraft,
} from "./panel-draft";
import { PanelMembersEditor } from "./panel-members-editor";

const FORM_ID = "panel-form";

const METHOD_TEXT: Record<TAvailabilityMethod, { label: string; hint: string }> = {
  MAX_FAIRNESS: {
    label: "Max fairness",
    hint: "Offers only the times when the interviewer next in line (the least recently booked) is free, and books them. Bookings spread evenly across the panel; candidates see fewer times.",
  },
  MAX_AVAILABILITY: {
    label: "Max availability",
    hint: "Offers every time at least one interviewer is free, and books the best-placed free one. Candidates see the most times; the load can be less even.",
  },
};

const CONFERENCING_LABELS: Record<(typeof CONFERENCING_PROVIDERS)[number], string> = {
  "Google Meet": "Google Meet",
  "Microsoft Teams": "Microsoft Teams",
  "Zoom Meeting": "Zoom",
};

export type PanelFormProps = {
  /** null: a new panel. */
  panelId: string | null;
  initial: TPanelInput;
  /** The version the form was loaded from (stale-edit check); null for a new panel. */
  updatedAt: string | null;
  interviewers: InterviewerOption[];
  timeZones: string[];
  /** savePanelAction. */
  save: (id: string | null, input: unknown, updatedAt: string | null) => Promise<TSaveState>;
};

/**
 * Create or edit a panel: who interviews and in what order, how the round robin picks, when and
 * how long interviews are, the call, the event's title and the Notetaker. Everything stays in the
 * form on a failed save, with each error beside its field and a summary at the top.
 */
export function PanelForm({ panelId, initial, updatedAt, interviewers, timeZones, save }: PanelFormProps) {
  const router = useRouter();
  const isNew = panelId === null;
  // Row keys m0, m1, …: the same on the server and in the browser (they are in element ids).
  const [makeKey] = useState(() => {
    let nextKey = 0;
    return () => `m${nextKey++}`;
  });
  const { draft, setDraft, isDirty, markSubmitted } = useFormDraft<TPanelInput, PanelDraft>(initial, {
    toDraft: (saved) => toPanelDraft(saved, makeKey),
    fingerprint: (d) => JSON.stringify(toPanelPayload(d)),
    adopt: (d, saved, isUntouched) => adoptSavedPanel(d, saved, isUntouched, makeKey),
  });
  const payload = toPanelPayload(draft);

  const onSuccess = useCallback(
    (state: Extract<TSaveState, { status: "success" }>) => {
      if (isNew) router.replace(settingsPanelPath(state.id, { saved: "created" }));
    },
    [isNew, router],
  );
  const saveNow = useCallback(() => {
    markSubmitted();
    return save(panelId, payload, updatedAt);
  }, [save, panelId, payload, markSubmitted, updatedAt]);
  const { state, isPending, failures, fieldErrors, setFieldErrors, submit } = useSave(saveNow, onSuccess);
  useUnsavedChangesWarning(isDirty && !(isNew && state.status === "success"));

  const hasConferencing = draft.conferencingProvider !== "";
  const set = <K extends keyof PanelDraft>(key: K, value: PanelDraft[K], ...editedPaths: string[]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setFieldErrors((e) => withoutErrors(e, String(key), ...editedPaths));
  };

  const number = (key: NumberFieldKey, label: string, options: { hint?: string; step?: number; min?: number; max?: number; placeholder?: string }) => (
    <Field formId={FORM_ID} path={key} label={label} hint={options.hint} error={fieldErrors[key]}>
      {(control) => (
        <Input
          {...control}
          type="number"
          inputMode="numeric"
          step={options.step ?? 1}
          min={options.min}
          max={options.max}
          placeholder={options.placeholder}
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );
  const minutesHint = (value: string, base: string) => (/^\d+$/.test(value.trim()) && Number(value) >= 60 ? `${base} (${formatDuration(Number(value))})` : base);

  return (
    <form
      id={FORM_ID}
      noValidate
      aria-label={isNew ? "New panel" : `Edit ${initial.name}`}
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {state.status === "error" ? (
        <ErrorSummary
          formId={FORM_ID}
          message={state.message}
          fieldErrors={fieldErrors}
          order={PANEL_FIELD_ORDER}
          describePath={(path) => describePanelPath(path, draft.openHours.days)}
          attempt={failures}
        />
      ) : null}

      <Fieldset formId={FORM_ID} legend="Panel">
        <Field formId={FORM_ID} path="name" label="Panel name" hint="For admins: roles pick their panel by this name." error={fieldErrors.name} className="max-w-md">
          {(control) => <Input {...control} value={draft.name} autoComplete="off" onChange={(e) => set("name", e.target.value)} />}
        </Field>
      </Fieldset>

      <Fieldset
        formId={FORM_ID}
        path="members"
        legend="Interviewers"
        description="Bookings rotate through these interviewers. The order breaks ties: when two are equally due, the one higher up is booked. An existing interviewer's email is fixed, since their calendar is matched by it."
        error={fieldErrors.members}
      >
        <PanelMembersEditor
          formId={FORM_ID}
          members={draft.members}
          interviewers={interviewers}
          timeZones={timeZones}
          defaultTimeZone={draft.timezone}
          fieldErrors={fieldErrors}
          makeKey={makeKey}
          onChange={(members, change) => {
            setDraft((d) => ({ ...d, members }));
            setFieldErrors((e) => (change.isReordered ? withoutErrorsUnder(e, "members") : withoutErrors(e, "members", ...(change.editedPath ? [change.editedPath] : []))));
          }}
        />
      </Fieldset>

      <Fieldset
        formId={FORM_ID}
        path="availabilityMethod"
        legend="Round-robin method"
        description="How a booking picks its interviewer: a trade-off between an even load and more times to choose from."
        error={fieldErrors.availabilityMethod}
      >
        <div className="grid gap-4 md:grid-cols-2">
          {AVAILABILITY_METHODS.map((method) => (
            <Choice
              key={method}
              type="radio"
              name={`${FORM_ID}-method`}
              id={`${FORM_ID}-method-${method}`}
              hintId={`${FORM_ID}-method-${method}-hint`}
              aria-describedby={`${FORM_ID}-method-${method}-hint`}
              value={method}
              label={METHOD_TEXT[method].label}
              hint={METHOD_TEXT[method].hint}
              checked={draft.availabilityMethod === method}
              onChange={() => set("availabilityMethod", method)}
              className="rounded-lg border border-slate-200 p-4 has-checked:border-brand-600 has-checked:bg-brand-50/50"
            />
          ))}
        </div>
      </Fieldset>

      <Fieldset formId={FORM_ID} legend="Length and booking window">
        <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3">
          {number("durationMinutes", "Duration (minutes)", { step: 5, min: 5, max: 480, hint: minutesHint(draft.durationMinutes, "How long each interview is; a multiple of 5.") })}
          {number("intervalMinutes", "Interval (minutes)", {
            step: 5,
            min: 5,
            max: 240,
            placeholder: "15",
            hint: "How far apart the offered start times are. Empty: every 15 minutes (Nylas's default).",
          })}
          <div className="hidden lg:block" />
          {number("bufferBeforeMinutes", "Buffer before (minutes)", { step: 5, min: 0, max: 120, hint: "Kept free before each interview; 0–120, a multiple of 5." })}
          {number("bufferAfterMinutes", "Buffer after (minutes)", { step: 5, min: 0, max: 120, hint: "Kept free after each interview; 0–120, a multiple of 5." })}
          <div className="hidden lg:block" />
          {number("minBookingNoticeMinutes", "Minimum booking notice (minutes)", {
            step: 15,
            min: 0,
            max: 43_200,
            hint: minutesHint(draft.minBookingNoticeMinutes, "The earliest a candidate can book, from now."),
          })}
          {number("availableDaysInFuture", "Days in future", { min: 1, max: 365, hint: "How far ahead candidates can book." })}
        </div>
      </Fieldset>

      <Fieldset formId={FORM_ID} path="openHours" legend="Open hours" description="When interviews can be booked, on top of each interviewer's own calendar." error={fieldErrors.openHours}>
        <OpenHoursEditor formId={FORM_ID} value={draft.openHours} timeZones={timeZones} fieldErrors={fieldErrors} onChange={(openHours, edited) => set("openHours", openHours, ...edited)} />
      </Fieldset>

      <Fieldset formId={FORM_ID} legend="The calendar event">
        <div className="grid gap-5 sm:grid-cols-2">
          <Field formId={FORM_ID} path="conferencingProvider" label="Conferencing" hint="Nylas creates the call and puts its link in the event." error={fieldErrors.conferencingProvider}>
            {(control) => (
              <Select
                {...control}
                value={draft.conferencingProvider}
                onChange={(e) => {
                  const provider = e.target.value as PanelDraft["conferencingProvider"];
                  setDraft((d) => ({ ...d, conferencingProvider: provider, notetaker: applyNotetakerRules(d.notetaker, provider !== "") }));
                  setFieldErrors((errors) => withoutErrors(errors, "conferencingProvider", "notetaker.enabled"));
                }}
              >
                {CONFERENCING_PROVIDERS.map((provider) => (
                  <option key={provider} value={provider}>
                    {CONFERENCING_LABELS[provider]}
                  </option>
                ))}
                <option value="">None</option>
              </Select>
            )}
          </Field>
          <Field formId={FORM_ID} path="timezone" label="Event time zone" hint="The time zone of the event Nylas puts on the calendars." error={fieldErrors.timezone}>
            {(control) => (
              <Select {...control} value={draft.timezone} onChange={(e) => set("timezone", e.target.value)}>
                {(timeZones.includes(draft.timezone) ? timeZones : [draft.timezone, ...timeZones]).map((tz) => (
                  <option key={tz} value={tz}>
                    {tz}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <EventTitleField formId={FORM_ID} value={draft.eventTitle} duration={draft.durationMinutes} error={fieldErrors.eventTitle} onChange={(title) => set("eventTitle", title)} />
      </Fieldset>

      <Fieldset formId={FORM_ID} legend="Notetaker" description={hasConferencing ? undefined : "The Notetaker needs a video call: choose a conferencing provider to use it."}>
        <NotetakerFields
          formId={FORM_ID}
          value={draft.notetaker}
          hasConferencing={hasConferencing}
          fieldErrors={fieldErrors}
          onToggle={(toggle, checked) => {
            setDraft((d) => ({
              ...d,
              notetaker: toggle === "showConsent" ? { ...d.notetaker, showConsent: checked } : setNotetakerToggle(d.notetaker, toggle, checked, hasConferencing),
            }));
            setFieldErrors((e) =>
              withoutErrors(e, `notetaker.${toggle}`, "notetaker.transcription", "notetaker.summary", "notetaker.actionItems", "notetaker.audioRecording", "notetaker.consentMessage"),
            );
          }}
          onText={(field, text) => {
            setDraft((d) => ({ ...d, notetaker: { ...d.notetaker, [field]: text } }));
            setFieldErrors((e) => withoutErrors(e, `notetaker.${field}`));
          }}
        />
      </Fieldset>

      <SaveBar
        state={state}
        isPending={isPending}
        isDirty={isDirty}
        cancel={BACK_TO_SETTINGS}
        note={isNew ? "The panel is created when you save." : "Saving updates every role on this panel in Nylas."}
      />
    </form>
  );
}
