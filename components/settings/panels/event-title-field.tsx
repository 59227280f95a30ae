"use client";

import { useRef } from "react";
import { Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { previewEventTitle, TITLE_TOKENS } from "@/lib/validations/settings";

export type EventTitleFieldProps = {
  formId: string;
  value: string;
  /** As typed in "Duration (minutes)"; the preview falls back to the token when it is not a number. */
  duration: string;
  error?: string;
  onChange: (value: string) => void;
};

/** A made-up candidate for the preview. */
const SAMPLE = { name: "Jordan Rivera", email: "jordan.rivera@example.com" };

const TOKEN_LABELS: Record<(typeof TITLE_TOKENS)[number], string> = {
  "${invitee}": "candidate's name",
  "${invitee_email}": "candidate's email",
  "${duration}": "duration",
};

/**
 * The calendar event's title, with buttons that insert Nylas's placeholders at the cursor and a
 * live preview of what the candidate's calendar will show.
 */
export function EventTitleField({ formId, value, duration, error, onChange }: EventTitleFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const previewId = `${formId}-event-title-preview`;
  const minutes = /^\d+$/.test(duration.trim()) ? Number(duration.trim()) : null;
  // Until the duration is a number, its placeholder previews as "?".
  const preview = previewEventTitle(minutes === null ? value.replaceAll("${duration}", "?") : value, { ...SAMPLE, durationMinutes: minutes ?? 0 });

  const insert = (token: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + token + value.slice(end));
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Field
      formId={formId}
      path="eventTitle"
      label="Event title"
      error={error}
      describedByIds={[previewId]}
      hint={
        <>
          Placeholders are filled in per booking:{" "}
          {TITLE_TOKENS.map((t, i) => (
            <span key={t}>
              {i ? ", " : ""}
              <code className="rounded bg-slate-100 px-1 text-xs">{t}</code> ({TOKEN_LABELS[t]})
            </span>
          ))}
          .
        </>
      }
      after={
        <>
          <div className="mt-2 flex flex-wrap gap-2" role="group" aria-label="Insert a placeholder">
            {TITLE_TOKENS.map((token) => (
              <Button key={token} size="sm" variant="ghost" className="border border-slate-200 bg-white font-mono text-xs" onClick={() => insert(token)}>
                <span className="sr-only">Insert </span>
                {token}
              </Button>
            ))}
          </div>
          <div id={previewId} className="mt-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3">
            <p className="text-xs font-semibold uppercase tracking-wide text-muted">Preview: the candidate&apos;s calendar shows</p>
            <p className="mt-1 flex items-center gap-2 text-sm font-medium text-ink">
              <span aria-hidden="true" className="h-4 w-1 shrink-0 rounded-full bg-brand-600" />
              <span className="[overflow-wrap:anywhere]">{preview.trim() || "(no title)"}</span>
            </p>
          </div>
        </>
      }
    >
      {(control) => <Input {...control} ref={inputRef} value={value} autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}
