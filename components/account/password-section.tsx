"use client";

import { signIn } from "next-auth/react";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/auth";
import type { TChangePasswordState } from "@/lib/validations/account";

export type PasswordSectionProps = {
  /** The signed-in user's email: this browser signs in again with it after the change. */
  email: string;
  /** changePasswordAction. */
  action: (previous: TChangePasswordState, formData: FormData) => Promise<TChangePasswordState>;
};

const INITIAL_STATE: TChangePasswordState = { status: "idle" };
const FORM_ID = "password";

/**
 * The change, then a fresh sign-in of this browser with the new password: the change bumps the
 * session version, which ends every session signed in before it, this one included.
 */
function changeAndStaySignedIn(email: string, action: PasswordSectionProps["action"]) {
  return async (previous: TChangePasswordState, formData: FormData): Promise<TChangePasswordState> => {
    const state = await action(previous, formData);
    if (state.status !== "success") return state;
    const password = formData.get("newPassword");
    const result = await signIn("credentials", { email, password: typeof password === "string" ? password : "", redirect: false }).catch(() => undefined);
    if (result?.ok && !result.error) return { status: "success", message: `${state.message} You are still signed in here.` };
    return { status: "error", message: "Your password was changed, but signing this browser in again failed: sign in with the new password.", fieldErrors: {} };
  };
}

/** /account, "Password": current password, new password twice, "Change password". */
export function PasswordSection({ email, action }: PasswordSectionProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const changeAction = useMemo(() => changeAndStaySignedIn(email, action), [email, action]);
  const { state, isPending, onSubmit } = useActionForm(changeAction, INITIAL_STATE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const hasFieldError = Boolean(fieldErrors.currentPassword || fieldErrors.newPassword || fieldErrors.confirmPassword);

  // After a change the typed passwords are cleared; after an error they stay, to be corrected.
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);

  return (
    <section aria-labelledby="password-heading" className="max-w-3xl space-y-3">
      <h2 id="password-heading" className="text-lg font-semibold text-ink">
        Password
      </h2>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
        <Field formId={FORM_ID} path="currentPassword" label="Current password" error={fieldErrors.currentPassword} isErrorAnnounced>
          {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" required className="max-w-md" />}
        </Field>
        <Field formId={FORM_ID} path="newPassword" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={fieldErrors.newPassword} isErrorAnnounced>
          {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required className="max-w-md" />}
        </Field>
        <Field formId={FORM_ID} path="confirmPassword" label="Confirm new password" error={fieldErrors.confirmPassword} isErrorAnnounced>
          {(control) => <Input {...control} name="confirmPassword" type="password" autoComplete="new-password" required className="max-w-md" />}
        </Field>
        <p className="text-sm text-muted">Changing it signs you out everywhere else: other browsers and devices must sign in with the new password.</p>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" size="sm" pending={isPending}>
            Change password
          </Button>
          <SaveOutcome isPending={isPending} error={state.status === "error" && !hasFieldError ? state.message : null} isDirty={false} success={state.status === "success" ? state.message : null} />
        </div>
      </form>
    </section>
  );
}
