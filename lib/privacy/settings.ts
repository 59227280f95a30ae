/**
 * The organisation's privacy settings (one row, prisma/schema/privacy.prisma): the default
 * recording policy, the retention rules and whether to delete Nylas's copy once ours is stored.
 * Read with the defaults when the row does not exist yet; values are checked on the way out, so a
 * corrupt row never records someone who was not asked (lib/privacy/policy.ts).
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { effectiveRecordingPolicy, FALLBACK_RECORDING_POLICY, isRecordingPolicy, type RecordingPolicy } from "./policy";
import { ZRetentionRules, type RetentionRules } from "./retention";

type Reader = Pick<Prisma.TransactionClient, "privacySettings">;

export type PrivacySettingsView = {
  recordingPolicy: RecordingPolicy;
  rules: RetentionRules;
  deleteNylasCopyWhenStored: boolean;
  lastRetentionRunAt: Date | null;
  updatedAt: Date | null;
};

export const PRIVACY_SETTINGS_ID = 1;

const DEFAULTS: PrivacySettingsView = {
  recordingPolicy: "INFORM_ONLY",
  rules: { deleteMediaDaysAfterRejection: null, deleteMediaDaysAfterHire: null, anonymizeDaysAfterRejection: null },
  deleteNylasCopyWhenStored: false,
  lastRetentionRunAt: null,
  updatedAt: null,
};

/** The settings, or the defaults when none were saved. Unreadable rules read as off (nothing is deleted by accident). */
export async function getPrivacySettings(client: Reader = db): Promise<PrivacySettingsView> {
  const row = await client.privacySettings.findUnique({ where: { id: PRIVACY_SETTINGS_ID } });
  if (!row) return DEFAULTS;
  const rules = ZRetentionRules.safeParse({
    deleteMediaDaysAfterRejection: row.deleteMediaDaysAfterRejection,
    deleteMediaDaysAfterHire: row.deleteMediaDaysAfterHire,
    anonymizeDaysAfterRejection: row.anonymizeDaysAfterRejection,
  });
  return {
    recordingPolicy: isRecordingPolicy(row.recordingPolicy) ? row.recordingPolicy : FALLBACK_RECORDING_POLICY,
    rules: rules.success ? rules.data : DEFAULTS.rules,
    deleteNylasCopyWhenStored: row.deleteNylasCopyWhenStored,
    lastRetentionRunAt: row.lastRetentionRunAt,
    updatedAt: row.updatedAt,
  };
}

/** The policy a role runs under now: its override, else the organisation default. */
export async function getRolePolicy(client: Pick<Prisma.TransactionClient, "privacySettings" | "role">, roleId: string): Promise<RecordingPolicy> {
  const [settings, role] = await Promise.all([getPrivacySettings(client), client.role.findUnique({ where: { id: roleId }, select: { recordingPolicy: true } })]);
  return effectiveRecordingPolicy(settings.recordingPolicy, role?.recordingPolicy ?? null);
}
