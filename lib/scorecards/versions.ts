/**
 * Versions of a role's scorecard (DESIGN "Scorecards and feedback"), like the panels' Notetaker
 * settings versions (lib/settings/notetaker-versions.ts): the role's scorecard is its highest
 * version, a save adds version N+1 only when the competencies' canonical content changes, and an
 * interview keeps the version in effect when it was booked.
 *
 * A role may have no scorecard: no version at all, or a latest version with no competencies (the
 * admin removed them all). Both read as null here, and an interview booked then has none.
 *
 * Every function takes the client (a transaction, or the db for reads), so saves stay in the
 * role save's transaction and this module stays free of next/* and of the db singleton.
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalJson } from "@/lib/settings/diff";
import { readStoredScorecard, type TCompetency, type TScorecard } from "./scorecard";

export { readStoredScorecard };

type Reader = Pick<Prisma.TransactionClient, "scorecardVersion">;

export type ScorecardVersionInfo = {
  id: string;
  version: number;
  createdAt: Date;
  createdByEmail: string | null;
  /** null: this version removed the scorecard (no competencies). */
  scorecard: TScorecard | null;
};

export type ScorecardVersionRef = { id: string; version: number; created: boolean };

/** sha256 of the competencies' canonical JSON (keys sorted): equal content, equal hash. */
export function hashScorecard(scorecard: TScorecard | null): string {
  return createHash("sha256")
    .update(canonicalJson(scorecard?.competencies ?? []))
    .digest("hex");
}

const VERSION_SELECT = { id: true, version: true, createdAt: true, competencies: true, createdBy: { select: { email: true } } } as const;

function toInfo(row: Prisma.ScorecardVersionGetPayload<{ select: typeof VERSION_SELECT }>): ScorecardVersionInfo {
  return { id: row.id, version: row.version, createdAt: row.createdAt, createdByEmail: row.createdBy?.email ?? null, scorecard: readStoredScorecard(row.competencies) };
}

/** The role's latest version (its scorecard is null when that version has none); null when it never had one. */
export async function getLatestScorecardVersion(client: Reader, roleId: string): Promise<ScorecardVersionInfo | null> {
  const row = await client.scorecardVersion.findFirst({ where: { roleId }, orderBy: { version: "desc" }, select: VERSION_SELECT });
  return row ? toInfo(row) : null;
}

/** The role's current scorecard, or null when it has none. */
export async function getCurrentScorecard(client: Reader, roleId: string): Promise<TScorecard | null> {
  return (await getLatestScorecardVersion(client, roleId))?.scorecard ?? null;
}

/**
 * Makes the role's latest version hold `scorecard` (null: none): returns the latest when it
 * already does, else adds the next version. A role with no version and no scorecard stays without
 * one. Call it in the role save's transaction, under the role's row lock (two saves then add
 * versions one after the other); returns null when there is nothing to point at.
 */
export async function saveScorecardVersion(tx: Reader, roleId: string, scorecard: TScorecard | null, createdById: string | null): Promise<ScorecardVersionRef | null> {
  const contentHash = hashScorecard(scorecard);
  const latest = await tx.scorecardVersion.findFirst({ where: { roleId }, orderBy: { version: "desc" }, select: { id: true, version: true, contentHash: true } });
  if (latest && latest.contentHash === contentHash) return { id: latest.id, version: latest.version, created: false };
  if (!latest && !scorecard) return null;
  const created = await tx.scorecardVersion.create({
    data: { roleId, version: (latest?.version ?? 0) + 1, competencies: (scorecard?.competencies ?? []) as unknown as Prisma.InputJsonValue, contentHash, createdById },
    select: { id: true, version: true },
  });
  return { ...created, created: true };
}

/**
 * The version an interview booked at `bookedAt` keeps: the role's latest version saved at or
 * before then, else (a booking older than the role's first scorecard) its first version. Null when
 * the role has no scorecard, or that version has no competencies.
 */
export async function scorecardVersionAtBooking(tx: Reader, roleId: string, bookedAt: Date): Promise<string | null> {
  const row =
    (await tx.scorecardVersion.findFirst({ where: { roleId, createdAt: { lte: bookedAt } }, orderBy: { version: "desc" }, select: { id: true, competencies: true } })) ??
    (await tx.scorecardVersion.findFirst({ where: { roleId }, orderBy: { version: "asc" }, select: { id: true, competencies: true } }));
  return row && readStoredScorecard(row.competencies) ? row.id : null;
}

/** "What good looks like: …" and "Listen for: a; b", as the audit log shows a competency. */
function describeCompetency(c: TCompetency): string {
  return [c.good ? `What good looks like: ${c.good}` : null, `Listen for: ${c.cues.join("; ")}`].filter(Boolean).join("\n");
}

/**
 * The scorecard as the role's audit entry shows it: the competencies' names in order, and each
 * competency (by its key, so a rename reads as a change of one competency) with what good looks
 * like and its cues. `labels` gets a label per field.
 */
export function scorecardAuditView(scorecard: TScorecard | null, labels: Record<string, string>): Record<string, unknown> {
  const competencies = scorecard?.competencies ?? [];
  const view: Record<string, unknown> = { scorecard: competencies.map((c) => c.name) };
  labels.scorecard = "Scorecard (competencies in order)";
  for (const c of competencies) {
    view[`scorecard.${c.key}`] = `${c.name}\n${describeCompetency(c)}`;
    labels[`scorecard.${c.key}`] = `Competency: ${c.name}`;
  }
  return view;
}
