/**
 * (b) Live only: the coordinator grant (NYLAS_GRANT_ID) exists and is valid; the scheduling
 * configurations belong to it.
 */
import "server-only";
import { check, isNotFound, type Context } from "../context";
import type { HealthCheck } from "../format";
import { coordinatorGrantInvalid, coordinatorGrantMissingEnv, coordinatorGrantNotFound } from "../messages";

export async function checkCoordinatorGrant(ctx: Context): Promise<HealthCheck> {
  const grantId = ctx.env.NYLAS_GRANT_ID;
  if (!grantId) {
    const { detail, fix } = coordinatorGrantMissingEnv();
    return check("coordinator-grant", "fail", detail, fix);
  }
  let grant;
  try {
    grant = (await ctx.call(() => ctx.nylas.grants.find({ grantId }))).data;
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const { detail, fix } = coordinatorGrantNotFound(grantId);
    return check("coordinator-grant", "fail", detail, fix);
  }
  const status = grant.grantStatus ?? "valid";
  if (status !== "valid") {
    const { detail, fix } = coordinatorGrantInvalid(grantId, grant.email ?? null, status);
    return check("coordinator-grant", "fail", detail, fix);
  }
  return check("coordinator-grant", "pass", `Grant ${grantId}${grant.email ? ` (${grant.email})` : ""} is valid; the scheduling configurations belong to it.`);
}
