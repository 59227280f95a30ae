import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { getEnv, type NylasMode } from "@/lib/env";

/** What the careers list shows for one open role. */
export type PublicRoleSummary = {
  slug: string;
  title: string;
  team: string;
  location: string;
  employment: string;
  summary: string;
};

/** A published role as the public role page shows it. */
export type PublicRoleDetail = PublicRoleSummary & {
  /** Plain text: blank-line paragraphs and "- " bullet lines (see format-description.ts). */
  description: string;
  interview: {
    durationMinutes: number;
    /** e.g. "Google Meet"; null when the panel has no conferencing. */
    conferencingProvider: string | null;
    notetakerEnabled: boolean;
    /** The recording notice shown with the booking form; null when none is shown. */
    consentMessage: string | null;
    /** How many interviewers share the round robin. */
    panelSize: number;
  };
  /**
   * The role's scheduling configuration id at the Nylas environment this server talks to, or null
   * while it has not been synced there yet (the page then shows "booking opens shortly").
   */
  configurationId: string | null;
};

export type SchedulerSettings = {
  mode: NylasMode;
  /** Bare origin for `<NylasScheduling schedulerApiUrl>`; null in sandbox = the browser's own origin. */
  schedulerApiUrl: string | null;
};

const summarySelect = {
  slug: true,
  title: true,
  team: true,
  location: true,
  employment: true,
  summary: true,
} as const;

/** Published roles, ordered by team then title. */
export async function listPublishedRoles(): Promise<PublicRoleSummary[]> {
  return db.role.findMany({
    where: { published: true },
    select: summarySelect,
    orderBy: [{ team: "asc" }, { title: "asc" }],
  });
}

/**
 * One published role with its interview settings and the configuration id for the current Nylas
 * environment; null for unknown or unpublished slugs. Cached per request, so generateMetadata and
 * the page share one query.
 */
export const getPublishedRoleBySlug = cache(async (slug: string): Promise<PublicRoleDetail | null> => {
  if (!slug || slug.length > 200) return null;
  const apiUri = getEnv().nylasApiUri;
  const role = await db.role.findUnique({
    where: { slug, published: true },
    select: {
      ...summarySelect,
      description: true,
      panel: {
        select: {
          durationMinutes: true,
          conferencingProvider: true,
          notetakerEnabled: true,
          notetakerShowConsent: true,
          notetakerConsentMessage: true,
          _count: { select: { members: true } },
        },
      },
      configurations: { where: { apiUri }, select: { configurationId: true }, take: 1 },
    },
  });
  if (!role) return null;

  const { panel, configurations, ...fields } = role;
  return {
    ...fields,
    interview: {
      durationMinutes: panel.durationMinutes,
      conferencingProvider: panel.conferencingProvider,
      notetakerEnabled: panel.notetakerEnabled && panel.conferencingProvider !== null,
      consentMessage: panel.notetakerEnabled && panel.conferencingProvider !== null && panel.notetakerShowConsent && panel.notetakerConsentMessage ? panel.notetakerConsentMessage : null,
      panelSize: panel._count.members,
    },
    configurationId: configurations[0]?.configurationId ?? null,
  };
});

/** How the booking widget reaches the Nylas scheduling API in this mode. */
export function getSchedulerSettings(): SchedulerSettings {
  const env = getEnv();
  return {
    mode: env.NYLAS_MODE,
    // The component keeps only the origin of this URL (it replaces the path), so pass a bare origin.
    schedulerApiUrl: env.NYLAS_MODE === "sandbox" ? null : new URL(env.nylasApiUri).origin,
  };
}
