/**
 * (e) Every published role has a configuration at this Nylas environment, and it still exists
 * there; a failed or retrying sync is reported too.
 */
import "server-only";
import type { NylasApiError } from "nylas";
import { db } from "@/lib/db";
import { check, dedupe, isNotFound, shortFailure, type Context } from "../context";
import type { HealthCheck } from "../format";
import { roleChangesRetrying, roleConfigurationGone, roleConfigurationMissing, roleConfigurationPending, roleProblemsHeadline, roleSyncFailed, type RoleProblem } from "../messages";

export async function checkRoleConfigurations(ctx: Context): Promise<HealthCheck> {
  const apiUri = ctx.env.nylasApiUri;
  const roles = await db.role.findMany({
    where: { published: true },
    orderBy: [{ title: "asc" }, { slug: "asc" }],
    select: {
      title: true,
      slug: true,
      configurations: {
        where: { apiUri },
        select: { configurationId: true, grantId: true, syncStatus: true, lastSyncError: true },
      },
      panel: { select: { members: { orderBy: { position: "asc" }, take: 1, select: { interviewer: { select: { email: true } } } } } },
    },
  });
  if (roles.length === 0) return check("role-configurations", "pass", "No role is published yet; nothing to book.");

  // The role's row at this Nylas environment (lib/settings/roles.ts toRoleSync reads the same
  // states): none → never synced here; no configuration id → the first sync is pending or failed;
  // an id → it must still exist at Nylas, and a FAILED / retrying later edit is reported too.
  const problems = await Promise.all(
    roles.map(async (role): Promise<RoleProblem | null> => {
      const row = role.configurations[0];
      if (!row) return roleConfigurationMissing(role, apiUri);
      if (!row.configurationId) {
        return row.syncStatus === "FAILED" ? roleSyncFailed(role, row.lastSyncError, false) : roleConfigurationPending(role, row.lastSyncError);
      }
      // The grant the configuration belongs to: as stored, else as the sync would choose it.
      const identifier = row.grantId ?? ctx.env.NYLAS_GRANT_ID ?? role.panel.members[0]?.interviewer.email;
      const configurationId = row.configurationId;
      if (identifier) {
        try {
          await ctx.call(() => ctx.nylas.scheduler.configurations.find({ identifier, configurationId }));
        } catch (error) {
          if (!isNotFound(error)) {
            return {
              level: "fail",
              isBookable: false,
              problem: `${role.title} (/careers/${role.slug}): ${shortFailure(ctx, error)}`,
              fix: "Check again; if Nylas keeps failing, see the API key check's hints.",
            };
          }
          return roleConfigurationGone(role, configurationId, (error as NylasApiError).message);
        }
      }
      if (row.syncStatus === "FAILED") return roleSyncFailed(role, row.lastSyncError, true);
      if (row.syncStatus === "PENDING" && row.lastSyncError) return roleChangesRetrying(role, row.lastSyncError);
      return null;
    }),
  );

  const bad = problems.filter((p): p is RoleProblem => p !== null);
  if (bad.length === 0) {
    return check(
      "role-configurations",
      "pass",
      `All ${roles.length} published role${roles.length === 1 ? " has its configuration" : "s have their configuration"} at ${apiUri}: ${roles.map((r) => r.title).join(", ")}.`,
    );
  }
  return check(
    "role-configurations",
    bad.some((p) => p.level === "fail") ? "fail" : "warn",
    `${roleProblemsHeadline(bad, roles.length)}: ${bad.map((p) => p.problem).join("; ")}.`,
    dedupe(bad.map((p) => p.fix)).join("\n"),
  );
}
