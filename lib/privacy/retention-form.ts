/**
 * Pure and client-safe: what the retention rules form on /settings/privacy sends and what a save
 * answers. Days follow ZRetentionRules (empty = off, 1..3650); the checkbox is a boolean.
 */
import { z } from "zod";
import type { TActionState } from "@/lib/actions/state";
import { RETENTION_FIELD_LABELS, ZRetentionRules, type RetentionRules } from "./retention";

export const ZRetentionSettingsInput = ZRetentionRules.extend({
  /** Ask Nylas to delete its copy once ours is stored and verified. */
  deleteNylasCopyWhenStored: z.boolean({ error: "Choose whether to delete Nylas's copy." }),
});
export type TRetentionSettingsInput = z.infer<typeof ZRetentionSettingsInput>;

export const DELETE_NYLAS_COPY_LABEL = "Delete Nylas's copy as soon as ours is stored and verified";

/** The audit entry's field labels. */
export const RETENTION_AUDIT_LABELS: Record<keyof TRetentionSettingsInput, string> = { ...RETENTION_FIELD_LABELS, deleteNylasCopyWhenStored: DELETE_NYLAS_COPY_LABEL };

/** The fields in page order (for the error summary and focus). */
export const RETENTION_FIELDS = ["deleteMediaDaysAfterRejection", "deleteMediaDaysAfterHire", "anonymizeDaysAfterRejection"] as const satisfies readonly (keyof RetentionRules)[];

export type TRetentionSettingsState = TActionState<{ rules: RetentionRules; deleteNylasCopyWhenStored: boolean }>;

/** Days as the form shows them: "" for off. */
export const daysText = (days: number | null): string => (days === null ? "" : String(days));
