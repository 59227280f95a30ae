import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";
import { Hint } from "@/components/ui/form-controls";
import { describedBy, errorDomId, fieldDomId, hintDomId } from "@/components/ui/field-errors";

/** What a field's control spreads: its id and the ARIA that ties it to its hint and error. */
export type FieldControlProps = {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

export type FieldProps = {
  formId: string;
  /** The field's path in the form's input ("durationMinutes", "members.2.email"). */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Extra ids for aria-describedby (a character count, a preview). */
  describedByIds?: string[];
  /** Label visually hidden (a table-like row whose column says what it is). */
  isLabelHidden?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
  /** Below the control, above the hint (e.g. a character count). */
  after?: ReactNode;
  /**
   * Announce the error when it appears (a polite live region). For forms without an
   * <ErrorSummary>, whose errors would otherwise go unheard until the field is focused.
   */
  isErrorAnnounced?: boolean;
};

/** The ids a field's control needs, for controls laid out without <Field> (checkbox rows). */
export function fieldControlProps(formId: string, path: string, options: { error?: string; hasHint?: boolean; describedByIds?: string[] } = {}): FieldControlProps {
  return {
    id: fieldDomId(formId, path),
    "aria-invalid": options.error ? true : undefined,
    "aria-describedby": describedBy(options.error && errorDomId(formId, path), options.hasHint && hintDomId(formId, path), ...(options.describedByIds ?? [])),
  };
}

/**
 * A labelled form field: label, control, hint and — after a failed save — its error in place,
 * wired with aria-invalid and aria-describedby (error first, so it is read first).
 */
export function Field({ formId, path, label, hint, error, describedByIds, isLabelHidden, className, children, after, isErrorAnnounced = false }: FieldProps) {
  const control = fieldControlProps(formId, path, { error, hasHint: Boolean(hint), describedByIds });
  const errorLine = <FieldError id={errorDomId(formId, path)} message={error} />;
  return (
    <div className={cn("min-w-0", className)}>
      <Label htmlFor={control.id} className={isLabelHidden ? "sr-only" : undefined}>
        {label}
      </Label>
      <div className={isLabelHidden ? undefined : "mt-1.5"}>{children(control)}</div>
      {after}
      {hint ? <Hint id={hintDomId(formId, path)}>{hint}</Hint> : null}
      {/* The live region is always in the DOM, so the error is announced when it appears. */}
      {isErrorAnnounced ? <div aria-live="polite">{errorLine}</div> : errorLine}
    </div>
  );
}

export type FieldsetProps = {
  formId: string;
  path?: string;
  legend: ReactNode;
  description?: ReactNode;
  /** An error about the group as a whole ("Open at least one day."). */
  error?: string;
  className?: string;
  children: ReactNode;
};

/** A titled group of fields (a form section), with an optional error about the whole group. */
export function Fieldset({ formId, path, legend, description, error, className, children }: FieldsetProps) {
  const groupId = path ? fieldDomId(formId, path) : undefined;
  const descriptionId = groupId ? `${groupId}-description` : undefined;
  return (
    <fieldset
      id={groupId}
      tabIndex={groupId ? -1 : undefined}
      aria-describedby={describedBy(Boolean(error && path) && errorDomId(formId, path ?? ""), Boolean(description) && descriptionId)}
      className={cn("min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-brand-600 sm:p-6", className)}
    >
      <legend className="float-left w-full text-base font-semibold text-ink">{legend}</legend>
      {description ? (
        <p id={descriptionId} className="clear-left pt-1 text-sm text-muted">
          {description}
        </p>
      ) : null}
      {path ? <FieldError id={errorDomId(formId, path)} message={error} className="clear-left" /> : null}
      <div className="clear-left space-y-5 pt-5">{children}</div>
    </fieldset>
  );
}
