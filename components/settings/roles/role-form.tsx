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
import { withoutErrors } from "@/components/settings/panels/panel-draft";
import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { textLinkClasses } from "@/components/ui/text-link";
import { PATHS, settingsPanelPath, settingsRolePath } from "@/lib/routes";
import type { PanelOption } from "@/lib/settings/roles";
import { slugify, type TRoleInput, type TSaveState } from "@/lib/validations/settings";

const FORM_ID = "role-form";
const identity = (input: TRoleInput) => input;
const SUMMARY_MAX = 300;
const DESCRIPTION_MAX = 20_000;

/** Field order on the page, for the error summary. */
const ORDER = ["title", "slug", "team", "location", "employment", "summary", "description", "panelId", "published"] as const;
const LABELS: Record<string, string> = {
  title: "Title",
  slug: "Slug",
  team: "Team",
  location: "Location",
  employment: "Employment type",
  summary: "Summary",
  description: "Description",
  panelId: "Panel",
  published: "Published",
};

export type RoleFormProps = {
  /** null: a new role. */
  roleId: string | null;
  initial: TRoleInput;
  /** The version the form was loaded from (stale-edit check); null for a new role. */
  updatedAt: string | null;
  panels: PanelOption[];
  /** saveRoleAction. */
  save: (id: string | null, input: unknown, updatedAt: string | null) => Promise<TSaveState>;
};

/**
 * Create or edit a role. On a new role the slug follows the title until the admin edits it; on an
 * existing role it stays put (it is the careers URL), with a warning when changed. A failed save
 * keeps every value and shows each error beside its field.
 */
export function RoleForm({ roleId, initial, updatedAt, panels, save }: RoleFormProps) {
  const router = useRouter();
  const isNew = roleId === null;
  // Untouched since a save: the form takes the role as the server normalised it (trimmed, lowercase slug).
  const { draft: values, setDraft: setValues, saved, isDirty, markSubmitted } = useFormDraft<TRoleInput, TRoleInput>(initial, { toDraft: identity, fingerprint: JSON.stringify });
  const [isSlugEdited, setIsSlugEdited] = useState(!isNew || initial.slug !== "");

  const onSuccess = useCallback(
    (state: Extract<TSaveState, { status: "success" }>) => {
      if (isNew) router.replace(settingsRolePath(state.id, { saved: "created" }));
    },
    [isNew, router],
  );
  const saveNow = useCallback(() => {
    markSubmitted();
    return save(roleId, values, updatedAt);
  }, [save, roleId, values, markSubmitted, updatedAt]);
  const { state, isPending, failures, fieldErrors, setFieldErrors, submit } = useSave(saveNow, onSuccess);
  useUnsavedChangesWarning(isDirty && !(isNew && state.status === "success"));

  const set = <K extends keyof TRoleInput>(key: K, value: TRoleInput[K]) => {
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
      {state.status === "error" ? <ErrorSummary formId={FORM_ID} message={state.message} fieldErrors={fieldErrors} order={ORDER} describePath={(p) => LABELS[p] ?? null} attempt={failures} /> : null}

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
      </Fieldset>

      <SaveBar state={state} isPending={isPending} isDirty={isDirty} cancel={BACK_TO_SETTINGS} note={isNew ? "The role is created when you save." : null} />
    </form>
  );
}
