import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidRequest, notFound, unauthorized } from "./errors";
import { decodeProvider, encodeProvider, INVALID_PROVIDER_MARK, parseGrantListQuery, type GrantStatus } from "./grant-rules";
import { data, empty, list, type SandboxResult } from "./http";
import { sandboxGrantId } from "./ids";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues, ZSandboxGrantConnect, ZSandboxGrantStatus } from "./schemas";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type GrantRow = { id: string; email: string; name: string; provider: string; timezone: string; createdAt: Date; updatedAt: Date };

/** `where` for grants that are still valid (see grant-rules.ts for how the status is stored). */
export const VALID_GRANT_WHERE: Prisma.SandboxGrantWhereInput = { NOT: { provider: { endsWith: INVALID_PROVIDER_MARK } } };
const INVALID_GRANT_WHERE: Prisma.SandboxGrantWhereInput = { provider: { endsWith: INVALID_PROVIDER_MARK } };

export function grantStatusOf(grant: Pick<GrantRow, "provider">): GrantStatus {
  return decodeProvider(grant.provider).status;
}

/**
 * The grant a `{grant_id}` path segment names, whatever its status (the Grants API itself).
 * Accepts a grant id, `grant:<id>`, an email or `email:<addr>` (nylas-contract §0).
 */
async function resolveAnyGrant(identifier: string): Promise<GrantRow> {
  const raw = decodeURIComponent(identifier);
  let grant: GrantRow | null = null;
  if (raw.startsWith("grant:")) grant = await findGrantById(raw.slice(6));
  else if (raw.startsWith("email:")) grant = await findGrantByEmail(raw.slice(6));
  else if (raw.includes("@")) grant = await findGrantByEmail(raw);
  else grant = await findGrantById(raw);
  if (!grant) throw notFound(`Grant not found: ${raw}`);
  return grant;
}

/**
 * The grant for a grant-scoped data endpoint (calendars, events, configurations, notetakers). An
 * invalid grant (expired or disconnected) answers 401 until it is re-authenticated, as Nylas does.
 */
export async function resolveGrant(identifier: string): Promise<GrantRow> {
  const grant = await resolveAnyGrant(identifier);
  if (grantStatusOf(grant) !== "valid") {
    throw unauthorized(`The grant ${grant.id} (${grant.email}) is invalid: its connection expired or was revoked. Re-authenticate it to use it again.`);
  }
  return grant;
}

async function findGrantById(id: string): Promise<GrantRow | null> {
  if (!UUID_RE.test(id)) return null;
  return db.sandboxGrant.findUnique({ where: { id } });
}

/** The grant of an email, whatever its status. */
export async function findGrantByEmail(email: string): Promise<GrantRow | null> {
  return db.sandboxGrant.findUnique({ where: { email: email.trim().toLowerCase() } });
}

/** The status of each email's grant, keyed by normalised email; emails without a grant are absent. */
export async function grantStatusesByEmail(emails: string[]): Promise<Map<string, GrantStatus>> {
  const rows = await db.sandboxGrant.findMany({ where: { email: { in: emails.map((e) => e.trim().toLowerCase()) } }, select: { email: true, provider: true } });
  return new Map(rows.map((g) => [g.email, grantStatusOf(g)]));
}

/** The grants of these emails, whatever their status (the demo seed records the interviewers' connections from them). */
export async function listSandboxGrantsByEmail(emails: string[], client: Pick<Prisma.TransactionClient, "sandboxGrant"> = db) {
  const rows = await client.sandboxGrant.findMany({ where: { email: { in: emails.map((e) => e.trim().toLowerCase()) } } });
  return rows.map((g) => ({ id: g.id, email: g.email, ...decodeProvider(g.provider) }));
}

/** The grant of an email when it is valid: the only kind whose calendar the sandbox reads or writes. */
export async function findValidGrantByEmail(email: string, client: Prisma.TransactionClient = db): Promise<GrantRow | null> {
  return client.sandboxGrant.findFirst({ where: { email: email.trim().toLowerCase(), ...VALID_GRANT_WHERE } });
}

/** A grant in Nylas's Grant object shape. */
export function serializeGrant(grant: GrantRow) {
  const { provider, status } = decodeProvider(grant.provider);
  return {
    id: grant.id,
    grant_status: status,
    email: grant.email,
    name: grant.name,
    provider,
    scope: ["https://www.googleapis.com/auth/calendar"],
    created_at: Math.floor(grant.createdAt.getTime() / 1000),
    updated_at: Math.floor(grant.updatedAt.getTime() / 1000),
  };
}

/** `calendar_id` may be "primary" or a calendar id of that grant. */
export async function resolveCalendarId(grantId: string, calendarId: string, client: Prisma.TransactionClient = db): Promise<string> {
  const calendar =
    calendarId === "primary"
      ? await client.sandboxCalendar.findFirst({ where: { grantId, isPrimary: true }, select: { id: true } })
      : await client.sandboxCalendar.findFirst({ where: { grantId, id: calendarId }, select: { id: true } });
  if (!calendar) throw notFound(`Calendar not found: ${calendarId}`);
  return calendar.id;
}

