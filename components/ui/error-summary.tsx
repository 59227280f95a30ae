"use client";

import { useEffect, useRef } from "react";
import { candidatePaths, fieldDomId, orderFieldErrors } from "@/components/ui/field-errors";

export type ErrorSummaryProps = {
  formId: string;
  /** The save's message ("Some fields need attention.", a stale-edit notice…). */
  message: string;
  fieldErrors: Record<string, string>;
  /** Paths in page order ("members.*.email" matches every row). */
  order: readonly string[];
  /** How a path reads in the list ("Row 2: email"); the message alone when it returns null. */
  describePath?: (path: string) => string | null;
  /** Bumped on every failed save, so focus moves here again even when the message is the same. */
  attempt: number;
};

/** Focuses the field a path names, or its closest parent that is on the page. */
export function focusField(formId: string, path: string): void {
  for (const candidate of candidatePaths(path)) {
    const element = document.getElementById(fieldDomId(formId, candidate));
    if (element) {
      element.scrollIntoView({ block: "center" });
      element.focus({ preventScroll: true });
      return;
    }
  }
}

/**
 * After a failed save: the message, and each field error as a link that moves focus to its field.
 * Takes focus itself so keyboard and screen-reader users learn the save failed; the form's
 * values are untouched (nothing is lost).
 */
export function ErrorSummary({ formId, message, fieldErrors, order, describePath, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = orderFieldErrors(fieldErrors, order);

  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);

  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={`${formId}-error-summary-title`}
      className="rounded-xl border border-red-200 bg-red-50 px-5 py-4 text-sm text-red-800 outline-none focus-visible:ring-2 focus-visible:ring-red-700"
    >
      <p id={`${formId}-error-summary-title`} className="font-semibold">
        Not saved. {message}
      </p>
      {entries.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-5">
          {entries.map(([path, error]) => {
            const where = describePath?.(path);
            return (
              <li key={path}>
                <a
                  href={`#${fieldDomId(formId, path)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(formId, path);
                  }}
                  className="underline underline-offset-2 hover:no-underline focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
                >
                  {where ? `${where}: ${error}` : error}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
