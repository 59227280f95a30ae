/**
 * The admin side of recording consent (issue 16, DESIGN "Recording consent, retention and
 * erasure"): the organisation's default recording policy, which roles follow it, and interviewers'
 * recording opt-outs. Each save is one transaction with its audit entry; a change of the default
 * queues a configuration sync (lib/nylas/sync-configurations.ts) for every role that follows it,
 * in the same transaction, so a saved policy always reaches Nylas. An opt-out needs no sync: the
 * booking's processing reads it per interview.
 */
import "server-only";
import { cache } from "react";
import { actionError } from "@/lib/actions/state";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { requestConfigurationSync } from "@/lib/nylas/sync-configurations";
import { recordAudit, type AuditActor } from "@/lib/settings/audit";
import { applyInterviewerOptOut } from "./interviewer-opt-out";
import { FALLBACK_RECORDING_POLICY, isRecordingPolicy, RECORDING_POLICY_LABELS, splitRolesByPolicy, type RecordingPolicy } from "./policy";
import { getPrivacySettings, PRIVACY_SETTINGS_ID } from "./settings";
import type { TRecordingOptOutState, TRecordingPolicyState } from "@/lib/validations/privacy";

type Tx = Prisma.TransactionClient;

export type RolePolicyRow = { id: string; title: string; published: boolean; recordingPolicy: RecordingPolicy | null };

export type RecordingPolicyOverview = {
  recordingPolicy: RecordingPolicy;
  updatedAt: Date | null;
  /** Roles that follow the default, by title. */
  inheriting: RolePolicyRow[];
  /** Roles with their own policy, by title. */
  overriding: RolePolicyRow[];
};

/** What /settings/privacy shows: the default and which roles follow it. */
export async function getRecordingPolicyOverview(): Promise<RecordingPolicyOverview> {
  const [settings, roles] = await Promise.all([
    getPrivacySettings(),
    db.role.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, published: true, recordingPolicy: true } }),
  ]);
  return { recordingPolicy: settings.recordingPolicy, updatedAt: settings.updatedAt, ...splitRolesByPolicy(roles) };
}

/** The audit entity of the organisation's privacy settings (one row). */
export const PRIVACY_AUDIT_ENTITY = { entityType: "privacy", entityId: String(PRIVACY_SETTINGS_ID), entityLabel: "Privacy settings" } as const;

/**
 * Saves the organisation's default recording policy. When it changed: the audit entry ("Default
 * recording policy", before → after, in words) and a sync of every role without an override.
 */
export async function saveRecordingPolicy(actor: AuditActor, recordingPolicy: RecordingPolicy): Promise<TRecordingPolicyState> {
  const result = await db.$transaction(
    async (tx) => {
      // The row exists from here on, locked: two admins' saves apply one after the other, each audited against what it replaced.
      await tx.$executeRaw`INSERT INTO privacy_settings (id, updated_at) VALUES (${PRIVACY_SETTINGS_ID}, now()) ON CONFLICT (id) DO NOTHING`;
      const [row] = await tx.$queryRaw<{ recording_policy: string }[]>`SELECT recording_policy::text FROM privacy_settings WHERE id = ${PRIVACY_SETTINGS_ID} FOR UPDATE`;
      const before = isRecordingPolicy(row?.recording_policy) ? row.recording_policy : FALLBACK_RECORDING_POLICY;
      if (before === recordingPolicy) return { changed: false, resyncedRoles: 0 };

      await tx.privacySettings.update({ where: { id: PRIVACY_SETTINGS_ID }, data: { recordingPolicy, updatedById: actor.id } });
      await recordAudit(tx, actor, {
        ...PRIVACY_AUDIT_ENTITY,
        action: "updated",
        changes: [{ field: "recordingPolicy", label: "Default recording policy", before: RECORDING_POLICY_LABELS[before], after: RECORDING_POLICY_LABELS[recordingPolicy] }],
      });
      // Roles with an override keep their configuration; the others now run under the new default.
      const inheriting = await tx.role.findMany({ where: { recordingPolicy: null }, select: { id: true } });
      await requestConfigurationSync(
        tx,
        inheriting.map((r) => r.id),
      );
      return { changed: true, resyncedRoles: inheriting.length };
    },
    { maxWait: 10_000, timeout: 30_000 },
  );
  const label = RECORDING_POLICY_LABELS[recordingPolicy];
  const message = !result.changed
    ? `No changes to save: the default is already “${label}”.`
    : result.resyncedRoles === 0
      ? `Saved: the default is now “${label}”. Every role has its own policy, so no configuration changes.`
      : `Saved: the default is now “${label}”. Syncing ${result.resyncedRoles === 1 ? "1 role" : `${result.resyncedRoles} roles`} that use it with Nylas…`;
  return { status: "success", message, recordingPolicy, resyncedRoles: result.resyncedRoles };
}

