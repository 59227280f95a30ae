"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { saveWeeklyCap } from "@/lib/load/weekly-cap";
import { readWeeklyCapForm, ZWeeklyCapInput, type TWeeklyCapState } from "@/lib/validations/load";

/**
 * POST (server action) /settings/load — "Save" on an interviewer's weekly cap: stores it with an
 * audit entry, then places or removes their load cap block through Nylas. ADMIN only. For useActionState.
 */
export const setWeeklyCapAction = defineAction({
  name: "load.weekly-cap-save",
  roles: ["ADMIN"],
  input: (_previous: TWeeklyCapState, formData: FormData) => readWeeklyCapForm(formData),
  schema: ZWeeklyCapInput,
  invalid: (error) => (error.issues.some((issue) => issue.path[0] === "weeklyCap") ? "Check the weekly cap." : "That is not an interviewer."),
  failed: "Could not save the cap. Nothing was changed. Try again.",
  // The form resets after a save: what was typed shows again beside its error.
  errorData: (_previous, formData) => {
    const { weeklyCap } = readWeeklyCapForm(formData);
    return { submittedCap: typeof weeklyCap === "string" ? weeklyCap : "" };
  },
  handler: async (input, user): Promise<TWeeklyCapState> => {
    const state = await saveWeeklyCap(user, input);
    if (state.status === "success") revalidatePath("/settings/load");
    return state;
  },
});
