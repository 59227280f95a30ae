"use server";

import { revalidatePath } from "next/cache";
import { defineAction, formFields } from "@/lib/actions/define-action";
import { saveRecordingPolicy, setInterviewerRecordingOptOut } from "@/lib/privacy/recording-settings";
import { PATHS } from "@/lib/routes";
import { ZInterviewerOptOutInput, ZRecordingPolicyInput, type TRecordingOptOutState, type TRecordingPolicyState } from "@/lib/validations/privacy";

/**
 * POST (server action) /settings/privacy — "Save" on the default recording policy: stores it with
 * an audit entry and re-syncs every role that follows it. ADMIN only. For useActionState.
 */
export const saveRecordingPolicyAction = defineAction({
  name: "privacy.recording-policy-save",
  roles: ["ADMIN"],
  input: (_previous: TRecordingPolicyState, formData: FormData) => formFields(formData, "recordingPolicy"),
  schema: ZRecordingPolicyInput,
  failed: "Could not save the recording policy. Nothing was changed. Try again.",
  handler: async ({ recordingPolicy }, user): Promise<TRecordingPolicyState> => {
    const state = await saveRecordingPolicy(user, recordingPolicy);
    // The privacy page, the role pages' "Organisation default (…)" and the overview all show it.
    revalidatePath(PATHS.settings, "layout");
    return state;
  },
});

/**
 * POST (server action) /settings/panels/<id> — "Save" on an interviewer's recording opt-out. ADMIN
 * only. No sync: each booking's processing reads the flag. For useActionState.
 */
export const setInterviewerRecordingOptOutAction = defineAction({
  name: "privacy.interviewer-opt-out-save",
  roles: ["ADMIN"],
  input: (_previous: TRecordingOptOutState, formData: FormData) => formFields(formData, "interviewerId", "recordingOptOut"),
  schema: ZInterviewerOptOutInput,
  invalid: (error) => (error.issues.some((issue) => issue.path[0] === "interviewerId") ? "That is not an interviewer." : (error.issues[0]?.message ?? "Check the form.")),
  failed: "Could not save the recording preference. Nothing was changed. Try again.",
  handler: async ({ interviewerId, recordingOptOut }, user): Promise<TRecordingOptOutState> => {
    const state = await setInterviewerRecordingOptOut(user, interviewerId, recordingOptOut);
    if (state.status === "success") {
      revalidatePath(`${PATHS.settings}/panels`, "layout");
      revalidatePath(PATHS.account);
    }
    return state;
  },
});