// ───────────────────────────── Interviewer opt-out ─────────────────────────────

export type InterviewerRecording = { id: string; name: string; email: string; recordingOptOut: boolean };

const RECORDING_SELECT = { id: true, name: true, email: true, recordingOptOut: true } as const;

/** The panel's interviewers in round-robin order, with their opt-out (the panel page's card). */
export async function listPanelRecordingOptOuts(panelId: string): Promise<InterviewerRecording[]> {
  const members = await db.panelMember.findMany({ where: { panelId }, orderBy: { position: "asc" }, select: { interviewer: { select: RECORDING_SELECT } } });
  return members.map((m) => m.interviewer);
}

/**
 * The interviewer a signed-in user is (matched by email, as calendars are), or null. Cached per
 * request: the app shell's nav and /account both ask.
 */
export const getLinkedInterviewer = cache(async (email: string): Promise<InterviewerRecording | null> => {
  return db.interviewer.findUnique({ where: { email: email.trim().toLowerCase() }, select: RECORDING_SELECT });
});

async function saveOptOut(tx: Tx, actor: AuditActor, interviewerId: string, recordingOptOut: boolean): Promise<{ name: string; changed: boolean } | null> {
  const [current] = await tx.$queryRaw<{ name: string; recording_opt_out: boolean }[]>`
    SELECT name, recording_opt_out FROM interviewers WHERE id = ${interviewerId}::uuid FOR UPDATE`;
  if (!current) return null;
  if (current.recording_opt_out === recordingOptOut) return { name: current.name, changed: false };
  await tx.interviewer.update({ where: { id: interviewerId }, data: { recordingOptOut } });
  // Their interviews booked before the opt-out: not recorded either, Notetakers cancelled (same transaction).
  if (recordingOptOut) await applyInterviewerOptOut(tx, interviewerId);
  await recordAudit(tx, actor, {
    entityType: "interviewer",
    entityId: interviewerId,
    entityLabel: current.name,
    action: "updated",
    changes: [{ field: "recordingOptOut", label: "Opted out of recording", before: current.recording_opt_out, after: recordingOptOut }],
  });
  return { name: current.name, changed: true };
}

/** An admin sets an interviewer's opt-out (the panel page). */
export async function setInterviewerRecordingOptOut(actor: AuditActor, interviewerId: string, recordingOptOut: boolean): Promise<TRecordingOptOutState> {
  const saved = await db.$transaction((tx) => saveOptOut(tx, actor, interviewerId, recordingOptOut));
  if (!saved) return actionError("This interviewer no longer exists. Reload the page.");
  const outcome = recordingOptOut ? `${saved.name}'s interviews are not recorded from now on.` : `${saved.name}'s interviews are recorded again, as each role's policy says.`;
  return { status: "success", message: saved.changed ? `Saved. ${outcome}` : `No changes to save. ${outcome}`, recordingOptOut };
}

/** A signed-in interviewer sets their own opt-out (/account); refused for a user who is not an interviewer. */
export async function setOwnRecordingOptOut(user: AuditActor, recordingOptOut: boolean): Promise<TRecordingOptOutState> {
  const interviewer = await getLinkedInterviewer(user.email);
  if (!interviewer) return actionError("Your account is not linked to an interviewer, so there is no recording preference to save.");
  const saved = await db.$transaction((tx) => saveOptOut(tx, user, interviewer.id, recordingOptOut));
  if (!saved) return actionError("Your interviewer record no longer exists. Reload the page.");
  const outcome = recordingOptOut ? "Interviews you run are not recorded from now on." : "Interviews you run are recorded again, as each role's policy says.";
  return { status: "success", message: saved.changed ? `Saved. ${outcome}` : `No changes to save. ${outcome}`, recordingOptOut };
}
