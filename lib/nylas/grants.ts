import "server-only";
import { getNylas } from "./client";

export type GrantMatch = { id: string; email: string; status: string; provider: string };

/**
 * The grant (connected calendar account) for an email at the current Nylas environment, or null
 * when the person has not connected one. Matched by email, case-insensitively, through the SDK's
 * grants list (`GET /v3/grants?email=…`). A grant that is no longer valid is returned with its
 * status, so callers can tell "never connected" from "needs reconnecting".
 */
export async function findGrantByEmail(email: string): Promise<GrantMatch | null> {
  const wanted = email.trim().toLowerCase();
  const response = await getNylas().grants.list({ queryParams: { email: wanted, limit: 10 } });
  const grants = response.data.filter((g) => g.email?.trim().toLowerCase() === wanted);
  if (grants.length === 0) return null;
  // Several grants for one email (reconnected accounts): prefer a valid one.
  const best = grants.find((g) => g.grantStatus === "valid") ?? grants[0]!;
  return { id: best.id, email: wanted, status: best.grantStatus ?? "valid", provider: best.provider ?? "unknown" };
}

/** findGrantByEmail, valid grants only (the ones calendar calls can use). */
export async function findValidGrantId(email: string): Promise<string | null> {
  const grant = await findGrantByEmail(email);
  return grant && grant.status === "valid" ? grant.id : null;
}
