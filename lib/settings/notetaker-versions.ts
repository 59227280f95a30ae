/**
 * Versions of a panel's Notetaker settings and instructions. Every save that changes any of them
 * adds version N+1; an interview points at the version it was booked with, and then at the one
 * whose settings match what its Notetaker reports running with (lib/notetaker).
 */
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InterviewNotetakerSettings, PanelNotetakerColumns } from "@/lib/notetaker/settings";
import { stripScorecardSection } from "@/lib/scorecards/summary-instructions";
import { canonicalJson } from "./diff";

type Tx = Prisma.TransactionClient;

export type NotetakerVersionSettings = {
  enabled: boolean;
  /** Nylas gives the Notetaker to a configuration only when it has conferencing. */
  conferencing: boolean;
  name: string;
  showConsent: boolean;
  consentMessage: string;
  videoRecording: boolean;
  audioRecording: boolean;
  transcription: boolean;
  summary: boolean;
  actionItems: boolean;
  summaryInstructions: string;
  actionItemsInstructions: string;
};

export type { PanelNotetakerColumns };

export const PANEL_NOTETAKER_SELECT = {
  notetakerEnabled: true,
  conferencingProvider: true,
  notetakerName: true,
  notetakerShowConsent: true,
  notetakerConsentMessage: true,
  notetakerVideo: true,
  notetakerAudio: true,
  notetakerTranscription: true,
  notetakerSummary: true,
  notetakerActionItems: true,
  summaryInstructions: true,
  actionItemsInstructions: true,
} as const satisfies Record<keyof PanelNotetakerColumns, true>;

export function notetakerVersionSettings(panel: PanelNotetakerColumns): NotetakerVersionSettings {
  return {
    enabled: panel.notetakerEnabled,
    conferencing: panel.conferencingProvider !== null,
    name: panel.notetakerName,
    showConsent: panel.notetakerShowConsent,
    consentMessage: panel.notetakerConsentMessage,
    videoRecording: panel.notetakerVideo,
    audioRecording: panel.notetakerAudio,
    transcription: panel.notetakerTranscription,
    summary: panel.notetakerSummary,
    actionItems: panel.notetakerActionItems,
    summaryInstructions: panel.summaryInstructions,
    actionItemsInstructions: panel.actionItemsInstructions,
  };
}

export function hashNotetakerSettings(settings: NotetakerVersionSettings): string {
  return createHash("sha256").update(canonicalJson(settings)).digest("hex");
}

/**
 * The part a running Notetaker reports (its name and meeting settings), for matching. The summary
 * instructions a Notetaker runs with carry the role's scorecard section after the panel's own
 * text (lib/nylas/configuration-request.ts); a version holds the panel's text, so the section is
 * left out on both sides: a scorecard edit is not a Notetaker settings change.
 */
function reportedKey(s: {
  name: string | null;
  videoRecording: boolean | null;
  audioRecording: boolean | null;
  transcription: boolean | null;
  summary: boolean | null;
  actionItems: boolean | null;
  summaryInstructions: string | null;
  actionItemsInstructions: string | null;
}): string {
  return canonicalJson({
    name: s.name,
    videoRecording: s.videoRecording,
    audioRecording: s.audioRecording,
    transcription: s.transcription,
    summary: s.summary,
    actionItems: s.actionItems,
    summaryInstructions: stripScorecardSection(s.summaryInstructions ?? "") || null,
    actionItemsInstructions: s.actionItemsInstructions || null,
  });
}

/** A stored version's settings, or null when the row is not in this shape (never matched then). */
export function readVersionSettings(value: unknown): NotetakerVersionSettings | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.enabled !== "boolean" || typeof v.name !== "string") return null;
  const bool = (k: string) => v[k] === true;
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  return {
    enabled: bool("enabled"),
    conferencing: bool("conferencing"),
    name: str("name"),
    showConsent: bool("showConsent"),
    consentMessage: str("consentMessage"),
    videoRecording: bool("videoRecording"),
    audioRecording: bool("audioRecording"),
    transcription: bool("transcription"),
    summary: bool("summary"),
    actionItems: bool("actionItems"),
    summaryInstructions: str("summaryInstructions"),
    actionItemsInstructions: str("actionItemsInstructions"),
  };
}

/** Does a version's settings match what a Notetaker reported running with? */
export function versionMatchesReported(version: NotetakerVersionSettings, reported: InterviewNotetakerSettings): boolean {
  return reportedKey(version) === reportedKey(reported);
}

export type VersionRef = { id: string; version: number; created: boolean };

/**
 * Makes the panel's latest version describe `settings`: returns it when it already does, else
 * adds the next version. The caller holds the panel's row lock (a save) or accepts that two
 * first-time callers race on the unique (panel, version): the loser re-reads.
 */
export async function ensureNotetakerVersion(tx: Tx, panelId: string, settings: NotetakerVersionSettings, createdById: string | null): Promise<VersionRef> {
  const contentHash = hashNotetakerSettings(settings);
  const latest = await tx.notetakerSettingsVersion.findFirst({ where: { panelId }, orderBy: { version: "desc" }, select: { id: true, version: true, contentHash: true } });
  if (latest && latest.contentHash === contentHash) return { id: latest.id, version: latest.version, created: false };
  const created = await tx.notetakerSettingsVersion.create({
    data: { panelId, version: (latest?.version ?? 0) + 1, settings: settings as unknown as Prisma.InputJsonValue, contentHash, createdById },
    select: { id: true, version: true },
  });
  return { ...created, created: true };
}

/**
 * The version an interview was booked with: the panel's latest version saved at or before the
 * booking, else its first (version 1 is made from the panel now when the panel has none yet).
 */
export async function versionAtBooking(tx: Tx, panelId: string, bookedAt: Date, panel: PanelNotetakerColumns): Promise<string> {
  const before = await tx.notetakerSettingsVersion.findFirst({
    where: { panelId, createdAt: { lte: bookedAt } },
    orderBy: { version: "desc" },
    select: { id: true },
  });
  if (before) return before.id;
  const first = await tx.notetakerSettingsVersion.findFirst({ where: { panelId }, orderBy: { version: "asc" }, select: { id: true } });
  if (first) return first.id;
  // ON CONFLICT DO NOTHING: another worker may be making version 1 at the same moment.
  const settings = notetakerVersionSettings(panel);
  await tx.notetakerSettingsVersion.createMany({
    data: [{ panelId, version: 1, settings: settings as unknown as Prisma.InputJsonValue, contentHash: hashNotetakerSettings(settings) }],
    skipDuplicates: true,
  });
  return (await tx.notetakerSettingsVersion.findFirstOrThrow({ where: { panelId }, orderBy: { version: "asc" }, select: { id: true } })).id;
}

/**
 * The version whose settings a Notetaker reported running with: the linked one when it matches,
 * else the latest matching version, else null (the settings were changed outside this app).
 */
export async function versionForReported(tx: Tx, panelId: string, linkedId: string | null, reported: InterviewNotetakerSettings): Promise<string | null> {
  const versions = await tx.notetakerSettingsVersion.findMany({ where: { panelId }, orderBy: { version: "desc" }, select: { id: true, settings: true } });
  const matches = versions.filter((v) => {
    const settings = readVersionSettings(v.settings);
    return settings !== null && versionMatchesReported(settings, reported);
  });
  if (linkedId && matches.some((m) => m.id === linkedId)) return linkedId;
  return matches[0]?.id ?? null;
}
