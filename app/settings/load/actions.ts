"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/auth";
import { saveWeeklyCap } from "@/lib/load/weekly-cap";
import { readWeeklyCapForm, type TWeeklyCapState } from "@/lib/validations/load";

/**
 * POST (server action) /settings/load — "Save" on an interviewer's weekly cap: stores it with an
 * audit entry, then places or removes their load cap block through Nylas. ADMIN only. For useActionState.
 */
export const setWeeklyCapAction = authenticatedAction(
  async (user, _previous: TWeeklyCapState, formData: FormData): Promise<TWeeklyCapState> => {
    const input = readWeeklyCapForm(formData);
    let state: TWeeklyCapState;
    try {
      state = await saveWeeklyCap({ id: user.id, email: user.email }, input);
    } catch (error) {
      console.error("[settings] weekly cap save failed", error);
      state = { status: "error", message: "Could not save the cap. Nothing was changed. Try again.", fieldErrors: {} };
    }
    if (state.status === "error") return { ...state, submittedCap: typeof input.weeklyCap === "string" ? input.weeklyCap : "" };
    revalidatePath("/settings/load");
    return state;
  },
  { roles: ["ADMIN"] },
);
