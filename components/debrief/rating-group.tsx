"use client";

import { RATING_OPTIONS, type Rating } from "@/lib/feedback/ratings";
import { cn } from "@/lib/utils";

export type RatingGroupProps = {
  /** The group's DOM id (the error summary focuses it). */
  id: string;
  /** The radios' form name, unique on the page. */
  name: string;
  /** The id of the element that names the group: the competency's heading, or "Overall recommendation". */
  labelledBy: string;
  value: Rating | null;
  onChange: (value: Rating) => void;
  describedBy?: string;
  isInvalid?: boolean;
};

/**
 * The 4-point scale as a radio group: native radios (arrow keys move and choose, Tab leaves the
 * group) whose labels are exactly "Strong no", "No", "Yes", "Strong yes" (DESIGN "Feedback UI
 * contract"), drawn as a row of pills, the radio itself visible in each.
 */
export function RatingGroup({ id, name, labelledBy, value, onChange, describedBy, isInvalid }: RatingGroupProps) {
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      role="radiogroup"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-invalid={isInvalid || undefined}
      className="flex min-w-0 flex-wrap gap-2 rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      {RATING_OPTIONS.map((option) => (
        <label
          key={option.value}
          className={cn(
            "inline-flex cursor-pointer items-center gap-1.5 rounded-full border py-1 pr-3 pl-2 text-sm font-medium transition-colors",
            value === option.value ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-ink hover:bg-slate-50",
            isInvalid && value === null && "border-red-700",
          )}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            className="size-4 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
