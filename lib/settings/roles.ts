/**
 * Roles: the admin's edit view, save and publish. Like panels (lib/settings/panels.ts), a save is
 * one transaction with its audit entry, a new scorecard version when the scorecard changed
 * (lib/scorecards/versions.ts) and the role's sync job; Nylas is reached by the worker.
 */
import "server-only";
import { actionError, toFieldErrors } from "@/lib/actions/state";
import { db } from "@/lib/db";
import { isPrismaError } from "@/lib/errors";
import type { ConfigurationSyncStatus } from "@/lib/generated/prisma/enums";
import { getEnv } from "@/lib/env";
import { requestConfigurationSync, retryConfigurationSync } from "@/lib/nylas/sync-configurations";
import { RECORDING_POLICY_LABELS, type RecordingPolicy } from "@/lib/privacy/policy";
import type { TScorecard } from "@/lib/scorecards/scorecard";
import { getLatestScorecardVersion, saveScorecardVersion, scorecardAuditView } from "@/lib/scorecards/versions";
import { ROLE_FIELD_LABELS, ZRoleInput, type TRoleInput, type TSaveState } from "@/lib/validations/settings";
import { recordAudit, type AuditActor } from "./audit";
import { diffFields } from "./diff";

export type RoleSync = {
  status: ConfigurationSyncStatus | "NONE";
  configurationId: string | null;
  lastSyncedAt: Date | null;
  /** Nylas's own message when the last attempt failed. */
  error: string | null;
  attempts: number;
  nextAttemptAt: Date | null;
};

export type RoleEditView = {
  id: string;
  /** With the role's current scorecard (null: none). */
  input: TRoleInput & { scorecard: TScorecard | null };
  updatedAt: string;
  sync: RoleSync;
  panelName: string;
  /** The scorecard's latest version (null: the role never had a scorecard). */
  scorecardVersion: { version: number; createdAt: Date; createdByEmail: string | null } | null;
};

export type PanelOption = { id: string; name: string; memberCount: number };

const ROLE_AUDIT_LABELS: Record<string, string> = ROLE_FIELD_LABELS;

export function defaultRoleInput(panelId = ""): TRoleInput & { scorecard: TScorecard | null } {
  return {
    title: "",
    slug: "",
    team: "",
    location: "",
    employment: "Full-time",
    summary: "",
    description: "",
    panelId,
    published: false,
    hostedPageEnabled: false,
    recordingPolicy: null,
    scorecard: null,
  };
}

type SyncRow = { syncStatus: ConfigurationSyncStatus; configurationId: string | null; lastSyncedAt: Date | null; lastSyncError: string | null; syncAttempts: number; nextSyncAt: Date };

export function toRoleSync(row: SyncRow | undefined): RoleSync {
  if (!row) return { status: "NONE", configurationId: null, lastSyncedAt: null, error: null, attempts: 0, nextAttemptAt: null };
  return {
    status: row.syncStatus,
    configurationId: row.configurationId,
    lastSyncedAt: row.lastSyncedAt,
    error: row.syncStatus === "SYNCED" ? null : row.lastSyncError,
    attempts: row.syncAttempts,
    nextAttemptAt: row.syncStatus === "PENDING" ? row.nextSyncAt : null,
  };
}

const SYNC_SELECT = { syncStatus: true, configurationId: true, lastSyncedAt: true, lastSyncError: true, syncAttempts: true, nextSyncAt: true } as const;

/** The role's columns the form edits (ZRoleInput without the scorecard), with updatedAt for the stale-save check. */
const ROLE_INPUT_SELECT = {
  title: true,
  slug: true,
  team: true,
  location: true,
  employment: true,
  summary: true,
  description: true,
  panelId: true,
  published: true,
  hostedPageEnabled: true,
  recordingPolicy: true,
  updatedAt: true,
} as const;

