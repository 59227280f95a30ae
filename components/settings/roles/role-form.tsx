"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { CharacterCount, Choice, Select, Textarea } from "@/components/ui/form-controls";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, Fieldset, fieldControlProps } from "@/components/ui/field";
import { errorDomId, hintDomId } from "@/components/ui/field-errors";
import { BACK_TO_SETTINGS } from "@/components/settings/form/back-to-settings";
import { SaveBar } from "@/components/ui/save-bar";
import { useFormDraft } from "@/components/ui/use-form-draft";
import { useSave, useUnsavedChangesWarning } from "@/components/ui/use-save";
import { withoutErrors, withoutErrorsUnder } from "@/components/settings/panels/panel-draft";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { LocalTime } from "@/components/ui/local-time";
import { textLinkClasses } from "@/components/ui/text-link";
import { isRecordingPolicy, RECORDING_POLICY_DESCRIPTIONS, RECORDING_POLICY_LABELS, RECORDING_POLICY_OPTIONS, type RecordingPolicy } from "@/lib/privacy/policy";
import { PATHS, settingsPanelPath, settingsRolePath } from "@/lib/routes";
import type { PanelOption, RoleEditView } from "@/lib/settings/roles";
import { slugify, type TSaveState } from "@/lib/validations/settings";
import { adoptSavedRole, describeRolePath, ROLE_FIELD_ORDER, roleFieldErrors, toRoleDraft, toRolePayload, type RoleDraft, type RoleFormInput } from "./role-draft";
import { ScorecardEditor } from "./scorecard-editor";

const FORM_ID = "role-form";
const SUMMARY_MAX = 300;
const DESCRIPTION_MAX = 20_000;

export type RoleFormProps = {
  /** null: a new role. */
  roleId: string | null;
  /** The role with its current scorecard (null: none). */
  initial: RoleFormInput;
  /** The version the form was loaded from (stale-edit check); null for a new role. */
  updatedAt: string | null;
  /** The scorecard's latest version (null: none yet). */
  scorecardVersion: RoleEditView["scorecardVersion"];
  panels: PanelOption[];
  /** The organisation's default recording policy (the "Organisation default (…)" option). */
  organisationPolicy: RecordingPolicy;
  /** saveRoleAction. */
  save: (id: string | null, input: unknown, updatedAt: string | null) => Promise<TSaveState>;
};

/**
 * Create or edit a role and its scorecard. On a new role the slug follows the title until the
 * admin edits it; on an existing role it stays put (it is the careers URL), with a warning when
 * changed. A failed save keeps every value and shows each error beside its field.
 */
