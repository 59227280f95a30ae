/**
 * Keeps each role's Nylas scheduling configuration in step with the role and its panel. The
 * database is the source of truth: a save records the change, marks the role's
 * role_configurations row PENDING and enqueues a "nylas.sync-configuration" job
 * (requestConfigurationSync, in the save's transaction). The job creates the configuration (no id
 * yet) or PUTs the complete body (PUT replaces nested objects). A Nylas rejection (4xx) marks the
 * row FAILED with Nylas's own message at once: retrying the same body cannot help, the admin's
 * Retry or next edit does. Timeouts, 429 and 5xx retry on the "standard" policy, then FAIL.
 *
 * Rows are per API URI (Nylas environment), so switching sandbox → live creates new
 * configurations there. A sync marks SYNCED only when no newer change arrived while it ran
 * (sync_generation); the newer change has queued its own job, which runs after this one (one
 * role's syncs are serialised: two creates at once would make two configurations).
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { defineJobKind, enqueue, runDueJobs, type JobFailure } from "@/lib/jobs";
import { applyRecordingPolicy, effectiveRecordingPolicy } from "@/lib/privacy/policy";
import { getPrivacySettings } from "@/lib/privacy/settings";
import { getCurrentScorecard } from "@/lib/scorecards/versions";
import type { StoredOpenHours } from "@/lib/settings/open-hours";
import { describeNylasError, getNylas, isNylasNotFound, NylasApiError } from "./client";
import { buildConfigurationRequest, PANEL_SYNC_SELECT, type PanelForSync } from "./configuration-request";

type Tx = Prisma.TransactionClient;

export type TConfigurationSyncJob = { roleId: string; apiUri: string };

/**
 * Marks the roles' configurations at the current Nylas environment as needing a sync (creating
 * their rows when new) and enqueues their syncs. Call it in the transaction that saves the change.
 */
export async function requestConfigurationSync(tx: Tx | typeof db, roleIds: string[]): Promise<void> {
  if (roleIds.length === 0) return;
  const apiUri = getEnv().nylasApiUri;
  await tx.$executeRaw`
    INSERT INTO role_configurations (id, role_id, api_uri, sync_status, sync_attempts, sync_generation, next_sync_at, updated_at)
    SELECT gen_random_uuid(), r.id, ${apiUri}, 'PENDING', 0, 1, now(), now()
      FROM roles r WHERE r.id = ANY(${roleIds}::uuid[])
    ON CONFLICT (role_id, api_uri) DO UPDATE
       SET sync_status = 'PENDING', sync_attempts = 0, sync_generation = role_configurations.sync_generation + 1,
           next_sync_at = now(), updated_at = now()`;
  await enqueue(
    tx,
    configurationSyncJob,
    roleIds.map((roleId) => ({ roleId, apiUri })),
  );
}

export type SyncOutcome = { roleSlug: string; configurationId: string | null; action: "created" | "updated" | "failed"; error?: string };

/** A Nylas answer that retrying the same request cannot change (validation, auth, not found…). */
function isRejection(error: unknown): boolean {
  return error instanceof NylasApiError && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 408 && error.statusCode !== 429;
}

class SyncInputError extends Error {}

/**
 * Nylas's message for a refused sync. Slugs are unique across the Nylas application, so a refusal
 * naming the slug while the hosted page is on says what to do about it.
 */
export function describeSyncRejection(error: unknown, role: { slug: string; hostedPageEnabled: boolean }): string {
  const message = describeNylasError(error);
  if (!role.hostedPageEnabled || !/slug/i.test(message)) return message;
  return `The hosted booking page address “${role.slug}” is already used by another Nylas scheduling page: change the role's slug, or turn the hosted page off. (Nylas: ${message})`;
}

/** A failure worth retrying, with the change (sync_generation) the attempt was syncing. */
class TransientSyncError extends Error {
  constructor(
    readonly cause: unknown,
    readonly generation: number,
  ) {
    super(describeNylasError(cause));
  }
}

