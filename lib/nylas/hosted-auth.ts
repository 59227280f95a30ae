import "server-only";
import { NylasApiError, NylasOAuthError } from "nylas";
import { getNylas } from "./client";

/** Nylas Hosted OAuth's authorization URL (`GET {apiUri}/v3/connect/auth?…`), built by the SDK. */
export function buildHostedAuthUrl(config: { clientId: string; redirectUri: string; state: string; loginHint: string }): string {
  return getNylas().auth.urlForOAuth2(config);
}

export type HostedAuthExchange = { ok: true; grantId: string; email: string; provider: string } | { ok: false; error: string; description: string };

/**
 * Exchanges the callback's `code` for the grant (`POST /v3/connect/token`; the SDK sends the API key
 * as client_secret). Nylas's refusal (a used, expired or unknown code, a redirect_uri mismatch) is
 * returned; anything else (network, 5xx) is thrown.
 */
export async function exchangeHostedAuthCode(input: { clientId: string; redirectUri: string; code: string }): Promise<HostedAuthExchange> {
  try {
    const response = await getNylas().auth.exchangeCodeForToken({ clientId: input.clientId, redirectUri: input.redirectUri, code: input.code });
    return { ok: true, grantId: response.grantId, email: response.email, provider: response.provider ?? "unknown" };
  } catch (error) {
    if (error instanceof NylasOAuthError && error.statusCode !== undefined && error.statusCode < 500) {
      return { ok: false, error: error.error ?? "invalid_grant", description: error.errorDescription ?? error.message };
    }
    throw error;
  }
}

/** Deletes a grant at Nylas (`DELETE /v3/grants/{id}`): the application no longer holds that account. */
export async function destroyGrant(grantId: string): Promise<void> {
  await getNylas().grants.destroy({ grantId });
}

/** A grant's current status at Nylas (`GET /v3/grants/{id}`): "valid", "invalid", or "missing" when Nylas no longer has it. */
export async function getGrantStatus(grantId: string): Promise<"valid" | "invalid" | "missing"> {
  try {
    const grant = (await getNylas().grants.find({ grantId })).data;
    return grant.grantStatus === "valid" || grant.grantStatus === undefined ? "valid" : "invalid";
  } catch (error) {
    if (error instanceof NylasApiError && error.statusCode === 404) return "missing";
    throw error;
  }
}