export async function getRoleForEdit(id: string): Promise<RoleEditView | null> {
  const role = await db.role.findUnique({
    where: { id },
    select: {
      id: true,
      ...ROLE_INPUT_SELECT,
      panel: { select: { name: true } },
      configurations: { where: { apiUri: getEnv().nylasApiUri }, select: SYNC_SELECT },
    },
  });
  if (!role) return null;
  const { id: roleId, updatedAt, panel, configurations, ...input } = role;
  const version = await getLatestScorecardVersion(db, roleId);
  return {
    id: roleId,
    input: { ...input, scorecard: version?.scorecard ?? null },
    updatedAt: updatedAt.toISOString(),
    sync: toRoleSync(configurations[0]),
    panelName: panel.name,
    scorecardVersion: version ? { version: version.version, createdAt: version.createdAt, createdByEmail: version.createdByEmail } : null,
  };
}

/** Panels a role can use, by name. */
export async function listPanelOptions(): Promise<PanelOption[]> {
  const panels = await db.panel.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { members: true } } } });
  return panels.map((p) => ({ id: p.id, name: p.name, memberCount: p._count.members }));
}

export type RoleSyncSummary = { roleId: string; sync: RoleSync };

/** Each role's sync state at the current Nylas environment (for polling while PENDING). */
export async function listRoleSyncStates(roleIds?: string[]): Promise<RoleSyncSummary[]> {
  const rows = await db.roleConfiguration.findMany({
    where: { apiUri: getEnv().nylasApiUri, ...(roleIds ? { roleId: { in: roleIds } } : {}) },
    select: { roleId: true, ...SYNC_SELECT },
  });
  return rows.map(({ roleId, ...row }) => ({ roleId, sync: toRoleSync(row) }));
}

/** A role's recording policy as the audit log shows it: the override's label, or "Organisation default". */
function describeRoleRecordingPolicy(policy: RecordingPolicy | null): string {
  return policy ? RECORDING_POLICY_LABELS[policy] : "Organisation default";
}

