import { cache } from "react";
import { isRecordId } from "@/components/settings/form/settings-ids";
import { requireAdmin } from "@/lib/auth";
import { settingsPanelPath } from "@/lib/routes";
import { getPanelForEdit } from "@/lib/settings/panels";

/** The panel being edited (null: 404), read once per request by the layout and the page. ADMIN only. */
export const loadPanel = cache(async (id: string) => {
  await requireAdmin(settingsPanelPath(id));
  return isRecordId(id) ? getPanelForEdit(id) : null;
});
