import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { invalidRequest, notFound } from "./errors";
import { grantStatusesByEmail, resolveGrant, UUID_RE, type GrantRow } from "./grants";
import { data, empty, list, nextCursor, parsePaging, type SandboxResult } from "./http";
import { describeNotetakerSettingsProblem, describeParticipantGrantProblem, resolveConfiguration, type EffectiveConfiguration } from "./configuration-rules";
import { assertObjectBody, type SandboxContext } from "./router";
import { describeIssues, ZConfiguration, type TConfiguration } from "./schemas";

function serialize(id: string, config: TConfiguration) {
  return { id, ...config };
}

/** Refuses (400) a configuration naming a host without a valid grant (configuration-rules.ts). */
async function assertParticipantsHaveGrants(config: TConfiguration): Promise<void> {
  const problem = describeParticipantGrantProblem(config, await grantStatusesByEmail(config.participants.map((p) => p.email)));
  if (problem) throw invalidRequest(problem);
}

function parseConfiguration(value: unknown): TConfiguration {
  const parsed = ZConfiguration.safeParse(value);
  if (!parsed.success) throw invalidRequest(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const notetakerProblem = describeNotetakerSettingsProblem(parsed.data);
  if (notetakerProblem) throw invalidRequest(`Invalid configuration: ${notetakerProblem}`);
  return parsed.data;
}

async function assertSlugFree(slug: string | null | undefined, exceptId?: string): Promise<void> {
  if (!slug) return;
  const existing = await db.sandboxConfiguration.findUnique({ where: { slug }, select: { id: true } });
  if (existing && existing.id !== exceptId) throw invalidRequest(`The slug "${slug}" is already in use.`);
}

// GET /v3/grants/{grant_id}/scheduling/configurations
export async function listConfigurations(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const { limit, offset } = parsePaging(ctx.query);
  const rows = await db.sandboxConfiguration.findMany({ where: { grantId: grant.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: offset, take: limit });
  return list(
    rows.map((r) => serialize(r.id, r.data as TConfiguration)),
    nextCursor(offset, limit, rows.length),
  );
}

// POST /v3/grants/{grant_id}/scheduling/configurations
export async function createConfiguration(ctx: SandboxContext): Promise<SandboxResult> {
  const grant = await resolveGrant(ctx.params.grant!);
  const body = assertObjectBody(ctx.body);
  const { id: _ignored, ...rest } = body;
  const config = parseConfiguration(rest);
  await assertParticipantsHaveGrants(config);
  await assertSlugFree(config.slug);
  const id = randomUUID();
  await db.sandboxConfiguration.create({
    data: { id, grantId: grant.id, slug: config.slug ?? null, data: config as Prisma.InputJsonValue },
  });
  return data(serialize(id, config));
}

async function getOwnedConfiguration(ctx: SandboxContext) {
  const grant = await resolveGrant(ctx.params.grant!);
  const id = ctx.params.id!;
  const row = UUID_RE.test(id) ? await db.sandboxConfiguration.findFirst({ where: { id, grantId: grant.id } }) : null;
  if (!row) throw notFound(`Configuration not found: ${id}`);
  return row;
}

// GET /v3/grants/{grant_id}/scheduling/configurations/{id}
export async function findConfiguration(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await getOwnedConfiguration(ctx);
  return data(serialize(row.id, row.data as TConfiguration));
}

// PUT /v3/grants/{grant_id}/scheduling/configurations/{id} — top-level keys sent replace the stored ones wholesale.
export async function updateConfiguration(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await getOwnedConfiguration(ctx);
  const body = assertObjectBody(ctx.body);
  const { id: _ignored, ...rest } = body;
  const merged = parseConfiguration({ ...(row.data as Record<string, unknown>), ...rest });
  await assertParticipantsHaveGrants(merged);
  await assertSlugFree(merged.slug, row.id);
  await db.sandboxConfiguration.update({
    where: { id: row.id },
    data: { slug: merged.slug ?? null, data: merged as Prisma.InputJsonValue },
  });
  return data(serialize(row.id, merged));
}

// DELETE /v3/grants/{grant_id}/scheduling/configurations/{id}
export async function deleteConfiguration(ctx: SandboxContext): Promise<SandboxResult> {
  const row = await getOwnedConfiguration(ctx);
  await db.sandboxConfiguration.delete({ where: { id: row.id } });
  return empty();
}

/** A configuration row joined with its owner grant (null when the grant is gone). */
type SchedulerConfigurationRow = {
  id: string;
  grant_id: string;
  data: unknown;
  owner_id: string | null;
  owner_email: string;
  owner_name: string;
  owner_provider: string;
  owner_timezone: string;
  owner_created_at: Date;
  owner_updated_at: Date;
};

/**
 * Public scheduler endpoints select the configuration by `configuration_id`, or by `slug`
 * (+ `client_id`, which the sandbox does not check). One round trip: the configuration and its
 * owner grant in one join (the scheduler's ui-settings and availability calls are on a candidate's
 * critical path, issue 18).
 */
export async function loadConfigurationForScheduler(query: URLSearchParams): Promise<{ effective: EffectiveConfiguration; raw: TConfiguration; owner: GrantRow }> {
  const configurationId = query.get("configuration_id");
  const slug = query.get("slug");
  let where: Prisma.Sql | null;
  if (configurationId) {
    where = UUID_RE.test(configurationId) ? Prisma.sql`c.id = ${configurationId}::uuid` : null;
  } else if (slug) {
    // A slug is at most 200 characters (ZConfiguration) and Postgres text cannot hold NUL: anything
    // else names no configuration (a lookup with it would fail in the driver, a 500).
    where = slug.length <= 200 && !slug.includes("\u0000") ? Prisma.sql`c.slug = ${slug}` : null;
  } else {
    throw invalidRequest("configuration_id, or slug and client_id, is required.");
  }
  const [row] = where
    ? await db.$queryRaw<SchedulerConfigurationRow[]>`
        SELECT c.id, c.grant_id, c.data,
               g.id AS owner_id, g.email AS owner_email, g.name AS owner_name, g.provider AS owner_provider,
               g.timezone AS owner_timezone, g.created_at AS owner_created_at, g.updated_at AS owner_updated_at
        FROM sandbox_configurations c LEFT JOIN sandbox_grants g ON g.id = c.grant_id
        WHERE ${where}`
    : [];
  if (!row) throw notFound(`Configuration not found: ${configurationId ?? slug}`);
  if (!row.owner_id) throw notFound("The configuration's grant no longer exists.");
  const owner: GrantRow = {
    id: row.owner_id,
    email: row.owner_email,
    name: row.owner_name,
    provider: row.owner_provider,
    timezone: row.owner_timezone,
    createdAt: row.owner_created_at,
    updatedAt: row.owner_updated_at,
  };
  const raw = row.data as TConfiguration;
  return { effective: resolveConfiguration(row.id, row.grant_id, raw, owner.timezone), raw, owner };
}

/**
 * The sandbox's hosted scheduling page (its stand-in for book.nylas.com/<slug>): the page's name
 * for a slug, or null when no configuration has it (the page answers 404).
 */
export async function findHostedSchedulingPage(slug: string): Promise<{ name: string } | null> {
  if (slug.length > 200 || slug.includes("\u0000")) return null;
  const row = await db.sandboxConfiguration.findUnique({ where: { slug }, select: { data: true } });
  if (!row) return null;
  const config = row.data as TConfiguration;
  return { name: config.name ?? "Scheduling page" };
}
