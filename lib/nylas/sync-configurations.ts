/**
 * Keeps each role's Nylas scheduling configuration in step with the role and its panel. The
 * database is the source of truth: a save records the change and marks the role's
 * role_configurations row PENDING (requestConfigurationSync, in the save's transaction); that row
 * is the job. Workers claim due rows with FOR UPDATE SKIP LOCKED and create the configuration (no
 * id yet) or PUT the complete body (PUT replaces nested objects). A Nylas rejection (4xx) marks
 * the row FAILED with Nylas's own message at once: retrying the same body cannot help, the
 * admin's Retry or next edit does. Timeouts, 429 and 5xx back off and retry, then FAIL.
 *
 * Rows are per API URI (Nylas environment), so switching sandbox → live creates new
 * configurations there. A sync marks SYNCED only when no newer change arrived while it ran
 * (sync_generation), so an edit saved mid-sync is synced again.
 */
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StoredOpenHours } from "@/lib/settings/open-hours";
import { wakeWorker } from "@/lib/worker-wake";
import { describeNylasError, getNylas, isNylasNotFound, NylasApiError } from "./client";
import { buildConfigurationRequest, PANEL_SYNC_SELECT, type PanelForSync } from "./configuration-request";

type Tx = Prisma.TransactionClient;

/** Attempts before a row that keeps failing transiently is marked FAILED. */
export const MAX_SYNC_ATTEMPTS = 6;
const RETRY_BASE_MS = 10_000;
const RETRY_MAX_MS = 3_600_000;

/**
 * Marks the roles' configurations at the current Nylas environment as needing a sync (creating
 * their rows when new). Call it in the transaction that saves the change; wake the worker after
 * the commit (wakeConfigurationSync).
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
}

export function wakeConfigurationSync(): void {
  wakeWorker("configuration-sync");
}

type ClaimedSync = { id: string; role_id: string; sync_attempts: number; sync_generation: number; configuration_id: string | null; grant_id: string | null };

async function claimDueSyncs(limit: number, roleIds?: string[]): Promise<ClaimedSync[]> {
  const env = getEnv();
  const filter = roleIds ? roleIds : null;
  return db.$queryRaw<ClaimedSync[]>`
    UPDATE role_configurations c
       SET sync_attempts = c.sync_attempts + 1, next_sync_at = now() + make_interval(secs => ${env.JOB_LEASE_SECONDS}), updated_at = now()
     WHERE c.id IN (
       SELECT q.id FROM role_configurations q
        WHERE q.sync_status = 'PENDING' AND q.next_sync_at <= now() AND q.api_uri = ${env.nylasApiUri}
          AND (${filter}::uuid[] IS NULL OR q.role_id = ANY(${filter}::uuid[]))
        ORDER BY q.next_sync_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING c.id, c.role_id, c.sync_attempts, c.sync_generation, c.configuration_id, c.grant_id`;
}

export type SyncOutcome = { roleSlug: string; configurationId: string | null; action: "created" | "updated" | "failed"; error?: string };

/** A Nylas answer that retrying the same request cannot change (validation, auth, not found…). */
function isRejection(error: unknown): boolean {
  return error instanceof NylasApiError && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 408 && error.statusCode !== 429;
}

/** Runs one claimed sync and records its outcome on the row. */
async function runSync(job: ClaimedSync): Promise<SyncOutcome> {
  const env = getEnv();
  const role = await db.role.findUnique({ where: { id: job.role_id }, select: { slug: true, title: true, panel: { select: PANEL_SYNC_SELECT } } });
  if (!role) return { roleSlug: "?", configurationId: null, action: "failed", error: "The role no longer exists." };

  const panel: PanelForSync = { ...role.panel, openHours: role.panel.openHours as StoredOpenHours[], members: role.panel.members.map((m) => m.interviewer) };
  const requestBody = buildConfigurationRequest(role, panel) as never;
  // Live: configurations belong to the coordinator grant; sandbox: to the first panel member.
  const identifier = env.NYLAS_GRANT_ID ?? panel.members[0]?.email;

  let configurationId: string | null = null;
  let grantId: string | null = null;
  let action: SyncOutcome["action"] = "created";
  let failure: unknown = null;
  try {
    if (!identifier) throw new SyncInputError("The panel has no interviewers: add one, then save.");
    if (job.configuration_id && job.grant_id) {
      try {
        await getNylas().scheduler.configurations.update({ identifier: job.grant_id, configurationId: job.configuration_id, requestBody });
        configurationId = job.configuration_id;
        grantId = job.grant_id;
        action = "updated";
      } catch (error) {
        if (!isNylasNotFound(error)) throw error; // deleted on the Nylas side: create a new one
      }
    }
    if (!configurationId) {
      // The SDK's Configuration type omits `id`, which the API always returns.
      const created = await getNylas().scheduler.configurations.create({ identifier, requestBody });
      configurationId = (created.data as unknown as { id: string }).id;
      grantId = identifier;
      action = "created";
    }
  } catch (error) {
    failure = error;
  }

  if (failure === null) {
    // SYNCED unless another change arrived meanwhile: then it is due again at once.
    await db.$executeRaw`
      UPDATE role_configurations
         SET configuration_id = ${configurationId}, grant_id = ${grantId}, last_synced_at = now(), last_sync_error = NULL,
             sync_status = CASE WHEN sync_generation = ${job.sync_generation} THEN 'SYNCED' ELSE 'PENDING' END::"ConfigurationSyncStatus",
             sync_attempts = CASE WHEN sync_generation = ${job.sync_generation} THEN sync_attempts ELSE 0 END,
             next_sync_at = now(), updated_at = now()
       WHERE id = ${job.id}::uuid`;
    return { roleSlug: role.slug, configurationId, action };
  }

  const message = failure instanceof SyncInputError ? failure.message : describeNylasError(failure);
  const final = failure instanceof SyncInputError || isRejection(failure) || job.sync_attempts >= MAX_SYNC_ATTEMPTS;
  const retryInMs = Math.min(RETRY_BASE_MS * 4 ** (job.sync_attempts - 1), RETRY_MAX_MS);
  await db.$executeRaw`
    UPDATE role_configurations
       SET last_sync_error = ${message},
           sync_status = CASE WHEN sync_generation <> ${job.sync_generation} THEN 'PENDING' WHEN ${final} THEN 'FAILED' ELSE 'PENDING' END::"ConfigurationSyncStatus",
           sync_attempts = CASE WHEN sync_generation <> ${job.sync_generation} THEN 0 ELSE sync_attempts END,
           next_sync_at = CASE WHEN sync_generation <> ${job.sync_generation} OR ${final} THEN now() ELSE now() + make_interval(secs => ${retryInMs / 1000}) END,
           updated_at = now()
     WHERE id = ${job.id}::uuid`;
  if (!final) console.error(`[configuration-sync] ${role.slug}: ${message} (retrying in ${Math.round(retryInMs / 1000)} s)`);
  return { roleSlug: role.slug, configurationId: job.configuration_id, action: "failed", error: message };
}