/** One sync of one role at this environment (the job's handler). Returns the writes that record it. */
async function syncConfiguration({ roleId, apiUri }: TConfigurationSyncJob): Promise<((tx: Tx) => Promise<void>) | void> {
  const env = getEnv();
  // Queued at another Nylas environment (the app was switched since): its rows wait for a switch back.
  if (apiUri !== env.nylasApiUri) return;
  const row = await db.roleConfiguration.findUnique({ where: { roleId_apiUri: { roleId, apiUri } }, select: { id: true, configurationId: true, grantId: true, syncGeneration: true } });
  const role = await db.role.findUnique({
    where: { id: roleId },
    select: { slug: true, title: true, published: true, hostedPageEnabled: true, recordingPolicy: true, panel: { select: PANEL_SYNC_SELECT } },
  });
  if (!row || !role) return; // the role was deleted
  const policy = effectiveRecordingPolicy((await getPrivacySettings(db)).recordingPolicy, role.recordingPolicy);

  const panel: PanelForSync = { ...role.panel, openHours: role.panel.openHours as StoredOpenHours[], members: role.panel.members.map((m) => m.interviewer) };
  // The recording policy decides the consent question and whether the Notetaker joins at all.
  const requestBody = applyRecordingPolicy(buildConfigurationRequest({ ...role, scorecard: await getCurrentScorecard(db, roleId) }, panel), policy) as never;
  // Live: configurations belong to the coordinator grant; sandbox: to the first panel member.
  const identifier = env.NYLAS_GRANT_ID ?? panel.members[0]?.email;

  let configurationId: string | null = null;
  let grantId: string | null = null;
  try {
    if (!identifier) throw new SyncInputError("The panel has no interviewers: add one, then save.");
    if (row.configurationId && row.grantId) {
      try {
        await getNylas().scheduler.configurations.update({ identifier: row.grantId, configurationId: row.configurationId, requestBody });
        configurationId = row.configurationId;
        grantId = row.grantId;
      } catch (error) {
        if (!isNylasNotFound(error)) throw error; // deleted on the Nylas side: create a new one
      }
    }
    if (!configurationId) {
      // The SDK's Configuration type omits `id`, which the API always returns.
      const created = await getNylas().scheduler.configurations.create({ identifier, requestBody });
      configurationId = (created.data as unknown as { id: string }).id;
      grantId = identifier;
    }
  } catch (error) {
    if (!(error instanceof SyncInputError) && !isRejection(error)) throw new TransientSyncError(error, row.syncGeneration);
    const message = error instanceof SyncInputError ? error.message : describeSyncRejection(error, role);
    // Final: FAILED with the reason, unless a newer change is queued (its own job syncs it).
    return async (tx) => {
      await tx.$executeRaw`
        UPDATE role_configurations
           SET last_sync_error = ${message}, sync_attempts = sync_attempts + 1, updated_at = now(),
               sync_status = CASE WHEN sync_generation = ${row.syncGeneration} THEN 'FAILED' ELSE 'PENDING' END::"ConfigurationSyncStatus"
         WHERE id = ${row.id}::uuid`;
    };
  }
  // SYNCED unless another change arrived meanwhile: its job runs next.
  return async (tx) => {
    await tx.$executeRaw`
      UPDATE role_configurations
         SET configuration_id = ${configurationId}, grant_id = ${grantId}, last_synced_at = now(), last_sync_error = NULL,
             sync_status = CASE WHEN sync_generation = ${row.syncGeneration} THEN 'SYNCED' ELSE 'PENDING' END::"ConfigurationSyncStatus",
             sync_attempts = 0, next_sync_at = now(), updated_at = now()
       WHERE id = ${row.id}::uuid`;
  };
}

