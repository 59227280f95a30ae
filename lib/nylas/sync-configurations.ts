import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { OpenHours } from "@/lib/scheduling";
import { describeNylasError, getNylas, isNylasNotFound } from "./client";
import { buildConfigurationRequest, type PanelForSync } from "./configuration-request";

export type SyncOutcome = { roleSlug: string; configurationId: string | null; action: "created" | "updated" | "failed"; error?: string };

/**
 * Creates or updates each role's scheduling configuration at the current Nylas environment.
 * Ids are kept per API URI, so switching sandbox → live creates new configurations there.
 * Idempotent: safe to run at every start.
 */
export async function syncRoleConfigurations(): Promise<SyncOutcome[]> {
  const env = getEnv();
  const nylas = getNylas();
  const roles = await db.role.findMany({
    orderBy: { slug: "asc" },
    select: {
      id: true, slug: true, title: true,
      configurations: { where: { apiUri: env.nylasApiUri }, select: { configurationId: true, grantId: true } },
      panel: {
        select: {
          availabilityMethod: true, durationMinutes: true, bufferBeforeMinutes: true, bufferAfterMinutes: true, timezone: true,
          openHours: true, minBookingNoticeMinutes: true, availableDaysInFuture: true, conferencingProvider: true,
          notetakerEnabled: true, notetakerName: true, summaryInstructions: true, actionItemsInstructions: true,
          members: { orderBy: { position: "asc" }, select: { interviewer: { select: { name: true, email: true, timezone: true } } } },
        },
      },
    },
  });

  const outcomes: SyncOutcome[] = [];
  for (const role of roles) {
    const panel: PanelForSync = { ...role.panel, openHours: role.panel.openHours as OpenHours[], members: role.panel.members.map((m) => m.interviewer) };
    const requestBody = buildConfigurationRequest(role, panel) as never;
    const existing = role.configurations[0];
    // Live: configurations belong to the coordinator grant; sandbox: to the first panel member.
    const identifier = env.NYLAS_GRANT_ID ?? panel.members[0]?.email;
    if (!identifier) {
      outcomes.push({ roleSlug: role.slug, configurationId: null, action: "failed", error: "The panel has no members." });
      continue;
    }
    try {
      let configurationId: string | undefined;
      let action: SyncOutcome["action"] = "created";
      if (existing) {
        try {
          await nylas.scheduler.configurations.update({ identifier: existing.grantId, configurationId: existing.configurationId, requestBody });
          configurationId = existing.configurationId;
          action = "updated";
        } catch (error) {
          if (!isNylasNotFound(error)) throw error; // deleted on the Nylas side: create a new one
        }
      }
      if (!configurationId) {
        // The SDK's Configuration type omits `id`, which the API always returns.
        const created = await nylas.scheduler.configurations.create({ identifier, requestBody });
        configurationId = (created.data as unknown as { id: string }).id;
      }
      const grantId = action === "updated" && existing ? existing.grantId : identifier;
      await db.roleConfiguration.upsert({
        where: { roleId_apiUri: { roleId: role.id, apiUri: env.nylasApiUri } },
        create: { roleId: role.id, apiUri: env.nylasApiUri, configurationId, grantId, lastSyncedAt: new Date() },
        update: { configurationId, grantId, lastSyncedAt: new Date(), lastSyncError: null },
      });
      outcomes.push({ roleSlug: role.slug, configurationId, action });
    } catch (error) {
      const message = describeNylasError(error);
      await db.roleConfiguration.updateMany({ where: { roleId: role.id, apiUri: env.nylasApiUri }, data: { lastSyncError: message } });
      outcomes.push({ roleSlug: role.slug, configurationId: existing?.configurationId ?? null, action: "failed", error: message });
    }
  }
  return outcomes;
}
