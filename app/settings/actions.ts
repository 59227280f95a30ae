"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import type { TActionState } from "@/lib/actions/state";
import { savePanel } from "@/lib/settings/panels";
import { listRoleSyncStates, retryRoleSync, saveRole, setRolePublished, type RoleSyncSummary } from "@/lib/settings/roles";
import { ZId, zId } from "@/lib/validations/ids";
import type { TSaveState } from "@/lib/validations/settings";

/** The version a form was loaded from (an ISO time); anything else means "do not check". */
const ZUpdatedAt = z.string().max(40).nullable().catch(null);

/** Saved settings show on the careers pages too (titles, durations, the recording notice). */
function revalidateSettings(state: TSaveState, { careers = true } = {}): TSaveState {
  if (state.status !== "success") return state;
  revalidatePath("/settings", "layout");
  if (careers) revalidatePath("/careers", "layout");
  return state;
}

/**
 * POST (server action) /settings/panels/new and /settings/panels/<id> — "Save". ADMIN only.
 * `input` is the whole form (TPanelInput, validated by savePanel); `updatedAt` the version it was loaded from.
 */
export const savePanelAction = defineAction({
  name: "settings.panel-save",
  roles: ["ADMIN"],
  input: (id: string | null, input: unknown, updatedAt: string | null) => ({ id, input, updatedAt }),
  schema: z.object({ id: zId("That is not a panel id.").nullable(), input: z.unknown(), updatedAt: ZUpdatedAt }),
  invalid: "That is not a panel id.",
  failed: "Could not save the panel. Nothing was changed; your edits are still here. Try again.",
  handler: async ({ id, input, updatedAt }, user): Promise<TSaveState> => revalidateSettings(await savePanel(user, id, input, updatedAt)),
});

/** POST (server action) /settings/roles/new and /settings/roles/<id> — "Save". ADMIN only. */
export const saveRoleAction = defineAction({
  name: "settings.role-save",
  roles: ["ADMIN"],
  input: (id: string | null, input: unknown, updatedAt: string | null) => ({ id, input, updatedAt }),
  schema: z.object({ id: zId("That is not a role id.").nullable(), input: z.unknown(), updatedAt: ZUpdatedAt }),
  invalid: "That is not a role id.",
  failed: "Could not save the role. Nothing was changed; your edits are still here. Try again.",
  handler: async ({ id, input, updatedAt }, user): Promise<TSaveState> => revalidateSettings(await saveRole(user, id, input, updatedAt)),
});

/** POST (server action) /settings — "Publish" / "Unpublish" on a role. ADMIN only. */
export const setRolePublishedAction = defineAction({
  name: "settings.role-publish",
  roles: ["ADMIN"],
  input: (id: string, published: boolean) => ({ id, published }),
  schema: z.object({ id: ZId, published: z.boolean() }),
  invalid: "That is not a role.",
  failed: "Could not change the role. Try again.",
  handler: async ({ id, published }, user): Promise<TSaveState> => revalidateSettings(await setRolePublished(user, id, published)),
});

/** POST (server action) /settings — "Retry" on a role whose Nylas sync failed. ADMIN only. */
export const retryRoleSyncAction = defineAction({
  name: "settings.role-sync-retry",
  roles: ["ADMIN"],
  input: (id: string) => ({ id }),
  schema: z.object({ id: ZId }),
  invalid: "That is not a role.",
  failed: "Could not queue the sync. Try again.",
  handler: async ({ id }, user): Promise<TSaveState> => {
    const state = await retryRoleSync(user, id);
    revalidatePath("/settings", "layout");
    return state;
  },
});

/** POST (server action) — the roles' sync states, polled while one is pending. ADMIN only. */
export const getRoleSyncStatesAction = defineAction({
  name: "settings.role-sync-states",
  roles: ["ADMIN"],
  input: (ids: string[]) => ({ ids }),
  // Ids that are not ids are dropped rather than failing the poll (at most 200 per call).
  schema: z.object({
    ids: z
      .array(z.unknown())
      .catch([])
      .transform((ids) => ids.flatMap((id) => ZId.safeParse(id).data ?? []).slice(0, 200)),
  }),
  failed: "Could not load the sync states.",
  handler: async ({ ids }): Promise<TActionState<{ states: RoleSyncSummary[] }>> => ({ status: "success", message: "", states: await listRoleSyncStates(ids) }),
});
