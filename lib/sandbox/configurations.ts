import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * Public scheduler endpoints select the configuration by `configuration_id`, or by `slug`
 * (+ `client_id`, which the sandbox does not check).
 */
export async function loadConfigurationForScheduler(query: URLSearchParams): Promise<{ effective: EffectiveConfiguration; raw: TConfiguration; owner: GrantRow }> {
  const configurationId = query.get("configuration_id");
  const slug = query.get("slug");
  let row;
  if (configurationId) {
    row = UUID_RE.test(configurationId) ? await db.sandboxConfiguration.findUnique({ where: { id: configurationId } }) : null;
  } else if (slug) {
    // A slug is at most 200 characters (ZConfiguration) and Postgres text cannot hold NUL: anything
    // else names no configuration (a lookup with it would fail in the driver, a 500).
    row = slug.length <= 200 && !slug.includes("\u0000") ? await db.sandboxConfiguration.findUnique({ where: { slug } }) : null;
  } else {
    throw invalidRequest("configuration_id, or slug and client_id, is required.");
  }
  if (!row) throw notFound(`Configuration not found: ${configurationId ?? slug}`);
  const owner = await db.sandboxGrant.findUnique({ where: { id: row.grantId } });
  if (!owner) throw notFound("The configuration's grant no longer exists.");
  const raw = row.data as TConfiguration;
  return { effective: resolveConfiguration(row.id, row.grantId, raw, owner.timezone), raw, owner };
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
