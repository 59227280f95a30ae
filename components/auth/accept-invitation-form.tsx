"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { DEFAULT_SIGNED_IN_PATH } from "@/lib/auth/callback-url";
import { MIN_PASSWORD_LENGTH } from "@/lib/validations/auth";
import type { TAcceptInvitationState } from "@/lib/validations/team";

export type AcceptInvitationFormProps = {
  token: string;
  /** acceptInvitationAction. */
  action: (previous: TAcceptInvitationState, formData: FormData) => Promise<TAcceptInvitationState>;
};

const FORM_ID = "accept-invitation";

/**
 * /invite/<token>: "Name" and "Password" → "Create account". Once the account exists, signs it in
 * with the same password (next-auth's credentials sign-in) and opens the home page; a failed
 * sign-in after that says the account is ready and to sign in.
 */
export function AcceptInvitationForm({ token, action }: AcceptInvitationFormProps) {
  const [state, setState] = useState<TAcceptInvitationState>({ status: "idle" });
  const [isPending, setIsPending] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const data = new FormData(event.currentTarget);
    setIsPending(true);
    let result: TAcceptInvitationState;
    try {
      result = await action(state, data);
    } catch {
      result = { status: "error", message: "Could not reach the server. Check your connection and try again.", fieldErrors: {} };
    }
    if (result.status === "success") {
      setState(result);
      const signedIn = await signIn("credentials", { email: result.email, password: String(data.get("password") ?? ""), redirect: false }).catch(() => undefined);
      if (signedIn?.ok && !signedIn.error) {
        // A full navigation, so every server component renders with the new session cookie.
        window.location.assign(DEFAULT_SIGNED_IN_PATH);
        return;
      }
      setState({ status: "error", message: "Your account is ready, but signing you in failed. Sign in with your email and the password you chose.", fieldErrors: {} });
      setIsPending(false);
      return;
    }
    setState(result);
    setIsPending(false);
    if (result.status === "error") (result.fieldErrors.name ? nameRef : passwordRef).current?.focus();
  }

  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5">
      {state.status === "error" ? <Alert variant="error">{state.message}</Alert> : null}
      {state.status === "success" ? <Alert variant="success">{state.message}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <Field formId={FORM_ID} path="name" label="Name" error={errors.name}>
        {(control) => <Input {...control} ref={nameRef} name="name" autoComplete="name" required maxLength={200} autoFocus />}
      </Field>
      <Field formId={FORM_ID} path="password" label="Password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`} error={errors.password}>
        {(control) => <Input {...control} ref={passwordRef} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      <Button type="submit" size="lg" pending={isPending} className="w-full">
        Create account
      </Button>
    </form>
  );
}
