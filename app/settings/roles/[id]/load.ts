import { cache } from "react";
import { isRecordId } from "@/components/settings/form/settings-ids";
import { requireAdmin } from "@/lib/auth";
import { settingsRolePath } from "@/lib/routes";
import { getRoleForEdit } from "@/lib/settings/roles";

/** The role being edited (null: 404), read once per request by the layout and the page. ADMIN only. */
export const loadRole = cache(async (id: string) => {
  await requireAdmin(settingsRolePath(id));
  return isRecordId(id) ? getRoleForEdit(id) : null;
});
