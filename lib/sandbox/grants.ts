import "server-only";
import { db } from "@/lib/db";
import { notFound } from "./errors";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type GrantRow = { id: string; email: string; name: string; provider: string; timezone: string; createdAt: Date; updatedAt: Date };

/**
 * `{grant_id}` path segments accept a grant id, `grant:<id>`, an email or `email:<addr>`
 * (nylas-contract §0).
 */
export async function resolveGrant(identifier: string): Promise<GrantRow> {
  const raw = decodeURIComponent(identifier);
  let grant: GrantRow | null = null;
  if (raw.startsWith("grant:")) grant = await findGrantById(raw.slice(6));
  else if (raw.startsWith("email:")) grant = await findGrantByEmail(raw.slice(6));
  else if (raw.includes("@")) grant = await findGrantByEmail(raw);
  else grant = await findGrantById(raw);
  if (!grant) throw notFound(`Grant not found: ${raw}`);
  return grant;
}

async function findGrantById(id: string): Promise<GrantRow | null> {
  if (!UUID_RE.test(id)) return null;
  return db.sandboxGrant.findUnique({ where: { id } });
}

export async function findGrantByEmail(email: string): Promise<GrantRow | null> {
  return db.sandboxGrant.findUnique({ where: { email: email.trim().toLowerCase() } });
}

export function serializeGrant(grant: GrantRow) {
  return {
    id: grant.id,
    grant_status: "valid",
    email: grant.email,
    name: grant.name,
    provider: grant.provider,
    scope: ["https://www.googleapis.com/auth/calendar"],
    created_at: Math.floor(grant.createdAt.getTime() / 1000),
    updated_at: Math.floor(grant.updatedAt.getTime() / 1000),
  };
}

/** `calendar_id` may be "primary" or a calendar id of that grant. */
export async function resolveCalendarId(grantId: string, calendarId: string): Promise<string> {
  const calendar =
    calendarId === "primary"
      ? await db.sandboxCalendar.findFirst({ where: { grantId, isPrimary: true }, select: { id: true } })
      : await db.sandboxCalendar.findFirst({ where: { grantId, id: calendarId }, select: { id: true } });
  if (!calendar) throw notFound(`Calendar not found: ${calendarId}`);
  return calendar.id;
}

export { UUID_RE };