async function recordSyncFailure(tx: Tx, { roleId, apiUri }: TConfigurationSyncJob, failure: JobFailure): Promise<void> {
  const generation = failure.error instanceof TransientSyncError ? failure.error.generation : null;
  await tx.$executeRaw`
    UPDATE role_configurations
       SET last_sync_error = ${failure.message}, sync_attempts = ${failure.attempt}, next_sync_at = COALESCE(${failure.retryAt}::timestamptz, now()), updated_at = now(),
           sync_status = CASE WHEN ${failure.retryAt === null} AND sync_generation = ${generation} THEN 'FAILED' ELSE 'PENDING' END::"ConfigurationSyncStatus"
     WHERE role_id = ${roleId}::uuid AND api_uri = ${apiUri}`;
  if (failure.retryAt) console.error(`[configuration-sync] role ${roleId}: ${failure.message} (retrying at ${failure.retryAt.toISOString()})`);
}

export const configurationSyncJob = defineJobKind<TConfigurationSyncJob>({
  name: "nylas.sync-configuration",
  title: "Sync roles to their Nylas scheduling configurations",
  concurrency: 2,
  retry: "standard",
  serialKey: (p) => `${p.apiUri}|${p.roleId}`,
  dedupKey: (p) => `${p.apiUri}|${p.roleId}`,
  run: (payload) => syncConfiguration(payload),
  onFailure: recordSyncFailure,
  onRetry: async (tx, { roleId, apiUri }) => {
    await tx.roleConfiguration.updateMany({ where: { roleId, apiUri, syncStatus: "FAILED" }, data: { syncStatus: "PENDING", syncAttempts: 0, nextSyncAt: new Date() } });
  },
  describeError: (error) => (error instanceof Error ? error.message : describeNylasError(error)),
});

/** Admin "Retry" on a role whose sync failed: PENDING, a new change, and a fresh job due now. */
export async function retryConfigurationSync(roleId: string): Promise<boolean> {
  await requestConfigurationSync(db, [roleId]);
  return true;
}

/**
 * Start-up (and tests): syncs every role now and reports each one. Marks all of them due (a new
 * build may send more fields), runs what this process can claim, then waits — up to `waitMs` —
 * for syncs another process's worker is running. Idempotent: safe to run at every start.
 */
export async function syncRoleConfigurations(opts: { waitMs?: number } = {}): Promise<SyncOutcome[]> {
  const apiUri = getEnv().nylasApiUri;
  const roles = await db.role.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, configurations: { where: { apiUri }, select: { configurationId: true } } } });
  const before = new Map(roles.map((r) => [r.id, r.configurations[0]?.configurationId ?? null]));
  const roleIds = roles.map((r) => r.id);
  await requestConfigurationSync(db, roleIds);

  const deadline = Date.now() + (opts.waitMs ?? 60_000);
  for (;;) {
    const ran = await runDueJobs(configurationSyncJob, { limit: 50 });
    const rows = await db.roleConfiguration.findMany({
      where: { apiUri, roleId: { in: roleIds } },
      select: { roleId: true, syncStatus: true, syncAttempts: true, lastSyncError: true, configurationId: true },
    });
    // Settled: synced, failed, or backing off after a transient error (reported as failed now).
    const settled = rows.every((r) => r.syncStatus !== "PENDING" || (r.syncAttempts > 0 && r.lastSyncError !== null));
    if ((settled && ran === 0) || Date.now() > deadline) {
      const byRole = new Map(rows.map((r) => [r.roleId, r]));
      return roles.map((role) => {
        const row = byRole.get(role.id);
        if (!row || row.syncStatus !== "SYNCED") {
          return { roleSlug: role.slug, configurationId: row?.configurationId ?? null, action: "failed" as const, error: row?.lastSyncError ?? "Still syncing." };
        }
        return { roleSlug: role.slug, configurationId: row.configurationId, action: before.get(role.id) && before.get(role.id) === row.configurationId ? ("updated" as const) : ("created" as const) };
      });
    }
    if (ran === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