class SyncInputError extends Error {}

/** Worker tick: claims due syncs at this Nylas environment and runs them; returns how many. */
export async function processDueConfigurationSyncs(opts: { limit?: number; roleIds?: string[] } = {}): Promise<SyncOutcome[]> {
  const claimed = await claimDueSyncs(opts.limit ?? 4, opts.roleIds);
  const outcomes: SyncOutcome[] = [];
  for (const job of claimed) {
    try {
      outcomes.push(await runSync(job));
    } catch (error) {
      // The database failed under us: the lease brings the row back.
      console.error("[configuration-sync]", error instanceof Error ? error.message : error);
    }
  }
  return outcomes;
}

/** Admin "Retry" on a role whose sync failed: due now, with a fresh set of attempts. */
export async function retryConfigurationSync(roleId: string): Promise<boolean> {
  const { count } = await db.roleConfiguration.updateMany({
    where: { roleId, apiUri: getEnv().nylasApiUri, syncStatus: { in: ["FAILED", "PENDING"] } },
    data: { syncStatus: "PENDING", syncAttempts: 0, nextSyncAt: new Date(), syncGeneration: { increment: 1 } },
  });
  if (count === 0) await requestConfigurationSync(db, [roleId]);
  wakeConfigurationSync();
  return true;
}

/**
 * Start-up (and tests): syncs every role now and reports each one. Marks all of them due (a new
 * build may send more fields), runs what this process can claim, then waits — up to `waitMs` —
 * for rows another process's worker is running. Idempotent: safe to run at every start.
 */
export async function syncRoleConfigurations(opts: { waitMs?: number } = {}): Promise<SyncOutcome[]> {
  const apiUri = getEnv().nylasApiUri;
  const roles = await db.role.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true, configurations: { where: { apiUri }, select: { configurationId: true } } } });
  const before = new Map(roles.map((r) => [r.id, r.configurations[0]?.configurationId ?? null]));
  const roleIds = roles.map((r) => r.id);
  await requestConfigurationSync(db, roleIds);

  const deadline = Date.now() + (opts.waitMs ?? 60_000);
  for (;;) {
    const ran = await processDueConfigurationSyncs({ limit: 50, roleIds });
    const rows = await db.roleConfiguration.findMany({ where: { apiUri, roleId: { in: roleIds } }, select: { roleId: true, syncStatus: true, syncAttempts: true, lastSyncError: true, configurationId: true } });
    // Settled: synced, failed, or backing off after a transient error (reported as failed now).
    const settled = rows.every((r) => r.syncStatus !== "PENDING" || (r.syncAttempts > 0 && r.lastSyncError !== null));
    if ((settled && ran.length === 0) || Date.now() > deadline) {
      const byRole = new Map(rows.map((r) => [r.roleId, r]));
      return roles.map((role) => {
        const row = byRole.get(role.id);
        if (!row || row.syncStatus !== "SYNCED") {
          return { roleSlug: role.slug, configurationId: row?.configurationId ?? null, action: "failed" as const, error: row?.lastSyncError ?? "Still syncing." };
        }
        return { roleSlug: role.slug, configurationId: row.configurationId, action: before.get(role.id) && before.get(role.id) === row.configurationId ? ("updated" as const) : ("created" as const) };
      });
    }
    if (ran.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
