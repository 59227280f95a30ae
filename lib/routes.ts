/**
 * Pure: every in-app URL the UI links to, redirects to or fetches, in one place. Framework-free
 * (no `next/*`), so pages, client components and tests share it. Path segments are encoded; query
 * strings leave defaults out, so a link and the URL a page was opened with compare equal.
 *
 * The parsing side stays in lib/validations (parseInterviewFilters, parseWebhookEventFilters…):
 * each builder here is the inverse of its parser, and tests/unit/routes.test.ts checks the round trip.
 */
import type { AuditEntityType } from "@/lib/settings/audit";
import type { TInterviewFilters } from "@/lib/validations/interviews";
import type { TWebhookEventFilters } from "@/lib/validations/webhooks";

/** Pages without parameters. */
export const PATHS = {
  home: "/",
  careers: "/careers",
  careersOpenRoles: "/careers#open-roles",
  careersHowWeInterview: "/careers#how-we-interview",
  login: "/login",
  forgotPassword: "/forgot-password",
  dashboard: "/dashboard",
  bookingLinks: "/dashboard/booking-links",
  settings: "/settings",
  newPanel: "/settings/panels/new",
  newRole: "/settings/roles/new",
  settingsLoad: "/settings/load",
  settingsAudit: "/settings/audit",
  settingsWebhooks: "/settings/webhooks",
  settingsJobs: "/settings/jobs",
  settingsPrivacy: "/settings/privacy",
  settingsTeam: "/settings/team",
  account: "/account",
  /** POST: "Connect calendar" (app/account/calendar/connect/route.ts) */
  accountCalendarConnect: "/account/calendar/connect",
  sandbox: "/sandbox",
} as const;

/** /account after a calendar connection attempt: its one-line result (lib/calendar/connect-rules.ts), at the Calendar section. */
export function accountCalendarResultPath(result: string): string {
  return withQuery(PATHS.account, new URLSearchParams({ calendar: result }), "calendar");
}

const segment = (value: string) => encodeURIComponent(value);

/** `path` with the query (defaults already left out) and an optional #hash. */
function withQuery(path: string, params: URLSearchParams, hash?: string): string {
  const query = params.toString();
  return `${path}${query ? `?${query}` : ""}${hash ? `#${hash}` : ""}`;
}

// ───────────────────────────── Careers ─────────────────────────────

/** A role's public page: /careers/backend-engineer. */
export function careersRolePath(slug: string): string {
  return `${PATHS.careers}/${segment(slug)}`;
}

// ───────────────────────────── Sign-in ─────────────────────────────

/** Notices /login shows once, after an action elsewhere sent the person there. */
export type LoginNotice = "password-reset";

/** /login with a one-time notice (?notice=password-reset). */
export function loginNoticeHref(notice: LoginNotice): string {
  return withQuery(PATHS.login, new URLSearchParams({ notice }));
}

/** A password-reset link's page (the token is the one-time secret from the email). */
export function resetPasswordPath(token: string): string {
  return `/reset-password/${segment(token)}`;
}

// ───────────────────────────── Team ─────────────────────────────

/** The page an invitation link opens: /invite/<token>. */
export function invitePath(token: string): string {
  return `/invite/${segment(token)}`;
}

/** The sandbox's stand-in for Nylas's hosted scheduling page (book.nylas.com/<slug>): /book/<slug>. */
export function sandboxHostedPagePath(slug: string): string {
  return `/book/${segment(slug)}`;
}

// ───────────────────────────── Dashboard ─────────────────────────────

/** One interview's debrief page. */
export function interviewPath(interviewId: string): string {
  return `${PATHS.dashboard}/interviews/${segment(interviewId)}`;
}

/** One candidate's timeline. */
export function candidatePath(candidateId: string): string {
  return `${PATHS.dashboard}/candidates/${segment(candidateId)}`;
}

/** Notices the dashboard shows once, after an action elsewhere sent the person there. */
export type DashboardNotice = "candidate-erased";

/** The dashboard with a one-time notice (?notice=candidate-erased). */
export function dashboardNoticeHref(notice: DashboardNotice): string {
  return withQuery(PATHS.dashboard, new URLSearchParams({ notice }));
}

