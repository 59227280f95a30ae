"use client";

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { textLinkClasses } from "@/components/ui/text-link";
import { useActionForm } from "@/components/ui/use-action-form";
import { PATHS } from "@/lib/routes";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/auth";
import type { TResetPasswordState } from "@/lib/validations/account";

export type ResetPasswordFormProps = {
  /** The link's token (posted back; the server checks it again). */
  token: string;
  /** The account's email: a hidden username field, so password managers save the new password against it. */
  email: string;
  /** resetPasswordAction, passed down by the page. */
  action: (previous: TResetPasswordState, formData: FormData) => Promise<TResetPasswordState>;
};

const INITIAL_STATE: TResetPasswordState = { status: "idle" };
const FORM_ID = "reset-password";

/** "New password", "Confirm new password", "Set new password"; success goes to /login (the action redirects). */
export function ResetPasswordForm({ token, email, action }: ResetPasswordFormProps) {
  const { state, isPending, onSubmit } = useActionForm(action, INITIAL_STATE);
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const formError = state.status === "error" && !fieldErrors.newPassword && !fieldErrors.confirmPassword ? state.message : null;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5">
      <div aria-live="polite">
        {formError ? (
          <Alert variant="error" role="none">
            {formError}
            {state.status === "error" && state.linkProblem ? (
              <>
                {" "}
                <Link href={PATHS.forgotPassword} className={textLinkClasses({ className: "text-red-800 underline" })}>
                  Request a new link
                </Link>
              </>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <input type="hidden" name="token" value={token} />
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <Field formId={FORM_ID} path="newPassword" label="New password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={fieldErrors.newPassword} isErrorAnnounced>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" required autoFocus />}
      </Field>
      <Field formId={FORM_ID} path="confirmPassword" label="Confirm new password" error={fieldErrors.confirmPassword} isErrorAnnounced>
        {(control) => <Input {...control} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" size="lg" pending={isPending} className="w-full">
        Set new password
      </Button>
    </form>
  );
}