export function RoleForm({ roleId, initial, updatedAt, scorecardVersion, panels, organisationPolicy, save }: RoleFormProps) {
  const router = useRouter();
  const isNew = roleId === null;
  // Row keys c0, c1, …: the same on the server and in the browser (they are in element ids).
  const [makeKey] = useState(() => {
    let nextKey = 0;
    return () => `c${nextKey++}`;
  });
  // Untouched since a save: the form takes the role as the server normalised it (trimmed, lowercase slug, competency keys).
  const {
    draft: values,
    setDraft: setValues,
    saved,
    isDirty,
    markSubmitted,
  } = useFormDraft<RoleFormInput, RoleDraft>(initial, {
    toDraft: (input) => toRoleDraft(input, makeKey),
    fingerprint: (d) => JSON.stringify(toRolePayload(d)),
    adopt: (d, input, isUntouched) => adoptSavedRole(d, input, isUntouched, makeKey),
  });
  const [isSlugEdited, setIsSlugEdited] = useState(!isNew || initial.slug !== "");

  const onSuccess = useCallback(
    (state: Extract<TSaveState, { status: "success" }>) => {
      if (isNew) router.replace(settingsRolePath(state.id, { saved: "created" }));
    },
    [isNew, router],
  );
  const saveNow = useCallback(() => {
    markSubmitted();
    return save(roleId, toRolePayload(values), updatedAt);
  }, [save, roleId, values, markSubmitted, updatedAt]);
  const { state, isPending, failures, fieldErrors: savedErrors, setFieldErrors, submit } = useSave(saveNow, onSuccess);
  useUnsavedChangesWarning(isDirty && !(isNew && state.status === "success"));
  const fieldErrors = roleFieldErrors(savedErrors, values);

  const set = <K extends keyof Omit<RoleDraft, "competencies">>(key: K, value: RoleDraft[K]) => {
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === "title" && isNew && !isSlugEdited) next.slug = slugify(String(value));
      return next;
    });
    setFieldErrors((e) => withoutErrors(e, key, ...(key === "title" && isNew && !isSlugEdited ? ["slug"] : [])));
  };

  const text = (key: "title" | "team" | "location" | "employment", label: string, options: { hint?: string; placeholder?: string; list?: string } = {}) => (
    <Field formId={FORM_ID} path={key} label={label} hint={options.hint} error={fieldErrors[key]}>
      {(control) => <Input {...control} value={values[key]} placeholder={options.placeholder} list={options.list} onChange={(e) => set(key, e.target.value)} autoComplete="off" />}
    </Field>
  );

  const selectedPanel = panels.find((p) => p.id === values.panelId);
  const isSlugChanged = !isNew && values.slug !== saved.slug;
  const slugWarningId = `${FORM_ID}-slug-warning`;

  return (
    <form
      id={FORM_ID}
      noValidate
      aria-label={isNew ? "New role" : `Edit ${initial.title}`}
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {state.status === "error" ? (
        <ErrorSummary formId={FORM_ID} message={state.message} fieldErrors={fieldErrors} order={ROLE_FIELD_ORDER} describePath={describeRolePath} attempt={failures} />
      ) : null}

      <Fieldset formId={FORM_ID} legend="The role" description="What candidates read on the careers page.">
        {text("title", "Title", { placeholder: "Backend Engineer" })}

        <Field
          formId={FORM_ID}
          path="slug"
          label="Slug"
          error={fieldErrors.slug}
          describedByIds={isSlugChanged ? [slugWarningId] : undefined}
          hint={
            isNew && !isSlugEdited
              ? values.slug
                ? `Made from the title: the page will be at /careers/${values.slug}. Edit it to choose your own.`
                : "Made from the title as you type it; edit it to choose your own."
              : `The careers page address${values.slug ? `: /careers/${values.slug}` : ""}. Lowercase letters, digits and single hyphens.`
          }
        >
          {(control) => (
            <div className="flex rounded-md shadow-sm">
              <span className="inline-flex items-center rounded-l-md border border-r-0 border-slate-300 bg-slate-50 px-3 text-sm text-muted">/careers/</span>
              <Input
                {...control}
                value={values.slug}
                className="rounded-l-none shadow-none"
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => {
                  setIsSlugEdited(true);
                  set("slug", e.target.value);
                }}
              />
            </div>
          )}
        </Field>
        {isSlugChanged ? (
          <Alert variant="warning" id={slugWarningId} role="none" className="-mt-2">
            Changing the slug changes the page&apos;s URL: links to <span className="font-medium">/careers/{saved.slug}</span> will stop working once you save.
          </Alert>
        ) : null}

        <div className="grid gap-5 sm:grid-cols-3">
          {text("team", "Team", { placeholder: "Engineering" })}
          {text("location", "Location", { placeholder: "Remote (EU time zones)" })}
          {text("employment", "Employment type", { list: `${FORM_ID}-employment-types` })}
          <datalist id={`${FORM_ID}-employment-types`}>
            <option value="Full-time" />
            <option value="Part-time" />
            <option value="Contract" />
            <option value="Internship" />
          </datalist>
        </div>

        <Field
          formId={FORM_ID}
          path="summary"
          label="Summary"
          hint="One or two sentences, shown in the list of open roles and at the top of the role's page."
          error={fieldErrors.summary}
          describedByIds={[`${FORM_ID}-summary-count`]}
          after={<CharacterCount id={`${FORM_ID}-summary-count`} length={values.summary.length} max={SUMMARY_MAX} />}
        >
          {(control) => <Textarea {...control} rows={2} className="min-h-16" value={values.summary} onChange={(e) => set("summary", e.target.value)} />}
        </Field>

        <Field
          formId={FORM_ID}
          path="description"
          label="Description"
          hint="Plain text. Leave a blank line between paragraphs; start a line with “- ” for a bullet."
          error={fieldErrors.description}
          describedByIds={[`${FORM_ID}-description-count`]}
          after={<CharacterCount id={`${FORM_ID}-description-count`} length={values.description.length} max={DESCRIPTION_MAX} />}
        >
          {(control) => <Textarea {...control} rows={12} value={values.description} onChange={(e) => set("description", e.target.value)} />}
        </Field>
      </Fieldset>

      <Fieldset
        formId={FORM_ID}
        path="scorecard.competencies"
        legend={<h2 className="text-base font-semibold text-ink">Scorecard</h2>}
        description={
          <>
            The competencies interviewers assess, each with what good looks like and the cues to listen for. The Notetaker&apos;s summary is organised by them, and each interview&apos;s transcript is
            mapped to them for its debrief.
          </>
        }
        error={fieldErrors["scorecard.competencies"] ?? fieldErrors.scorecard}
      >
        <p id={`${FORM_ID}-scorecard-version`} className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-ink">
          {scorecardVersion ? (
            <>
              Scorecard version {scorecardVersion.version}, saved <LocalTime iso={scorecardVersion.createdAt.toISOString()} display="precise" />
              {scorecardVersion.createdByEmail ? ` by ${scorecardVersion.createdByEmail}` : ""}.{" "}
            </>
          ) : (
            "No scorecard yet. "
          )}
          <span className="text-muted">Saving a change makes a new version for new bookings; interviews already booked keep the version they were booked with.</span>
        </p>
        <ScorecardEditor
          formId={FORM_ID}
          competencies={values.competencies}
          fieldErrors={fieldErrors}
          makeKey={makeKey}
          onChange={(competencies, change) => {
            setValues((v) => ({ ...v, competencies }));
            setFieldErrors((e) =>
              change.isReordered ? withoutErrorsUnder(withoutErrors(e, "scorecard"), "scorecard.competencies") : withoutErrors(e, "scorecard", "scorecard.competencies", ...(change.editedPaths ?? [])),
            );
          }}
        />
      </Fieldset>

      <Fieldset formId={FORM_ID} legend="Interviews and publishing">
        <Field
          formId={FORM_ID}
          path="panelId"
          label="Panel"
          error={fieldErrors.panelId}
          hint={
            selectedPanel ? (
              <>
                {selectedPanel.memberCount === 0
                  ? "This panel has no interviewers yet, so the role cannot be published. "
                  : `Bookings rotate through its ${selectedPanel.memberCount === 1 ? "1 interviewer" : `${selectedPanel.memberCount} interviewers`}. `}
                <Link href={settingsPanelPath(selectedPanel.id)} className={textLinkClasses()}>
                  Edit {selectedPanel.name}
                </Link>
              </>
            ) : (
              <>
                The interviewers this role&apos;s bookings rotate through.{" "}
                <Link href={PATHS.newPanel} className={textLinkClasses()}>
                  Create a panel
                </Link>
              </>
            )
          }
        >
          {(control) => (
            <Select {...control} value={values.panelId} onChange={(e) => set("panelId", e.target.value)}>
              <option value="">Choose a panel…</option>
              {panels.map((panel) => (
                <option key={panel.id} value={panel.id}>
                  {panel.name} ({panel.memberCount === 1 ? "1 interviewer" : `${panel.memberCount} interviewers`})
                </option>
              ))}
            </Select>
          )}
        </Field>

        <Field
          formId={FORM_ID}
          path="recordingPolicy"
          label="Recording policy"
          error={fieldErrors.recordingPolicy}
          hint={
            <>
              {RECORDING_POLICY_DESCRIPTIONS[values.recordingPolicy ?? organisationPolicy]}{" "}
              <Link href={PATHS.settingsPrivacy} className={textLinkClasses()}>
                Change the organisation default
              </Link>
            </>
          }
        >
          {(control) => (
            <Select {...control} value={values.recordingPolicy ?? ""} onChange={(e) => set("recordingPolicy", isRecordingPolicy(e.target.value) ? e.target.value : null)}>
              <option value="">Organisation default ({RECORDING_POLICY_LABELS[organisationPolicy]})</option>
              {RECORDING_POLICY_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          )}
        </Field>

        <div>
          <Choice
            type="checkbox"
            {...fieldControlProps(FORM_ID, "published", { error: fieldErrors.published, hasHint: true })}
            hintId={hintDomId(FORM_ID, "published")}
            label="Published"
            hint="Listed on the careers page, where candidates can book an interview. Unpublished roles keep their page address but answer “not found”."
            checked={values.published}
            onChange={(e) => set("published", e.target.checked)}
          />
          <FieldError id={errorDomId(FORM_ID, "published")} message={fieldErrors.published} className="ml-6.5" />
        </div>

        <div>
          <Choice
            type="checkbox"
            {...fieldControlProps(FORM_ID, "hostedPageEnabled", { error: fieldErrors.hostedPageEnabled, hasHint: true })}
            hintId={hintDomId(FORM_ID, "hostedPageEnabled")}
            label="Nylas-hosted booking page"
            hint={`Nylas also serves a booking page for this role at its own address (book.nylas.com/${values.slug || "<slug>"}), to link from recruiters' emails. The address must be free across your Nylas application.`}
            checked={values.hostedPageEnabled ?? false}
            onChange={(e) => set("hostedPageEnabled", e.target.checked)}
          />
          <FieldError id={errorDomId(FORM_ID, "hostedPageEnabled")} message={fieldErrors.hostedPageEnabled} className="ml-6.5" />
        </div>
      </Fieldset>

      <SaveBar state={state} isPending={isPending} isDirty={isDirty} cancel={BACK_TO_SETTINGS} note={isNew ? "The role is created when you save." : null} />
    </form>
  );
}
