/**
 * Pure: the grant the portal's email is sent from (DESIGN "Outgoing email"): the coordinator grant
 * NYLAS_GRANT_ID (required in live mode). In sandbox mode without it, the sandbox's coordinator
 * account, which the demo seed connects (lib/seed/seed-demo.ts), so the demo sends email too.
 */
import type { Env } from "@/lib/env";

export const SANDBOX_SENDER = { email: "recruiting@northwind.example", name: "Northwind Recruiting", timezone: "America/New_York" } as const;

/** The identifier messages/send is called with (a grant id, or the grant's email), or null when there is none. */
export function senderGrant(env: Pick<Env, "NYLAS_GRANT_ID" | "NYLAS_MODE">): string | null {
  return env.NYLAS_GRANT_ID ?? (env.NYLAS_MODE === "sandbox" ? SANDBOX_SENDER.email : null);
}