/**
 * The dashboard URL for a set of filters (the inverse of parseInterviewFilters): defaults are left
 * out, the status, stage and feedback filter are lowercase, and `tz` is kept only while a date
 * bound needs it.
 */
export function buildInterviewsHref(filters: Partial<TInterviewFilters> = {}): string {
  const params = new URLSearchParams();
  if (filters.roleId) params.set("role", filters.roleId);
  if (filters.interviewerId) params.set("interviewer", filters.interviewerId);
  if (filters.status && filters.status !== "ALL") params.set("status", filters.status.toLowerCase());
  if (filters.stage) params.set("stage", filters.stage.toLowerCase());
  if (filters.feedback) params.set("feedback", filters.feedback.toLowerCase());
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.q) params.set("q", filters.q);
  if ((filters.from || filters.to) && filters.tz) params.set("tz", filters.tz);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return withQuery(PATHS.dashboard, params);
}

// ───────────────────────────── API ─────────────────────────────

/** A stored recording, transcript or thumbnail (GET, Range-aware); `download` asks for an attachment. */
export function mediaPath(assetId: string, options: { download?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (options.download) params.set("download", "1");
  return withQuery(`/api/media/${segment(assetId)}`, params);
}

/** GET: an admin's download of everything held about a candidate (a ZIP, streamed). */
export function candidateExportPath(candidateId: string): string {
  return `/api/candidates/${segment(candidateId)}/export`;
}

/** POST target of the debrief page's manual upload (multipart). */
export function interviewUploadsPath(interviewId: string): string {
  return `/api/interviews/${segment(interviewId)}/uploads`;
}

// ───────────────────────────── Settings ─────────────────────────────

/** After creating a record, its edit page says so once (?saved=created). */
export type SavedNotice = { saved?: "created" };

/** A role's edit page. */
export function settingsRolePath(roleId: string, notice: SavedNotice = {}): string {
  const params = new URLSearchParams();
  if (notice.saved) params.set("saved", notice.saved);
  return withQuery(`${PATHS.settings}/roles/${segment(roleId)}`, params);
}

/** A panel's edit page. */
export function settingsPanelPath(panelId: string, notice: SavedNotice = {}): string {
  const params = new URLSearchParams();
  if (notice.saved) params.set("saved", notice.saved);
  return withQuery(`${PATHS.settings}/panels/${segment(panelId)}`, params);
}

/** /settings/webhooks for a set of filters: defaults are left out, the status is lowercase. */
export function buildWebhookEventsHref(filters: Partial<TWebhookEventFilters> = {}): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status.toLowerCase());
  if (filters.type) params.set("type", filters.type);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return withQuery(PATHS.settingsWebhooks, params);
}

export type AuditHrefFilters = { entityType?: AuditEntityType; entityId?: string; page?: number };

/** /settings/audit for a set of filters (`entity`, `id`, `page` past 1). */
export function buildAuditHref(filters: AuditHrefFilters = {}): string {
  const params = new URLSearchParams();
  if (filters.entityType) params.set("entity", filters.entityType);
  if (filters.entityId) params.set("id", filters.entityId);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  return withQuery(PATHS.settingsAudit, params);
}

/** /settings/jobs, optionally narrowed to one kind and scrolled to a section ("failures"). */
export function buildJobsHref(options: { kind?: string; section?: "failures" } = {}): string {
  const params = new URLSearchParams();
  if (options.kind) params.set("kind", options.kind);
  return withQuery(PATHS.settingsJobs, params, options.section);
}

// ───────────────────────────── Sandbox ─────────────────────────────

/** The sandbox console, at a page of its notetaker list and of its Outbox (`section` scrolls to it). */
export function buildSandboxHref(options: { page?: number; outboxPage?: number; section?: "outbox" } = {}): string {
  const params = new URLSearchParams();
  if (options.page && options.page > 1) params.set("page", String(options.page));
  if (options.outboxPage && options.outboxPage > 1) params.set("outbox", String(options.outboxPage));
  return withQuery(PATHS.sandbox, params, options.section);
}
