"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { setOwnRecordingOptOut } from "@/lib/privacy/recording-settings";
import { PATHS } from "@/lib/routes";
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
