"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TForgotPasswordState } from "@/lib/validations/account";

export type ForgotPasswordFormProps = {
  /** requestPasswordResetAction, passed down by the page. */
  action: (previous: TForgotPasswordState, formData: FormData) => Promise<TForgotPasswordState>;
};

const INITIAL_STATE: TForgotPasswordState = { status: "idle" };

/**
 * "Email" and "Send reset link". The answer is the same whether or not the email has an account;
 * it replaces nothing, so the email can be corrected and sent again.
 */
export function ForgotPasswordForm({ action }: ForgotPasswordFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, INITIAL_STATE);
  const fieldError = state.status === "error" ? state.fieldErrors.email : undefined;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <div aria-live="polite">
        {state.status === "success" ? (
          <Alert variant="success" role="none">
            {state.message}
          </Alert>
        ) : state.status === "error" && !fieldError ? (
          <Alert variant="error" role="none">
            {state.message}
          </Alert>
        ) : null}
      </div>
      <Field formId="forgot-password" path="email" label="Email" error={fieldError} isErrorAnnounced>
        {(control) => <Input {...control} name="email" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} required autoFocus />}
      </Field>
      <Button type="submit" size="lg" pending={isPending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
