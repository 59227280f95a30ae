"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ZRetentionSettingsInput, type TRetentionSettingsState } from "@/lib/privacy/retention-form";
import { saveRetentionSettings } from "@/lib/privacy/retention-settings";
import { PATHS } from "@/lib/routes";

/**
 * POST (server action) /settings/privacy — "Save rules": the retention rules and the Nylas-copy
 * option, with an audit entry. ADMIN only. Each refused field gets its own error; nothing is saved.
 */
export const saveRetentionRulesAction = defineAction({
  name: "privacy.retention-save",
  roles: ["ADMIN"],
  input: (input: unknown) => input,
  schema: ZRetentionSettingsInput,
  invalid: (error) => (error.issues.length > 1 ? "Check the fields marked below." : (error.issues[0]?.message ?? "Check the rules.")),
  failed: "Could not save the rules. Nothing was changed. Try again.",
  handler: async (input, user): Promise<TRetentionSettingsState> => {
    const state = await saveRetentionSettings(user, input);
    if (state.status === "success") revalidatePath(PATHS.settingsPrivacy);
    return state;
  },
});
