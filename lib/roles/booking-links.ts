/**
 * Pure: a role's booking links (issue 17) — its careers page, and its Nylas-hosted scheduling page
 * when the role publishes one. Nylas serves a public configuration's hosted page at
 * https://book.nylas.com/<slug> (developer.nylas.com/docs/v3/scheduler/hosted-scheduling-pages);
 * in sandbox mode the app serves that page itself, at /book/<slug> (app/book/[slug]).
 */
import type { NylasMode } from "@/lib/env";
import { careersRolePath, sandboxHostedPagePath } from "@/lib/routes";

export const NYLAS_HOSTED_PAGE_ORIGIN = "https://book.nylas.com";

/** The hosted scheduling page's address for a configuration's slug. */
export function hostedPageUrl(mode: NylasMode, appOrigin: string, slug: string): string {
  return mode === "live" ? `${NYLAS_HOSTED_PAGE_ORIGIN}/${encodeURIComponent(slug)}` : `${appOrigin}${sandboxHostedPagePath(slug)}`;
}

/**
 * The hosted page's state: "off" (not enabled), "syncing" (enabled, Nylas has not confirmed the
 * slug yet), "failed" (the last sync was refused, e.g. the slug is taken), "live" (the link works).
 */
export type THostedPageState = { status: "off" } | { status: "syncing" } | { status: "failed"; error: string } | { status: "live"; url: string };

export type TRoleBookingLinks = {
  roleId: string;
  title: string;
  /** null while the role is a draft (its careers page answers 404). */
  careersUrl: string | null;
  hostedPage: THostedPageState;
};

export type RoleForLinks = {
  id: string;
  title: string;
  slug: string;
  published: boolean;
  hostedPageEnabled: boolean;
  /**
   * The role's configuration at the current Nylas environment (undefined: never synced there).
   * SYNCED means Nylas holds the role as it is now (every save that changes the slug or the hosted
   * page option queues a sync, and a sync ends SYNCED only when no newer change is waiting).
   */
  sync: { status: "PENDING" | "SYNCED" | "FAILED"; error: string | null } | undefined;
};

export function buildRoleBookingLinks(role: RoleForLinks, settings: { mode: NylasMode; appOrigin: string }): TRoleBookingLinks {
  const careersUrl = role.published ? `${settings.appOrigin}${careersRolePath(role.slug)}` : null;
  let hostedPage: THostedPageState;
  // An unpublished role's configuration carries no slug (lib/nylas/configuration-request.ts).
  if (!role.hostedPageEnabled || !role.published) hostedPage = { status: "off" };
  else if (role.sync?.status === "FAILED") hostedPage = { status: "failed", error: role.sync.error ?? "The last sync with Nylas failed." };
  else if (role.sync?.status === "SYNCED") hostedPage = { status: "live", url: hostedPageUrl(settings.mode, settings.appOrigin, role.slug) };
  else hostedPage = { status: "syncing" };
  return { roleId: role.id, title: role.title, careersUrl, hostedPage };
}