class SaveRefusal extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Creates (id null) or updates a role from the form; see savePanel for `expectedUpdatedAt`. */
export async function saveRole(actor: AuditActor, id: string | null, raw: unknown, expectedUpdatedAt: string | null): Promise<TSaveState> {
  const parsed = ZRoleInput.safeParse(raw);
  if (!parsed.success) return actionError("Some fields need attention.", toFieldErrors(parsed.error));
  const input = parsed.data;

  let result: { id: string; changed: boolean; scorecardVersion: { version: number; isEmpty: boolean } | null };
  try {
    result = await db.$transaction(
      async (tx) => {
        let before: (TRoleInput & { panel: string }) | null = null;
        if (id) {
          const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM roles WHERE id = ${id}::uuid FOR UPDATE`;
          if (locked.length === 0) throw new SaveRefusal("This role no longer exists.");
          const row = await tx.role.findUniqueOrThrow({
            where: { id },
            select: {
              ...ROLE_INPUT_SELECT,
              panel: { select: { name: true } },
            },
          });
          if (expectedUpdatedAt && row.updatedAt.toISOString() !== expectedUpdatedAt) {
            throw new SaveRefusal("Someone saved this role after you opened it. Your edits are still in the form: reload the page in another tab to see theirs, then save again here.");
          }
          const { updatedAt: _updatedAt, panel, ...fields } = row;
          before = { ...fields, panel: panel.name, scorecard: (await getLatestScorecardVersion(tx, id))?.scorecard ?? null };
        }
        const panel = await tx.panel.findUnique({ where: { id: input.panelId }, select: { name: true, _count: { select: { members: true } } } });
        if (!panel) throw new SaveRefusal("That panel no longer exists.", { panelId: "Choose a panel." });
        if (input.published && panel._count.members === 0) throw new SaveRefusal("A published role needs a panel with interviewers.", { panelId: "This panel has no interviewers yet." });
        const slugOwner = await tx.role.findUnique({ where: { slug: input.slug }, select: { id: true, title: true } });
        if (slugOwner && slugOwner.id !== id) throw new SaveRefusal("The slug is taken.", { slug: `“${slugOwner.title}” already uses /careers/${input.slug}.` });

        // The scorecard is left as it is when the input has none (publishing from the roles list).
        const { scorecard, ...columns } = input;
        const isScorecardSaved = scorecard !== undefined;
        const labels = { ...ROLE_AUDIT_LABELS };
        const view = ({ panelId: _p, scorecard: card, recordingPolicy, ...rest }: TRoleInput & { panel: string }) => ({
          ...rest,
          recordingPolicy: describeRoleRecordingPolicy(recordingPolicy ?? null),
          ...(isScorecardSaved ? scorecardAuditView(card ?? null, labels) : {}),
        });
        // The recording policy is left as it is when the input has none (publishing from the roles list).
        const after = {
          ...input,
          recordingPolicy: input.recordingPolicy === undefined ? (before?.recordingPolicy ?? null) : input.recordingPolicy,
          hostedPageEnabled: input.hostedPageEnabled ?? before?.hostedPageEnabled ?? false,
          panel: panel.name,
        };
        const changes = diffFields(before ? view(before) : {}, view(after), labels);
        if (id && changes.length === 0) return { id, changed: false, scorecardVersion: null };

        // updatedAt set explicitly: a change of the scorecard alone is a change of the role (stale-save check).
        const saved = id ? await tx.role.update({ where: { id }, data: { ...columns, updatedAt: new Date() }, select: { id: true } }) : await tx.role.create({ data: columns, select: { id: true } });
        const version = isScorecardSaved ? await saveScorecardVersion(tx, saved.id, scorecard ?? null, actor.id) : null;
        if (version?.created) changes.push({ field: "scorecardVersion", label: "Scorecard version", before: version.version > 1 ? version.version - 1 : null, after: version.version });
        const action = !id ? "created" : changes.length === 1 && changes[0]!.field === "published" ? (input.published ? "published" : "unpublished") : "updated";
        await recordAudit(tx, actor, { entityType: "role", entityId: saved.id, entityLabel: input.title, action, changes });
        // Publishing alone does not change the configuration (unless it carries the hosted page's
        // slug, which is only sent while the role is published); everything else may.
        if (action !== "published" && action !== "unpublished") await requestConfigurationSync(tx, [saved.id]);
        else if (after.hostedPageEnabled) await requestConfigurationSync(tx, [saved.id]);
        else if ((await tx.roleConfiguration.count({ where: { roleId: saved.id, apiUri: getEnv().nylasApiUri, configurationId: { not: null } } })) === 0)
          await requestConfigurationSync(tx, [saved.id]);
        return { id: saved.id, changed: true, scorecardVersion: version?.created ? { version: version.version, isEmpty: !scorecard } : null };
      },
      { maxWait: 10_000, timeout: 30_000 },
    );
  } catch (error) {
    if (error instanceof SaveRefusal) return actionError(error.message, error.fieldErrors);
    if (isPrismaError(error, "P2002")) return actionError("The slug is taken.", { slug: "Another role already uses this slug." });
    throw error;
  }
  const card = result.scorecardVersion;
  const scorecardNote = !card ? "" : card.isEmpty ? " The scorecard was removed: new bookings have none." : ` New bookings use scorecard version ${card.version}.`;
  return { status: "success", message: result.changed ? `Saved.${scorecardNote} Syncing with Nylas…` : "No changes to save.", id: result.id };
}

/** Publish or unpublish from the roles list. */
export async function setRolePublished(actor: AuditActor, id: string, published: boolean): Promise<TSaveState> {
  const role = await db.role.findUnique({
    where: { id },
    select: ROLE_INPUT_SELECT,
  });
  if (!role) return actionError("This role no longer exists.");
  const { updatedAt, ...input } = role;
  return saveRole(actor, id, { ...input, published }, updatedAt.toISOString());
}

/** The admin's "Retry" on a role's sync: due now with fresh attempts, and kept in the audit log. */
export async function retryRoleSync(actor: AuditActor, id: string): Promise<TSaveState> {
  const role = await db.role.findUnique({ where: { id }, select: { title: true } });
  if (!role) return actionError("This role no longer exists.");
  const sync = toRoleSync((await db.roleConfiguration.findFirst({ where: { roleId: id, apiUri: getEnv().nylasApiUri }, select: SYNC_SELECT })) ?? undefined);
  await retryConfigurationSync(id);
  await recordAudit(db, actor, {
    entityType: "role",
    entityId: id,
    entityLabel: role.title,
    action: "sync_retried",
    changes: sync.error ? [{ field: "lastSyncError", label: "Last Nylas error", before: sync.error, after: null }] : [],
  });
  return { status: "success", message: "Syncing with Nylas…", id };
}
