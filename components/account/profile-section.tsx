"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { useActionForm } from "@/components/ui/use-action-form";
import { MAX_NAME_LENGTH, type TProfileState } from "@/lib/validations/account";

export type ProfileSectionProps = {
  name: string;
  email: string;
  /** The role's label ("Recruiter"): shown, not editable here (admins change roles). */
  roleLabel: string;
  /** saveProfileAction. */
  action: (previous: TProfileState, formData: FormData) => Promise<TProfileState>;
};

const INITIAL_STATE: TProfileState = { status: "idle" };
const FORM_ID = "profile";

/** /account, "Profile": the user's name (editable), email and role (read-only). */
export function ProfileSection({ name, email, roleLabel, action }: ProfileSectionProps) {
  const { state, isPending, onSubmit } = useActionForm(action, INITIAL_STATE);
  const [typed, setTyped] = useState(name);
  const saved = state.status === "success" ? state.name : name;
  const nameError = state.status === "error" ? state.fieldErrors.name : undefined;
  return (
    <section aria-labelledby="profile-heading" className="max-w-3xl space-y-3">
      <h2 id="profile-heading" className="text-lg font-semibold text-ink">
        Profile
      </h2>
      <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-ink">Email</dt>
          <dd className="text-muted">{email}</dd>
          <dt className="font-medium text-ink">Role</dt>
          <dd className="text-muted">
            {roleLabel} <span className="text-xs">(an admin changes roles)</span>
          </dd>
        </dl>
        <form noValidate onSubmit={onSubmit} className="space-y-3">
          <Field formId={FORM_ID} path="name" label="Name" error={nameError} isErrorAnnounced>
            {(control) => <Input {...control} name="name" autoComplete="name" maxLength={MAX_NAME_LENGTH} value={typed} onChange={(e) => setTyped(e.target.value)} className="max-w-md" required />}
          </Field>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" variant="secondary" size="sm" pending={isPending}>
              Save name
            </Button>
            <SaveOutcome
              isPending={isPending}
              error={state.status === "error" && !nameError ? state.message : null}
              isDirty={typed.trim() !== saved}
              success={state.status === "success" ? state.message : null}
            />
          </div>
        </form>
      </div>
    </section>
  );
}
