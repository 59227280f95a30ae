"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { getSafeCallbackUrl } from "@/lib/auth/callback-url";
import { describeSignInError } from "@/lib/auth/sign-in-errors";
import { ZSignIn } from "@/lib/validations/auth";

export type LoginFormProps = {
  /** Where to go after signing in; re-checked here, falls back to /dashboard. */
  callbackUrl: string;
  /** An error code next-auth put in the URL (e.g. after a sign-in without JavaScript). */
  initialError?: string | null;
};

type FieldErrors = { email?: string; password?: string };

/** One sign-in form per page: its fields' ids derive from this. */
const FORM_ID = "login";

/** Email + password sign-in. Exactly two labelled inputs and one "Sign in" button. */
export function LoginForm({ callbackUrl, initialError }: LoginFormProps) {
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [isPending, setIsPending] = useState(false);
  const [formError, setFormError] = useState<string | null>(() => describeSignInError(initialError));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const data = new FormData(event.currentTarget);
    const parsed = ZSignIn.safeParse({ email: data.get("email"), password: data.get("password") });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "email" || field === "password") && !errors[field]) errors[field] = issue.message;
      }
      setFieldErrors(errors);
      setFormError(null);
      (errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }

    setFieldErrors({});
    setFormError(null);
    setIsPending(true);
    let result: Awaited<ReturnType<typeof signIn>>;
    try {
      result = await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
    } catch {
      result = undefined;
    }
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session cookie.
      // The button stays pending until the next page replaces this one.
      window.location.assign(getSafeCallbackUrl(callbackUrl));
      return;
    }
    setIsPending(false);
    setFormError(describeSignInError(result?.error ?? "unknown"));
    // Focus and select the password so it can be retyped at once (not cleared: the user may
    // already be typing again while the request was in flight).
    passwordRef.current?.focus();
    passwordRef.current?.select();
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5">
      {formError ? <Alert variant="error">{formError}</Alert> : null}

      <Field formId={FORM_ID} path="email" label="Email" error={fieldErrors.email}>
        {(control) => <Input {...control} ref={emailRef} name="email" type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} required autoFocus />}
      </Field>

      <Field formId={FORM_ID} path="password" label="Password" error={fieldErrors.password}>
        {(control) => <Input {...control} ref={passwordRef} name="password" type="password" autoComplete="current-password" required />}
      </Field>

      <Button type="submit" size="lg" pending={isPending} className="w-full">
        Sign in
      </Button>
    </form>
  );
}
