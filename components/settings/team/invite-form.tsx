"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/form-controls";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { USER_ROLES } from "@/lib/validations/auth";
import type { TInviteState } from "@/lib/validations/team";
import { RowActionForm, type TeamRowAction } from "./row-action-form";

export type InviteFormProps = {
  /** inviteUserAction. */
  action: (previous: TInviteState, formData: FormData) => Promise<TInviteState>;
  /** resendInvitationAction, offered when the email already has a pending invitation. */
  resendAction: TeamRowAction;
};

const FORM_ID = "invite";

/**
 * "Invite": Email and Role → "Send invitation". A refused email keeps what was typed and says why;
 * one with a pending invitation offers "Resend invitation" instead. After a success the form is
 * emptied for the next person.
 */
export function InviteForm({ action, resendAction }: InviteFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, { status: "idle" });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : undefined;
  // A new key after each answer re-mounts the inputs with what they should show (typed values after an error, empty after a success).
  const formKey = state.status === "idle" ? "idle" : `${state.status}:${state.message}`;

  return (
    <div className="space-y-4">
      {state.status === "error" ? (
        <Alert variant="error">
          <p>{state.message}</p>
          {state.pendingInvitationId ? (
            <div className="mt-2">
              <RowActionForm action={resendAction} fields={{ id: state.pendingInvitationId }} label="Resend invitation" target={values?.email ?? ""} variant="primary" />
            </div>
          ) : null}
        </Alert>
      ) : null}
      {state.status === "success" ? <Alert variant="success">{state.message}</Alert> : null}
      <form key={formKey} noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-4">
        <Field formId={FORM_ID} path="email" label="Email" error={errors.email} className="w-full max-w-sm">
          {(control) => (
            <Input {...control} name="email" type="email" autoComplete="off" inputMode="email" autoCapitalize="none" spellCheck={false} required defaultValue={values?.email ?? ""} maxLength={320} />
          )}
        </Field>
        <Field formId={FORM_ID} path="role" label="Role" error={errors.role} className="w-44">
          {(control) => (
            <Select {...control} name="role" defaultValue={values && (USER_ROLES as readonly string[]).includes(values.role) ? values.role : "INTERVIEWER"}>
              {USER_ROLES.map((value) => (
                <option key={value} value={value}>
                  {ROLE_LABELS[value]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" pending={isPending}>
          Send invitation
        </Button>
      </form>
    </div>
  );
}
