/**
 * (a) The API key: the cheapest authenticated call there is. When it fails, every other check
 * that asks Nylas is skipped (lib/nylas/health/index.ts).
 */
import "server-only";
import { check, type Context } from "../context";
import type { HealthCheck } from "../format";

export async function checkApiKey(ctx: Context): Promise<HealthCheck> {
  // The cheapest authenticated call there is.
  await ctx.call(() => ctx.nylas.grants.list({ queryParams: { limit: 1 } }));
  return check("api-key", "pass", ctx.mode === "sandbox" ? `The sandbox at ${ctx.env.nylasApiUri} accepted NYLAS_SANDBOX_API_KEY.` : `Nylas (${ctx.env.nylasApiUri}) accepted NYLAS_API_KEY.`);
}