// GET /v3/grants[?email&grant_status&provider&limit&offset&sort_by&order_by&since&before]
export async function listGrants(ctx: SandboxContext): Promise<SandboxResult> {
  const q = parseGrantListQuery(ctx.query);
  const rows = await db.sandboxGrant.findMany({
    where: {
      ...(q.email ? { email: q.email } : {}),
      ...(q.status === "valid" ? VALID_GRANT_WHERE : q.status === "invalid" ? INVALID_GRANT_WHERE : {}),
      ...(q.provider ? { provider: { in: [q.provider, encodeProvider(q.provider, "invalid")] } } : {}),
      ...(q.since || q.before ? { createdAt: { ...(q.since ? { gte: q.since } : {}), ...(q.before ? { lte: q.before } : {}) } } : {}),
    },
    orderBy: [q.sortBy === "createdAt" ? { createdAt: q.order } : { updatedAt: q.order }, { id: q.order }],
    skip: q.offset,
    take: q.limit,
  });
  return list(rows.map(serializeGrant), null);
}

// GET /v3/grants/{grant_id} — invalid grants too, with grant_status "invalid"
export async function findGrant(ctx: SandboxContext): Promise<SandboxResult> {
  return data(serializeGrant(await resolveAnyGrant(ctx.params.grant!)));
}

/**
 * DELETE /v3/grants/{grant_id} — the grant is gone: its calendars and their events go with it
 * (foreign keys cascade), as the account's data is no longer reachable. Scheduler records stay:
 * bookings it hosted keep their host_grant_id and host_email (so a booking can still be looked up
 * and cancelled; its event is simply missing), configurations it owns stay but their public
 * endpoints answer 404 ("The configuration's grant no longer exists"), and notetakers keep their
 * grant_id. Connecting the email again (POST /v3/sandbox/grants) gives the same grant id back.
 */
export async function deleteGrant(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveAnyGrant(ctx.params.grant!);
  await deleteSandboxGrant(grant.id);
  return empty();
}

/** Deletes a grant with its calendars and their events (see deleteGrant); a missing one is a no-op. */
export async function deleteSandboxGrant(grantId: string): Promise<void> {
  await db.sandboxGrant.deleteMany({ where: { id: grantId } });
}

type ConnectGrantInput = { email: string; name?: string; timezone?: string; /** "google" | "microsoft" (kept when omitted) */ provider?: string };

/**
 * "The user connected their calendar through hosted auth": finds or creates the email's grant,
 * makes it valid (a reconnect re-authenticates an expired grant, keeping its id), and gives it a
 * primary calendar whose id is the email (Google-style, as the demo seed does). The id is the
 * seed's stable per-email id, so a grant deleted and connected again keeps pointing at its bookings.
 */
export async function connectSandboxGrant(input: ConnectGrantInput): Promise<GrantRow> {
  const email = input.email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    let grant: GrantRow = await tx.sandboxGrant.upsert({
      where: { email },
      create: { id: sandboxGrantId(email), email, name: input.name ?? email, timezone: input.timezone ?? "UTC" },
      update: { ...(input.name ? { name: input.name } : {}), ...(input.timezone ? { timezone: input.timezone } : {}) },
    });
    const provider = encodeProvider(input.provider ?? decodeProvider(grant.provider).provider, "valid");
    if (grant.provider !== provider) grant = await tx.sandboxGrant.update({ where: { id: grant.id }, data: { provider } });
    const primary = await tx.sandboxCalendar.findFirst({ where: { grantId: grant.id, isPrimary: true }, select: { id: true } });
    if (!primary) {
      const taken = await tx.sandboxCalendar.findUnique({ where: { id: email }, select: { grantId: true } });
      if (taken) throw invalidRequest(`The calendar id ${email} already belongs to another grant.`);
      await tx.sandboxCalendar.create({ data: { id: email, grantId: grant.id, name: grant.name, isPrimary: true, timezone: grant.timezone } });
    }
    return grant;
  });
}

/** Simulates an expired connection ("invalid") or a re-authentication ("valid"). */
export async function setSandboxGrantStatus(grantId: string, status: GrantStatus): Promise<GrantRow> {
  const grant = await db.sandboxGrant.findUnique({ where: { id: grantId } });
  if (!grant) throw notFound(`Grant not found: ${grantId}`);
  if (grantStatusOf(grant) === status) return grant;
  return db.sandboxGrant.update({ where: { id: grant.id }, data: { provider: encodeProvider(decodeProvider(grant.provider).provider, status) } });
}

// POST /v3/sandbox/grants — sandbox control (not Nylas): body {email, name?, timezone?}
export async function connectSandboxGrantEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const parsed = ZSandboxGrantConnect.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid grant: ${describeIssues(parsed.error)}`);
  return data(serializeGrant(await connectSandboxGrant(parsed.data)));
}

// PATCH /v3/sandbox/grants/{grant_id} — sandbox control (not Nylas): body {grant_status: "valid"|"invalid"}
export async function setSandboxGrantStatusEndpoint(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveAnyGrant(ctx.params.grant!);
  const parsed = ZSandboxGrantStatus.safeParse(assertObjectBody(ctx.body));
  if (!parsed.success) throw invalidRequest(`Invalid grant status: ${describeIssues(parsed.error)}`);
  return data(serializeGrant(await setSandboxGrantStatus(grant.id, parsed.data.grant_status)));
}

export { UUID_RE };
