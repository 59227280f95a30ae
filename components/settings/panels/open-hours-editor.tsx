"use client";

import { Select } from "@/components/ui/form-controls";
import { Field } from "@/components/ui/field";
import { describedBy, errorDomId, fieldDomId } from "@/components/ui/field-errors";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { WEEKDAYS, type TOpenHoursDay, type TOpenHoursInput } from "@/lib/validations/settings";
import { cn } from "@/lib/utils";

export type OpenHoursEditorProps = {
  formId: string;
  value: TOpenHoursInput;
  timeZones: string[];
  fieldErrors: Record<string, string>;
  onChange: (value: TOpenHoursInput, editedPaths: string[]) => void;
};

const TICK = "size-4 shrink-0 rounded border-slate-400 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/**
 * When interviews may be booked: one range per weekday (Monday first), in one time zone or in each
 * interviewer's own. A day switched off keeps its hours, so switching it back on restores them.
 */
export function OpenHoursEditor({ formId, value, timeZones, fieldErrors, onChange }: OpenHoursEditorProps) {
  const setDay = (index: number, patch: Partial<TOpenHoursDay>, field: "enabled" | "start" | "end") =>
    onChange({ ...value, days: value.days.map((d, i) => (i === index ? { ...d, ...patch } : d)) }, [
      "openHours",
      `openHours.days.${index}.${field}`,
      ...(field === "start" ? [`openHours.days.${index}.end`] : []),
    ]);

  return (
    <div className="space-y-5">
      <Field
        formId={formId}
        path="openHours.timezone"
        label="Open hours time zone"
        hint="The time zone of the hours below. “Each interviewer's own” reads 9:00 as nine in the morning wherever each interviewer is."
        error={fieldErrors["openHours.timezone"]}
        className="max-w-md"
      >
        {(control) => (
          <Select {...control} value={value.timezone} onChange={(e) => onChange({ ...value, timezone: e.target.value }, ["openHours.timezone"])}>
            <option value="">Each interviewer&apos;s own time zone</option>
            {(value.timezone === "" || timeZones.includes(value.timezone) ? timeZones : [value.timezone, ...timeZones]).map((tz) => (
              <option key={tz} value={tz}>
                {tz}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <table className="w-full max-w-xl text-sm">
        <caption className="sr-only">Open hours per weekday</caption>
        <thead className="text-left text-xs font-semibold uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="pb-2 pr-4 font-semibold">
              Day
            </th>
            <th scope="col" className="pb-2 pr-3 font-semibold">
              From
            </th>
            <th scope="col" className="pb-2 font-semibold">
              To
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {WEEKDAYS.map(({ day, label }) => {
            const index = value.days.findIndex((d) => d.day === day);
            const row = value.days[index];
            if (!row) return null;
            const enabledId = fieldDomId(formId, `openHours.days.${index}.enabled`);
            return (
              <tr key={day} className="align-top">
                <th scope="row" className="py-2 pr-4 text-left font-normal">
                  <label htmlFor={enabledId} className="flex h-10 cursor-pointer items-center gap-2.5 font-medium text-ink">
                    <input id={enabledId} type="checkbox" className={TICK} checked={row.enabled} onChange={(e) => setDay(index, { enabled: e.target.checked }, "enabled")} />
                    {label}
                  </label>
                </th>
                <td className="py-2 pr-3">
                  <TimeCell
                    formId={formId}
                    path={`openHours.days.${index}.start`}
                    label={`${label} from`}
                    value={row.start}
                    isEnabled={row.enabled}
                    error={fieldErrors[`openHours.days.${index}.start`]}
                    onChange={(start) => setDay(index, { start }, "start")}
                  />
                </td>
                <td className="py-2">
                  <TimeCell
                    formId={formId}
                    path={`openHours.days.${index}.end`}
                    label={`${label} to`}
                    value={row.end}
                    isEnabled={row.enabled}
                    error={fieldErrors[`openHours.days.${index}.end`]}
                    onChange={(end) => setDay(index, { end }, "end")}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

type TimeCellProps = { formId: string; path: string; label: string; value: string; isEnabled: boolean; error?: string; onChange: (value: string) => void };

/** One time of a weekday's range: labelled for screen readers (the column header says it to sighted users), its error below. */
function TimeCell({ formId, path, label, value, isEnabled, error, onChange }: TimeCellProps) {
  const id = fieldDomId(formId, path);
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Input
        id={id}
        type="time"
        step={300}
        value={value}
        disabled={!isEnabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(Boolean(error) && errorDomId(formId, path))}
        className={cn("w-32", !isEnabled && "text-muted")}
        onChange={(e) => onChange(e.target.value)}
      />
      <FieldError id={errorDomId(formId, path)} message={error} />
    </>
  );
}
