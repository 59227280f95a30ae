import "server-only";
import Nylas, { NylasApiError } from "nylas";
import { getEnv } from "@/lib/env";

/**
 * The one place the app constructs the Nylas SDK. In sandbox mode it points at the app's own
 * Nylas-compatible API (apiUri = APP_URL); in live mode at Nylas. Nothing else differs.
 */
export function getNylas(): Nylas {
  const env = getEnv();
  return new Nylas({ apiKey: env.nylasApiKey, apiUri: env.nylasApiUri, timeout: 30 });
}

export function isNylasNotFound(error: unknown): boolean {
  return error instanceof NylasApiError && error.statusCode === 404;
}

export function describeNylasError(error: unknown): string {
  if (error instanceof NylasApiError) return `${error.statusCode ?? "?"} ${error.type}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

export { NylasApiError };
