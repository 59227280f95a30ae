"use client";

import { useCallback, useState } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { Field, fieldControlProps } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Choice } from "@/components/ui/form-controls";
import { Input } from "@/components/ui/input";
import { useSave } from "@/components/ui/use-save";
import { RETENTION_DAYS_MAX, RETENTION_DAYS_MIN, RETENTION_FIELD_LABELS, type RetentionRules } from "@/lib/privacy/retention";
import { daysText, DELETE_NYLAS_COPY_LABEL, RETENTION_FIELDS, type TRetentionSettingsState } from "@/lib/privacy/retention-form";
import { cn } from "@/lib/utils";

export type RetentionFormProps = {
  rules: RetentionRules;
  deleteNylasCopyWhenStored: boolean;
  /** saveRetentionRulesAction, passed down by the page. */
  save: (input: unknown) => Promise<TRetentionSettingsState>;
};

const FORM_ID = "retention-rules";

const HINTS: Record<(typeof RETENTION_FIELDS)[number], string> = {
  deleteMediaDaysAfterRejection: "Days after an application is rejected. Empty: never.",
  deleteMediaDaysAfterHire: "Days after a hire. Empty: never.",
  anonymizeDaysAfterRejection: "Days after a rejection; waits until every application of theirs is rejected. Empty: never.",
};

/**
 * The retention rules: three numbers of days (empty turns a rule off) and whether Nylas's copy
 * goes as soon as ours is stored. "Save rules" keeps every value typed whatever the outcome; a
 * refused value gets its error under its field and in the summary, which takes focus.
 */
export function RetentionForm({ rules, deleteNylasCopyWhenStored, save: saveRules }: RetentionFormProps) {
  const [days, setDays] = useState<Record<(typeof RETENTION_FIELDS)[number], string>>({
    deleteMediaDaysAfterRejection: daysText(rules.deleteMediaDaysAfterRejection),
    deleteMediaDaysAfterHire: daysText(rules.deleteMediaDaysAfterHire),
    anonymizeDaysAfterRejection: daysText(rules.anonymizeDaysAfterRejection),
  });
  const [deleteCopy, setDeleteCopy] = useState(deleteNylasCopyWhenStored);
  const save = useCallback(() => saveRules({ ...days, deleteNylasCopyWhenStored: deleteCopy }), [saveRules, days, deleteCopy]);
  const { state, isPending, failures, fieldErrors, setFieldErrors, submit } = useSave(save);
  const copyHintId = `${FORM_ID}-copy-hint`;

  return (
    <form
      id={FORM_ID}
      noValidate
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {state.status === "error" && !isPending ? <ErrorSummary formId={FORM_ID} message={state.message} fieldErrors={fieldErrors} order={RETENTION_FIELDS} attempt={failures} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        {RETENTION_FIELDS.map((field) => (
          <Field key={field} formId={FORM_ID} path={field} label={RETENTION_FIELD_LABELS[field]} hint={HINTS[field]} error={fieldErrors[field]}>
            {(control) => (
              <Input
                {...control}
                name={field}
                type="number"
                inputMode="numeric"
                min={RETENTION_DAYS_MIN}
                max={RETENTION_DAYS_MAX}
                step={1}
                placeholder="Off"
                value={days[field]}
                onChange={(event) => {
                  const value = event.target.value;
                  setDays((current) => ({ ...current, [field]: value }));
                  setFieldErrors(({ [field]: _removed, ...rest }) => rest);
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <Choice
        type="checkbox"
        {...fieldControlProps(FORM_ID, "deleteNylasCopyWhenStored", { hasHint: false, describedByIds: [copyHintId] })}
        name="deleteNylasCopyWhenStored"
        label={DELETE_NYLAS_COPY_LABEL}
        hint="Nylas keeps a notetaker's files for 14 days. With this on, it is asked to delete them once every file is in our storage with its size and checksum verified."
        hintId={copyHintId}
        checked={deleteCopy}
        onChange={(event) => setDeleteCopy(event.target.checked)}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={isPending}>
          Save rules
        </Button>
        <p aria-live="polite" className={cn("min-w-0 flex-1 text-sm", state.status === "success" && !isPending ? "text-emerald-800" : "text-muted")}>
          {isPending ? "Saving…" : state.status === "success" ? state.message : null}
        </p>
      </div>
    </form>
  );
}
