"use server";

import { revalidatePath } from "next/cache";
import { authenticatedAction } from "@/lib/auth";
import { savePanel } from "@/lib/settings/panels";
import { listRoleSyncStates, retryRoleSync, saveRole, setRolePublished, type RoleSyncSummary } from "@/lib/settings/roles";
import type { TSaveState } from "@/lib/validations/settings";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const idOrNull = (value: unknown): string | null | false => (value === null ? null : typeof value === "string" && UUID.test(value) ? value : false);
const stamp = (value: unknown): string | null => (typeof value === "string" && value.length <= 40 ? value : null);

const failed = (message: string): TSaveState => ({ status: "error", message, fieldErrors: {} });

/**
 * POST (server action) /settings/panels/new and /settings/panels/<id> — "Save". ADMIN only.
 * `input` is the whole form (TPanelInput, validated here); `updatedAt` the version it was loaded from.
 */
export const savePanelAction = authenticatedAction(
  async (user, id: string | null, input: unknown, updatedAt: string | null): Promise<TSaveState> => {
    const panelId = idOrNull(id);
    if (panelId === false) return failed("That is not a panel id.");
    try {
      const state = await savePanel({ id: user.id, email: user.email }, panelId, input, stamp(updatedAt));
      if (state.status === "success") {
        revalidatePath("/settings", "layout");
        revalidatePath("/careers", "layout"); // duration and the recording notice show there
      }
      return state;
    } catch (error) {
      console.error("[settings] panel save failed", error);
      return failed("Could not save the panel. Nothing was changed; your edits are still here. Try again.");
    }
  },
  { roles: ["ADMIN"] },
);

/** POST (server action) /settings/roles/new and /settings/roles/<id> — "Save". ADMIN only. */
export const saveRoleAction = authenticatedAction(
  async (user, id: string | null, input: unknown, updatedAt: string | null): Promise<TSaveState> => {
    const roleId = idOrNull(id);
    if (roleId === false) return failed("That is not a role id.");
    try {
      const state = await saveRole({ id: user.id, email: user.email }, roleId, input, stamp(updatedAt));
      if (state.status === "success") {
        revalidatePath("/settings", "layout");
        revalidatePath("/careers", "layout");
      }
      return state;
    } catch (error) {
      console.error("[settings] role save failed", error);
      return failed("Could not save the role. Nothing was changed; your edits are still here. Try again.");
    }
  },
  { roles: ["ADMIN"] },
);

/** POST (server action) /settings — "Publish" / "Unpublish" on a role. ADMIN only. */
export const setRolePublishedAction = authenticatedAction(
  async (user, id: string, published: boolean): Promise<TSaveState> => {
    if (typeof id !== "string" || !UUID.test(id) || typeof published !== "boolean") return failed("That is not a role.");
    try {
      const state = await setRolePublished({ id: user.id, email: user.email }, id, published);
      if (state.status === "success") {
        revalidatePath("/settings", "layout");
        revalidatePath("/careers", "layout");
      }
      return state;
    } catch (error) {
      console.error("[settings] publish failed", error);
      return failed("Could not change the role. Try again.");
    }
  },
  { roles: ["ADMIN"] },
);

/** POST (server action) /settings — "Retry" on a role whose Nylas sync failed. ADMIN only. */
export const retryRoleSyncAction = authenticatedAction(
  async (user, id: string): Promise<TSaveState> => {
    if (typeof id !== "string" || !UUID.test(id)) return failed("That is not a role.");
    try {
      const state = await retryRoleSync({ id: user.id, email: user.email }, id);
      revalidatePath("/settings", "layout");
      return state;
    } catch (error) {
      console.error("[settings] sync retry failed", error);
      return failed("Could not queue the sync. Try again.");
    }
  },
  { roles: ["ADMIN"] },
);

/** POST (server action) — the roles' sync states, polled while one is pending. ADMIN only. */
export const getRoleSyncStatesAction = authenticatedAction(
  async (_user, ids: string[]): Promise<RoleSyncSummary[]> => {
    const roleIds = Array.isArray(ids) ? ids.filter((id) => typeof id === "string" && UUID.test(id)).slice(0, 200) : [];
    return listRoleSyncStates(roleIds);
  },
  { roles: ["ADMIN"] },
);
