"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { actionError } from "@/lib/actions/state";
import { changeOwnPassword, updateOwnName } from "@/lib/auth/account";
import { setOwnRecordingOptOut } from "@/lib/privacy/recording-settings";
import { PATHS } from "@/lib/routes";
import { formatMinutes } from "@/lib/utils";
import { ZChangePasswordInput, ZProfileInput, type TChangePasswordState, type TProfileState } from "@/lib/validations/account";
import { ZOwnOptOutInput, type TRecordingOptOutState } from "@/lib/validations/privacy";

/**
 * POST (server action) /account — "Save" on "Do not record interviews I run". Any signed-in user;
 * it changes only the interviewer whose email is the user's (none: refused). For useActionState.
 */
export const saveOwnRecordingPreferenceAction = defineAction({
  name: "account.recording-preference-save",
  input: (_previous: TRecordingOptOutState, formData: FormData) => formFields(formData, "recordingOptOut"),
  schema: ZOwnOptOutInput,
  failed: "Could not save your recording preference. Nothing was changed. Try again.",
  handler: async ({ recordingOptOut }, user): Promise<TRecordingOptOutState> => {
    const state = await setOwnRecordingOptOut(user, recordingOptOut);
    if (state.status === "success") {
      revalidatePath(PATHS.account);
      revalidatePath(`${PATHS.settings}/panels`, "layout");
    }
    return state;
  },
});

/** POST (server action) /account — "Save" in "Profile": the signed-in user's own name. For useActionState. */
export const saveProfileAction = defineAction({
  name: "account.profile-save",
  input: (_previous: TProfileState, formData: FormData) => formFields(formData, "name"),
  schema: ZProfileInput,
  failed: "Could not save your name. Nothing was changed. Try again.",
  handler: async ({ name }, user): Promise<TProfileState> => {
    const saved = await updateOwnName(user.id, name);
    // The layout's header shows the name too.
    revalidatePath(PATHS.account, "layout");
    return { status: "success", message: "Name saved.", name: saved };
  },
});

/**
 * POST (server action) /account — "Change password" in "Password": the current password, then the
 * new one twice. Every other session ends (sessionVersion); the form signs this browser in again.
 * Nothing is revalidated: this browser's session is stale until it has signed in again.
 */
export const changePasswordAction = defineAction({
  name: "account.password-change",
  input: (_previous: TChangePasswordState, formData: FormData) => formFields(formData, "currentPassword", "newPassword", "confirmPassword"),
  schema: ZChangePasswordInput,
  failed: "Could not change your password. It is unchanged. Try again.",
  handler: async ({ currentPassword, newPassword }, user): Promise<TChangePasswordState> => {
    const result = await changeOwnPassword({ userId: user.id, currentPassword, newPassword });
    if (result.ok) return { status: "success", message: "Password changed. Every other session of yours has been signed out." };
    if (result.reason === "wrong_password") return actionError("Your current password is not right.", { currentPassword: "Your current password is not right." });
    if (result.reason === "changed_meanwhile") return actionError("Your password was changed elsewhere meanwhile. Sign in again with the new one.");
    return actionError(`Too many attempts to change your password. Try again in ${formatMinutes(result.retryAfterMinutes)}.`);
  },
});
