/**
 * Pure: a sandbox grant's status, and the query of Nylas's `GET /v3/grants` (limit, offset,
 * sort_by, order_by, email, grant_status, provider, since, before).
 */
import { invalidRequest } from "./errors";

const GRANT_STATUSES = ["valid", "invalid"] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/**
 * sandbox_grants has no status column (yet), so an invalid grant keeps its provider with this mark
 * appended ("google#invalid"). Only this module and the `where` filters in grants.ts know it;
 * everything else reads `grant_status` and `provider` from serializeGrant.
 */
export const INVALID_PROVIDER_MARK = "#invalid";

export function decodeProvider(stored: string): { provider: string; status: GrantStatus } {
  return stored.endsWith(INVALID_PROVIDER_MARK) ? { provider: stored.slice(0, -INVALID_PROVIDER_MARK.length), status: "invalid" } : { provider: stored, status: "valid" };
}

export function encodeProvider(provider: string, status: GrantStatus): string {
  return status === "invalid" ? `${provider}${INVALID_PROVIDER_MARK}` : provider;
}

type GrantListQuery = {
  limit: number;
  offset: number;
  sortBy: "createdAt" | "updatedAt";
  order: "asc" | "desc";
  /** normalised (trimmed, lower case): grant emails are stored that way */
  email?: string;
  status?: GrantStatus;
  provider?: string;
  since?: Date;
  before?: Date;
};

/** Nylas: limit defaults to 10 and is at most 200; offset defaults to 0. */
const GRANT_LIST_DEFAULT_LIMIT = 10;
const GRANT_LIST_MAX_LIMIT = 200;

function readInteger(query: URLSearchParams, key: string, min: number): number | undefined {
  const raw = query.get(key);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw invalidRequest(`${key} must be an integer of at least ${min}.`);
  return value;
}

function readEnum<T extends string>(query: URLSearchParams, key: string, values: readonly T[]): T | undefined {
  const raw = query.get(key);
  if (raw === null || raw === "") return undefined;
  if (!(values as readonly string[]).includes(raw)) throw invalidRequest(`${key} must be one of: ${values.join(", ")}.`);
  return raw as T;
}

// GET /v3/grants query parameters; an unusable value is a 400, not silently ignored.
export function parseGrantListQuery(query: URLSearchParams): GrantListQuery {
  const limit = Math.min(readInteger(query, "limit", 1) ?? GRANT_LIST_DEFAULT_LIMIT, GRANT_LIST_MAX_LIMIT);
  const offset = readInteger(query, "offset", 0) ?? 0;
  const sortBy = readEnum(query, "sort_by", ["created_at", "updated_at"] as const) ?? "created_at";
  const order = readEnum(query, "order_by", ["asc", "desc"] as const) ?? "desc";
  const email = query.get("email")?.trim().toLowerCase() || undefined;
  const provider = query.get("provider")?.trim() || undefined;
  const since = readInteger(query, "since", 0);
  const before = readInteger(query, "before", 0);
  return {
    limit,
    offset,
    sortBy: sortBy === "created_at" ? "createdAt" : "updatedAt",
    order,
    ...(email ? { email } : {}),
    ...(query.get("grant_status") ? { status: readEnum(query, "grant_status", GRANT_STATUSES)! } : {}),
    ...(provider ? { provider } : {}),
    ...(since !== undefined ? { since: new Date(since * 1000) } : {}),
    ...(before !== undefined ? { before: new Date(before * 1000) } : {}),
  };
}
