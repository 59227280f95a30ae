"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { focusField } from "@/components/ui/error-summary";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { TActionState } from "@/lib/actions/state";
import type { TConsoleCalendarFieldErrors } from "@/lib/sandbox";

export type ConnectCalendarFormProps = {
  /** updateCalendarConnectionAction, passed down by the page. */
  action: (previous: TActionState, formData: FormData) => Promise<TActionState>;
};

const FIELDS = ["email", "name", "timezone"] as const;
const EMPTY = { email: "", name: "", timezone: "" };
const FORM_ID = "connect-calendar";

/**
 * "Connect a calendar" for any email (an interviewer not yet on a panel, say): what connecting
 * through Nylas's hosted auth does. Errors sit under their field, and focus moves to the first.
 */
export function ConnectCalendarForm({ action }: ConnectCalendarFormProps) {
  const [values, setValues] = useState(EMPTY);
  const [state, formAction, isPending] = useActionState(
    async (previous: TActionState, formData: FormData) => {
      const next = await action(previous, formData);
      if (next.status === "success") setValues(EMPTY);
      return next;
    },
    { status: "idle" } as TActionState,
  );
  const fieldErrors: TConsoleCalendarFieldErrors = state.status === "error" ? state.fieldErrors : {};

  useEffect(() => {
    if (state.status !== "error") return;
    const first = FIELDS.find((f) => state.fieldErrors[f]);
    if (first) focusField(FORM_ID, first);
  }, [state]);

  const field = (key: (typeof FIELDS)[number], label: string, props: { type?: string; required?: boolean; placeholder?: string; hint?: string }) => (
    <Field formId={FORM_ID} path={key} label={label} hint={props.hint} error={fieldErrors[key]} className="flex-1 basis-48">
      {(control) => (
        <Input
          {...control}
          name={key}
          type={props.type}
          required={props.required}
          placeholder={props.placeholder}
          value={values[key]}
          onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        />
      )}
    </Field>
  );

  return (
    <form action={formAction} noValidate aria-labelledby="connect-calendar-heading" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:px-5">
      <h3 id="connect-calendar-heading" className="text-base font-semibold text-ink">
        Connect a calendar
      </h3>
      <input type="hidden" name="intent" value="connect" />
      <div className="flex flex-wrap items-start gap-4">
        {field("email", "Email", { type: "email", required: true, placeholder: "ana.lee@northwind.example" })}
        {field("name", "Name (optional)", { hint: "By default the interviewer's name, else the email." })}
        {field("timezone", "Time zone (optional)", { placeholder: "Europe/Berlin", hint: "By default the interviewer's, else UTC." })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" size="sm" pending={isPending}>
          Connect
        </Button>
        <p aria-live="polite" className={state.status === "error" ? "text-sm text-red-700" : "text-sm text-emerald-800"}>
          {isPending ? "Connecting…" : state.status === "idle" ? null : state.message}
        </p>
      </div>
    </form>
  );
}
