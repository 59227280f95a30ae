/**
 * Saving the retention rules and the Nylas-copy option (/settings/privacy): the row (created on
 * the first save), its audit entry (entity "privacy", before and after) in one transaction. The
 * next daily run applies them; the page's preview shows what it will delete.
 */
import "server-only";
import { db } from "@/lib/db";
import { actionError, toFieldErrors } from "@/lib/actions/state";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { diffFields } from "@/lib/settings/diff";
import { RETENTION_AUDIT_LABELS, ZRetentionSettingsInput, type TRetentionSettingsState } from "./retention-form";
import { PRIVACY_SETTINGS_ID } from "./settings";

export const PRIVACY_AUDIT_ENTITY_ID = "privacy-settings";
export const PRIVACY_AUDIT_LABEL = "Privacy settings";

export async function saveRetentionSettings(actor: AuditActor, input: unknown): Promise<TRetentionSettingsState> {
  const parsed = ZRetentionSettingsInput.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = toFieldErrors(parsed.error);
    return actionError(Object.keys(fieldErrors).length > 1 ? "Check the fields marked below." : (parsed.error.issues[0]?.message ?? "Check the rules."), fieldErrors);
  }
  const next = parsed.data;
  const changed = await db.$transaction(async (tx) => {
    // Locked (or created): two admins saving at once get audit entries whose "before" is what each replaced.
    await tx.$executeRaw`INSERT INTO privacy_settings (id, updated_at) VALUES (${PRIVACY_SETTINGS_ID}, now()) ON CONFLICT (id) DO NOTHING`;
    const [current] = await tx.$queryRaw<
      { delete_media_days_after_rejection: number | null; delete_media_days_after_hire: number | null; anonymize_days_after_rejection: number | null; delete_nylas_copy_when_stored: boolean }[]
    >`SELECT delete_media_days_after_rejection, delete_media_days_after_hire, anonymize_days_after_rejection, delete_nylas_copy_when_stored FROM privacy_settings WHERE id = ${PRIVACY_SETTINGS_ID} FOR UPDATE`;
    const before = {
      deleteMediaDaysAfterRejection: current?.delete_media_days_after_rejection ?? null,
      deleteMediaDaysAfterHire: current?.delete_media_days_after_hire ?? null,
      anonymizeDaysAfterRejection: current?.anonymize_days_after_rejection ?? null,
      deleteNylasCopyWhenStored: current?.delete_nylas_copy_when_stored ?? false,
    };
    const changes = diffFields(before, next, RETENTION_AUDIT_LABELS);
    if (changes.length === 0) return false;
    await tx.privacySettings.update({ where: { id: PRIVACY_SETTINGS_ID }, data: { ...next, updatedById: actor.id } });
    await recordAudit(tx, actor, { entityType: "privacy", entityId: PRIVACY_AUDIT_ENTITY_ID, entityLabel: PRIVACY_AUDIT_LABEL, action: "updated", changes });
    return true;
  });
  const { deleteNylasCopyWhenStored, ...rules } = next;
  return { status: "success", message: changed ? "Retention rules saved. The next run applies them." : "Nothing to save: the rules are unchanged.", rules, deleteNylasCopyWhenStored };
}
